"""Lines → ``Line`` records: the dump dialect, markup artefacts stripped, and per-line evidence.

The dialect (html2text Markdown, lynx/w3m dump, table-cell dump, plain copy-paste) only decides
which artefacts are stripped; the evidence measured here (length, link share, sentence punctuation)
is what ``parse`` weighs. Nothing here decides where a line goes.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from reader.dates import find_dates
from reader.record import Record

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from typing import Final


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
# Each run of dots or ellipses is tried from its first character only (the lookbehinds), and the
# spaces are taken possessively: otherwise a long run that does not end the line is rescanned
# from every position in it, O(n²) (see benchmarks/regex_worst.py).
ELLIPSIS_RE = re.compile(r"(?:(?<!…)…+\.?|(?<!\.)\.{2,}|。。。)\s*+[)\]）】]?\s*+$")

# The anchor holds no "[": else a run of them was scanned 300 characters deep from each one.
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\[\d+\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]{1,2000})>")
_EMPH = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")


@cache
def _bullet() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:[*+\-•·‧]|\d{1,3}[.)]|o)\s+(?=\S)")


@cache
def _lead_dot() -> re.Pattern[str]:
    return re.compile(r"^[‧•·・▪◆◇■□►▶]\s*(?=\S)")


# What a stripped line that either matches starts with (besides a digit, \d being isdecimal):
# most lines start with none of them and need neither match.
_MARK_FIRST = frozenset("*+-•·‧o・▪◆◇■□►▶")


def _leading_bullet(stripped: str) -> re.Match[str] | None:
    """The list mark a stripped line opens with ("* ", "1. ", "• "), if any."""
    first = stripped[:1]
    if first in _MARK_FIRST or first.isdecimal():
        return _bullet().match(stripped) or _lead_dot().match(stripped)
    return None


_QUOTE = re.compile(r"^\s*(?:>\s?)+")
# Rule characters only, with a run of three dashes somewhere. Written as a check of the whole
# line plus a search for "---": the form [set]*-{3,}[set]*$ backtracks in O(n³) on a long run of
# dashes followed by anything else.
_TABLE_RULE = re.compile(r"^(?=[\s|:\-+=]*+$).*?-{3}")
_HR = re.compile(r"^\s*(?:[-_*=~]\s*){3,}$")
# Lynx tags anywhere in a line: each starts with "[", "(" or ":", caseless characters, so re
# scans for them in C. detect_dialect, which only asks whether a line has a tag, tries this and
# _LYNX_HEAD in turn: joined into one pattern, the anchored tags left re trying every alternative
# at every position (half a millisecond a page).
_LYNX_INLINE = (
    r"\[(?:IMG|INLINE|EMBED|BUTTON[^\]]{0,80}|image|LINK|hidden|[^\]\s]{1,120}\."
    r"(?:jpe?g|gif|png|bmp|webp|svg|swf)|[\w+.-]{1,20};base64,[^\]\s]*)\]"
    r"|\(BUTTON\)|\(not implemented\)|\[\d{1,5}\]|\[DEL:|:DEL\]"
)
_LYNX_ANYWHERE = re.compile(_LYNX_INLINE, re.IGNORECASE)
# Tags that head a line; matched at its start.
_LYNX_HEAD = re.compile(r"\s*IFRAME:\s*\S*|\s*CAPTION:", re.IGNORECASE)
# Both, for stripping: at any position at most one of the two can match (a head tag starts with a
# space or a letter), so their order in the alternation changes nothing.
_LYNX_TAG = re.compile(_LYNX_INLINE + r"|^(?:" + _LYNX_HEAD.pattern + ")", re.IGNORECASE)
_FIELD = re.compile(r"_{4,}")
# A gap in CJK text: whitespace between a Han character (or closing full-width punctuation) and
# a Han character (or opening punctuation). Found as whitespace between two non-ASCII characters,
# then checked in Python (_cjk_pieces): a class of the Han range costs 2 ms to compile, on every
# start, while the ASCII complement costs a tenth of one.
_WIDE_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_GAP_OPENS = frozenset("「『“（【《")
_GAP_CLOSES = frozenset("」』”）】》")
_RULE_CHARS = frozenset(" \t|:-+=_*~")


@cache
def _spaces() -> re.Pattern[str]:
    return re.compile(r"[ \t\u00a0\u3000]{2,}")


# Leading spaces are taken only from the start of a run of them: "\s*\|" alone retries a long run
# of spaces that no pipe follows from each of its positions, O(n²).
_CELL_SPLIT = re.compile(r"(?:(?<!\s)\s+)?\|\s*")


class Line(Record):
    """One input line with its cleaned text and the evidence later stages weigh.

    The measures are computed once, in ``clean_line``: parse reads each of them many times. A
    ``Record``, not a dataclass: one is built per input line (see ``reader.record``).
    """

    __slots__ = (  # noqa: RUF023 (field order)
        "number",
        "raw",
        "text",
        "_cells",
        "link_chars",
        "anchors",
        "author_links",
        "heading",
        "bullet",
        "rule",
        "image_only",
        "size",
        "cjk",
        "sentences",
        "clauses",
        "fragments",
        "truncated",
        "link_share",
    )

    def __init__(
        self,
        number: int,
        raw: str,
        text: str,  # artefacts stripped; "" for a line with no content
        # The table cells (``cells``); one cell is kept as its string, not in a tuple of its own:
        # most lines have one, and a tuple each was 30 MB of a 64 MB page's peak.
        _cells: tuple[str, ...] | str,
        link_chars: int,  # characters of text that was link anchor text
        anchors: int,  # how many links with visible text the line had
        author_links: tuple[str, ...],  # anchor texts of links to author pages (/author/…)
        heading: int,  # Markdown heading level, 0 if none
        bullet: bool,
        rule: bool,  # a table rule or horizontal line
        image_only: bool,
        size: int = 0,  # reading units: a CJK character one, a word two (as much meaning)
        cjk: int = 0,
        sentences: int = 0,
        clauses: int = 0,
        fragments: int = 1,  # pieces of CJK text split by spaces: prose has one, headline rows many
        truncated: bool = False,  # ends in an ellipsis
        link_share: float = 0.0,
    ) -> None:
        self.number: Final = number
        self.raw: Final = raw
        self.text: Final = text
        self._cells: Final = _cells
        self.link_chars: Final = link_chars
        self.anchors: Final = anchors
        self.author_links: Final = author_links
        self.heading: Final = heading
        self.bullet: Final = bullet
        self.rule: Final = rule
        self.image_only: Final = image_only
        self.size: Final = size
        self.cjk: Final = cjk
        self.sentences: Final = sentences
        self.clauses: Final = clauses
        self.fragments: Final = fragments
        self.truncated: Final = truncated
        self.link_share: Final = link_share

    @property
    def cells(self) -> tuple[str, ...]:
        """The line's table cells (one for a line that is not a table row; none if empty)."""
        cells = self._cells
        return (cells,) if isinstance(cells, str) else cells

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def empty(self) -> bool:
        return not self.text


