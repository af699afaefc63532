"""The first-character lookaheads that speed up the big case-insensitive alternations must let
every alternative through: a label or footer phrase added later with a new first character would
otherwise never match, silently. And the footer phrases compiled without re.IGNORECASE must be
caseless indeed."""

from __future__ import annotations

import re
import re._parser as sre_parse  # test only: reads the parsed form to list first characters
from re._constants import ASSERT, AT, AT_BEGINNING, BRANCH, LITERAL, SUBPATTERN

import pytest

from reader.metadata import LABEL_RE
from reader.parse.lines import _FOOTER_LATIN

_LOOKAHEAD = re.compile(r"^\(\?=\[((?:\\.|[^\]\\])*)\](\|\^)?\)")


def _firsts(items: list[tuple[object, object]]) -> set[str]:
    """What the first item of a parsed pattern can be: a character, or "^" for the start."""
    for op, av in items:
        if op is ASSERT:
            continue
        if op is LITERAL:
            assert isinstance(av, int)
            return {chr(av)}
        if op is AT and av is AT_BEGINNING:
            return {"^"}
        if op is SUBPATTERN:
            assert isinstance(av, tuple)
            return _firsts(list(av[3]))
        if op is BRANCH:
            assert isinstance(av, tuple)
            return set().union(*(_firsts(list(b)) for b in av[1]))
        raise AssertionError(f"an alternative starts with {op}: give it a first character")
    raise AssertionError("an empty alternative")


@pytest.mark.parametrize("pattern", [LABEL_RE, _FOOTER_LATIN], ids=["LABEL_RE", "_FOOTER_LATIN"])
def test_lookahead_covers_every_alternative(pattern: re.Pattern[str]) -> None:
    head = _LOOKAHEAD.match(pattern.pattern)
    assert head, "the pattern should start with its first-character lookahead"
    allowed = set(re.sub(r"\\(.)", r"\1", head.group(1)))
    if head.group(2):
        allowed.add("^")
    rest = pattern.pattern[head.end() :]
    firsts = _firsts(list(sre_parse.parse(rest, pattern.flags)))
    fold = re.compile("[" + re.escape("".join(allowed - {"^"})) + "]", pattern.flags)
    missing = {c for c in firsts if c != "^" and not fold.match(c)} | ({"^"} & firsts - allowed)
    assert not missing


def test_caseless_footer_phrases_have_no_case() -> None:
    from reader.parse.lines import _FOOTER_CASELESS, _FOOTER_HEAD

    for pattern in (_FOOTER_CASELESS, _FOOTER_HEAD):
        for op, av in _walk(list(sre_parse.parse(pattern.pattern))):
            if op is LITERAL:
                assert isinstance(av, int)
                ch = chr(av)
                assert ch.lower() == ch.upper() == ch, f"{ch!r} has case: move it to _FOOTER_LATIN"


def _walk(items: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """Every (op, argument) of a parsed pattern, nested ones included."""
    out: list[tuple[object, object]] = []
    for op, av in items:
        out.append((op, av))
        if isinstance(av, tuple):
            for part in av:
                if isinstance(part, sre_parse.SubPattern):
                    out += _walk(list(part))
                elif isinstance(part, list):
                    for sub in part:
                        if isinstance(sub, sre_parse.SubPattern):
                            out += _walk(list(sub))
    return out


def test_every_by_word_holds_a_hint() -> None:
    """read_byline searches for "By …" only on lines holding a hint: a "by" word added to the
    pattern without one would never be read."""
    from reader.byline import _BY_HINTS, _by_re

    words = re.search(r"\(\?:(\[Bb\]y\|[^)]*)\)", _by_re().pattern)
    assert words is not None
    for word in words.group(1).split("|"):
        for form in re.sub(r"\[(\w)(\w)\]", r"\1", word), re.sub(r"\[(\w)(\w)\]", r"\2", word):
            assert any(hint in form for hint in _BY_HINTS), form
