"""Find dates in byline text and turn them into ISO 8601.

Written against a short list of forms rather than with dateparser: bylines need *finding* a date
inside a line of other fields, dateparser's ``search_dates`` costs about half a second to import
and misreads bare numbers (counters, phone numbers) as dates. Every pattern is anchored on a
four-digit year or a month name, so a counter like ``点击数: 1024`` is never a date.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from reader.record import Value

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            # en, fr, de, es, pt, it, id; Russian, Polish and Greek in the genitive ("5 марта
            # 2020", "05 Ιανουαρίου 2012"), Greek also shortened and as spoken ("6 Γενάρη").
            (
                "jan",
                "january",
                "janvier",
                "januar",
                "enero",
                "janeiro",
                "gennaio",
                "января",
                "stycznia",
                "januari",
                "ιανουαρίου",
                "ιαν",
                "γενάρη",
            ),
            (
                "feb",
                "february",
                "février",
                "fevrier",
                "februar",
                "febrero",
                "fevereiro",
                "febbraio",
                "февраля",
                "lutego",
                "februari",
                "φεβρουαρίου",
                "φεβ",
                "φλεβάρη",
            ),
            (
                "mar",
                "march",
                "mars",
                "märz",
                "marzo",
                "março",
                "marco",
                "марта",
                "marca",
                "maret",
                "μαρτίου",
                "μάρτη",
            ),
            (
                "apr",
                "april",
                "avril",
                "abril",
                "aprile",
                "апреля",
                "kwietnia",
                "απριλίου",
                "απρ",
                "απρίλη",
            ),
            ("may", "mai", "mayo", "maio", "maggio", "мая", "maja", "mei", "μαΐου", "μαΐ", "μάη"),
            (
                "jun",
                "june",
                "juin",
                "juni",
                "junio",
                "junho",
                "giugno",
                "июня",
                "czerwca",
                "ιουνίου",
                "ιουν",
                "ιούνη",
            ),
            (
                "jul",
                "july",
                "juillet",
                "juli",
                "julio",
                "julho",
                "luglio",
                "июля",
                "lipca",
                "ιουλίου",
                "ιουλ",
                "ιούλη",
            ),
            (
                "aug",
                "august",
                "août",
                "aout",
                "agosto",
                "августа",
                "sierpnia",
                "agustus",
                "αυγούστου",
                "αυγ",
            ),
            (
                "sep",
                "sept",
                "september",
                "septembre",
                "septiembre",
                "setembro",
                "settembre",
                "сентября",
                "września",
                "σεπτεμβρίου",
                "σεπ",
                "σεπτέμβρη",
            ),
            (
                "oct",
                "october",
                "octobre",
                "oktober",
                "octubre",
                "outubro",
                "ottobre",
                "октября",
                "października",
                "oktober",
                "οκτωβρίου",
                "οκτ",
                "οκτώβρη",
            ),
            (
                "nov",
                "november",
                "novembre",
                "noviembre",
                "novembro",
                "ноября",
                "listopada",
                "νοεμβρίου",
                "νοε",
                "νοέμβρη",
            ),
            (
                "dec",
                "december",
                "décembre",
                "decembre",
                "dezember",
                "diciembre",
                "dezembro",
                "dicembre",
                "декабря",
                "grudnia",
                "desember",
                "δεκεμβρίου",
                "δεκ",
                "δεκέμβρη",
            ),
        ],
        start=1,
    )
    for name in names
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_TIME = (
    r"(?:[\sT,]*(?:at\s+)?(?P<H>[01]?\d|2[0-3])\s*[:：时時]\s*(?P<M>[0-5]\d)"
    r"(?:\s*[:：分]\s*(?P<S>[0-5]\d)(?:\.\d+)?)?\s*(?:秒)?(?P<ampm>\s*[AaPp]\.?[Mm]\.?)?)?"
)
_NUMERIC: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ymd",
        re.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:[-/.年]\s*)(?P<m>1[0-2]|0?[1-9])\s*(?:[-/.月]\s*)"
            r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)\s*[日号號]?" + _TIME
        ),
    ),
    (
        "mdy",
        re.compile(
            r"(?<![\d/.])(?P<a>[01]?\d|2\d|3[01])(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"
            + _TIME
        ),
    ),
)
# "11/19/19 06:56 AM EST": a two-digit year, US order, taken only with a time after it (a bare
# "1/2/19" is as often a fraction or a score).
_SHORT_YEAR = (
    "mdyy",
    re.compile(
        r"(?<![\d/.])(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9])/(?P<yy>\d\d)(?![\d/])"
        r"[\sT,]*(?:at\s+)?(?P<H>[01]?\d|2[0-3])\s*:\s*(?P<M>[0-5]\d)(?P<ampm>\s*[AaPp]\.?[Mm]\.?)?"
    ),
)
_YEAR_MONTH = (
    "ym",
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月(?!\s*\d)"),
)
# Every month name has letters of the Latin, Greek or Cyrillic blocks; a line without any (most
# CJK lines) needs neither named-month pattern, so they compile when a line first has one (3 ms
# of a 50 ms start, for the two case-insensitive alternations of 80 names).
_MONTH_LETTER = re.compile(r"(?=[^\W\d_])[\x00-\u04ff]")


@cache
def _named() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return (
        (
            "month-name",
            re.compile(
                r"(?i)\b(?P<mon>"
                + _MONTH_ALT
                + r")\.?\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+"
                r"(?P<y>(?:19|20)\d\d)\b" + _TIME
            ),
        ),
        (
            "day-month-name",
            re.compile(
                # (?<!\d), not \b: a date glued to a word ("Original Research7 April 2020");
                # "de" as Spanish and Portuguese write it ("10 de maio de 2022").
                r"(?i)(?<![\d.])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<mon>"
                + _MONTH_ALT
                + r")\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b"
                + _TIME
            ),
        ),
    )


def _patterns(text: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The date patterns that can match ``text``, in the order they take their dates."""
    if _MONTH_LETTER.search(text) is None:
        return (*_NUMERIC, _YEAR_MONTH, _SHORT_YEAR)
    return (*_NUMERIC, *_named(), _YEAR_MONTH, _SHORT_YEAR)


