"""Text → lines: one newline convention, no control characters. Idempotent by construction.

Line numbers are fixed here and never change afterwards: every later stage refers to lines by the
1-based number they have in the normalised text, which is also the number an editor shows for the
input file (CRLF, CR, LS and PS each end one line, as they do in editors).
"""

from __future__ import annotations

import re

# C0/C1 controls except tab and newline; zero-width and BOM characters that scraped pages leak.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\ufeff]")
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85]")


def normalise(text: str) -> str:
    """One newline kind, controls dropped, trailing spaces kept (they matter to html2text).

    >>> normalise("a\\r\\nb\\rc\\x00d")
    'a\\nb\\ncd'
    """
    return _CONTROL.sub("", _NEWLINES.sub("\n", text))


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

    Controls are never newlines, so dropping them line by line gives the same lines; only the
    few lines holding one are copied. (``re.sub`` over a page builds the pieces between matches
    and then joins them: two more copies of a 64 MB page at once.)

    >>> normalised_lines("a\\r\\nb\\x00c\\n\\u200b\\n")
    ['a', 'bc', '']
    """
    if _NEWLINES.search(text):
        text = _NEWLINES.sub("\n", text)
    controls = _CONTROL.search(text) is not None
    lines = text.split("\n")
    del text
    if controls:
        for i, line in enumerate(lines):
            if _CONTROL.search(line):
                lines[i] = _CONTROL.sub("", line)
    if lines[-1] == "":
        lines.pop()
    return lines