# An address starts where a run of local-part characters starts (the lookbehind) and its parts
# cannot contain another "@": "\S+@\S+\.\w+" backtracked in O(n³) on a long token of ".@".
@cache
def _url() -> re.Pattern[str]:
    return re.compile(r"(?:https?://|www\.)\S+|(?<![^\s@,;<>()\[\]])[^\s@,;<>()\[\]]+@[^\s@]+\.\w+")


def text_size(text: str) -> int:
    """Reading units of a text; URLs and e-mail addresses are not reading."""
    if "://" in text or "www." in text or "@" in text:
        text = _url().sub(" ", text)
    if text.isascii():
        return len(WORD_RE.findall(text)) * 2  # no CJK to count or blank out
    # One pass counts the CJK characters and blanks them out (findall built a list of them all:
    # a third of the time a 64 MB line took).
    rest, cjk = CJK_RE.subn(" ", text)
    words = len(WORD_RE.findall(rest))
    return cjk + words * 2


def _size_and_cjk(text: str) -> tuple[int, int]:
    """``text_size`` and the CJK characters of ``text``: one count serves both unless a URL (not
    reading, yet counted as CJK characters) had to go first."""
    if text.isascii():
        return text_size(text), 0
    if "://" in text or "www." in text or "@" in text:
        return text_size(text), CJK_RE.subn("", text)[1]
    # Not a class of the letters that are not CJK, which would save this copy: its Han ranges
    # cost 3 ms to compile, at every start.
    rest, cjk = CJK_RE.subn(" ", text)
    return cjk + len(WORD_RE.findall(rest)) * 2, cjk


