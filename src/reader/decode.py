"""Bytes → text, reporting which codec was used, how it was chosen and what else was weighed.

Order: a user's ``--encoding`` → BOM → UTF-16/32 without BOM → binary check → strict UTF-8 (the
fast path: chardet is not even imported) → a legacy decision on the first 64 KB.

The legacy decision weighs the declared charsets (the HTTP header's, then the markup's: both are
evidence, not truth), chardet's answers and the CJK code pages (gb18030, cp950, cp932, EUC-JP,
cp949) that decode the bytes strictly, by *evidence*: how much the
text each one yields looks like real Chinese, Japanese or Korean, in log-odds per character
(common characters score by their frequency band, rare ones and the private-use, control or
half-width characters a wrong code page makes cost), plus a prior for the script (Chinese first,
or the ``lang`` hint). A long reading of common characters with no rival settles it without
chardet, whose cost is most of a decision. Otherwise chardet's answers are weighed: its CJK answer
against the other CJK readings, and a single-byte answer against the best CJK reading by the
plausibility of its letters (a case flip or script change inside a word, box drawing and stray
symbols are what reading CJK bytes one by one gives) plus its confidence, which is only a hint:
below 0.1 on most short inputs, right or wrong. A DOS, Mac or EBCDIC answer at such confidence
loses to a web code page chardet also lists.

Answers are widened to the superset a browser decodes with (GB2312/GBK → gb18030, Big5 → cp950,
Shift_JIS → cp932, EUC-KR → cp949, ISO-8859-1 → cp1252) when the superset decodes the bytes too,
but ISO-8859-2/4/5/7/13 are never remapped to Windows code pages: those differ in letters (ą ≠ ±).
A reading with C1 control characters (ISO-8859-15 of cp1252 quotes) does not count as decoding.

Valid UTF-8 is second-guessed in two narrow cases, both off with ``fix_mojibake=False``: mojibake
(UTF-8 or GBK/Big5 bytes read as Latin-1/cp1252, or UTF-8 read as GBK, then saved as UTF-8) is
undone when every non-ASCII character takes part and the result is unambiguous; and a few GB or
Big5 characters that happen to be valid two-byte UTF-8 ("图片" is "ͼƬ") are read as such when the
UTF-8 reading is noise. Parsing the text is left to ``segment`` and ``parse``.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import math
import re
import unicodedata
from functools import cache

from reader.errors import BinaryInputError, DecodeError, UsageError
from reader.model import Candidate, Decoded
from reader.record import Value

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from reader.model import DecodeMethod

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Codec (Python's canonical name) → the codecs to try instead, best first: the superset a browser
# decodes with, then narrower ones when the superset does not decode the bytes. Only true
# supersets: ISO-8859-2 → cp1250 would move letters, so ISO-8859-x other than 1, 9, 11 stay.
WIDER: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "big5": ("cp950", "big5hkscs", "big5"),
    "cp950": ("cp950", "big5hkscs"),
    "big5hkscs": ("cp950", "big5hkscs"),
    "shift_jis": ("cp932", "shift_jis_2004", "shift_jis"),
    "shift_jis_2004": ("cp932", "shift_jis_2004"),
    "shift_jisx0213": ("cp932", "shift_jisx0213"),
    "cp932": ("cp932", "shift_jis_2004"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "euc_jis_2004": ("euc_jp", "euc_jis_2004"),
    "euc_jisx0213": ("euc_jp", "euc_jisx0213"),
    "euc_kr": ("cp949", "euc_kr"),
    "iso8859-1": ("cp1252", "iso8859-1"),
    "ascii": ("cp1252",),
    "iso8859-9": ("cp1254", "iso8859-9"),
    "iso8859-11": ("cp874", "iso8859-11"),
    "tis-620": ("cp874", "tis-620"),
}
# Labels browsers know (WHATWG Encoding Standard) that Python's codec registry lacks.
LABELS: dict[str, str] = {
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "windows-874": "cp874",
    "x-gbk": "gbk",
    "x-euc-jp": "euc_jp",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-roman": "mac-roman",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
}

# The CJK code pages tried for evidence whatever chardet says, and the script each one writes:
# "hans" (Simplified Chinese), "hant" (Traditional), "ja", "ko".
CJK_CODECS: dict[str, str] = {
    "gb18030": "hans",
    "cp950": "hant",
    "big5hkscs": "hant",
    "cp932": "ja",
    "euc_jp": "ja",
    "cp949": "ko",
}
SCRIPT_OF: dict[str, str] = {
    **CJK_CODECS,
    "big5": "hant",
    "gbk": "hans",
    "gb2312": "hans",
    "hz": "hans",
    "shift_jis": "ja",
    "shift_jis_2004": "ja",
    "shift_jisx0213": "ja",
    "euc_jis_2004": "ja",
    "euc_jisx0213": "ja",
    "iso2022_jp": "ja",
    "iso2022_jp_2": "ja",
    "euc_kr": "ko",
    "johab": "ko",
    "iso2022_kr": "ko",
}
LANGUAGE_OF = {"hans": "zh", "hant": "zh", "ja": "ja", "ko": "ko"}

# Magic numbers of formats people feed by mistake. Those spelled in printable ASCII ("MZ", "ID3")
# also begin ordinary sentences, so they count only next to control bytes (see ``is_binary``).
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF-",
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
_UNAMBIGUOUS_SIGNATURES = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"\x7fELF", b"\xd0\xcf\x11\xe0")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@cache
def _declared() -> re.Pattern[bytes]:
    """Compiled on first use, as the other patterns only the legacy decision needs: a UTF-8 run
    (the common case, and a cold start) never pays for them."""
    return re.compile(
        rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
        rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
        re.IGNORECASE,
    )


SNIFF_BYTES = 4096
# What the legacy decision looks at. chardet's cost grows with input, and the strict checks of
# six code pages are paid per byte; a page's first 64 KB decide as well as the whole of it.
DETECT_BYTES = 64 * 1024
# Evidence is scored on this many non-ASCII characters at most: a few lines of CJK text settle it.
EVIDENCE_CHARS = 1000
FALLBACKS: tuple[str, ...] = ("gb18030", "cp950", "cp932", "cp949", "cp1252")

# Thresholds, in nats of evidence where not said otherwise (see ``_char_score``: real Chinese
# text averages about +2 per character, a wrong code page's noise about -3). Tuned on the
# benchmark corpora (benchmarks/encodings.py).
DECLARED_MARGIN = 3.0  # another CJK reading must beat a declared CJK charset by this much
LOW_CONFIDENCE = 0.1  # below this, chardet's choice among single-byte code pages is a guess
# The single-byte code pages of the web (WHATWG), as opposed to DOS, Mac and EBCDIC ones.
WEB_CODE_PAGES = ("cp125", "iso8859", "koi8", "cp874", "tis-620")
DECISIVE_CJK = 30  # a CJK reading with this many CJK characters …
DECISIVE_MARGIN = 30.0  # … this far ahead of any other is taken without asking chardet
REPAIR_MEAN = 0.5  # a repaired CJK reading must look like real text (nats per character)


def browser_codec(name: str) -> str | None:
    """Python codec name for an encoding label, widened to its superset; None if unknown.

    >>> browser_codec("GB2312"), browser_codec("ISO-8859-2"), browser_codec("latin1")
    ('gb18030', 'iso8859-2', 'cp1252')
    """
    try:
        canonical = _name(name)
    except LookupError:
        return None
    return WIDER.get(canonical, (canonical,))[0]


def _name(label: str) -> str:
    """Python's canonical codec name (``codecs.lookup(...).name``); LookupError if unknown."""
    label = label.strip().lower()
    return codecs.lookup(LABELS.get(label, label)).name


