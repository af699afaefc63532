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

from reader.dates import find_dates
from reader.lazyre import lazy
from reader.metadata import LABEL_RE, PLACES, Field, control_words, label_field
from reader.names import (
    GARBAGE,
    glued_names,
    is_latin_org,
    is_org,
    is_person,
    is_place,
    is_placeholder,
    is_ui_word,
    latin_name_line,
    looks_like_cjk_name,
    name_from_anchor,
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


_by_re = lazy(
    r"(?:^\s*(?:(?:Posted|Written|Words|Story|Text|Post author)\s+)?|(?<=\d)\s+)"
    r"(?:[Bb]y|BY|Par|par|[Vv]on|Por|por|Door|door)\s+(?P<names>"
    + _NAME_WORD
    + r"(?:\s*(?:,|and|&)\s*"
    + _NAME_WORD
    + r"){0,4})"
)


_WEN_RE = lazy(
    r"(?:^|[\s(（【\[])(?:文|图文|圖文)\s*[/／|｜]\s*(?P<name>(?:(?![\x00-\x7f])[^\W\d_]|·){2,4})"
)
# "本贴由大卫于…发表", "由海鸥张贴 @ 2005-06-14", "… 22:36:13 by duscha": forums and blogs name
# the poster in a sentence.
_POSTED_BY_RE = lazy(
    r"(?:本贴由|本帖由|由)\s*(?P<who>[^\s于於,，]{2,20}?)\s*"
    r"(?:[于於]\s*(?:19|20)\d\d|(?:张贴|張貼)\s*(?:[@于於]|(?:19|20)\d\d))"
    r"|(?<=\d)\s+by\s+(?P<user>[\w.\-]{2,30})\b"
)
# "本贴由大卫于2005年8月12日16:12:21在〖…〗发表": forums date a post in a sentence.
_POSTED_AT_RE = lazy(
    r"[于於]\s*(?P<when>(?:19|20)\d\d[^\n]{4,24}?)[^\n]{0,40}?(?:发表|發表|发布|發佈|发帖|發帖)"
)
# "【世界日報╱廣州12日電】", "【華視新聞╱報導】", "【台灣醒報記者潘姿羽台北報導】": newsroom and
# dateline in brackets.
_NEWSROOM_RE = lazy(
    r"^\s*[【\[〔]\s*(?P<inner>[（(]?[^】\]〕╱／/∕|记記]{2,20}?\s*(?:[╱／/∕|]|(?=记者|記者))[^】\]〕]{0,30}?"
    r"(?:报道|報導|電|电|讯|訊|報|报|[^\W\d_]{2,4}[)）]?))\s*[】\]〕]"
)
# "【聯合晚報╱記者李樹人／即時報導】", "半月谈记者谭飞王艳明闫鹃": the reporter's name (or names
# run together) glued to the label, then a delimiter.
_GLUED_REPORTER_RE = lazy(
    r"(?:记者|記者|通讯员|通訊員)(?P<name>(?:(?![\x00-\x7f])[^\W\d_]){2,12}?)"
    r"(?=\s|[／/╱∕】\]）)|｜,，、]|即時|即时|报道|報導|$)"
)
_CREDIT_RE = lazy(
    r"[(（【\[]\s*(?P<credit>[^()（）\[\]【】]{2,60}?(?:供稿|供图|摄|攝|报道|報導|撰稿|整理|编辑|編輯))\s*[)）】\]]\s*$"
)

_VALUE_CUT = lazy(r"\s{2,}|[|｜【\[<>()（）\]】]|\u3000")
_NUMBER = lazy(r"\d[\d,]*")
# Page furniture that follows a value on its line, where the cells that kept them apart are gone:
# comment links and counts, share and font controls, tags, "report", pagination, a second
# credit ("来源：人民日报 字号：大 中 小", "京华时报网络版 暂无网友评论", "兰晶 | 分享到：…").
_FURNITURE = lazy(
    r"(?:发表|發表|查看|我要|暂无|暫無|网友|網友|参与|參與)|评论|評論|举报|舉報|手机看|手機看|分享|字号|字號"
    r"|字体|字體|打印|收藏|标签|標籤|关键字|關鍵字|关键词|關鍵詞|我来说两句|我來說兩句|第\s*\d+\s*[页頁]"
    r"|返回|更多|点击|點擊|微博|微信|[,，;；]\s*(?:摘自|转自|轉自|原载|原載)"
)


# The fields a byline can fill, as Byline names them.
VALUE_FIELDS = ("authors", "source", "outlet", "published", "updated", "date", "views", "editor")


class Byline(Record):
    """What one or more byline lines said; ``fields`` lists the labels seen, for explanations.
    Filled in place as lines are read; a ``Record`` (see ``reader.record``), unhashable."""

    __slots__ = (  # noqa: RUF023 (field order)
        "authors",
        "source",
        "outlet",
        "published",
        "updated",
        "date",
        "views",
        "editor",
        "credits",
        "fields",
        "cited",
        "origin",
    )
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __init__(
        self,
        authors: list[str] | None = None,
        source: str | None = None,
        outlet: str | None = None,
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
        # An outlet printed beside the date without a label: weaker than a labelled source.
        self.outlet = outlet
        self.published = published
        self.updated = updated
        self.date = date
        self.views = views
        self.editor = editor
        self.credits = [] if credits is None else credits
        self.fields = [] if fields is None else fields
        self.cited = False  # the source is where the text says it first appeared
        # field → (the byline form that gave it, its line number once placed): reader explain
        self.origin: dict[str, tuple[str, int | None]] = {}

    def filled(self) -> frozenset[str]:
        """The names of the fields that hold a value."""
        return frozenset(f for f in VALUE_FIELDS if getattr(self, f) not in (None, []))

    def _state(self) -> tuple[object, ...]:
        """The values, cheaply compared: whether a form changed anything."""
        return (
            len(self.authors),
            self.source,
            self.outlet,
            self.published,
            self.updated,
            self.date,
            self.views,
            self.editor,
        )

    def note(self, form: str, line: int | None = None) -> Byline:
        """Say that ``form`` gave the filled fields no form has claimed yet."""
        for f in self.filled():
            self.origin.setdefault(f, (form, line))
        return self

    def at_line(self, line: int) -> Byline:
        """Say which line the fields were read from."""
        self.origin = {f: (form, line) for f, (form, _) in self.origin.items()}
        return self


def _clean_value(raw: str, dayfirst: bool = False) -> str:
    """A label's value without what follows it on the line: the next cell, page furniture, a
    date. A value in CJK script ends at a space too: publications and names have none."""
    value = _VALUE_CUT().split(raw.strip(), maxsplit=1)[0]
    value = _FURNITURE().split(value, maxsplit=1)[0]
    for d in find_dates(value, dayfirst=dayfirst):
        value = value[: d.start]
        break
    return value.strip(" \t:：,，;；·|-—")


# Sources that say only that the article was copied from somewhere: a real one, at the foot
# ("来源：新闻晨报"), may follow.
_REPOSTED = frozenset(
    {"转载文章", "轉載文章", "转载", "轉載", "网络转载", "網絡轉載", "互联网", "互聯網"}
)
# The credits of a picture's maker, after the name ("郭立亮 摄"): no writer's.
_PHOTO_TAILS = (
    " 摄",
    " 攝",
    " 摄影",
    " 攝影",
    " 编制",
    " 編製",
    " 制图",
    " 製圖",
    " 供图",
    " 供圖",
)
# The labels of a reporter: a value glued to one is the reporter's outlet ("半月谈记者谭飞").
_REPORTER_LABELS = ("记者", "記者", "通讯员", "通訊員", "本报记者", "本報記者")


# Date labels that are everyday words too: a label only where no word runs into them.
_SHORT_DATE_LABELS = frozenset({"时间", "時間", "日期", "发布", "發佈", "發布", "发表", "發表"})
# "Updated 11:21 pm CST, Tuesday, November 19, 2019": the time and the weekday before the date.
_CLOCK_FIRST = lazy(
    r"\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?[,\s]*(?:[A-Z][a-z]+day)?[,\s]*$",
    re.IGNORECASE,
)
_TIMES = lazy(r"\s*\d[\d,]*\s*(?:人次|次)")


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
            if not _TIMES().match(text, m.end()):
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
                near = find_dates(rest[:60])
                if not near or (
                    near[0].start > 5 and not _CLOCK_FIRST().match(rest[: near[0].start])
                ):
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
        before = text[m.start() - 1] if m.start() > 0 else " "
        if before.isascii() and before.isalpha():
            continue
        if label in _SHORT_DATE_LABELS and before >= "\u3400" and before.isalpha():
            continue  # "莫斯科时间1967年4月23日": the time of a place in a sentence, no label
        if label.lower() == "from" and text[: m.start()].strip(" |·-*"):
            continue  # "From: Daily Mail" opens a line; "Email from:" is a form's field
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
        state = b._state()
        form(text, b, labels, dayfirst)
        if b._state() != state:  # the form read something: say so of the fields it filled
            b.note(FORM_NAMES[form.__name__])
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
        value = _clean_value(segment, dayfirst)
        if f is Field.AUTHOR:
            glued = vend < len(text) and text.startswith(_REPORTER_LABELS, vend)
            if glued and not segment[-1:].isspace():
                continue  # "作者：半月谈记者谭飞": the outlet whose reporter follows
            if f" {value}".endswith(_PHOTO_TAILS):
                continue  # "本报记者 郭立亮 摄": a photographer's credit under a picture
            for name in split_names(value):
                if name not in b.authors:
                    b.authors.append(name)
        elif f is Field.SOURCE:
            value = value.strip('《》〈〉「」『』“”"')
            if value and value[0] >= "\u3040" and " " in value:
                value = value.split(" ", 1)[0]  # CJK publications have no spaces in their names
            # 本站原创 ("this site's own") is a real answer to "where from", unlike 佚名 for "who".
            if (
                value
                and not GARBAGE().search(value)
                and "@" not in value
                and b.source is None
                and value not in _REPOSTED
            ):
                b.source = value
        elif f is Field.VIEWS:
            n = _NUMBER().match(value)
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
        names = split_names(by.group("names"))
        people = [n for n in names if not is_latin_org(n)]
        if people and len(people) < len(names):
            # "By Jill Disis, CNN Business": the writer's outlet beside the writer; a desk
            # ("IGN Staff") is the page's own, no source
            outlet = next(n for n in names if is_latin_org(n))
            if not outlet.endswith("Staff"):
                b.outlet = b.outlet or outlet
            names = people
        for name in names:
            if name not in b.authors:
                b.authors.append(name)


def _posted(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A forum's or blog's sentence: "本贴由大卫于2005年8月12日…发表", "… 22:36:13 by duscha"."""
    if "由" not in text and " by " not in text and "于" not in text and "於" not in text:
        return  # both sentences hold one of these: most lines need no search
    poster = _POSTED_BY_RE().search(text)
    if poster and not b.authors:
        b.authors.append(poster.group("who") or poster.group("user"))
        b.fields.append(Field.AUTHOR)
    posted = _POSTED_AT_RE().search(text)
    if posted and b.published is None:
        found = find_dates(text[posted.start("when") :], dayfirst=dayfirst)
        if found:
            b.published = found[0].iso
            b.fields.append(Field.PUBLISHED)


def _newsroom(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A bracketed newsroom lead: "【世界日報╱廣州12日電】" names the source, "【王己由／台北報導】"
    the reporter."""
    if text.lstrip()[:1] not in ("【", "[", "〔"):
        return  # the lead opens the line in a bracket
    newsroom = _NEWSROOM_RE().match(text)
    if newsroom is None or Field.SOURCE in b.fields:
        return
    found = read_bracket(newsroom.group("inner"))
    if found is not None:
        b.fields.append(Field.SOURCE if found.source else Field.AUTHOR)
        b.source = b.source or found.source
        if not b.authors:
            b.authors = found.authors


def _glued(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """A reporter glued to the label ("記者李樹人／", "记者谭飞王艳明闫鹃", "新华社记者任海军 阳建"),
    read as a credit to the end of its bracket (so "記者陳立凱／攝影" names a photographer); or a
    "文／王某" credit."""
    if b.authors or not any(w in text for w in _GLUE_HINTS):
        return  # every such credit holds a reporter's label or 文: most lines need no search
    m = _GLUED_REPORTER_RE().search(text)
    if m is not None:
        credit = _CREDIT_END().split(text[m.start() :], maxsplit=1)[0]
        names = read_credit(credit).authors
    else:
        wen = _WEN_RE().search(text)
        names = glued_names(wen.group("name")) if wen is not None else []
    if names:
        b.fields.append(Field.AUTHOR)
        b.authors.extend(names)


_GLUE_HINTS = ("记者", "記者", "通讯员", "通訊員", "文")
# Where a credit inside a line ends: its bracket closes, the next cell or label starts.
_CREDIT_END = lazy(
    r"[】\]〕)）|｜，。；！？,;]|\s{2,}|(?:来源|來源|稿源|时间|時間|发布|發佈|發布|编辑|編輯)\s*[:：]"
)


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
            if text.startswith(_UPDATE_WORDS, d.end) and b.updated is None:
                b.updated = d.iso  # "2005-04-27 14:32更新"
                b.fields.append(Field.UPDATED)
            else:
                b.date = d.iso
                b.fields.append(Field.DATE)
            break


_UPDATE_WORDS = ("更新", " 更新", "修改", " 修改")


# What reader explain calls each form.
FORM_NAMES = {
    "_labelled": "label",
    "_by": "by-line",
    "_posted": "forum post",
    "_newsroom": "bracketed lead",
    "_glued": "reporter's credit",
    "_source_slot": "outlet beside the date",
    "_plain_date": "date",
}


# The forms a byline line is read in, in order: where two give one field, the first wins.
def _source_slot(text: str, b: Byline, labels: Labels, dayfirst: bool) -> None:
    """The outlet portals print without a label beside the date: after it on a dateline
    ("http://www.sina.com.cn 2012年01月12日15:57 凤凰网", "2022-02-13 09:57 光明网"), or before it
    with the credit ("欣傳媒╱記者丁彥伶／台北報導 2012-01-17 17:03", "北京新浪網 (2012-01-16 14:40)")."""
    if b.source is not None or b.outlet is not None or Field.SOURCE in b.fields:
        return
    dates = find_dates(text, dayfirst=dayfirst)
    if not dates:
        return
    before, after = text[: dates[0].start], text[dates[-1].end :]
    if _DATELINE_LEAD().fullmatch(before):
        outlet = _FURNITURE().split(_VALUE_CUT().split(after.strip(), maxsplit=1)[0], maxsplit=1)[0]
        outlet = outlet.strip(" \t:：|·-—")
        if outlet[:1] >= "\u3040":
            outlet = outlet.split(" ", 1)[0]
    else:
        m = _OUTLET_FIRST().match(before)
        outlet = m.group("outlet") if m else ""
        if m is not None and m.group("paren") and not outlet.endswith(_OUTLET_TAILS):
            outlet = ""  # "Some headline (2012/1/15 16:41)": a list's entry, unless an outlet
    outlet = _UNKNOWN_TAIL().sub("", outlet)  # "博客佚名": the outlet, its writer unknown
    if _is_outlet(outlet) and not labels and not _NOT_OUTLET().search(outlet):
        b.outlet = outlet
        b.fields.append(Field.SOURCE)


# What stands before the date on a portal's dateline: nothing, the site's address, a label.
_DATELINE_LEAD = lazy(
    r"[\W_]*(?:(?:https?://|www\.)\S+)?[\s<>#*|]*(?:时间|時間|日期|发布|發佈|發布)?[:：\s]*"
)
# "欣傳媒╱…", "北京新浪網 (": the outlet before a credit or a bracketed date.
_OUTLET_FIRST = lazy(r"^[\s*#]*(?P<outlet>[^\s╱／/∕(（|]{2,12})\s*(?:[╱／∕]|(?P<paren>[(（])\s*$)")
_UNKNOWN_TAIL = lazy(r"(?:佚名|未知|匿名|不详|不詳)$")
# What else follows a date: the weekday, the time zone, a reading counter.
_NOT_OUTLET = lazy(
    r"^(?:星期|禮拜|礼拜|周|週)[一二三四五六日天]|(?:时间|時間)$|^已有|^(?:ET|EST|EDT|PT|PST|PDT|CT|CST"
    r"|GMT|UTC|BST|CET|CEST|IST|JST|HKT|AM|PM|A\.M\.|P\.M\.)(?![A-Za-z])|\b(?:read|ago)\b"
)


def _is_outlet(name: str) -> bool:
    """A publication's name as portals print it: short, no sentence, no control or interface
    word, no person's name, no number."""
    return (
        2 <= len(name) <= 16
        and sum(c.isalpha() for c in name) >= 2
        and not _SENTENCE_MARKS().search(name)
        and not is_ui_word(name)
        and not control_words(name)
        and not is_placeholder(name)
        # a person's name, though a four-character one is rarely one ("游民星空")
        and (name.endswith(_OUTLET_TAILS) or len(name) > 3 or not looks_like_cjk_name(name))
        and not latin_name_line(_NAME_EDGES().sub("", name))
        and not _COUNT_TAIL().search(name)
        and (name[0] >= "\u3040" or name[0].isupper() or name[0].isdigit())
    )


_COUNT_TAIL = lazy(r"\s\d+$")  # "… 6": a count of comments after a name
_PROSE_MARKS = lazy(r"[。！？，；]")  # what a sentence has and a dateline does not
_SENTENCE_MARKS = lazy(r"[。！？，、；：!?;,:]")


FORMS: tuple[Callable[[str, Byline, Labels, bool], None], ...] = (
    _labelled,
    _by,
    _posted,
    _newsroom,
    _glued,
    _source_slot,
    _plain_date,
)


def merge(into: Byline, other: Byline) -> Byline:
    """Fold another line's fields in; the first value seen for a field wins."""
    _take_origin(into, other, into.filled())
    for name in other.authors:
        if name not in into.authors:
            into.authors.append(name)
    _fill_rest(into, other)
    into.fields.extend(other.fields)
    return into


def _take_origin(into: Byline, other: Byline, had: frozenset[str]) -> None:
    """The origins of the fields ``into`` will take from ``other`` (those it lacks)."""
    for f in other.filled() - had:
        if f in other.origin:
            into.origin[f] = other.origin[f]


def fill(into: Byline, other: Byline) -> Byline:
    """Take another byline's fields only where ``into`` has none: weaker evidence than what
    ``into`` holds (authors as a whole list, not one by one)."""
    _take_origin(into, other, into.filled())
    if not into.authors:
        into.authors = list(other.authors)
    _fill_rest(into, other)
    return into


def _fill_rest(into: Byline, other: Byline) -> None:
    """Every field but the authors (which ``merge`` and ``fill`` take differently): a value
    ``into`` lacks comes from ``other``; credits are added."""
    into.source = into.source or other.source
    into.outlet = into.outlet or other.outlet
    into.published = into.published or other.published
    into.updated = into.updated or other.updated
    into.date = into.date or other.date
    into.views = into.views if into.views is not None else other.views
    into.editor = into.editor or other.editor
    into.credits.extend(c for c in other.credits if c not in into.credits)


def find_credit(text: str) -> str | None:
    """A trailing credit in a paragraph: ``（某某宣传部 某某供稿）`` → ``某某宣传部 某某供稿``."""
    if not text.rstrip().endswith((")", "）", "】", "]")):
        return None  # the credit closes the paragraph in a bracket: most paragraphs end otherwise
    m = _CREDIT_RE().search(text)
    return m.group("credit").strip() if m else None


_MAYBE_META = lazy(
    r"\d|[:：/／╱]|记者|記者|通讯员|通訊員|报道|報導|[Bb]y |BY |[Vv]on |Par |Por |Door "
)
# (?:(?<!\s)\s+)? takes leading spaces from the start of their run only: a bare \s* retries a long
# run of spaces that no separator follows from each of its positions, O(n²).
# A numbered point with the enumeration comma ("2、", "三、"), which no date uses.
_POINT = lazy(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})、")


# "By [Jane Roe and John Doe](…)": a by-word, then the writers' names as one link.
_BY_LINKED = lazy(r"\s*(?:By|BY|Par|Von|Por|Door)\s+[A-Z]")


def _only_a_date(text: str, dayfirst: bool) -> bool:
    found = find_dates(text, dayfirst=dayfirst)
    return len(found) == 1 and len(text) - (found[0].end - found[0].start) <= 3


# A time zone or a separator left beside a writer's name once the date is taken out.
_ZONE = lazy(r"\s[-|·•—–]\s|\b(?:[A-Z][SDP]T|GMT|UTC|BST|CET|CEST|ET|PT|CT)\b")
# Counts and separators around a name in a row of post details ("· Jane Roe · 6").
_NAME_EDGES = lazy(r"^[\W\d_]+|[\W\d_]+$")


def is_byline(line: Line, dayfirst: bool = False) -> Byline | None:
    """A short line carrying labelled metadata (or a lone date with a label-free source)."""
    text = line.text
    if line.empty or len(text) > 220:
        return None
    if (
        line.link_share > 0.8
        and not line.author_links
        and not _only_a_date(text, dayfirst)
        and not _BY_LINKED().match(text)
    ):
        return None  # a link, unless it is the post's date or its writers' names, linked
    if not (_MAYBE_META().search(text) or line.author_links):
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
        b.note("link to the writer's page")
        if b.authors:
            return b
    return b if _labelled_shape(line, b, labels) or _dated_shape(line, b) else None


def _labelled_shape(line: Line, b: Byline, labels: Labels) -> bool:
    """Whether a line with labels or names is shaped like a byline, not like content."""
    text = line.text
    strong = {f for f, _, _ in labels if f is not Field.CREDIT}
    dated = b.date or b.published or b.updated
    if line.bullet and len(strong) < 2 and not (b.authors and len(text) < 60) and not dated:
        # A list item with one label ("开放时间：9:00—22:00") is content, not a byline; blog
        # themes list the post's author and date as items ("* Post author By …").
        return False
    if _POINT().match(text) and len(strong) < 2:
        return False  # "2、初试时间：2004年3月底": a numbered point of the text, not a byline
    if Field.SOURCE in b.fields and not labels and len(text) <= 40:
        return True  # a bracketed newsroom dateline: "【世界日報╱廣州12日電】"
    has_value = b.authors or b.source or b.published or b.updated or b.views is not None or b.editor
    if Field.PUBLISHED in b.fields and b.published and len(text) <= 160 and line.sentences <= 1:
        return True  # "本贴由大卫于2005年8月12日…发表."
    short = (len(text) <= 80 and line.sentences <= 1) or (len(strong) >= 2 and line.sentences <= 2)
    if strong and has_value and short:
        return True
    if strong and len(text) < 40 and not has_value:
        return True  # "作者：佚名": a byline whose values are placeholders is still a byline
    named = bool(b.authors) and Field.AUTHOR in b.fields
    # "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 …"
    return named and (len(text) < 60 or (bool(dated) and len(text) <= 120 and line.sentences <= 1))


def _dated_shape(line: Line, b: Byline) -> bool:
    """Whether a line with a date and little else is a byline (a writer beside the date is read
    into ``b``)."""
    text = line.text
    if not b.date:
        return False
    if len(text) <= 60 and len(CJK_RE.sub("", text)) >= 6:
        # A line that is mostly a date ("2012年01月11日 10:22:11"), not a sentence mentioning one.
        rest = text
        for d in find_dates(text):
            rest = rest.replace(text[d.start : d.end], "")
        # Blog themes and agencies print writer and date in a row ("1. Februar 2022 Luis Holuch
        # 6", "Chris Davies - Nov 19, 2019, 10:31 pm CST"): a name-shaped rest is the writer.
        rest_name = _NAME_EDGES().sub("", _ZONE().sub(" ", rest).strip())
        writer = [] if b.authors else latin_name_line(rest_name)
        if writer:
            b.authors = writer
            b.fields.append(Field.AUTHOR)
            b.note("name beside the date")
            return True
        if len(text) <= 40 and len(rest.strip()) <= 12 and not _PROSE_MARKS().search(rest):
            return True
    if len(text) <= 90 and control_words(text) and line.sentences == 0:
        return True  # "2012年01月17日 19:37 已有0人阅读 字号：T T 打印": date among page controls
    # "http://www.site.com 2012年01月12日 17:04 新浪财经": a dateline
    return len(text) <= 90 and text.startswith(("http://", "https://", "www."))


# Credits in running text -------------------------------------------------------------------
# An article's first paragraph may open with its dateline and credit, and its last may close
# with one; both stay body text, and are read here for the byline's fields.

# The roles a credit names, and what each makes of the names after it (or, for 摄/图/撰稿/编辑
# printed after a name, before it).
# A one-character role stands alone ("李慧婷/文", "郭立亮 摄"), not inside a name ("曹文明"); 摄
# may be glued after the name ("郭立亮摄").
_ROLE_RE = lazy(
    r"(?P<editor>责任编辑|責任編輯|实习编辑|實習編輯|编辑|編輯)"
    r"|(?P<other>摄影记者|攝影記者|摄影|攝影|(?:摄|攝)(?![^\W\d_])|(?<![^\W\d_])(?:图|圖)(?![^\W\d_])"
    r"|翻译|翻譯|编译|編譯|制图|製圖|设计|設計|供稿|供图|供圖|整理|编制|編製)"
    r"|(?P<author>(?:本报|本報|特约|特約|实习|實習|见习|見習|首席|驻站|駐站)?(?:记者|記者|通讯员|通訊員)"
    r"|实习生|實習生|撰稿人?|撰文|作者|文字|图文|圖文|(?<![^\W\d_])文(?![^\W\d_]))"
)
# Where from and when, which credits print between the names: "台北11日電", "嘉義報導", "发自上海".
_FILED_RE = lazy(
    r"(?:发自|發自)\S*|\d{1,2}日(?:专|專)?(?:电|電)|(?:即時|即时)?(?:报道|報導|報道|专稿|專稿)"
)
_CREDIT_SPLIT = lazy(r"[\s、，,;；/／∕╱]+")


def read_credit(text: str) -> Byline:
    """The people a credit names: "记者 王某 李某", "實習記者 樊亮 記者惠禾", "記者 李慧婷/文
    通訊員 史貝貝/圖" (the photographer is no author), "陈巍 编辑" (an editor), "李艳 撰稿".

    >>> b = read_credit("记者 柳德新 通讯员 彭娟")
    >>> b.authors
    ['柳德新', '彭娟']
    """
    b = Byline()
    role = "author"  # a credit without a role names its writer: "（李学刚）"
    pending: list[str] = []  # names whose role a word after them may still say ("陈巍 编辑")
    spaced = False  # whether a space or colon followed the last role word
    text = _FILED_RE().sub(" ", text)
    pos = 0
    for m in _ROLE_RE().finditer(text):
        pending += _credit_words(text[pos : m.start()])
        kind = m.lastgroup or "author"
        before = text[m.start() - 1 : m.start()]
        if pending and before and not before.isspace() and before not in "/／∕":
            glued = pending[-1]
            if is_org(glued) or not glued_names(glued):
                pending.pop()  # "南海网记者陈望": the word glued to the role is the outlet
        after = text[m.end() : m.end() + 1]
        suffix = kind != "author" or before in ("/", "／", "∕")
        if pending and suffix and before and after not in (":", "："):
            _assign(b, kind, pending, labelled=False)  # "陈巍 编辑", "史貝貝/圖", "李慧婷/文"
        elif pending:
            _assign(b, role, pending, labelled=spaced)
        elif role != "author" and pos > 0 and m.start() - pos <= 1:
            kind = role  # "攝影：記者王永勝": the first role says what he did; 記者 is his title
        pending = []
        role = kind
        pos = m.end()
        # "记者 曉明" names someone whatever the surname; "记者注意到" is prose.
        spaced = text[pos : pos + 1] in (" ", ":", "：", "/", "／", "∕", "\u3000")
    pending += _credit_words(text[pos:])
    _assign(b, role, pending, labelled=spaced)
    return b


def _credit_words(text: str) -> list[str]:
    return [w for w in _CREDIT_SPLIT().split(text) if w]


def _assign(b: Byline, role: str, words: list[str], *, labelled: bool) -> None:
    """The names among ``words`` go to the byline under ``role``; ``labelled`` when a role word
    stood right before them."""
    names = [
        n for w in words for n in (glued_names(w, labelled=labelled) if w[:1] >= "\u3040" else [w])
    ]
    names = [n for n in names if is_person(n)]
    if role == "author":
        b.authors += [n for n in names if n not in b.authors]
    elif role == "editor" and names and b.editor is None:
        b.editor = "、".join(names)


# "新华社北京1月12日电（记者 王某 李某）", "本报讯（记者 X）", "南方日报讯 (记者/钟啸 通讯员/王海军)": a
# dateline, then its credit in parentheses, opening the first paragraph.
_DATELINE_RE = lazy(
    r"^\W{0,3}(?:据|據)?(?P<lead>[^，。,（()【\[]{0,40}?)"
    r"(?:电|電|讯|訊|消息)\s*[（(](?P<credit>[^（()）]{2,60})[)）]"
)
# The same after a picture's caption or a summary that the paragraph starts with: there the
# credit must name a reporter ("■浸大委任…院長。 香港文匯報訊（記者 高鈺）").
_LATE_DATELINE_RE = lazy(
    r"(?:^|[\s。）)])(?:据|據)?(?P<lead>[^\s，。,（()【\[]{2,24}?)(?:电|電|讯|訊|消息)\s*[（(]"
    r"(?P<credit>[^（()）]{0,20}(?:记者|記者|通讯员|通訊員)[^（()）]{2,40})[)）]"
)
# "新浪财经讯 北京时间12月15日晚间消息": an outlet's "reports", then the text.
_OUTLET_SAYS_RE = lazy(r"^\W{0,3}(?P<lead>[^\W\d_]{2,8}?)(?:讯|訊)\s(?P<credit>(?!))?")
# "（中央社記者劉世怡台北11日電）", "〔記者魏怡嘉／台北報導〕", "【台灣醒報記者潘姿羽台北報導】",
# "[世华财讯]", "《经济通通讯社１５日专讯》": a bracketed lead.
_BRACKET_LEAD_RE = lazy(
    r"^\W{0,2}?[（(【\[〔《]\s*(?P<inner>[^（()）【】\[\]〔〕《》]{2,40}?)\s*[)）】\]〕》]"
)
# What a lead's outlet is followed by: where and when ("北京1月12日", "１５日"), what it is.
_LEAD_TAIL = lazy(r"[\d０-９]|(?:即時|即时|专|專)?(?:报道|報導|報道|电|電|讯|訊)$")
# "This paper" and "this site": no outlet's name.
_THIS_OUTLET = lazy(r"^(?:本|我)(?:报|報|网|網|台|刊|站|社)")
# How outlets' names end.
_OUTLET_TAILS = (
    "报",
    "報",
    "网",
    "網",
    "社",
    "台",
    "刊",
    "讯",
    "訊",
    "新闻",
    "新聞",
    "中国",
    "中國",
    "视",
    "視",
    "媒",
)


def lead_byline(text: str) -> Byline | None:
    """The dateline and credit that open an article's first paragraph (see ``_lead``)."""
    found = _lead(text)
    return found.note("opening credit") if found is not None else None


# "WASHINGTON (AP) —", "SANTA FE, N.M. (AP) -", "(CBS/AP)": an agency in an English dateline
# is the source; "(EMAILWIRE.COM, January 16, 2012)": the wire, and the day.
_AGENCY_DATELINE_RE = lazy(
    r"^\W{0,3}(?:[A-Z][A-Z.'\- ]{1,30}(?:,\s*[A-Z][A-Za-z.]{1,12})?\s*)?"
    r"\((?P<agency>[A-Z][A-Za-z0-9./& \-]{0,30}?)(?:,\s*(?P<when>[^()]{6,40}))?\)\s*[—–\-:]?"
)


def _agency_dateline(text: str) -> Byline | None:
    """An English dateline's agency, as the source, and the day it gives."""
    m = _AGENCY_DATELINE_RE().match(text)
    if m is None:
        return None
    agency = m.group("agency").strip()
    if not (agency.isupper() or "." in agency or "/" in agency or is_latin_org(agency)):
        return None  # "(Photo)", "(Updated)": no agency
    when = find_dates(m.group("when") or "")
    if when:
        # "(EMAILWIRE.COM, January 16, 2012)": a release's date, and the wire that carries it
        return Byline(date=when[0].iso)
    return Byline(source=agency)


# A dateline "telegraphs" or "reports" (电, 讯, 消息), a bracketed lead opens with its bracket, a
# credit names a reporter (记者, 通讯员, 文/).
_LEAD_HINTS = (
    "电",
    "電",
    "讯",
    "訊",
    "消息",
    "【",
    "[",
    "〔",
    "（",
    "(",
    "《",
    "记者",
    "記者",
    "通讯员",
    "通訊員",
)


def _lead(text: str) -> Byline | None:
    """The dateline and credit that open an article's first paragraph: its reporters, and the
    outlet or agency that filed it.

    >>> b = lead_byline("新华社北京1月12日电（记者 王某某 李四）记者12日从有关部门获悉……")
    >>> b.authors, b.source
    (['王某某', '李四'], '新华社')
    """
    if not CJK_RE.search(text[:40]):
        return _agency_dateline(text) if text.lstrip()[:1].isupper() or "(" in text[:60] else None
    head = text[:160]
    if not any(c in head for c in _LEAD_HINTS):
        return None  # every lead read here has one of these: most paragraphs need no search
    m = (
        _DATELINE_RE().match(text)
        or _OUTLET_SAYS_RE().match(text)
        or _LATE_DATELINE_RE().search(text[:160])
    )
    if m is not None and m.group("credit") is None:
        outlet = _outlet(m.group("lead"))
        return Byline(source=outlet) if outlet else None  # "新浪财经讯 北京时间…"
    if m is not None:
        credit = m.group("credit").strip()
        b = read_credit(credit)
        if not b.authors and _BARE_NAME().fullmatch(credit) and not is_org(credit):
            b.authors = [credit]  # "腾讯科技讯 （无忌）": the name right after the dateline
        outlet = _outlet(m.group("lead"))
        if not b.authors and outlet is None:
            return None
        b.source = outlet
        return b
    m = _BRACKET_LEAD_RE().match(text)
    if m is not None:
        return read_bracket(m.group("inner"))
    # "![picture] 文/圖記者黃國金、華瑩實習生楊金運 **核心提示…": a credit right at the start.
    glued = _GLUED_REPORTER_RE().search(text[:LEAD_REACH])
    if glued is None:
        return None
    credit = read_credit(_CREDIT_END().split(text[glued.start() :], maxsplit=1)[0])
    return credit if credit.authors else None


# How far into the first paragraph a reporter's credit may start.
LEAD_REACH = 60


def read_bracket(inner: str) -> Byline | None:
    """A bracketed credit: outlet and reporter ("聯合晚報╱記者李樹人／即時報導", "台灣醒報記者潘姿羽
    台北報導", "中廣新聞／郭希誠"), reporters alone ("王己由／台北報導", "鐘武達、陳世宗／綜合報導"),
    or the outlet alone ("世华财讯", "看中国2005年07月03日报道"). None when it is neither."""
    for d in reversed(find_dates(inner)):
        inner = inner[: d.start] + " " + inner[d.end :]  # "【2012/01/11 聯合晚報】": when, then who
    inner = inner.strip("（()） ")
    parts = [p.strip() for p in re.split(r"[╱／/∕|]|(?=记者|記者)", inner) if p.strip()]
    b = Byline()
    for k, part in enumerate(parts):
        if _ROLE_RE().search(part):
            fill(b, read_credit(part))
            continue
        words = [w for w in re.split(r"[\s、，,]+", part) if w]
        names = [n for w in words for n in glued_names(w)]
        if words and len(names) >= len(words) and not b.authors and not is_org(part):
            b.authors = names  # "王己由", "鐘武達、陳世宗": reporters, whose filing place follows
        elif k == 0 and (
            len(parts) > 1 or _LEAD_TAIL().search(part) or part.endswith(_OUTLET_TAILS)
        ):
            # "[世华财讯]": in brackets the outlet is printed whole, 讯 and all.
            head = _BRACKET_TAIL().sub("", re.split(r"[\d０-９]", part, maxsplit=1)[0])
            b.source = _outlet(head, whole=True)
    return b if b.authors or b.source else None


_BRACKET_TAIL = lazy(r"(?:即時|即时)?(?:报道|報導|報道|电|電|专讯|專訊)$")


def _outlet(lead: str, *, whole: bool = False) -> str | None:
    """The outlet at the start of a dateline ("新華網海口１月１２日" → "新華網"); ``whole`` when
    the lead is the outlet's name already, without where and when."""
    lead = lead.strip()
    m = None if whole else _LEAD_TAIL().search(lead)
    while m is not None and m.start() > 0:
        lead = lead[: m.start()].rstrip()
        m = _LEAD_TAIL().search(lead)
    for place in PLACES:
        if lead.endswith(place) and len(lead) - len(place) >= 2:
            lead = lead[: -len(place)]
            break
    lead = lead.strip(" 　:：·")
    if not 2 <= len(lead) <= 16 or _THIS_OUTLET().match(lead) or not any(c.isalpha() for c in lead):
        return None
    return lead


_CLOSING_RE = lazy(r"[（(](?P<inner>[^（()）]{2,40})[)）]\s*$")
# "——《北京之春》1996年6月号", "(摘自《上海社会科学院学术季刊》…)", "转自《北京科技报》": where an
# essay or a repost first appeared.
_CITED_RE = lazy(
    r"(?:——|—|摘自|转自|轉自|原载|原載|选自|選自|来源于|來源於)\s*《(?P<source>[^《》]{2,30})》"
)
_SUPPLIED_RE = lazy(r"^(?:内容|內容|本文)?由(?P<source>\S{2,20}?)(?:提供|供稿)")
# Words a closing parenthesis holds that are no name: the end, a part, a picture.
_NOT_SIGNED = frozenset(
    {
        "完",
        "全文完",
        "待续",
        "待續",
        "未完",
        "续",
        "續",
        "上",
        "中",
        "下",
        "组图",
        "組圖",
        "图",
        "圖",
        "附图",
    }
)


def closing_byline(text: str) -> Byline | None:
    """The credit that closes an article's last paragraphs (see ``_closing``)."""
    found = _closing(text)
    return found.note("closing credit") if found is not None else None


def _closing(text: str) -> Byline | None:
    """The credit that closes an article's last paragraphs: "（记者 胡晓蓉）", "(李艳 撰稿)",
    "(曉明)", "(陈巍 编辑)", "(京华时报)", "——《北京之春》1996年6月号".

    >>> closing_byline("……今年将继续推进。（记者 胡晓蓉）").authors
    ['胡晓蓉']
    """
    tail = text.rstrip()
    cited = _CITED_RE().search(tail[-80:]) if "《" in tail[-80:] else None
    if cited is not None:
        b = Byline(source=cited.group("source"))
        b.cited = True
        return b.note("citation of where it first appeared")
    m = _CLOSING_RE().search(text[-60:]) if tail.endswith((")", "）")) else None
    if m is None:
        # Most paragraphs end in neither a bracket nor a wire's credit: no pattern is needed.
        wire = _WIRE_CREDIT_RE().search(text[-400:]) if " by " in text[-400:].lower() else None
        return _wire_credit(wire.group(0)) if wire is not None else None
    inner = m.group("inner").strip()
    if not CJK_RE.search(inner):
        return _wire_credit(inner)
    supplied = _SUPPLIED_RE().match(inner)
    if supplied is not None:
        # "内容由新浪北京提供": the portal that passed it on, weaker than the paper it names
        return Byline(outlet=supplied.group("source")).note("portal that supplied it")
    if inner in _NOT_SIGNED or inner in _SECTIONS:
        return None
    if inner.endswith(_OUTLET_TAILS) and len(inner) <= 12 and " " not in inner:
        return Byline(source=inner)  # "(京华时报)": the paper it was taken from
    if any(w in inner for w in _PICTURE_WORDS):
        return None  # a picture's credit: its photographer, or where it was taken from
    if _BARE_NAME().fullmatch(inner) and not is_org(inner):
        # "…开业。(曉明)": a name alone closing the article's last sentence signs it; after
        # anything else ("专业名称（代码）") it is a gloss
        signed = _SENTENCE_END().search(text[: text.rfind(m.group(0))].rstrip())
        return Byline(authors=[inner]) if signed else None
    if not _ROLE_RE().search(inner) and not all(
        glued_names(w) or is_place(w) or (w[:1] < "\u3040" and is_person(w))
        for w in _credit_words(_FILED_RE().sub(" ", inner))
    ):
        return None  # "（更多内容请关注 某某网 www.…）": not a list of names
    b = read_credit(inner)
    return b if b.authors or b.editor else None


# "(Reporting by Jane Roe in Paris; additional reporting by Joe Bloggs; Editing by Ann Lee)":
# a wire service's closing credit.
_WIRE_CREDIT_RE = lazy(
    r"(?i)(?<![a-z])(?:additional |with )?(?:reporting|writing) by\b[^()]{3,300}?(?=[)._\s]*$)"
)
_WIRE_PART_RE = lazy(
    r"(?i)(?<![a-z])(?P<role>(?:additional |with )?(?:reporting|writing)|editing) by\s+(?P<names>[^;()]+?)"
    r"(?=\s*(?:;|,\s*(?:additional |with )?(?:reporting|writing|editing) by|\.?$))"
)
_FILED_FROM = lazy(r"\s+(?:in|from)\s+[A-Z][\w.\- ]*$")


def _wire_credit(text: str) -> Byline | None:
    """A wire service's closing credit: its reporters and writers are the authors, its
    editors the editor ("Reporting by Jane Roe in Paris; Editing by Ann Lee")."""
    b = Byline()
    editors: list[str] = []
    for m in _WIRE_PART_RE().finditer(text.strip(" ._")):
        found = split_names(_FILED_FROM().sub("", m.group("names")))
        names = [n for n in (_FILED_FROM().sub("", n) for n in found) if n[:1].isupper()]
        if m.group("role").lower() == "editing":
            editors += names
        else:
            b.authors += [n for n in names if n not in b.authors]
    if editors:
        b.editor = "、".join(editors)
    return b if b.authors or b.editor else None


_BARE_NAME = lazy(r"(?:(?![\x00-\x7f])[^\W\d_]){2,3}")
_SENTENCE_END = lazy(r"[。！？!?」』”\"]$")
# A desk or section, not a paper: "（即時新聞）", "(综合新闻)".
_SECTIONS = frozenset(
    desk + news
    for desk in [
        "即時",
        "即时",
        "综合",
        "綜合",
        "最新",
        "今日",
        "本地",
        "國際",
        "国际",
        "國內",
        "国内",
        "體育",
        "体育",
        "財經",
        "财经",
        "社會",
        "社会",
    ]
    for news in ("新聞", "新闻")
)
# What a picture's credit holds.
_PICTURE_WORDS = (
    "摄",
    "攝",
    "照片",
    "图片",
    "圖片",
    "图为",
    "圖為",
    "资料图",
    "資料圖",
    "供图",
    "供圖",
    "组图",
    "組圖",
    "高清",
)
