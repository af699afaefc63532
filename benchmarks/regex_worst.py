"""Worst-case inputs for every regular expression in ``reader``, and for the line pipeline.

A regex that backtracks super-linearly, or that a ``search`` restarts at every position of a long
run, turns one 64 MB line into hours of work. This script looks for that empirically, since a
review by eye misses the second kind. Not a unit test: timings depend on the machine; run by hand
after touching a pattern.

``patterns``
    Every compiled pattern found in the ``reader`` modules (module globals, also inside tuples and
    dicts, and those ``reader.lazyre.lazy`` compiles on first use) is run with ``search``,
    ``findall`` and ``fullmatch`` on attack strings built from its own characters:
    one character repeated, two alternating, a short prefix before a long run, each followed by
    nothing, a NUL or a letter (the failing tail that makes an engine backtrack). Each input is
    timed at two sizes; the growth exponent ``log(t2/t1)/log(size2/size1)`` is about 1 for linear
    work and 2 for quadratic.
``pipeline``
    The same idea end to end: ``reader.read_text`` on one long line of each known-hard shape
    (runs of dots, brackets, nested links, spaces before an ellipsis, …), at growing sizes, with
    the time a 64 MB line of that shape would take extrapolated from the growth.

    python benchmarks/regex_worst.py              # both, a minute or two
    python benchmarks/regex_worst.py patterns --size 4000
    python benchmarks/regex_worst.py pipeline --max-size 800000

Exit status 1 when something grows faster than ``--exponent`` (default 1.4) and is slow enough
to matter (``--min-ms``), so the script can gate a change by hand.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import math
import pkgutil
import re
import sys
import time
from dataclasses import dataclass
from functools import partial
from re import _constants as sre_c  # type: ignore[attr-defined]  # the parser's node names
from re import _parser as sre_parse  # type: ignore[attr-defined]  # no public parse tree API
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

import reader

# Characters tried against every pattern besides its own: ASCII and CJK text, a space \s knows
# that the line cleaner does not collapse, a full-width space.
POOL = " a1中\u2000\u3000"
# An attack alternates two characters; from a pattern's own this many (and the pool) are paired.
PAIRED = 14
SCREEN = 256  # characters in the screening round
STOP = 0.25  # seconds: an attack string stops growing once one call takes this long
TAILS = ("", "\x00", "z")


@dataclass(frozen=True, slots=True)
class Timing:
    name: str
    case: str
    small: float
    large: float
    ratio: float

    @property
    def exponent(self) -> float:
        if self.small <= 0 or self.large <= 0:
            return 0.0
        return math.log(self.large / self.small) / math.log(self.ratio)


def find_patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    """(qualified name, pattern) for every compiled regex reachable from a reader module's globals."""
    seen: set[int] = set()

    def walk(obj: object, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[Any]]]:
        if isinstance(obj, re.Pattern):
            if id(obj) not in seen:
                seen.add(id(obj))
                yield name, obj
        elif getattr(obj, "__module__", None) == "reader.lazyre" and hasattr(obj, "cache_info"):
            yield from walk(obj(), name, depth)  # compiled on first use: compile it now
        elif depth < 3 and isinstance(obj, tuple | list):
            for i, item in enumerate(obj):
                yield from walk(item, f"{name}[{i}]", depth + 1)
        elif depth < 3 and isinstance(obj, dict):
            for key, item in obj.items():
                yield from walk(item, f"{name}[{key!r}]", depth + 1)

    for info in pkgutil.walk_packages(reader.__path__, "reader."):
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # an optional dependency missing: say so, go on
            print(f"skip {info.name}: {exc}", file=sys.stderr)
            continue
        for attr, value in vars(module).items():
            yield from walk(value, f"{info.name}.{attr}")


def alphabet(pattern: re.Pattern[Any]) -> str:
    """The characters a pattern mentions (literals, set members, a member of each category)."""
    chars: set[str] = set()
    category = {
        sre_c.CATEGORY_DIGIT: "1",
        sre_c.CATEGORY_SPACE: " \u2000",
        sre_c.CATEGORY_WORD: "a中",
        sre_c.CATEGORY_NOT_DIGIT: "a",
        sre_c.CATEGORY_NOT_SPACE: "a",
        sre_c.CATEGORY_NOT_WORD: " .",
    }

    def visit(tree: Any) -> None:
        for op, arg in tree:
            if op is sre_c.LITERAL:
                chars.add(chr(arg))
            elif op is sre_c.IN:
                for kind, value in arg:
                    if kind is sre_c.LITERAL:
                        chars.add(chr(value))
                    elif kind is sre_c.RANGE:
                        chars.add(chr(value[0]))
                    elif kind is sre_c.CATEGORY:
                        chars.update(category.get(value, ""))
            elif op is sre_c.CATEGORY:
                chars.update(category.get(arg, ""))
            elif op is sre_c.BRANCH:
                for branch in arg[1]:
                    visit(branch)
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
                visit(arg[2])
            elif op is sre_c.SUBPATTERN:
                visit(arg[-1])
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
                visit(arg[1])
            elif op is sre_c.ATOMIC_GROUP:
                visit(arg)

    source = pattern.pattern
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    visit(sre_parse.parse(text, pattern.flags & ~re.ASCII if isinstance(source, str) else 0))
    chars.discard("\n")  # lines never contain one
    return "".join(sorted(chars))