def check_encoding(name: str) -> str:
    """The codec for a user's ``--encoding``; UsageError if it is no text encoding."""
    try:
        info = codecs.lookup(name)
        # rot13, base64 and friends are codecs, but not text encodings. (b"".decode(...) does not
        # tell: decoding nothing returns "" before the codec is checked.)
        if not getattr(info, "_is_text_encoding", True):
            raise LookupError(name)
    except LookupError:
        raise UsageError(f"unknown encoding: {name!r}") from None
    return info.name


@cache
def _surrogate() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


def _replaced(data: bytes, codec: str) -> tuple[str, int]:
    text = data.decode(codec, errors="replace")
    return text, text.count("\ufffd")


def _strict(data: bytes, codec: str, *, final: bool = True) -> str | None:
    """The text, or None when the bytes are not valid in ``codec`` (a cut-off tail is fine)."""
    try:
        if final:
            return data.decode(codec)
        return codecs.getincrementaldecoder(codec)().decode(data, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


_PRINTABLE_ASCII = bytes([9, 10, 13, *range(32, 127)])


def _unicode_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-32/16 text without a BOM, for data with NUL bytes, which is binary otherwise.

    Latin text shows its NULs in fixed byte positions; CJK text in UTF-16 has few NULs, so both
    byte orders are tried. Either way the text must decode strictly and look like text in some
    script (random bytes read as UTF-16 spread over the whole of Unicode).
    """
    sample = data[:SNIFF_BYTES]
    n = len(sample)
    if len(sample.translate(None, _PRINTABLE_ASCII)) < 0.15 * n:
        # ASCII text with a stray NUL, not UTF-16: every pair of ASCII bytes reads as a CJK
        # character, so "some text\x00…" came out as "獯浥⁴數…". In real UTF-16 a quarter or
        # more of the bytes are NULs or high bytes (kana-heavy Japanese is the lowest).
        return None
    codecs_: list[str] = []
    if n >= 8 and n % 4 == 0:
        quarter = n // 4
        zeros = [sample[i::4].count(0) for i in range(4)]
        if zeros[2] + zeros[3] > 1.9 * quarter and zeros[0] < 0.1 * quarter:
            codecs_.append("utf-32-le")
        elif zeros[0] + zeros[1] > 1.9 * quarter and zeros[3] < 0.1 * quarter:
            codecs_.append("utf-32-be")
    if n >= 4 and n % 2 == 0:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        codecs_ += ["utf-16-be", "utf-16-le"] if even > odd else ["utf-16-le", "utf-16-be"]
    for codec in codecs_:
        if len(data) % (4 if codec.startswith("utf-32") else 2):
            continue
        text = _strict(data, codec)
        if text is not None and _looks_like_text(text[:2000]):
            return text, codec
    return None


# Unicode blocks that text is written in: Latin to Arabic, Indic to Thai, punctuation, CJK,
# Hangul, full-width forms. Random bytes read as UTF-16 land outside them a third of the time.
# (Compiled on first use: its Han and Hangul ranges cost milliseconds, and only input with NUL
# bytes gets here.)
@cache
def _text_blocks() -> re.Pattern[str]:
    return re.compile(
        "[\t\n\r\x20-\x7e\xa0-\u024f\u0370-\u06ff\u0900-\u0e7f\u1100-\u11ff"
        "\u2000-\u27bf\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]"
    )


def _looks_like_text(head: str) -> bool:
    return len(_text_blocks().findall(head)) >= 0.95 * len(head)


def is_binary(data: bytes) -> bool:
    """NUL bytes or a known file signature mark data that is not text (UTF-16/32 checked first)."""
    head = data[:16]
    for sig in BINARY_SIGNATURES:
        if head.startswith(sig) and (
            sig in _UNAMBIGUOUS_SIGNATURES
            or not sig.isascii()
            or not sig.isalnum()
            or _CONTROL.search(data, 0, 512)
        ):
            return True
    return b"\x00" in data[:DETECT_BYTES] or b"\x00" in data[-SNIFF_BYTES:]


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, XML declaration)."""
    m = _declared().search(data[:SNIFF_BYTES])
    if not m:
        return None
    label = (m.group(1) or m.group(2) or b"").decode("ascii", "replace")
    return label or None


# --- evidence --------------------------------------------------------------------------------

# Scores are log-odds, in nats: ln(p(character | real text of the script) / p(noise)), where the
# noise is what a wrong code page makes of the bytes, taken as uniform over ~8,000 characters.
_NOISE = math.log(1 / 8000)
# Hiragana in rough order of frequency in Japanese prose: particles and verb endings first.
_KANA_COMMON = "のいにるたはしをてとかながですれらうっまもこありくだんきつそよお"
# Hangul syllables in rough order of frequency in Korean prose (endings and particles first).
# KS X 1001's 2,350 syllables are all "common" by design, so GB2312 bytes (same byte layout)
# read as EUC-KR yield them too: only the frequent ones tell Korean from that noise.
_HANGUL_COMMON = (
    "이다는의에고하을가지한서로기리자도사나를대있어정아수으인해게시구국일적요니보제만들부전상과"
    "주라오회것소미장우문스성식없여내비동면원였신관세각경방조안화생마선그공실되며유중연위치개모"
    "말발물금저거학난분드데간무반합통당후명계결민점날르야년두바파터영더배운업트용양교입산법단본"
    "강름현행차진순심까록람출던알때님네래함역건집활체작종및레변크음추처했설표속노월청량초호품할"
    "능필든특향따예판직언외새왕좋최받같써복큰참달듯못열번남질육약준목른근토철험임편희손길테프포"
    "북론형럼된됩습갈권료층즉값력령환짐잘응읽쓰찾듣놓넣웃울살죽먹앉걷뛰꽃밥불돈글"
)
# Log-priors, per text rather than per character, so they decide only short ambiguous inputs.
# Of the CJK languages, per hint: the pages this tool is for are Chinese portals first.
_PRIOR: dict[str | None, dict[str, float]] = {
    None: {"zh": 0.0, "ja": -2.0, "ko": -2.0},
    "zh": {"zh": 0.0, "ja": -4.0, "ko": -4.0},
    "ja": {"zh": -3.0, "ja": 0.0, "ko": -4.0},
    "ko": {"zh": -3.0, "ja": -4.0, "ko": 0.0},
}
# Of a CJK reading against a single-byte one: a GB- or Big5-valid byte string that reads as
# common Chinese is likelier than Thai or Cyrillic on a portal; a CJK hint makes it more so.
_CJK_PRIOR = {None: 1.0, "cjk": 4.0, "foreign": -4.0}
_CHARDET_WEIGHT = 10.0  # chardet's confidence in its answer, as nats of evidence


@cache
def _han_scores(script: str) -> dict[str, float]:
    """Log-odds of the common Han characters for ``script``, from the ranked tables' bands.

    A GB page is Simplified Chinese and a Big5 page Traditional: a Traditional character in a
    gb18030 reading (GBK has them, where Latin letters become Chinese) counts as unusual, and
    the other way round. Japanese and Korean readings take a character's best band.
    """
    from reader.cjkfreq import SIMPLIFIED, SIMPLIFIED_BANDS, TRADITIONAL, TRADITIONAL_BANDS

    def banded(table: str, bands: tuple[tuple[int, float], ...]) -> dict[str, float]:
        scores: dict[str, float] = {}
        band = 0
        for rank, ch in enumerate(table):
            while rank >= bands[band][0]:
                band += 1
            scores[ch] = bands[band][1] - _NOISE
        return scores

    simplified = banded(SIMPLIFIED, SIMPLIFIED_BANDS)
    traditional = banded(TRADITIONAL, TRADITIONAL_BANDS)
    if script == "hans":
        return {**dict.fromkeys(traditional, -1.0), **simplified}
    if script == "hant":
        return {**dict.fromkeys(simplified, -1.0), **traditional}
    best = dict(simplified)
    for ch, score in traditional.items():
        best[ch] = max(score, best.get(ch, score))
    return best


@cache
def _hangul_scores() -> dict[str, float]:
    """Log-odds of the KS X 1001 syllables: the frequent ones high, the rest about even."""
    rows = bytes(
        b for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF) for b in (lead, trail)
    )
    scores = dict.fromkeys(rows.decode("euc_kr"), 0.0)
    for rank, ch in enumerate(_HANGUL_COMMON):
        scores[ch] = 3.0 if rank < 50 else 1.8
    return scores


