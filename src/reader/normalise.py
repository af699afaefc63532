"""Text → lines: one newline convention, no control characters. Idempotent by construction.

Line numbers are fixed here and never change afterwards: every later stage refers to lines by the
1-based number they have in the normalised text, which is also the number an editor shows for the
input file (CRLF, CR, LS and PS each end one line, as they do in editors).
"""

from __future__ import annotations

import re
from functools import cache

# C0/C1 controls except tab and newline, and the zero-width and BOM characters that scraped pages
# leak. The two are apart because a class mixing Latin-1 with other characters costs a third of a
# millisecond to compile, on every start; these four are found by ``in`` and ``replace``.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = ("\u200b", "\u200e", "\u200f", "\ufeff")


@cache
def _newlines() -> re.Pattern[str]:
    return re.compile(r"\r\n|[\r\u2028\u2029\x85]")


# The newlines other than "\n" (and "\r\n"): found by ``in``, split by a pattern compiled for the
# few pages that have one (see _CONTROL).
_BREAK_CHARS = ("\r", "\u2028", "\u2029", "\x85")


@cache
def _breaks() -> re.Pattern[str]:
    return re.compile(r"[\r\u2028\u2029\x85]")


def _has_break(text: str) -> bool:
    return any(c in text for c in _BREAK_CHARS)


def _has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None or any(c in text for c in _INVISIBLE)


def _drop_controls(text: str) -> str:
    text = _CONTROL.sub("", text)
    for c in _INVISIBLE:
        if c in text:
            text = text.replace(c, "")
    return text


def normalise(text: str) -> str:
    """One newline kind, controls dropped, trailing spaces kept (they matter to html2text).

    >>> normalise("a\\r\\nb\\rc\\x00d")
    'a\\nb\\ncd'
    """
    if _has_break(text):
        text = _newlines().sub("\n", text)
    return _drop_controls(text)


def split_lines(text: str) -> list[str]:
    """The normalised text's lines; a final newline does not start an extra empty line."""
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def normalised_lines(text: str) -> list[str]:
    """``split_lines(normalise(text))`` without copying the whole page twice more.

    Newlines other than "\\n" and controls are dealt with line by line, so only the few lines
    holding one are copied. (``re.sub`` over a page builds the pieces between matches and then
    joins them: two more copies of a 64 MB page at once, the peak of a page with CRLF newlines.)
    The text is split at "\\n" first: a "\\r" just before one is part of that newline (the
    "\\r\\n" that ``normalise`` takes as one), any other "\\r", LS, PS or NEL ends a line of its
    own. NEL is a C1 control too, so newlines go before controls, as in ``normalise``.

    >>> normalised_lines("a\\r\\nb\\x00c\\n\\u200b\\n")
    ['a', 'bc', '']
    >>> normalised_lines("a\\r\\r\\nb\\x85c\\r")
    ['a', '', 'b', 'c']
    """
    breaks = _has_break(text)
    controls = _has_control(text)
    lines = text.split("\n")
    del text
    if breaks:
        lines = _split_breaks(lines)
    if controls:
        for i, line in enumerate(lines):
            if _has_control(line):
                lines[i] = _drop_controls(line)
    if lines[-1] == "":
        lines.pop()
    return lines


def _split_breaks(lines: list[str]) -> list[str]:
    """Lines split at "\\n" → split at every newline (see ``normalised_lines``)."""
    out: list[str] = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if i < last and line.endswith("\r"):
            line = line[:-1]  # "\r\n": the "\n" after it already ended this line
        if _has_break(line):
            out.extend(_breaks().split(line))
        else:
            out.append(line)
    return out
