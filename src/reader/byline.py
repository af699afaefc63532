"""Bylines: which lines carry the article's metadata, and what each says.

Finding and reading are one concern: a line is a byline when reading it yields fields and the
line is shaped like one (short, few sentences, not a list item or a numbered point). Reading
knows several forms, each a function of its own: labelled values (``作者：``, ``来源：``,
``By``…), a forum's "本贴由…于…发表", a bracketed newsroom lead (``【世界日報╱廣州12日電】``),
a reporter glued to the label (``記者李樹人／``), a ``文／`` credit, and a date no label owns.
Which byline belongs to the article (above its text, below it, under its headline) is the
parser's decision (``reader.parse``). The label tables are data in ``reader.metadata``; what a
person's name looks like is ``reader.names``.
"""

from __future__ import annotations

import re
from functools import cache

from reader.dates import find_dates
from reader.metadata import LABEL_RE, Field, control_words, label_field
from reader.names import (
    GARBAGE,
    NAME_LIST,
    latin_name_line,
    looks_like_cjk_name,
    name_from_anchor,
    people,
    split_names,
)
from reader.record import Record
from reader.segment import CJK_RE

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import ClassVar

    from reader.segment import Line

    # (field, label start, value start) for each label of a line, as find_labels gives them.
    Labels = list[tuple[Field, int, int]]

# A capital first (Latin, Greek or Cyrillic: "Álvarez", "Łukasz"), then up to three more words.
_NAME_WORD = (
    r"[A-ZÀ-ÖØ-ÞĀ-žΑ-ΩА-Я][\w.'\-]*"
    r"(?:[ \t]+(?!and\b)[A-Za-zÀ-ÖØ-öø-žΑ-ωА-я][\w.'\-]*){0,3}"
)
_BY_HINTS = ("by", "By", "BY", "ar", "on", "or")


@cache
def _by_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:^\s*(?:(?:Posted|Written|Words|Story|Text|Post author)\s+)?|(?<=\d)\s+)"
        r"(?:[Bb]y|BY|Par|par|[Vv]on|Por|por|Door|door)\s+(?P<names>"
        + _NAME_WORD
        + r"(?:\s*(?:,|and|&)\s*"
        + _NAME_WORD
        + r"){0,4})"
    )


_WEN_RE = re.compile(
    r"(?:^|[\s(（【\[])(?:文|图文|圖文)\s*[/／|｜]\s*(?P<name>(?:(?![\x00-\x7f])[^\W\d_]|·){2,4})"
)
# "本贴由大卫于…发表", "由海鸥张贴 @ 2005-06-14", "… 22:36:13 by duscha": forums and blogs name
# the poster in a sentence.
_POSTED_BY_RE = re.compile(
    r"(?:本贴由|本帖由|由)\s*(?P<who>[^\s于於,，]{2,20}?)\s*"
    r"(?:[于於]\s*(?:19|20)\d\d|(?:张贴|張貼)\s*(?:[@于於]|(?:19|20)\d\d))"
    r"|(?<=\d)\s+by\s+(?P<user>[\w.\-]{2,30})\b"
)
# "本贴由大卫于2005年8月12日16:12:21在〖…〗发表": forums date a post in a sentence.
_POSTED_AT_RE = re.compile(
    r"[于於]\s*(?P<when>(?:19|20)\d\d[^\n]{4,24}?)[^\n]{0,40}?(?:发表|發表|发布|發佈|发帖|發帖)"
)
# "【世界日報╱廣州12日電】", "【華視新聞╱報導】": newsroom and dateline in brackets.
_NEWSROOM_RE = re.compile(
    r"^\s*[【\[]\s*(?P<source>[^】\]╱／/|]{2,20}?)\s*[╱／/|][^】\]]{0,30}?"
    r"(?:报道|報導|電|电|讯|訊|報|报)\s*[】\]]"
)
# "【聯合晚報╱記者李樹人／即時報導】": the reporter's name glued to the label, then a delimiter.
_GLUED_REPORTER_RE = re.compile(
    r"(?:记者|記者|通讯员|通訊員)(?P<name>(?![\x00-\x7f])[^\W\d_]{2,3})(?=\s*(?:[／/╱】\]）)|｜,，、]|报道|報導|$))"
)
_CREDIT_RE = re.compile(
    r"[(（【\[]\s*(?P<credit>[^()（）\[\]【】]{2,60}?(?:供稿|供图|摄|攝|报道|報導|撰稿|整理|编辑|編輯))\s*[)）】\]]\s*$"
)

_VALUE_CUT = re.compile(r"\s{2,}|[|｜【\[<>()（）]|\u3000")
_NUMBER = re.compile(r"\d[\d,]*")