def _char_score(ch: str, script: str) -> float:
    """Log-odds that ``ch`` belongs to real text of ``script`` rather than to code-page noise."""
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        score = _han_scores(script).get(ch)
        if score is None:
            # Rare in Chinese news; Japanese writes some common kanji in forms Chinese lacks.
            return -1.5 if script == "ja" else -4.0
        return score - 3.0 if script == "ko" else score  # Korean seldom writes Hanja
    if 0x3041 <= o <= 0x30FF:
        if o == 0x30FB:  # katakana middle dot: Chinese uses it too (GB2312 0xA1A4)
            return 1.0
        if script != "ja":
            return -3.0
        if ch in _KANA_COMMON:
            return 4.4
        return 2.8 if o <= 0x3096 or o == 0x30FC else 2.2
    if 0xAC00 <= o <= 0xD7A3:
        return _hangul_scores().get(ch, -4.0) if script == "ko" else -4.0
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
        return 1.0  # ideographic space and punctuation, full-width forms: ，。、：（）「」
    if 0xFF61 <= o <= 0xFF9F:  # half-width katakana: what GB or Big5 bytes become in cp932
        return -2.0 if script == "ja" else -4.0
    if 0x3130 <= o <= 0x318F:
        return -1.0 if script == "ko" else -3.0
    if 0x2010 <= o <= 0x205E:
        return 0.5  # dashes, quotes, ellipsis, bullets
    if 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o < 0xA0:
        return -6.0  # private use, decoding errors, control characters: a wrong code page
    if 0x25A0 <= o <= 0x25FF or 0x2460 <= o <= 0x24FF or 0x2190 <= o <= 0x21FF:
        return 0.0  # ■□●○◆★ bullets, ①②, arrows: common on Chinese portals
    if o in (0xB7, 0xD7, 0xB0, 0xA7, 0xA5, 0xFFE5):
        return 0.0  # · × ° § ¥ ￥
    category = unicodedata.category(ch)
    if category in ("Cn", "Co", "Cs", "Cc"):
        return -6.0
    if 0x2500 <= o <= 0x257F or category.startswith("S"):
        return -1.0
    return -2.0  # Latin, Greek, Cyrillic letters and the rest: rare inside CJK text