def _fragments(text: str) -> int:
    """Pieces of CJK text split by spaces. A gap is whitespace after a CJK character: text that
    is ASCII, or has no space and no other whitespace (all of which is unprintable), has none."""
    if text.isascii() or (" " not in text and text.isprintable()):
        return 1
    return len(_cjk_pieces(text))


def _cjk_pieces(text: str) -> list[str]:
    """``text`` split at its CJK gaps, which are dropped.

    >>> _cjk_pieces("環 保 團體 ok 中文\u3000（注） a")
    ['環', '保', '團體 ok 中文', '（注） a']
    """
    pieces = []
    start = 0
    for gap in _WIDE_GAP.finditer(text):
        before = text[gap.start() - 1]
        after = text[gap.end()]
        if (
            "\u3400" <= before <= "\u9fff"
            or "\uff01" <= before <= "\uff5e"
            or before in _GAP_CLOSES
        ) and ("\u3400" <= after <= "\u9fff" or after in _GAP_OPENS):
            pieces.append(text[start : gap.start()])
            start = gap.end()
    pieces.append(text[start:])
    return pieces


def _unspace_cjk(text: str) -> str:
    """Undo letter-spacing ("環 保 團 體" → "環保團體"), which some sites use for every CJK line."""
    pieces = _cjk_pieces(text)
    single = sum(1 for p in pieces if len(p) == 1)
    if len(pieces) >= 6 and single >= 0.8 * len(pieces):
        return "".join(pieces)
    return text


def detect_dialect(lines: list[str]) -> Dialect:
    """Guess how the page was dumped from the artefacts its lines carry."""
    md = lynx = pipes = texty = 0
    for line in lines[:1500]:
        if not line:
            continue  # an empty line counts for nothing below
        if not line.isspace():
            texty += 1
        if "](" in line or line.endswith("  ") or line.lstrip().startswith(("* ", "#")):
            md += 1
        # Every lynx tag holds "[", "(" or ":": most lines need no regex (the costliest test).
        if (
            line.startswith("   ")
            or "_____" in line
            or (
                ("[" in line or "(" in line or ":" in line)
                and (_LYNX_ANYWHERE.search(line) or _LYNX_HEAD.match(line))
            )
        ):
            lynx += 1
        if line.rstrip().endswith("|"):  # (a line that is only "|" ends so too)
            pipes += 1
    n = max(1, texty)
    if md / n > 0.05 and md >= lynx:
        return Dialect.HTML2TEXT
    if lynx / n > 0.3:
        return Dialect.LYNX
    if pipes / n > 0.05:
        return Dialect.TABLE
    return Dialect.PLAIN


_SPECIAL = re.compile(r"[\\\[\]]")
_URL_CHARS = re.compile(r"[\\()\n]")
URL_LIMIT = 2048  # a link target longer than this is not a link target
# Nor one with more unescaped parentheses than this. Without a cap, a line of "[a](" or of
# backslashes made every "](" walk 2048 characters one special at a time: 64 MB took hours.
URL_SPECIALS = 16
# Links nested deeper than this are taken as text. html2text nests two (an image in a link); each
# level copies the anchor text inside it, so unbounded nesting was quadratic in the line length.
MAX_NEST = 16