class Byline(Record):
    """What one or more byline lines said; ``fields`` lists the labels seen, for explanations.
    Filled in place as lines are read; a ``Record`` (see ``reader.record``), unhashable."""

    __slots__ = (  # noqa: RUF023 (field order)
        "authors",
        "source",
        "published",
        "updated",
        "date",
        "views",
        "editor",
        "credits",
        "fields",
    )
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __init__(
        self,
        authors: list[str] | None = None,
        source: str | None = None,
        published: str | None = None,
        updated: str | None = None,
        date: str | None = None,
        views: int | None = None,
        editor: str | None = None,
        credits: list[str] | None = None,
        fields: list[Field] | None = None,
    ) -> None:
        self.authors = [] if authors is None else authors
        self.source = source
        self.published = published
        self.updated = updated
        self.date = date
        self.views = views
        self.editor = editor
        self.credits = [] if credits is None else credits
        self.fields = [] if fields is None else fields


def _clean_value(raw: str) -> str:
    value = _VALUE_CUT.split(raw.strip(), maxsplit=1)[0]
    return value.strip(" \t:：,，;；·|-—")


_TIMES = re.compile(r"\s*\d[\d,]*\s*(?:人次|次)")


def find_labels(text: str) -> list[tuple[Field, int, int]]:
    """(field, label start, value start) for each label in the line, in order.

    A label without a colon counts only where the label is unambiguous (记者, By, 文/).
    """
    out: list[tuple[Field, int, int]] = []
    for m in LABEL_RE.finditer(text):
        label = m.group("label")
        f = label_field(label)
        colon = m.group("colon")
        if f is Field.VIEWS and (not colon or colon.isspace()):
            # "阅读10544次", "点击 123 次": a count of times needs no colon.
            if not _TIMES.match(text, m.end()):
                continue
        elif not colon:
            # "发表于2005年09月07日": a label glued to a year is a date label or nothing.
            if f not in (Field.PUBLISHED, Field.UPDATED):
                continue
        elif colon.isspace():
            # "记者 张三", "Updated Nov 20" – without a colon, only before a name or a date.
            rest = text[m.end() :]
            if f in (Field.PUBLISHED, Field.UPDATED):
                # "Updated Nov 20", "Veröffentlicht am 13. März", "Publié le 3 mai": a short word
                # may stand between the label and its date.
                near = find_dates(rest[:40])
                if not near or near[0].start > 5:
                    continue
            elif f is Field.AUTHOR and label in (
                "记者",
                "記者",
                "本报记者",
                "本報記者",
                "通讯员",
                "通訊員",
            ):
                pass
            else:
                continue
        elif colon in "/／" and f is not Field.AUTHOR:
            continue
        # A label glued to the previous word is part of it (e.g. 新华社记者 is fine, 编辑部 is not).
        if m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha():
            continue
        out.append((f, m.start(), m.end()))
    return out


def read_byline(
    text: str,
    into: Byline | None = None,
    *,
    dayfirst: bool = False,
    labels: list[tuple[Field, int, int]] | None = None,
) -> Byline:
    """Read one line's fields into a Byline (a new one unless given), form by form (``FORMS``).

    ``labels`` is ``find_labels(text)`` when the caller has it already (``is_byline`` does, for
    every candidate line): finding them again was a tenth of the byline test's time.

    >>> b = read_byline("作者:佚名 文章来源:本站原创 点击数: 更新时间:2022/11/20 0:25:22")
    >>> b.authors, b.source, b.views, b.updated
    ([], '本站原创', None, '2022-11-20T00:25:22')
    """
    b = into if into is not None else Byline()
    if labels is None:
        labels = find_labels(text)
    for form in FORMS:
        form(text, b, labels, dayfirst)
    return b