def _is_cjk(ch: str) -> bool:
    """A Han character, kana (not the middle dot) or a Hangul syllable."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or (0x3041 <= o <= 0x30FF and o != 0x30FB)
        or 0xAC00 <= o <= 0xD7A3
    )


class Evidence(Value):
    """How much a reading looks like real text: summed log-odds over its non-ASCII characters."""

    total: float
    chars: int  # non-ASCII characters scored
    cjk: int  # of which Han, kana or Hangul

    @property
    def mean(self) -> float:
        return self.total / self.chars if self.chars else 0.0


# Per script, each character's (score, is CJK), filled as characters are met: a page repeats
# its few thousand characters, so this keeps evidence to a dict lookup per character.
_SCORES: dict[str, dict[str, tuple[float, bool]]] = {s: {} for s in ("hans", "hant", "ja", "ko")}
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")


# A non-ASCII character between Latin letters, looked at by glued(): a class of the Han ranges
# would cost 2 ms to compile on each start that decodes a legacy CJK page.
_BETWEEN_LETTERS = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f](?=[a-z])")


def glued(text: str, end: int) -> int:
    """Han characters or kana glued between Latin letters ("Krak體w") in ``text[:end]``: Latin
    text whose accented letter and the next ASCII letter made one double-byte character.

    >>> glued("Krak體w and 中文 and a中b", 99)
    2
    """
    count = 0
    for m in _BETWEEN_LETTERS.finditer(text, 0, end):
        ch = m.group()
        if "\u3041" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            count += 1
    return count


def evidence(text: str, script: str) -> Evidence:
    """Score the non-ASCII characters of ``text`` read as ``script`` ("hans", "hant", "ja",
    "ko").

    >>> e = evidence("记者 张三", "hans"); e.chars, e.cjk, e.mean > 2
    (4, 4, True)
    """
    runs: list[str] = []
    n = end = 0
    for m in _NON_ASCII.finditer(text):
        runs.append(m.group())
        n += len(runs[-1])
        end = m.end()
        if n >= EVIDENCE_CHARS:
            break
    chars = "".join(runs)[:EVIDENCE_CHARS]
    table = _SCORES[script]
    total = 0.0
    cjk = 0
    for ch in chars:
        known = table.get(ch)
        if known is None:
            known = table[ch] = (_char_score(ch, script), _is_cjk(ch))
        total += known[0]
        cjk += known[1]
    return Evidence(total - 4.0 * glued(text, end + 1), len(chars), cjk)


# Marks and symbols real single-byte text has besides letters (the rest is a wrong reading's).
_PLAUSIBLE_MARKS = frozenset(" «»“”‘’„‚–—…•·°€£¥©®™§¡¿ªº×±")
_SCRIPT_CACHE: dict[str, str] = {}
_ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "THAI"})


def _script(ch: str) -> str:
    """The script a letter belongs to, from its Unicode name: "LATIN", "CYRILLIC", "GREEK"…"""
    script = _SCRIPT_CACHE.get(ch)
    if script is None:
        script = _SCRIPT_CACHE[ch] = unicodedata.name(ch, "?").split(" ")[0]
    return script


def plausibility(text: str) -> float:
    """Summed log-odds-like score that a single-byte reading is real alphabetic text.

    Only an accented letter inside a Latin word ("Kraków") is strong evidence for a reading:
    letter strings in other alphabets are what any wrong reading makes too, so they earn little,
    while symbols, box drawing, Arabic presentation forms, a script change or a lower-to-upper
    case flip inside a word ("кякВ", "ËÑË÷", "Donewsستدن") cost: they are what reading CJK
    bytes one by one gives.

    >>> plausibility("Kraków") > 0 > plausibility("кякВ ËÑË÷")
    True
    """
    total = 0.0
    n = 0
    for m in _NON_ASCII.finditer(text):
        start, end = m.span()
        for i in range(start, end):
            ch = text[i]
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if ch.isalpha():
                script = _script(ch)
                bad = (
                    script not in _ALPHABETS
                    or "\ufb50" <= ch <= "\ufdff"
                    or "\ufe70" <= ch <= "\ufeff"
                    or (prev.isalpha() and _script(prev) != script)
                    or (nxt.isalpha() and _script(nxt) != script)
                    or (prev.islower() and ch.isupper())
                    or (ch.islower() and nxt.isupper())
                    or (ch.islower() and prev.isupper() and i >= 2 and text[i - 2].isupper())
                )
                if bad:
                    total -= 4.0
                elif (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha()):
                    total += 2.0  # an accented letter inside a Latin word: "Kraków"
                else:
                    total += 0.3
            elif ch in _PLAUSIBLE_MARKS or ch.isspace():
                total += 0.3
            elif unicodedata.category(ch) == "Mn" and prev.isalpha():
                total += 0.3  # Thai vowels and tone marks, Hebrew points
            else:
                total -= 4.0
            n += 1
            if n >= EVIDENCE_CHARS:
                return total
    return total


# --- the legacy decision ---------------------------------------------------------------------


def _lang_key(lang: str | None) -> str | None:
    """ "zh-TW" → "zh-hant", "zh-CN" → "zh-hans", "ja-JP" → "ja"; None for no hint."""
    if not lang:
        return None
    tag = lang.strip().lower().replace("_", "-")
    if tag.startswith("zh"):
        if any(part in tag for part in ("hant", "tw", "hk", "mo")):
            return "zh-hant"
        if any(part in tag for part in ("hans", "cn", "sg")):
            return "zh-hans"
        return "zh"
    return tag.split("-")[0] or None


def _prior(codec: str, hint: str | None) -> float:
    """Log-prior of ``codec``'s script among the CJK ones, given the language hint."""
    script = SCRIPT_OF[codec]
    language = LANGUAGE_OF[script]
    key = "zh" if hint and hint.startswith("zh") else hint
    prior = _PRIOR.get(key, _PRIOR[None])[language]
    if hint in ("zh-hant", "zh-hans") and script != hint[3:]:
        prior -= 1.0
    return prior