def _url_end(text: str, k: int) -> int:
    """Index just past the ``)`` closing a link target that starts at ``k``; -1 if none."""
    depth = 1
    parens = 0
    escaped = -1
    for seen, m in enumerate(_URL_CHARS.finditer(text, k, min(len(text), k + URL_LIMIT))):
        if seen > 8 * URL_SPECIALS:
            return -1  # escapes cost too: a run of them is no link target either
        if m.start() == escaped:
            continue  # html2text escapes "(" and ")" inside targets: "\(" is not a paren
        c = m.group()
        if c == "\\":
            escaped = m.end()
            continue
        if c == "\n":
            return -1
        parens += 1
        if parens > URL_SPECIALS:
            return -1
        if c == "(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return -1


# A link with no bracket or backslash in its anchor and a target with no parenthesis: what almost
# every html2text link is. The target is as long as _url_end allows (it must close within
# URL_LIMIT characters).
_FLAT_LINK = re.compile(r"\[([^\[\]\\]*)\]\(([^()\\\n]{0," + str(URL_LIMIT - 1) + r"})\)")


def _place_anchor(
    buf: list[str], anchor: str, target: str, keep_links: bool, keep_images: bool
) -> bool:
    """Append what a link leaves in the text; True when its anchor counts as link text.

    An image is told by the "!" that ends the output so far: its alt text is not reading text.
    """
    if buf and buf[-1].endswith("!"):
        buf[-1] = buf[-1][:-1]
        buf.append(f"![{anchor}]({target})" if keep_images else "")
        return False
    if anchor and keep_links and not target.lower().startswith("javascript:"):
        buf.append(f"[{anchor}]({target})")
    else:
        buf.append(anchor)
    return bool(anchor)


def _strip_flat_links(
    text: str, authors: list[str] | None, keep_links: bool, keep_images: bool
) -> tuple[str, int, int] | None:
    """``_strip_links`` for a line whose brackets all belong to flat links, with no backslash;
    None for any other line. One regex pass instead of a walk from one bracket to the next: the
    same pieces in the same order, so the same output (an image is still told by the "!" ending
    the output so far, as there)."""
    if "\\" in text:
        return None
    buf: list[str] = []
    found: list[str] = []
    link_chars = 0
    anchors = 0
    i = 0
    # A target can hold an author path only if the line does (the pattern has no anchors): one
    # search of the line, not one per link, for most lines.
    look = authors is not None and _author_url().search(text) is not None
    for m in _FLAT_LINK.finditer(text):
        j = m.start()
        if j > i:
            piece = text[i:j]
            if "[" in piece or "]" in piece:
                return None
            buf.append(piece)
        anchor = m.group(1).strip()
        end = m.end()
        if look and anchor and _author_url().search(text, m.start(2), end):
            found.append(anchor)
        if keep_links or (buf and buf[-1].endswith("!")):
            shown = _place_anchor(buf, anchor, m.group(2), keep_links, keep_images)
        else:
            # What _place_anchor does for a link that is no image and is not kept, without
            # the call (most lines are links, many two or more).
            buf.append(anchor)
            shown = bool(anchor)
        if shown:
            link_chars += len(anchor.replace(" ", ""))
            anchors += 1
        i = end
    rest = text[i:]
    if "[" in rest or "]" in rest:
        return None
    buf.append(rest)
    if authors is not None:
        authors.extend(found)
    return _unref("".join(buf)), link_chars, anchors


def _unref(text: str) -> str:
    """Reference links and autolinks → their text; each substitution only where its mark is
    (nearly every line has neither, and a substitution with a callback costs a microsecond)."""
    if "][" in text:
        text = _REF_LINK.sub(lambda m: m.group(1), text)
    if "<http" in text:
        text = _AUTOLINK.sub(lambda m: m.group(1), text)
    return text


@cache
def _author_url() -> re.Pattern[str]:
    return re.compile(
        r"/(?:authors?|autor(?:en|in)?|auteurs?|autores?|profiles?|people|writers?|journalists?|"
        r"reporters?|columnists?|staff|redakt(?:eur|ion)|mitarbeiter)/",
        re.IGNORECASE,
    )


