"""Bytes → text, reporting which codec was used and how it was chosen.

Order: a user's ``--encoding`` → BOM → strict UTF-8 (the fast path: chardet is not even imported) →
a declared charset (HTML ``<meta>``, XML declaration) that decodes cleanly → chardet, checked by a
strict decode → a least-damage fallback. Legacy answers are widened to the superset browsers use
(GB2312/GBK → gb18030, Big5 → cp950, Shift_JIS → cp932, EUC-KR → cp949, Latin-1/ASCII → cp1252),
since portals that declare the subset routinely use the superset's extra characters.
"""

from __future__ import annotations

import codecs
import re

from reader.errors import BinaryInputError, UsageError
from reader.model import Decoded

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Codec (as Python normalises it) → the superset a browser would decode with.
SUPERSET: dict[str, str] = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "big5": "cp950",
    "cp950": "cp950",
    "big5hkscs": "big5hkscs",
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "latin_1": "cp1252",
    "ascii": "cp1252",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
}

# Magic numbers of formats people feed by mistake (images, archives, documents, executables).
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"MZ",
    b"\x00\x00\x00\x18ftyp",
    b"\x00\x00\x00\x1cftyp",
    b"\x00\x00\x00 ftyp",
    b"OggS",
    b"RIFF",
    b"ID3",
    b"\xd0\xcf\x11\xe0",
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
SNIFF_BYTES = 4096
DETECT_BYTES = 64 * 1024  # chardet's cost grows with input; a page's first 64 KB decide as well


def browser_codec(name: str) -> str | None:
    """Python codec name for an encoding label, widened to its superset; None if unknown."""
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    canonical = canonical.replace("-", "_")
    return SUPERSET.get(canonical, canonical)


def _user_codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"unknown encoding: {name!r}") from None


def _replaced(data: bytes, codec: str) -> tuple[str, int]:
    text = data.decode(codec, errors="replace")
    return text, text.count("\ufffd")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text of mostly Latin or CJK script shows NULs on one byte parity; binary doesn't."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    codec = None
    if odd > 0.3 * half and even < 0.05 * half:
        codec = "utf-16-le"
    elif even > 0.3 * half and odd < 0.05 * half:
        codec = "utf-16-be"
    if codec is None:
        return None
    text = _strict(data, codec)
    if text is None:
        return None
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return (text, codec) if printable >= 0.95 * len(text) else None


def is_binary(data: bytes) -> bool:
    """NUL bytes or a known file signature mark data that is not text (UTF-16/32 checked first)."""
    head = data[:16]
    if any(head.startswith(sig) for sig in BINARY_SIGNATURES):
        return True
    return b"\x00" in data[:SNIFF_BYTES] or b"\x00" in data[-SNIFF_BYTES:]


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, XML declaration)."""
    m = _DECLARED.search(data[:SNIFF_BYTES])
    if not m:
        return None
    label = (m.group(1) or m.group(2) or b"").decode("ascii", "replace")
    return label or None


def _chardet_guess(data: bytes) -> tuple[str | None, float | None]:
    import chardet  # imported here: the UTF-8 fast path never pays for it

    result = chardet.detect(data, max_bytes=DETECT_BYTES)
    name = result.get("encoding")
    if not name:
        return None, None
    return browser_codec(name), result.get("confidence")


# Tried in this order when chardet's answer does not decode: the legacy code pages of the
# portals this tool is for, CJK first since they are strict (a wrong guess rarely decodes).
FALLBACKS: tuple[str, ...] = ("gb18030", "cp950", "big5hkscs", "cp932", "cp949", "cp1252")


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode bytes as a browser would and say how.

    >>> decode("作者".encode("gbk")).encoding
    'gb18030'
    """
    if encoding:
        codec = _user_codec(encoding)
        text, bad = _replaced(data, codec)
        return Decoded(text, codec, "user", None, bad)
    if not data:
        return Decoded("", "utf-8", "empty", None, 0)
    for bom, codec in BOMS:
        if data.startswith(bom):
            text, bad = _replaced(data[len(bom) :], codec)
            return Decoded(text, codec, "bom", 1.0, bad)
    if b"\x00" in data[:SNIFF_BYTES]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return Decoded(utf16[0], utf16[1], "heuristic", 0.9, 0)
    if is_binary(data):
        raise BinaryInputError("binary data, not text")
    strict = _strict(data, "utf-8")
    if strict is not None:
        return Decoded(strict, "utf-8", "utf-8", 1.0, 0)
    label = declared_charset(data)
    if label:
        declared = browser_codec(label)
        if declared and declared != "utf_8":
            strict = _strict(data, declared)
            if strict is not None:
                return Decoded(strict, declared, "declared", None, 0)
    guess, confidence = _chardet_guess(data)
    if guess and guess != "utf_8":
        strict = _strict(data, guess)
        if strict is not None:
            return Decoded(strict, guess, "chardet", confidence, 0)
    best: tuple[int, str, str] | None = None
    for codec in FALLBACKS:
        text, bad = _replaced(data, codec)
        if best is None or bad < best[0]:
            best = (bad, codec, text)
        if bad == 0:
            break
    assert best is not None
    bad, codec, text = best
    return Decoded(text, codec, "fallback", None, bad)