class _Weigher:
    """The candidates of one legacy decision: each decoded once, weighed at most once."""

    def __init__(self, sample: bytes, final: bool, hint: str | None) -> None:
        self.sample = sample
        self.final = final
        self.hint = hint
        self.texts: dict[str, str | None] = {}
        self.evidence: dict[str, Evidence] = {}
        self.plausible: dict[str, float] = {}
        self.order: list[tuple[str, str, float | None]] = []  # codec, source, chardet confidence

    def text(self, codec: str) -> str | None:
        """The sample's strict reading; None if it fails or yields C1 control characters (an
        ISO-8859 reading of cp125x bytes: real text has none, so ISO-8859-15 loses to cp1252
        there, while ISO-8859-2 text without such bytes is never remapped to cp1250)."""
        if codec not in self.texts:
            text = _strict(self.sample, codec, final=self.final)
            self.texts[codec] = None if text is None or _C1.search(text) else text
        return self.texts[codec]

    def widen(self, codec: str) -> str:
        """The widest browser codec of ``codec``'s family that decodes the sample."""
        options = WIDER.get(codec, (codec,))
        return next((c for c in options if self.text(c) is not None), options[0])

    def weigh(self, codec: str) -> Evidence | None:
        """Evidence for a CJK codec's strict reading; None if it has none or isn't CJK."""
        if codec not in self.evidence:
            text = self.text(codec)
            if text is None or codec not in SCRIPT_OF:
                return None
            self.evidence[codec] = evidence(text, SCRIPT_OF[codec])
        return self.evidence[codec]

    def total(self, codec: str) -> float:
        """Summed evidence plus the script's prior: the quantity CJK readings compete on."""
        ev = self.weigh(codec)
        return -math.inf if ev is None else ev.total + _prior(codec, self.hint)

    def single_byte(self, codec: str, confidence: float) -> float:
        """What a single-byte reading has for it: its plausibility and chardet's confidence."""
        if codec not in self.plausible:
            self.plausible[codec] = plausibility(self.text(codec) or "")
        return self.plausible[codec] + _CHARDET_WEIGHT * confidence

    def note(self, codec: str, source: str, confidence: float | None = None) -> None:
        if all(c != codec for c, _, _ in self.order):
            self.order.append((codec, source, confidence))

    def best_cjk(self) -> str | None:
        """The CJK code page whose strict reading looks most like real text (≥ 2 CJK chars)."""
        best: str | None = None
        for codec in CJK_CODECS:
            if codec == "big5hkscs" and self.text("cp950") is not None:
                continue  # only needed where cp950 fails: HKSCS characters
            self.note(codec, "cjk")
            ev = self.weigh(codec)
            if ev is None or ev.cjk < 2:
                continue
            if best is None or self.total(codec) > self.total(best):
                best = codec
        return best

    def beats(self, codec: str, single: tuple[str, float]) -> bool:
        """Whether a CJK reading is likelier than a single-byte one (chardet's answer)."""
        if self.weigh(codec) is None:
            return False
        hint = self.hint
        kind = None if hint is None else "cjk" if hint[:2] in LANGUAGE_OF.values() else "foreign"
        return self.total(codec) + _CJK_PRIOR[kind] > self.single_byte(*single)

    def decisive(self, codec: str) -> bool:
        """Whether a CJK reading settles the matter alone: long, clearly real, unrivalled."""
        ev = self.weigh(codec)
        if ev is None or ev.cjk < DECISIVE_CJK or ev.mean < 1.0:
            return False
        mine = self.total(codec)
        return all(
            self.total(other) < mine - DECISIVE_MARGIN for other in self.evidence if other != codec
        )

    def confidence(self, codec: str) -> float | None:
        """A confidence for an evidence answer: its mean log-odds squashed into (0, 1)."""
        ev = self.weigh(codec)
        return None if ev is None else round(1 / (1 + math.exp(-ev.mean)), 3)

    def candidates(self, chosen: str) -> tuple[Candidate, ...]:
        def score(codec: str) -> float | None:
            if codec in self.evidence:
                return round(self.total(codec), 2)
            return round(self.plausible[codec], 2) if codec in self.plausible else None

        return tuple(
            Candidate(
                encoding=codec,
                source=source,
                decodes=self.text(codec) is not None,
                confidence=None if confidence is None else round(confidence, 3),
                score=score(codec),
                chosen=codec == chosen,
            )
            for codec, source, confidence in self.order
        )


def _chardet_answers(sample: bytes) -> list[tuple[str, float, str | None]]:
    """chardet's ranked answers as (Python codec, confidence, language); [] if it has none."""
    import chardet  # imported here: the UTF-8 fast path never pays for it

    try:
        results = chardet.detect_all(sample, max_bytes=DETECT_BYTES, compat_names=False)
    except Exception:  # a detector bug must not make a page unreadable: fall back to evidence
        return []
    answers = []
    for r in results[:4]:
        name = r.get("encoding")
        if not name:
            continue
        try:
            codec = _name(name)
        except LookupError:
            continue
        answers.append((codec, float(r.get("confidence") or 0.0), r.get("language")))
    return answers


NEAR_CJK_SHARE = 0.8  # share of a nearly-decoding reading's non-ASCII that must be common CJK