def _strip_links(
    text: str,
    authors: list[str] | None = None,
    *,
    keep_links: bool = False,
    keep_images: bool = False,
) -> tuple[str, int, int]:
    """Markdown links → their anchor text, images → nothing, in one linear pass.

    Handles nesting (``[![alt](img)](href)``) and targets with parentheses or spaces, which
    html2text writes unescaped for ``javascript:`` links. Also counts the anchor characters.
    ``keep_links``/``keep_images`` write those back as Markdown instead (``--links``, ``--images``).
    """
    if "](" not in text:
        return _AUTOLINK.sub(lambda m: m.group(1), text), 0, 0
    flat = _strip_flat_links(text, authors, keep_links, keep_images)
    if flat is not None:
        return flat
    buf: list[str] = []
    opens: list[int] = []
    link_chars = 0
    anchors = 0
    i, n = 0, len(text)
    while i < n:
        m = _SPECIAL.search(text, i)
        if m is None:
            buf.append(text[i:])
            break
        j = m.start()
        if j > i:
            buf.append(text[i:j])
        c = m.group()
        if c == "\\":
            buf.append(text[j : j + 2])
            i = j + 2
            continue
        if c == "[":
            if len(opens) < MAX_NEST:
                opens.append(len(buf))
            buf.append("[")
            i = j + 1
            continue
        # c == "]"
        if opens and text.startswith("(", j + 1):
            end = _url_end(text, j + 2)
            if end > 0:
                start = opens.pop()
                anchor = "".join(buf[start + 1 :]).strip()
                if authors is not None and anchor and _author_url().search(text, j + 2, end):
                    authors.append(anchor)
                del buf[start:]
                if _place_anchor(buf, anchor, text[j + 2 : end - 1], keep_links, keep_images):
                    link_chars += len(anchor.replace(" ", ""))
                    anchors += 1
                i = end
                continue
        if opens:
            opens.pop()
        buf.append("]")
        i = j + 1
    return _unref("".join(buf)), link_chars, anchors


def markup_text(raw: str, *, links: bool, images: bool) -> str:
    """A line's text with its links and/or images kept as Markdown, for ``--links``/``--images``."""
    text = _HEADING.sub("", raw)
    text, _, _ = _strip_links(text, keep_links=links, keep_images=images)
    text = _EMPH.sub("", _QUOTE.sub("", text)).strip()
    b = _leading_bullet(text)
    if b:
        text = text[b.end() :]
    text = _ESCAPE.sub(r"\1", text)
    if "|" in text and "](" not in text:
        text = " ".join(c for c in (c.strip() for c in _CELL_SPLIT.split(text)) if c)
    return _spaces().sub(" ", text).strip()


_LINK_TAIL = re.compile(r"\]\([^()\s]{0,2000}(?:\s+\"[^\"]{0,500}\")?\)")


def _starts_with_date(text: str) -> bool:
    found = find_dates(text[:40], dayfirst=True)
    return bool(found) and found[0].start == 0


