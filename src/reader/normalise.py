"""Text → lines: one newline convention, no control characters. Idempotent by construction.

Line numbers are fixed here and never change afterwards: every later stage refers to lines by the
1-based number they have in the normalised text, which is also the number an editor shows for the
input file (CRLF, CR, LS and PS each end one line, as they do in editors).

C1 controls (U+0080–U+009F) never belong in text: they are Windows-1252 bytes that some tool
read as Latin-1 (lynx writes ``&#151;`` as U+0097, old pages saved ’ as U+0092). Browsers show
those bytes as Windows-1252, and so does ``reader``: each becomes its cp1252 character (’ “ ” – —
… • €) instead of vanishing ("tidal\\u0092s" reads "tidal’s", not "tidals"). The five that cp1252
leaves undefined are dropped with the other controls. U+0085 is mapped too (to …), not taken for
a newline: editors do not break lines there, and on the web it is an ellipsis far more often than
an EBCDIC line end.
"""

from __future__ import annotations

import re
from functools import cache

# C0/C1 controls except tab and newline, and the zero-width and BOM characters that scraped pages
# leak. The two are apart because a class mixing Latin-1 with other characters costs a third of a
# millisecond to compile, on every start; these four are found by ``in`` and ``replace``.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = ("\u200b", "\u200e", "\u200f", "\ufeff")
# The C1 controls that cp1252 gives a character to: all but 81, 8D, 8F, 90 and 9D.
_C1_MAPPED = re.compile(r"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")


@cache
def _newlines() -> re.Pattern[str]:
    return re.compile(r"\r\n|[\r\u2028\u2029]")


# The newlines other than "\n" (and "\r\n"): found by ``in``, split by a pattern compiled for the
# few pages that have one (see _CONTROL).
_BREAK_CHARS = ("\r", "\u2028", "\u2029")


@cache
def _breaks() -> re.Pattern[str]:
    return re.compile(r"[\r\u2028\u2029]")


def _has_break(text: str) -> bool:
    return any(c in text for c in _BREAK_CHARS)


def _has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None or any(c in text for c in _INVISIBLE)


@cache
def _c1_table() -> dict[int, str]:
    """``str.translate`` table: each C1 control that cp1252 defines → that character."""
    table: dict[int, str] = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # 81, 8D, 8F, 90, 9D: undefined, controls still
    return table


@cache
def _control_table() -> dict[int, str | None]:
    """``str.translate`` table: C1 controls → their cp1252 characters, other controls → gone.

    Built on the first line that needs it: most pages have no control at all."""
    drop = [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
    table: dict[int, str | None] = dict.fromkeys(drop + [ord(c) for c in _INVISIBLE])
    table.update(_c1_table())
    return table


def _fix_controls(text: str) -> str:
    return text.translate(_control_table())


def map_c1(text: str) -> str:
    """The C1 controls of ``text`` mapped as ``normalise`` maps them, nothing else changed: for an
    HTML page before it is parsed, so that its ``<title>`` and ``<meta>`` values get them too and
    html2text does not take U+0085 for a space.

    >>> map_c1("Tidal\\x92s \\x93new\\x94 plant\\x85\\x00")
    'Tidal’s “new” plant…\\x00'
    """
    if text.isascii() or _C1_MAPPED.search(text) is None:
        return text
    return text.translate(_c1_table())


def c1_repair(text: str, repair: str | None = None) -> str | None:
    """``repair`` (the decoder's, if any) plus the C1 controls that normalising ``text`` will map,
    counted, for ``EncodingInfo.repair``: the misreading they betray is cp1252 read as Latin-1.

    >>> c1_repair("It\\x92s \\x93here\\x94")
    'cp1252 read as latin-1 (3 C1 controls)'
    >>> c1_repair("plain", "utf-8 read as cp1252")
    'utf-8 read as cp1252'
    """
    if text.isascii() or _C1_MAPPED.search(text) is None:
        return repair  # (isascii takes no time: CPython knows it of every string)
    count = len(_C1_MAPPED.findall(text))
    mine = f"cp1252 read as latin-1 ({count} C1 control{'s' if count > 1 else ''})"
    return f"{repair}; {mine}" if repair else mine


def normalise(text: str) -> str:
    """One newline kind, controls dropped (C1 ones mapped), trailing spaces kept (they matter to
    html2text).

    >>> normalise("a\\r\\nb\\rc\\x00d\\x85")
    'a\\nb\\ncd…'
    """
    if _has_break(text):
        text = _newlines().sub("\n", text)
    return _fix_controls(text) if _has_control(text) else text


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
    own.

    >>> normalised_lines("a\\r\\nb\\x00c\\n\\u200b\\n")
    ['a', 'bc', '']
    >>> normalised_lines("a\\r\\r\\nb\\u2028c\\x85\\r")
    ['a', '', 'b', 'c…']
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
                lines[i] = _fix_controls(line)
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