def _nearly_cjk(sample: bytes, w: _Weigher) -> str | None:
    """A CJK code page that fails on only a few bytes yet reads as real CJK text.

    Pages with two stray bytes in thousands of GBK characters are common; a single-byte code
    page chardet is unsure of (cp850 at 0.05) "decodes" them only because it decodes anything.
    """
    limit = max(3, len(sample) // 2000)
    for codec, script in CJK_CODECS.items():
        text, bad = _replaced(sample, codec)
        if bad > limit:
            continue
        ev = evidence(text, script)
        if ev.chars >= 20 and ev.cjk >= NEAR_CJK_SHARE * ev.chars and ev.mean > 0:
            w.note(codec, "fallback")
            return codec
    return None


if TYPE_CHECKING:
    # A decision: the codec, how it was chosen, and a confidence where one was computed.
    Choice = tuple[str, DecodeMethod, float | None]


def _decide(
    data: bytes, hint: str | None, charset: str | None = None
) -> tuple[str, DecodeMethod, float | None, _Weigher]:
    """Pick a codec for bytes that are not UTF-8: (codec, method, confidence, the weighing).

    The steps in order, the first with an answer deciding: the charset of the HTTP header, then
    the one the markup declares, where it reads the bytes and no CJK reading clearly beats it; a
    CJK reading decisive on its own; chardet's answers weighed against the evidence; the reading
    that fails least.
    """
    sample = data[:DETECT_BYTES]
    w = _Weigher(sample, final=len(data) <= DETECT_BYTES, hint=hint)
    foreign = hint is not None and hint[:2] not in LANGUAGE_OF.values()
    header = _declared_codec(w, charset, "header")
    declared = _declared_codec(w, declared_charset(data), "declared")
    best = w.best_cjk()
    choice = _by_declaration(w, header, best, "header") or _by_declaration(
        w, declared, best, "declared"
    )
    if choice is None and best is not None and not foreign and w.decisive(best):
        # Dozens of common characters and no other CJK reading near: chardet could only agree
        # or be overruled, so its cost (most of a legacy decision's) is not paid.
        choice = _by_evidence(w, best)
    if choice is None:
        choice = _by_chardet(w, best, foreign)
    return (*(choice or _least_damage(w)), w)


def _declared_codec(w: _Weigher, label: str | None, source: DecodeMethod) -> str | None:
    """The browser codec of a declared charset, noted as a candidate; None for none or Unicode
    (a page that says UTF-8 and is not has said nothing useful about what it is)."""
    declared = browser_codec(label) if label else None
    if not declared or declared.startswith(("utf-16", "utf-32", "utf-8")):
        return None
    declared = w.widen(declared)
    w.note(declared, source)
    return declared


def _by_evidence(w: _Weigher, codec: str) -> Choice:
    return codec, "evidence", w.confidence(codec)


def _by_declaration(
    w: _Weigher, declared: str | None, best: str | None, method: DecodeMethod
) -> Choice | None:
    """The declared codec when it reads the bytes, unless a CJK reading is clearly better; or a
    CJK declaration that fails on only a handful of bytes and has no CJK rival. A charset in the
    HTTP header is weighed the same way as one in the markup (``method`` says which): servers
    announce gb2312 for GBK pages, and iso-8859-1 for anything, as often as pages do."""
    if declared is None:
        return None
    if w.text(declared) is not None:
        if declared in SCRIPT_OF:
            # A CJK declaration stands unless another CJK reading is clearly better
            # (gb18030 decodes nearly any byte string, Big5 bytes included).
            if best and best != declared and w.total(best) > w.total(declared) + DECLARED_MARGIN:
                return _by_evidence(w, best)
            return declared, method, None
        ev = w.weigh(best) if best else None
        if best and ev and ev.cjk >= 8 and w.beats(best, (declared, 0.5)):
            return _by_evidence(w, best)  # "latin-1" declared, GBK served
        return declared, method, None
    if declared in SCRIPT_OF:
        # Portals declare gb2312 and slip in a few bytes no code page reads: a CJK declaration
        # that fails on only a handful of bytes still stands (they become U+FFFD, counted).
        _, bad = _replaced(w.sample, declared)
        if bad <= max(3, len(w.sample) // 2000) and not (best and best != declared):
            return declared, method, None
    return None


class _Answers(Value):
    """chardet's answers that decode: its first, its first CJK one and its first other one (each
    a codec and chardet's confidence)."""

    top: str | None = None
    cjk: tuple[str, float] | None = None
    single: tuple[str, float] | None = None


def _chardet_choices(w: _Weigher, foreign: bool) -> _Answers:
    """Sort chardet's answers that decode into the kinds ``_by_chardet`` weighs (with a non-CJK
    language hint, the single-byte one is its first in that language: Russian cp1251 over
    mac-cyrillic)."""
    top: str | None = None
    cjk: tuple[str, float] | None = None
    single: tuple[str, float] | None = None
    web: tuple[str, float] | None = None
    for name, confidence, language in _chardet_answers(w.sample):
        codec = w.widen(name)
        w.note(codec, "chardet", confidence)
        if w.text(codec) is None:
            continue
        top = top or codec
        if codec.startswith(WEB_CODE_PAGES):
            web = web or (codec, confidence)
        if codec in SCRIPT_OF:
            cjk = cjk or (codec, confidence)
        elif single is None or (foreign and language == w.hint and single[0] == top):
            single = (codec, confidence)
        elif (
            single[0].startswith("iso8859")
            and codec.startswith("cp125")
            and w.text(codec) == w.text(single[0])
        ):
            # ISO-8859-15 and cp1252 tie when the sample has none of the bytes they differ in;
            # the Windows code page then also reads the curly quotes a later part may have.
            single = (codec, confidence)
    if (
        single is not None
        and web is not None
        and not single[0].startswith(WEB_CODE_PAGES)
        and single[1] < LOW_CONFIDENCE
    ):
        # A DOS, Mac or EBCDIC code page chardet is unsure of: a web page's is likelier
        # (English with curly quotes is "cp437 0.012, cp1252 0.009").
        single = web
    return _Answers(top, cjk, single)


def _by_chardet(w: _Weigher, best: str | None, foreign: bool) -> Choice | None:
    """chardet's answer where the evidence does not clearly beat it; the best CJK reading where
    it does, or where chardet has no answer that decodes and the reading is likelier than not."""
    answers = _chardet_choices(w, foreign)
    top, cjk, single = answers.top, answers.cjk, answers.single
    if single is not None and single[0] == top and top.startswith(("utf-16", "utf-32")):
        return single[0], "chardet", single[1]  # structural: chardet knows
    if cjk is not None and top == cjk[0]:
        # chardet reads CJK: its code page, unless another one reads clearly better.
        margin = _CHARDET_WEIGHT * cjk[1]
        if best and best != cjk[0] and w.total(best) > w.total(cjk[0]) + margin:
            if single is None or w.beats(best, single):
                return _by_evidence(w, best)
        elif single is None or w.beats(cjk[0], single):
            return cjk[0], "chardet", cjk[1]
        return single[0], "chardet", single[1]  # its CJK readings are noise
    if single is not None:
        if best and w.beats(best, single):
            return _by_evidence(w, best)
        if best is None and single[1] < LOW_CONFIDENCE and not foreign:
            near = _nearly_cjk(w.sample, w)
            if near is not None:
                return near, "evidence", None
        return single[0], "chardet", single[1]
    if best and w.total(best) > 0:
        return _by_evidence(w, best)
    return None


def _least_damage(w: _Weigher) -> Choice:
    """Nothing decodes cleanly: the reading with the best evidence, errors and all, else the one
    with the fewest replacement characters."""
    pool = [c for c, _, _ in w.order] + [c for c in FALLBACKS if c not in w.texts]
    scored = []
    for codec in pool:
        w.note(codec, "fallback")
        text, bad = _replaced(w.sample, codec)
        script = SCRIPT_OF.get(codec)
        mean = evidence(text, script).mean if script else -6.0 * bad / max(1, len(text))
        scored.append((mean, -bad, codec))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return scored[0][2], "fallback", None


# --- mojibake --------------------------------------------------------------------------------


# cp1252's letters in 0x80–0x9F, mapped back to the byte: with Latin-1 for the rest, this undoes
# a cp1252 *or* Latin-1 misreading (a Latin-1 one leaves C1 controls, kept as their byte).
def _cp1252_high() -> dict[str, int]:
    table = {}
    for byte in range(0x80, 0xA0):
        # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in cp1252: Latin-1's C1 controls stay.
        with contextlib.suppress(UnicodeDecodeError):
            table[bytes([byte]).decode("cp1252")] = byte
    return table


_CP1252_HIGH = _cp1252_high()
_SLOPPY = str.maketrans({ch: chr(byte) for ch, byte in _CP1252_HIGH.items()})
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")


def _sloppy_bytes(text: str) -> bytes | None:
    """The bytes a Latin-1/cp1252 misreading came from, or None if ``text`` can't be one."""
    try:
        # The cp1252 codec writes exactly those bytes (its 0xA0–0xFF are Latin-1's) for any
        # text without C1 controls, in C: the translation below was most of a European page's
        # decoding. A C1 control, or a character neither code page has, lands below.
        return text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    # Each character beyond Latin-1 is looked up (a class of Latin-1 plus cp1252's letters costs
    # a third of a millisecond to compile at every start); the first of a CJK text ends it.
    for beyond in _BEYOND_LATIN1.finditer(text):
        if beyond.group() not in _CP1252_HIGH:
            return None
    return text.translate(_SLOPPY).encode("latin-1")


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """Undo a whole-text misreading saved as UTF-8; (text, what was undone) or None.

    Only when it is unambiguous: every non-ASCII character takes part, and the bytes it came
    from decode strictly as UTF-8, or as clearly real CJK text in a legacy code page.

    >>> repair_mojibake("cafÃ© crÃ¨me")
    ('café crème', 'utf-8 read as cp1252')
    """
    if text.isascii():
        return None
    raw = _sloppy_bytes(text)
    if raw is not None:
        if sum(1 for _ in itertools.islice(_NON_ASCII_CHAR.finditer(text), 2)) < 2:
            return None  # one odd character is no pattern
        fixed = _strict(raw, "utf-8")
        if fixed is not None:
            return fixed, "utf-8 read as cp1252"
        w = _Weigher(raw[:DETECT_BYTES], final=len(raw) <= DETECT_BYTES, hint=None)
        best = w.best_cjk()
        ev = w.weigh(best) if best else None
        if best and ev and ev.cjk >= 4 and ev.mean >= REPAIR_MEAN:
            fixed = _strict(raw, best)
            if fixed is not None:
                return fixed, f"{best} read as cp1252"
        return None
    # UTF-8 read as GBK: Han characters, but the rare ones a misreading makes. The byte test
    # comes first, on a prefix: it settles nearly every real UTF-8 page (GB18030 bytes of real
    # CJK text are not UTF-8) without scoring evidence, which a cold start pays dearly for.
    # gb18030 encodes character by character, so the prefix's bytes start the whole text's.
    try:
        head = text[:4096].encode("gb18030")
    except UnicodeEncodeError:
        return None
    if _strict(head[:4096], "utf-8", final=False) is None:
        return None
    ev = evidence(text, "hans")
    if ev.cjk < 4 or ev.mean >= 0:
        return None
    try:
        raw = text.encode("gb18030")
    except UnicodeEncodeError:
        return None
    if _strict(raw[:4096], "utf-8", final=False) is None:
        return None
    fixed = _strict(raw, "utf-8")
    if fixed is not None and max(evidence(fixed, s).mean for s in _SCORES) >= REPAIR_MEAN:
        return fixed, "utf-8 read as gb18030"
    return None


# --- the pipeline ----------------------------------------------------------------------------


def _seven_bit_cjk(data: bytes) -> tuple[str, str] | None:
    """ISO-2022-JP/KR or HZ: CJK text in 7-bit bytes, valid UTF-8 but full of escapes."""
    if b"\x1b" in data:
        for codec in ("iso2022_jp_2", "iso2022_kr", "iso2022_jp_ext"):
            text = _strict(data, codec)
            if text is not None and not text.isascii() and "\x1b" not in text:
                return text, "iso2022_jp" if codec == "iso2022_jp_2" else codec
    if b"~{" in data:
        text = _strict(data, "hz")
        if text is not None and evidence(text, "hans").mean > 0:
            return text, "hz"
    return None


_UTF8_THREE_BYTE = re.compile(rb"[\xe0-\xff]")
LOOKALIKE_CHARS = 12


def _utf8_lookalike(data: bytes, text: str, hint: str | None) -> tuple[str, _Weigher] | None:
    """GB or Big5 bytes that happen to be valid UTF-8 ("图片" in GB is U+037C U+01AC in UTF-8).

    Only two-byte sequences can be such accidents, so real UTF-8 CJK text (three bytes a
    character) is never looked at; nor is UTF-8 that reads as plausible alphabetic text.
    """
    if _UTF8_THREE_BYTE.search(data, 0, DETECT_BYTES):
        return None
    # A dozen GB characters all valid as UTF-8 by chance is a one-in-a-billion accident.
    if sum(1 for _ in itertools.islice(_NON_ASCII_CHAR.finditer(text), LOOKALIKE_CHARS)) >= (
        LOOKALIKE_CHARS
    ):
        return None
    noise = plausibility(text)
    if noise >= 0:
        return None
    w = _Weigher(data[:DETECT_BYTES], final=len(data) <= DETECT_BYTES, hint=hint)
    w.note("utf-8", "utf-8")
    w.plausible["utf-8"] = noise
    best = w.best_cjk()
    ev = w.weigh(best) if best else None
    if best is None or ev is None or ev.mean <= 0 or not w.beats(best, ("utf-8", 0.0)):
        return None
    return best, w


_ASCII_BYTES = bytes(range(128))


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few broken sequences (a stray byte, a splice): the text and how many.

    Without this, three bad bytes in a UTF-8 Chinese page sent the whole page to the legacy
    decision, and chardet's cp737 (DOS Greek) "decoded" it all into mojibake. Browsers decode
    such a page as UTF-8 with replacement characters. GBK, Big5 or cp1252 text read as UTF-8
    gives about one bad sequence per two non-ASCII bytes, far above the 1 in 60 allowed here.
    """
    nonascii = len(data.translate(None, _ASCII_BYTES))
    if nonascii < 60:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return (text, bad) if bad * 60 <= nonascii else None


def _from_utf8(text: str, method: DecodeMethod, fix: bool) -> Decoded:
    repaired = repair_mojibake(text) if fix else None
    if repaired is not None:
        return Decoded(repaired[0], "utf-8", method, 1.0, repair=repaired[1])
    return Decoded(text, "utf-8", method, 1.0)


def decode(
    data: bytes,
    *,
    encoding: str | None = None,
    lang: str | None = None,
    fix_mojibake: bool = True,
    charset: str | None = None,
) -> Decoded:
    """Decode bytes as a browser would, better than one, and say how.

    ``encoding`` forces a codec (errors replaced); ``lang`` ("zh", "zh-TW", "ja", "ru", …) is a
    hint for the legacy decision; ``charset`` is the one an HTTP header declared, weighed like a
    ``<meta charset>`` and before it (method ``header`` when it decides): evidence, not truth, so
    a UTF-8 page served as ``charset=gbk`` still reads as UTF-8. ``fix_mojibake`` lets valid UTF-8 be second-guessed: mojibake
    in it undone, a few GB or Big5 characters that happen to be valid UTF-8 read as such;
    ``fix_mojibake=False`` takes valid UTF-8 as it is.
    Raises ``BinaryInputError`` for data that is not text, and nothing else.

    >>> decode("作者".encode("gbk")).encoding
    'gb18030'
    """
    if encoding:
        codec = check_encoding(encoding)
        try:
            text, bad = _replaced(data, codec)
        except UnicodeError as exc:  # idna, punycode: codecs that cannot replace, only fail
            raise DecodeError(f"does not decode as {codec}: {exc}") from None
        if _surrogate().search(text):
            # utf-7 and the escape codecs can yield lone surrogates, which no output can encode.
            text, n = _surrogate().subn("\ufffd", text)
            bad += n
        return Decoded(text, codec, "user", None, bad)
    if not data:
        return Decoded("", "utf-8", "empty", None, 0)
    for bom, codec in BOMS:
        if data.startswith(bom):
            text, bad = _replaced(data[len(bom) :], codec)
            if codec == "utf-8" and not bad:
                return _from_utf8(text, "bom", fix_mojibake)
            return Decoded(text, codec, "bom", 1.0, bad)
    if b"\x00" in data[:SNIFF_BYTES]:
        wide = _unicode_without_bom(data)
        if wide is not None:
            return Decoded(wide[0], wide[1], "heuristic", 0.9, 0)
    if is_binary(data):
        raise BinaryInputError("binary data, not text")
    strict = _strict(data, "utf-8")
    if strict is not None:
        if data.isascii():
            seven = _seven_bit_cjk(data)
            if seven is not None:
                return Decoded(seven[0], seven[1], "heuristic", 0.9)
            return Decoded(strict, "utf-8", "utf-8", 1.0)
        repaired = repair_mojibake(strict) if fix_mojibake else None
        if repaired is not None:
            return Decoded(repaired[0], "utf-8", "utf-8", 1.0, repair=repaired[1])
        lookalike = _utf8_lookalike(data, strict, _lang_key(lang)) if fix_mojibake else None
        if lookalike is None:
            return Decoded(strict, "utf-8", "utf-8", 1.0)
        codec, weighing = lookalike
        method: DecodeMethod = "evidence"
        confidence = weighing.confidence(codec)
    else:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            return Decoded(mostly[0], "utf-8", "utf-8", None, mostly[1])
        codec, method, confidence, weighing = _decide(data, _lang_key(lang), charset)
    # The sample's reading is the whole text when the sample is the whole input.
    known = None if len(data) > DETECT_BYTES else weighing.texts.get(codec)
    bad = 0
    whole = known if known is not None else _strict(data, codec)
    if whole is None:
        whole, bad = _replaced(data, codec)
    return Decoded(
        whole,
        codec,
        method,
        None if confidence is None else round(confidence, 3),
        bad,
        candidates=weighing.candidates(codec),
    )
