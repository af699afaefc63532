"""Lines → ``Line`` records: the dump dialect, markup artefacts stripped, and per-line evidence.

The dialect (html2text Markdown, lynx/w3m dump, table-cell dump, plain copy-paste) only decides
which artefacts are stripped; the evidence measured here (length, link share, sentence punctuation)
is what ``parse`` weighs. Nothing here decides where a line goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Dialect(StrEnum):
    HTML2TEXT = "html2text"
    LYNX = "lynx"
    TABLE = "table"
    PLAIN = "plain"


CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Sentence punctuation: the full-width CJK marks and the Western ones followed by a space/end.
SENTENCE_RE = re.compile(r"[。！？；]|[.!?;](?=\s|$|[\"'”’)])")
CLAUSE_RE = re.compile(r"[，、,：:]")
ELLIPSIS_RE = re.compile(r"(?:…|\.\.\.|。。。|\.{2,}|…+)\s*[)\]）】]?\s*$")

_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_LINK = re.compile(r"\[([^\]\n]{0,1000})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,300})\]\[\d+\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]{1,2000})>")
_EMPH = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_BULLET = re.compile(r"^\s*(?:[*+\-•·‧]|\d{1,3}[.)]|o)\s+(?=\S)")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TABLE_RULE = re.compile(r"^[\s|:\-+=]*-{3,}[\s|:\-+=]*$")
_HR = re.compile(r"^\s*(?:[-_*=~]\s*){3,}$")
_LYNX_TAG = re.compile(
    r"\[(?:IMG|INLINE|EMBED|BUTTON[^\]]{0,80}|image|LINK|hidden|[^\]\s]{1,120}\."
    r"(?:jpe?g|gif|png|bmp|webp|svg|swf))\]"
    r"|\(BUTTON\)|\(not implemented\)|\[\d{1,5}\]",
    re.IGNORECASE,
)
_FIELD = re.compile(r"_{4,}")
_SPACES = re.compile(r"[ \t\u00a0\u3000]{2,}")
_CELL_SPLIT = re.compile(r"\s*\|\s*")


@dataclass(frozen=True, slots=True)
class Line:
    """One input line with its cleaned text and the evidence later stages weigh."""

    number: int
    raw: str
    text: str  # artefacts stripped; "" for a line with no content
    cells: tuple[str, ...]
    link_chars: int  # characters of text that was link anchor text
    heading: int  # Markdown heading level, 0 if none
    bullet: bool
    rule: bool  # a table rule or horizontal line
    image_only: bool

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def size(self) -> int:
        """Length in reading units: a CJK character one, a word two (a word carries about as much)."""
        return text_size(self.text)

    @property
    def link_share(self) -> float:
        n = len(self.text.replace(" ", ""))
        return min(1.0, self.link_chars / n) if n else 0.0

    @property
    def sentences(self) -> int:
        return len(SENTENCE_RE.findall(self.text))

    @property
    def clauses(self) -> int:
        return len(CLAUSE_RE.findall(self.text))

    @property
    def truncated(self) -> bool:
        return bool(ELLIPSIS_RE.search(self.text))

    @property
    def cjk(self) -> int:
        return len(CJK_RE.findall(self.text))


def text_size(text: str) -> int:
    cjk = len(CJK_RE.findall(text))
    words = len(WORD_RE.findall(CJK_RE.sub(" ", text)))
    return cjk + words * 2


def detect_dialect(lines: list[str]) -> Dialect:
    """Guess how the page was dumped from the artefacts its lines carry."""
    md = lynx = pipes = 0
    for line in lines[:4000]:
        if "](" in line or line.lstrip().startswith(("* ", "#")) or line.endswith("  "):
            md += 1
        if _LYNX_TAG.search(line) or line.startswith("   ") or "_____" in line:
            lynx += 1
        if line.rstrip().endswith("|") or line.strip() == "|":
            pipes += 1
    n = max(1, sum(1 for line in lines[:4000] if line.strip()))
    if md / n > 0.05 and md >= lynx:
        return Dialect.HTML2TEXT
    if lynx / n > 0.3:
        return Dialect.LYNX
    if pipes / n > 0.05:
        return Dialect.TABLE
    return Dialect.PLAIN


def _strip_links(text: str) -> tuple[str, int]:
    """Markdown links → their anchor text; also counts how much of the text was anchor text."""
    link_chars = 0

    def anchor(m: re.Match[str]) -> str:
        nonlocal link_chars
        inner = m.group(1).strip()
        link_chars += len(inner.replace(" ", ""))
        return inner

    text = _IMAGE.sub("", text)
    # An anchor may hold an image that held a link: strip from the inside out, a few levels at most.
    for _ in range(3):
        new = _LINK.sub(anchor, text)
        if new == text:
            break
        text = new
    text = _REF_LINK.sub(anchor, text)
    text = _AUTOLINK.sub(anchor, text)
    return text, link_chars


def clean_line(number: int, raw: str, dialect: Dialect) -> Line:
    """Strip the dialect's artefacts from one line and measure what is left."""
    text = raw
    heading = 0
    bullet = False
    link_chars = 0
    if dialect is Dialect.HTML2TEXT or "](" in text:
        m = _HEADING.match(text)
        if m:
            heading = len(m.group(1))
            text = text[m.end() :]
        text, link_chars = _strip_links(text)
        text = _EMPH.sub("", text)
        text = _QUOTE.sub("", text)
    if dialect is not Dialect.PLAIN or _LYNX_TAG.search(text):
        text = _LYNX_TAG.sub(" ", text)
        text = _FIELD.sub(" ", text)
    if dialect is Dialect.HTML2TEXT:
        text = _ESCAPE.sub(r"\1", text)
    stripped = text.strip()
    rule = bool(stripped) and (
        _TABLE_RULE.match(stripped) is not None or _HR.match(stripped) is not None
    )
    if rule:
        stripped = ""
    b = _BULLET.match(stripped)
    if b and stripped:
        bullet = True
        stripped = stripped[b.end() :]
    cells: tuple[str, ...]
    if "|" in stripped:
        cells = tuple(c for c in (c.strip() for c in _CELL_SPLIT.split(stripped)) if c)
        stripped = " ".join(cells)
    else:
        cells = (stripped,) if stripped else ()
    stripped = _SPACES.sub(" ", stripped).strip()
    image_only = not stripped and ("![" in raw or "[IMG" in raw or bool(_LYNX_TAG.search(raw)))
    return Line(
        number=number,
        raw=raw,
        text=stripped,
        cells=cells,
        link_chars=link_chars,
        heading=heading,
        bullet=bullet,
        rule=rule,
        image_only=image_only,
    )


def segment(lines: list[str], dialect: Dialect | None = None) -> tuple[Dialect, list[Line]]:
    """Clean every line; the list is as long as the input, one record per input line.

    >>> d, ls = segment(["# Title", "[home](/) | [news](/n)"])
    >>> [line.text for line in ls], d.value
    (['Title', 'home news'], 'html2text')
    """
    found = dialect or detect_dialect(lines)
    return found, [clean_line(i, raw, found) for i, raw in enumerate(lines, start=1)]
