"""The code's own shape, as issue 15 set it: no function body in src/reader over 80 lines.

A long function hides the order of its decisions; a new rule then has no obvious home. Data (a
label table, a pattern list) is not a function and may be long.
"""

from __future__ import annotations

import ast
from pathlib import Path

import reader

SRC = Path(reader.__file__).parent
LIMIT = 80


def body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from the first statement after the docstring to the last."""
    first = node.body[0]
    docstring = (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )
    start = node.body[1].lineno if docstring and len(node.body) > 1 else first.lineno
    return (node.end_lineno or start) - start + 1


def test_no_function_body_is_over_80_lines() -> None:
    long = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = body_lines(node)
                if n > LIMIT:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({n} lines)")
    assert long == []


def test_the_count_sees_a_long_function() -> None:
    """The measure itself: a 90-line body counts 90, its docstring not at all."""
    source = 'def f():\n    """Doc."""\n' + "    x = 1\n" * 90
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    assert body_lines(node) == 90