def _repeat(c: str, tail: str) -> Callable[[int], str]:
    return lambda n: c * n + tail


def _alternate(a: str, b: str) -> Callable[[int], str]:
    return lambda n: (a + b) * (n // 2) + "z"


def _run_after(a: str, b: str) -> Callable[[int], str]:
    return lambda n: a * 3 + b * n + "z"


def attacks(chars: str) -> Iterator[tuple[str, Callable[[int], str]]]:
    """(label, build) pairs: ``build(n)`` is an attack string of about n characters."""
    for c in chars:
        for tail in TAILS:
            yield f"{c!r}*n+{tail!r}", _repeat(c, tail)
    for a, b in itertools.permutations(chars, 2):
        yield f"{a + b!r}*n/2+'z'", _alternate(a, b)
        yield f"{a * 3!r}+{b!r}*n+'z'", _run_after(a, b)


def _time(fn: Callable[[], object], budget: float) -> float:
    """Seconds for one call (the best of a few when it is quick)."""
    best = math.inf
    spent = 0.0
    for _ in range(3):
        start = time.perf_counter()
        fn()
        took = time.perf_counter() - start
        best = min(best, took)
        spent += took
        if spent > budget:
            break
    return best


def _grow(
    call: Callable[[Any], object], build: Callable[[int], Any], start: int, limit: int
) -> tuple[float, float, int]:
    """Double the input from ``start`` until a call takes STOP seconds or the size ``limit``.

    Returns (time at the size before last, time at the last size, last size). Growing in steps
    keeps a cubic pattern from hanging the run: the last step costs at most 8 x STOP.
    """
    n = start
    before = after = _time(partial(call, build(n)), 0.05)
    while n * 2 <= limit and after < STOP:
        n *= 2
        subject = build(n)
        before, after = after, _time(partial(call, subject), 0.5)
    return before, after, n


def _as(build: Callable[[int], str], is_bytes: bool) -> Callable[[int], Any]:
    """The attack builder for a str pattern, or its Latin-1 bytes for a bytes pattern."""
    if is_bytes:
        return lambda n: build(n).encode("latin-1")
    return build


def run_patterns(size: int, exponent: float, min_ms: float, verbose: bool = False) -> list[Timing]:
    flagged: list[Timing] = []
    patterns = list(find_patterns())
    print(
        f"{len(patterns)} patterns; attack strings screened at {SCREEN} chars, the worst grown"
        f" to {size:,} (or until a call takes {STOP} s)",
        flush=True,
    )
    worst: list[Timing] = []
    for name, pattern in patterns:
        is_bytes = isinstance(pattern.pattern, bytes)
        own = alphabet(pattern)
        if len(own) > PAIRED:  # a long label list: every character once, a spread of pairs
            own = own[:: math.ceil(len(own) / PAIRED)]
        chars = "".join(dict.fromkeys(c for c in own + POOL if not is_bytes or ord(c) < 256))

        # Screen every attack at a small size; only the slowest few are grown.
        screened: list[tuple[float, str, str, Callable[[int], Any]]] = []
        for label, build in attacks(chars):
            subject = _as(build, is_bytes)(SCREEN)
            for op in ("search", "findall", "fullmatch"):
                method = getattr(pattern, op)
                took = _time(partial(method, subject), 0.05)
                screened.append((took, label, op, _as(build, is_bytes)))
        screened.sort(key=lambda row: row[0], reverse=True)
        top: Timing | None = None
        for _, label, op, build in screened[:3]:
            before, after, n = _grow(getattr(pattern, op), build, SCREEN, size)
            t = Timing(name, f"{op} {label} at n={n:,}", before, after, 2.0)
            if top is None or t.exponent > top.exponent:
                top = t
        if verbose and top is not None:
            print(f"  {top.exponent:5.2f} {top.large * 1000:9.2f} ms  {name}", flush=True)
        if top is not None:
            worst.append(top)
            if top.exponent > exponent and top.large * 1000 > min_ms:
                flagged.append(top)
    worst.sort(key=lambda t: t.exponent, reverse=True)
    print(f"{'exp':>5} {'last ms':>9}  pattern: worst input")
    for t in worst[:25]:
        mark = "!" if t in flagged else " "
        print(f"{t.exponent:5.2f}{mark}{t.large * 1000:9.2f}  {t.name}: {t.case}")
    return flagged


# --- the pipeline: one long line through read_text ----------------------------------------------

SHAPES: dict[str, Callable[[int], str]] = {
    "dots then a letter": lambda n: "." * n + "x",
    "ellipses then a letter": lambda n: "…" * n + "x",
    "dots, spaces, letter": lambda n: "..." + "\u2000" * n + "x",
    "spaces then an ellipsis": lambda n: "a" + " \u2000" * (n // 2) + "…",
    "open brackets": lambda n: "[" * n,
    "open brackets, then ](": lambda n: "[" * n + "](",
    "nested links": lambda n: "[a" * (n // 6) + "](x)" * (n // 6),
    "link heads": lambda n: "[a](" * (n // 4),
    "image heads": lambda n: "![a](" * (n // 5),
    "autolink heads": lambda n: "<http://" * (n // 8),
    "ref links unclosed": lambda n: "[a][1" * (n // 5),
    "pipes": lambda n: "|" * n,
    "pipes and spaces": lambda n: "| " * (n // 2),
    "underscores": lambda n: "_" * n + "x",
    "emphasis": lambda n: "_a" * (n // 2),
    "stars": lambda n: "*" * n + "x",
    "hashes": lambda n: "#" * n,
    "byline labels": lambda n: "来源：" * (n // 3),
    "glued labels": lambda n: "作者" * (n // 2),
    "By and names": lambda n: "By " + "Aa and " * (n // 7),
    "capitalised words": lambda n: "By " + "Aa " * (n // 3) + "1",
    "digits": lambda n: "1" * n,
    "date-like": lambda n: "2022-11-20 " * (n // 11),
    "years": lambda n: "2022年" * (n // 5),
    "slashes": lambda n: "1/" * (n // 2),
    "credits": lambda n: "（" * n + "供稿",
    "brackets 【": lambda n: "【" * n + "x",
    "breadcrumbs": lambda n: "> a " * (n // 4),
    "CJK text": lambda n: "新闻发布" * (n // 4),
    "words": lambda n: "word " * (n // 5),
    "tabs": lambda n: "\t" * n + "x",
    "full-width spaces": lambda n: "\u3000" * n + "x",
    "html-ish": lambda n: "<p>" * (n // 3),
    "meta charset": lambda n: "<meta " * (n // 6),
}


def run_pipeline(max_size: int, exponent: float, min_ms: float) -> list[Timing]:
    from reader import read_text

    flagged: list[Timing] = []
    small_size = max(1000, max_size // 8)
    print(f"one line through read_text, {small_size:,} and {max_size:,} chars; 64 MB extrapolated")
    print(f"{'exp':>5} {'small ms':>9} {'large ms':>9} {'64 MB s':>9}  shape")
    for name, shape in SHAPES.items():
        small, large = shape(small_size), shape(max_size)
        t_small = _time(partial(read_text, small), 2.0)
        t_large = _time(partial(read_text, large), 5.0)
        t = Timing("read_text", name, t_small, t_large, len(large) / len(small))
        k = max(1.0, t.exponent)
        at_64mb = t_large * (64 * 1024 * 1024 / len(large)) ** k
        mark = " "
        if t.exponent > exponent and t_large * 1000 > min_ms:
            flagged.append(t)
            mark = "!"
        print(
            f"{t.exponent:5.2f}{mark}{t_small * 1000:9.1f} {t_large * 1000:9.1f} {at_64mb:9.0f}  {name}"
        )
    return flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="?", choices=["patterns", "pipeline", "all"], default="all")
    parser.add_argument("--size", type=int, default=16384, help="largest attack string (patterns)")
    parser.add_argument("--max-size", type=int, default=400_000, help="line size (pipeline)")
    parser.add_argument("--exponent", type=float, default=1.4, help="flag growth above this")
    parser.add_argument("--min-ms", type=float, default=20.0, help="ignore flags faster than this")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per pattern")
    args = parser.parse_args(argv)
    flagged: list[Timing] = []
    if args.what in ("patterns", "all"):
        flagged += run_patterns(args.size, args.exponent, args.min_ms, args.verbose)
        print()
    if args.what in ("pipeline", "all"):
        flagged += run_pipeline(args.max_size, args.exponent, args.min_ms)
    if flagged:
        print(f"\n{len(flagged)} super-linear case(s):")
        for t in flagged:
            print(f"  {t.name}: {t.case} (exponent {t.exponent:.2f})")
        return 1
    print("\nno super-linear case found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