def clean_line(number: int, raw: str, dialect: Dialect) -> Line:
    """Strip the dialect's artefacts from one line and measure what is left."""
    if not raw or raw.isspace():
        return Line(number, raw, "", (), 0, 0, (), 0, False, False, False)
    author_links: list[str] = []
    if dialect is Dialect.HTML2TEXT or "](" in raw:
        text, heading, link_chars, anchors = _unmark(raw, dialect, author_links)
    else:
        text, link_chars, anchors = raw, 0, 0
        # lynx indents its text by three spaces and prints headings flush left.
        heading = 2 if dialect is Dialect.LYNX and not raw[0].isspace() else 0
    # Each substitution runs only where its artefact can be: most lines have none of them.
    if "[" in text or "(" in text or "IFRAME" in text or "CAPTION" in text:
        text = _LYNX_TAG.sub(" ", text)
    if "____" in text:
        text = _FIELD.sub(" ", text)
    stripped, rule, bullet = _unlist(text.strip(), dialect)
    cells: tuple[str, ...] | str
    if "|" in stripped:
        split = tuple(c for c in (c.strip() for c in _CELL_SPLIT.split(stripped)) if c)
        stripped = " ".join(split)
        cells = split[0] if len(split) == 1 else split
    else:
        cells = stripped or ()
    if "  " in stripped or "\t" in stripped or "\u3000" in stripped or "\xa0" in stripped:
        stripped = _spaces().sub(" ", stripped).strip()
    if " " in stripped and CJK_RE.search(stripped):
        stripped = _unspace_cjk(stripped)
    if not stripped:
        image_only = "![" in raw or "[IMG" in raw or bool(_LYNX_TAG.search(raw))
        links = tuple(author_links)
        return Line(
            number, raw, "", cells, link_chars, anchors, links, heading, bullet, rule, image_only
        )
    visible = len(stripped) - stripped.count(" ")
    size, cjk = _size_and_cjk(stripped)
    # Positional, in field order (number … link_share): a keyword call costs more per line.
    return Line(
        number,
        raw,
        stripped,
        cells,
        link_chars,
        anchors,
        tuple(author_links) if author_links else (),
        heading,
        bullet,
        rule,
        False,  # image_only: the line has text
        size,
        cjk,
        len(SENTENCE_RE.findall(stripped)),
        len(CLAUSE_RE.findall(stripped)),
        _fragments(stripped),
        # Every ellipsis holds "…", ".." or "。。。": most lines need no search.
        ("…" in stripped or ".." in stripped or "。。。" in stripped)
        and ELLIPSIS_RE.search(stripped) is not None,
        min(1.0, link_chars / visible) if visible else 0.0,
    )


def _unmark(text: str, dialect: Dialect, author_links: list[str]) -> tuple[str, int, int, int]:
    """A Markdown line's text without its heading marks, links, emphasis and quote marks:
    (text, heading level, characters of link text, links), author-page links noted."""
    heading = link_chars = anchors = 0
    # A heading's "#" comes after at most three spaces: most lines need no match.
    m = _HEADING.match(text) if "#" in text[:4] else None
    if m:
        heading = len(m.group(1))
        text = text[m.end() :]
    if text.startswith("](") and (tail := _LINK_TAIL.match(text)):
        text = text[tail.end() :]  # closes a link whose text stood on the lines above
    if "](" in text or "<http" in text or "][" in text:
        text, link_chars, anchors = _strip_links(text, author_links)
    elif text.startswith("[") and "]" not in text and dialect is Dialect.HTML2TEXT:
        # Opens a link that html2text wrapped over several lines: all of it is link text.
        text = text[1:]
        link_chars, anchors = len(text.strip()), 1
    if "*" in text or "__" in text:
        text = _EMPH.sub("", text)
    if ">" in text:
        text = _QUOTE.sub("", text)
    return text, heading, link_chars, anchors


def _unlist(stripped: str, dialect: Dialect) -> tuple[str, bool, bool]:
    """A stripped line without a table rule or a list bullet: (text, was a rule, had a bullet).
    html2text's escapes are undone only after the bullet is known."""
    rule = (
        bool(stripped)
        and stripped[0] in _RULE_CHARS
        and _RULE_CHARS.issuperset(stripped)
        and (_TABLE_RULE.match(stripped) is not None or _HR.match(stripped) is not None)
    )
    if rule:
        stripped = ""
    bullet = False
    b = _leading_bullet(stripped)
    if b and stripped[0].isdigit() and _starts_with_date(stripped):
        b = None  # "31. März 2020" is a date, not item 31 of a list
    if b and stripped:
        bullet = True
        stripped = stripped[b.end() :]
    if dialect is Dialect.HTML2TEXT and "\\" in stripped:
        # Unescaped only now: html2text writes "31\. März" precisely so it is not a list item.
        stripped = _ESCAPE.sub(r"\1", stripped)
    return stripped, rule, bullet


def segment(lines: list[str], dialect: Dialect | None = None) -> tuple[Dialect, list[Line]]:
    """Clean every line; the list is as long as the input, one record per input line.

    >>> d, ls = segment(["# Title", "[home](/) | [news](/n)"])
    >>> [line.text for line in ls], d.value
    (['Title', 'home news'], 'html2text')
    """
    found = dialect or detect_dialect(lines)
    return found, [clean_line(i, raw, found) for i, raw in enumerate(lines, start=1)]