_YEAR = re.compile(r"(?:19|20)\d\d")


class FoundDate(Value):
    """A date found in a text: ISO form and where it stood."""

    iso: str
    start: int
    end: int


def _build(y: int, m: int, d: int | None, match: re.Match[str]) -> str | None:
    gd = match.groupdict()
    hour = gd.get("H")
    try:
        if d is None:
            datetime(y, m, 1)
            return f"{y:04d}-{m:02d}"
        if hour is None:
            datetime(y, m, d)
            return f"{y:04d}-{m:02d}-{d:02d}"
        h, mi = int(hour), int(gd["M"])
        ampm = (gd.get("ampm") or "").strip().lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        s = gd.get("S")
        dt = datetime(y, m, d, h, mi, int(s) if s else 0)
    except ValueError:
        return None
    return dt.isoformat(timespec="seconds")


# The dates of texts read lately. Parsing asks about the same line several times (is it a
# byline, a dated headline, a comment's head, a teaser with a date): each is scanned once. Only
# texts with a year get here, and only short ones are kept; cleared when full, so it stays small.
_RECENT: dict[tuple[str, bool], tuple[FoundDate, ...]] = {}
_RECENT_SIZE = 2048
_RECENT_TEXT = 1000  # characters: a longer text is kept by no one


def find_dates(text: str, *, dayfirst: bool = False) -> list[FoundDate]:
    """Every date in the text, in order, as ISO 8601 (with the time when one is given).

    >>> [f.iso for f in find_dates("更新时间:2022/11/20 0:25:22 | 2022年11月21日")]
    ['2022-11-20T00:25:22', '2022-11-21']
    >>> [f.iso for f in find_dates("Published Nov 20, 2022 and 20.11.2022")]
    ['2022-11-20', '2022-11-20']
    """
    if (("19" not in text and "20" not in text) or _YEAR.search(text) is None) and (
        text.count("/") < 2 or ":" not in text
    ):
        return []  # every pattern needs a four-digit year, or slashes and a time: most lines lack both
    key = (text, dayfirst)
    known = _RECENT.get(key)
    if known is not None:
        return list(known)  # a list of its own: the caller may change it
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns(text):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            gd = m.groupdict()
            y = int(gd["y"]) if kind != "mdyy" else 2000 + int(gd["yy"])
            d: int | None
            if kind == "mdyy":
                mo, d = int(gd["a"]), int(gd["b"])
            elif kind == "ymd":
                mo, d = int(gd["m"]), int(gd["d"])
            elif kind == "ym":
                mo, d = int(gd["m"]), None
            elif kind == "mdy":
                a, b = int(gd["a"]), int(gd["b"])
                # Dots mean day.month.year in every locale that uses them; slashes are US order
                # unless the first number cannot be a month or the page's language writes the
                # day first (``dayfirst``: French, German, Portuguese… pages).
                if gd["sep"] == "." or a > 12 or (dayfirst and b <= 12):
                    d, mo = a, b
                else:
                    mo, d = a, b
            else:
                mo, d = MONTHS[gd["mon"].lower()], int(gd["d"])
            iso = _build(y, mo, d, m)
            if iso is None:
                continue
            end = m.end()
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            found.append(FoundDate(iso, m.start(), end))
            taken.append((m.start(), end))
    found.sort(key=lambda f: f.start)
    if len(text) <= _RECENT_TEXT:
        if len(_RECENT) >= _RECENT_SIZE:
            _RECENT.clear()
        _RECENT[key] = tuple(found)
    return found


def parse_date(text: str, *, dayfirst: bool = False) -> str | None:
    """The first date in the text as ISO 8601, or None."""
    dates = find_dates(text, dayfirst=dayfirst)
    return dates[0].iso if dates else None


# "——《北京之春》1996年6月号", "原载《读书》2003年5月": the periodical an essay first appeared in,
# closing the text. A dash or a verb of reprinting leads, so a sentence naming a paper is not it.
_REPRINTED = r"原载|原載|载于|載於|刊于|刊於|刊载于|刊載於|选自|選自|摘自|转载自|轉載自|转自|轉自"


@cache
def _citation() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:(?:[—－―]{{1,2}}|-{{2}})\s*(?:{_REPRINTED})?|(?:{_REPRINTED}))"
        r"\s*《[^《》]{1,30}》\s*(?P<when>[^《》]{4,24})$"
    )


def citation_date(line: str) -> str | None:
    """The date of a closing citation line: a dash or 原载/选自…, the periodical, its issue date.

    >>> citation_date("——《北京之春》1996年6月号"), citation_date("他在《读书》2003年5月发表")
    ('1996-06', None)
    """
    m = _citation().match(line)
    if m is None:
        return None
    return parse_date(m.group("when"))