def _labelled(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """``label: value`` pairs; a label owns the text up to the next one."""
    for i, (f, start, vstart) in enumerate(labels):
        vend = labels[i + 1][1] if i + 1 < len(labels) else len(text)
        segment = text[vstart:vend]
        b.fields.append(f)
        if f in (Field.PUBLISHED, Field.UPDATED):
            dates = find_dates(segment, dayfirst=dayfirst)
            if dates:
                iso = dates[0].iso
                if f is Field.UPDATED:
                    b.updated = b.updated or iso
                else:
                    b.published = b.published or iso
            continue
        value = _clean_value(segment)
        if f is Field.AUTHOR:
            # "作者：张三 2022-11-20": a date glued after the name is not part of it.
            for d in find_dates(value, dayfirst=dayfirst):
                value = value[: d.start].strip()
                break
            for name in split_names(value):
                if name not in b.authors:
                    b.authors.append(name)
        elif f is Field.SOURCE:
            # 本站原创 ("this site's own") is a real answer to "where from", unlike 佚名 for "who".
            if value and not GARBAGE.search(value) and b.source is None:
                b.source = value
        elif f is Field.VIEWS:
            n = _NUMBER.match(value)
            if n and b.views is None:
                b.views = int(n.group().replace(",", ""))
        elif f is Field.EDITOR:
            names = split_names(value)
            if names and not b.editor:
                b.editor = "、".join(names)
        elif f is Field.CREDIT and value:
            b.credits.append(f"{text[start:vstart].strip(' :：')}：{value}")


def _by(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """ "By Jane Roe and John Doe", "Par …", "von …": names after a by-word."""
    # Each "by" word (By, Par, von, Por, Door…) holds one of these: most lines need no search.
    by = _by_re().search(text) if any(w in text for w in _BY_HINTS) else None
    if by:
        b.fields.append(Field.AUTHOR)
        for name in split_names(by.group("names")):
            if name not in b.authors:
                b.authors.append(name)


def _posted(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A forum's or blog's sentence: "本贴由大卫于2005年8月12日…发表", "… 22:36:13 by duscha"."""
    poster = _POSTED_BY_RE.search(text)
    if poster and not b.authors:
        b.authors.append(poster.group("who") or poster.group("user"))
        b.fields.append(Field.AUTHOR)
    posted = _POSTED_AT_RE.search(text)
    if posted and b.published is None:
        found = find_dates(text[posted.start("when") :], dayfirst=dayfirst)
        if found:
            b.published = found[0].iso
            b.fields.append(Field.PUBLISHED)


def _newsroom(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A bracketed newsroom lead: "【世界日報╱廣州12日電】" names the source."""
    newsroom = _NEWSROOM_RE.match(text)
    if newsroom and Field.SOURCE not in b.fields:
        b.fields.append(Field.SOURCE)
        b.source = b.source or newsroom.group("source")


def _glued(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A reporter glued to the label ("記者李樹人／"), or a "文／王某" credit."""
    for pattern in (_GLUED_REPORTER_RE, _WEN_RE):
        m = pattern.search(text)
        if m and Field.AUTHOR not in b.fields and looks_like_cjk_name(m.group("name")):
            b.fields.append(Field.AUTHOR)
            b.authors.append(m.group("name"))


def _plain_date(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A date no date label owns ("By Cat Lafuente/June 12, 2020/Updated: Aug. 18, 2020"): the
    first such date is the line's plain date."""
    if b.date is not None:
        return
    owned = [
        (start, labels[k + 1][1] if k + 1 < len(labels) else len(text))
        for k, (f, start, _) in enumerate(labels)
        if f in (Field.PUBLISHED, Field.UPDATED)
    ]
    for d in find_dates(text, dayfirst=dayfirst):
        if not any(lo <= d.start < hi for lo, hi in owned):
            b.date = d.iso
            b.fields.append(Field.DATE)
            break


# The forms a byline line is read in, in order: where two give one field, the first wins.
FORMS: tuple[Callable[[str, Byline, Labels, bool], None], ...] = (
    _labelled,
    _by,
    _posted,
    _newsroom,
    _glued,
    _plain_date,
)


def merge(into: Byline, other: Byline) -> Byline:
    """Fold another line's fields in; the first value seen for a field wins."""
    for name in other.authors:
        if name not in into.authors:
            into.authors.append(name)
    into.source = into.source or other.source
    into.published = into.published or other.published
    into.updated = into.updated or other.updated
    into.date = into.date or other.date
    into.views = into.views if into.views is not None else other.views
    into.editor = into.editor or other.editor
    into.credits.extend(c for c in other.credits if c not in into.credits)
    into.fields.extend(other.fields)
    return into


_TAIL_AUTHOR_RE = re.compile(
    r"[(（]\s*(?:(?:本报|本報|新华社|新華社|新华网|中新社|中新網)?(?:记者|記者|通讯员|通訊員)\s*)?"
    r"(?P<names>"
    + NAME_LIST
    + r")(?:\s+(?![\x00-\x7f])[^\W\d_]{2,8}(?:报道|報導|電|电))?\s*[)）]\s*$"
)


def tail_authors(text: str) -> list[str]:
    """Authors named at a paragraph's end: ``…（记者 胡晓蓉）``, ``…（姚峰 上海报道）``."""
    m = _TAIL_AUTHOR_RE.search(text[-60:])
    return people(m.group("names")) if m else []


def find_credit(text: str) -> str | None:
    """A trailing credit in a paragraph: ``（某某宣传部 某某供稿）`` → ``某某宣传部 某某供稿``."""
    m = _CREDIT_RE.search(text)
    return m.group("credit").strip() if m else None


_MAYBE_META = re.compile(
    r"\d|[:：/／╱]|记者|記者|通讯员|通訊員|报道|報導|[Bb]y |BY |[Vv]on |Par |Por |Door "
)
# (?:(?<!\s)\s+)? takes leading spaces from the start of their run only: a bare \s* retries a long
# run of spaces that no separator follows from each of its positions, O(n²).
# A numbered point with the enumeration comma ("2、", "三、"), which no date uses.
_POINT = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})、")


def _only_a_date(text: str, dayfirst: bool) -> bool:
    found = find_dates(text, dayfirst=dayfirst)
    return len(found) == 1 and len(text) - (found[0].end - found[0].start) <= 3


# Counts and separators around a name in a row of post details ("· Jane Roe · 6").
_NAME_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def is_byline(line: Line, dayfirst: bool = False) -> Byline | None:
    """A short line carrying labelled metadata (or a lone date with a label-free source)."""
    text = line.text
    if line.empty or len(text) > 220:
        return None
    if line.link_share > 0.8 and not line.author_links and not _only_a_date(text, dayfirst):
        return None  # a link, unless it is the post's date linking to its permalink
    if not (_MAYBE_META.search(text) or line.author_links):
        return None  # cheap test first: every byline has a digit, a label or "by"
    if line.cjk >= 40 and line.sentences + line.clauses >= 3:
        return None  # prose that happens to name its reporter ("据新华社电（记者 张三）…")
    labels = find_labels(text)
    b = read_byline(text, dayfirst=dayfirst, labels=labels)
    if len(line.cells) > 1 and not b.authors:
        # "Home | By Jane Roe | 30 September 2018": "By" starts a cell, not the line.
        for cell in line.cells:
            merge(b, read_byline(cell, dayfirst=dayfirst))
    if line.author_links and not b.authors and line.size <= 40 and line.anchors <= 3:
        # A link to the writer's page (…/author/jane-roe) names the author, labelled or not.
        named = (name_from_anchor(a) for a in line.author_links)
        b.authors = list(dict.fromkeys(a for a in named if a))
        b.fields.append(Field.AUTHOR)
        if b.authors:
            return b
    strong = {f for f, _, _ in labels if f is not Field.CREDIT}
    dated = b.date or b.published or b.updated
    if line.bullet and len(strong) < 2 and not (b.authors and len(text) < 60) and not dated:
        # A list item with one label ("开放时间：9:00—22:00") is content, not a byline; blog
        # themes list the post's author and date as items ("* Post author By …").
        return None
    if _POINT.match(text) and len(strong) < 2:
        return None  # "2、初试时间：2004年3月底": a numbered point of the text, not a byline
    if Field.SOURCE in b.fields and not labels and len(text) <= 40:
        return b  # a bracketed newsroom dateline: "【世界日報╱廣州12日電】"
    has_value = b.authors or b.source or b.published or b.updated or b.views is not None or b.editor
    if Field.PUBLISHED in b.fields and b.published and len(text) <= 160 and line.sentences <= 1:
        return b  # "本贴由大卫于2005年8月12日…发表."
    if (
        strong
        and has_value
        and (
            (len(text) <= 80 and line.sentences <= 1) or (len(strong) >= 2 and line.sentences <= 2)
        )
    ):
        return b
    if strong and len(text) < 40 and not has_value:
        return b  # "作者：佚名": a byline whose values are placeholders is still a byline
    if b.authors and Field.AUTHOR in b.fields and len(text) < 60:
        return b
    if b.date and len(text) <= 40 and len(CJK_RE.sub("", text)) >= 6:
        # A line that is mostly a date ("2012年01月11日 10:22:11"), not a sentence mentioning one.
        rest = text
        for d in find_dates(text):
            rest = rest.replace(text[d.start : d.end], "")
        # Blog themes print date, writer and comment count in a row ("1. Februar 2022
        # Luis Holuch 6"): a name-shaped rest is the writer.
        writer = [] if b.authors else latin_name_line(_NAME_EDGES.sub("", rest.strip()))
        if writer:
            b.authors = writer
            b.fields.append(Field.AUTHOR)
        if writer or len(rest.strip()) <= 12:
            return b
    if b.date and len(text) <= 90 and control_words(text) and line.sentences == 0:
        return b  # "2012年01月17日 19:37 已有0人阅读 字号：T T 打印": date among page controls
    if b.date and len(text) <= 90 and text.startswith(("http://", "https://", "www.")):
        return b  # "http://www.site.com 2012年01月12日 17:04 新浪财经": a dateline
    return None
