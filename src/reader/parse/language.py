"""The page's language, guessed from its script, and how it writes slashed dates: evidence the
byline and date readers need before any line is placed.
"""

from __future__ import annotations

import re
from collections import Counter

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.parse.page import Page
    from reader.segment import Line

_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:19|20)\d\d(?![\d/])")


def _slash_order(lines: Sequence[Line]) -> bool | None:
    """Day-first (True) or month-first (False), when the page's own slashed dates say so.

    One "13/02/2022" settles it for "06/02/2022" on the same page, whatever the language: a
    Chinese page of a French newsroom writes dates day-first.
    """
    day_first = month_first = False
    for ln in lines:
        if "/" not in ln.text:
            continue
        for m in _SLASHED.finditer(ln.text):
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= 12 < a <= 31 and 1 <= b <= 12
            month_first |= 12 < b <= 31 and 1 <= a <= 12
    if day_first == month_first:
        return None
    return day_first


def _latin_page(lines: Sequence[Line]) -> bool:
    """A page in a Latin script other than English (the language guess says None for those)."""
    sample = " ".join(ln.text for ln in lines[:300])[:3000]
    letters = sum(ch.isalpha() for ch in sample)
    return letters > 150 and sum(ch.isascii() and ch.isalpha() for ch in sample) > 0.7 * letters


def language(text: str) -> str | None:
    """ISO 639-1 guess from the script of the body text (counted in one pass, no regex)."""
    sample = text[:2000]
    if not sample.strip():
        return None
    kana = hangul = han = cyr = greek = latin = 0
    for ch, k in Counter(sample).items():  # each distinct character once (Counter counts in C)
        o = ord(ch)
        if o < 0x80:
            latin += k if ch.isalpha() else 0
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += k
        elif 0x3040 <= o <= 0x30FF:
            kana += k
        elif 0xAC00 <= o <= 0xD7AF:
            hangul += k
        elif 0x0400 <= o <= 0x04FF:
            cyr += k
        elif 0x0370 <= o <= 0x03FF:
            greek += k
        elif ch.isalpha():
            latin += k
    if kana > 0.05 * (han + kana) and kana + han > hangul:
        return "ja"
    counts = {"ko": hangul, "zh": han, "ru": cyr, "el": greek, "latin": latin // 3}
    best = max(counts, key=lambda k: counts[k])
    if counts[best] == 0:
        return None
    if best == "latin":
        words = re.findall(r"[a-z]+", sample.lower())
        # "the" and "and" are frequent in English and absent from German, French, Polish…
        common = sum(w in {"the", "and", "of", "that", "with"} for w in words)
        return "en" if words and common > 0.05 * len(words) else None
    return best


def read_date_order(page: Page) -> None:
    """Slashed dates are month-first in English and Chinese pages, day-first in the rest, unless
    the page's own dates settle it."""
    lines = page.lines
    guess = language(" ".join(ln.text for ln in lines[:300] if ln.size > 10))
    dayfirst = guess is None or guess in ("ru", "el")
    if guess is None:
        dayfirst = _latin_page(lines)
    order = _slash_order(lines)
    page.dayfirst = dayfirst if order is None else order
