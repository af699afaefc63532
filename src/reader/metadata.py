"""Byline lines → fields: authors, source, dates, views, editor, credits.

Knows the labels of Chinese portals (Simplified and Traditional) and English news sites. A label
owns the text up to the next label; placeholders (佚名, 未知, admin, …) are not names, and an empty
counter is not a number. Which lines are bylines is decided by ``parse``; this module only reads them.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from reader.dates import find_dates
from reader.record import Record

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from typing import ClassVar


class Field(StrEnum):
    AUTHOR = "author"
    SOURCE = "source"
    PUBLISHED = "published"
    UPDATED = "updated"
    DATE = "date"  # a date with no published/updated label
    VIEWS = "views"
    EDITOR = "editor"
    CREDIT = "credit"
    CONTROL = "control"  # 字体/打印/关闭 …: page controls, carry no value


# Longest labels first so that 文章来源 wins over 来源 and 责任编辑 over 编辑.
LABELS: dict[Field, tuple[str, ...]] = {
    Field.AUTHOR: (
        "作者",
        "作 者",
        "作　者",
        "文字",
        "撰稿人",
        "撰稿",
        "撰文",
        "本报记者",
        "本報記者",
        "特约记者",
        "特約記者",
        "记者",
        "記者",
        "通讯员",
        "通訊員",
        "博主",
        "发帖人",
        "楼主",
        "Author",
        "Autor",
        "Autorin",
        "Автор",
        "Συντάκτης",
        "Written by",
        "Reporter",
    ),
    Field.SOURCE: (
        "文章来源",
        "文章來源",
        "稿件来源",
        "稿件來源",
        "信息来源",
        "資料來源",
        "新闻来源",
        "新聞來源",
        "消息来源",
        "来源",
        "來源",
        "来自",
        "出处",
        "出處",
        "转载自",
        "轉載自",
        "Source",
        "Quelle",
        "Fuente",
        "Fonte",
        "Источник",
        "Źródło",
        "Πηγή",
    ),
    Field.UPDATED: (
        "最后更新",
        "最後更新",
        "更新时间",
        "更新時間",
        "更新日期",
        "更新于",
        "更新於",
        "修改时间",
        "修改時間",
        "Last updated",
        "Aktualisiert",
        "Mis à jour",
        "Обновлено",
        "Last modified",
        "Updated",
        "Modified",
    ),
    Field.PUBLISHED: (
        "发布时间",
        "發布時間",
        "發佈時間",
        "发布日期",
        "發布日期",
        "發佈日期",
        "发表时间",
        "發表時間",
        "发表日期",
        "發表日期",
        "发稿时间",
        "發稿時間",
        "上传时间",
        "上傳時間",
        "录入时间",
        "錄入時間",
        "刊登日期",
        "出版日期",
        "发表于",
        "發表於",
        "发布于",
        "發佈於",
        "发布",
        "發佈",
        "發布",
        "发表",
        "發表",
        "时间",
        "時間",
        "日期",
        "Published on",
        "Veröffentlicht",
        "Publié le",
        "Опубликовано",
        "Published",
        "Posted on",
        "Posted",
        "Date",
    ),
    Field.VIEWS: (
        "点击数",
        "點擊數",
        "点击量",
        "點擊量",
        "点击率",
        "点击",
        "點擊",
        "浏览次数",
        "瀏覽次數",
        "浏览量",
        "瀏覽量",
        "浏览",
        "瀏覽",
        "阅读数",
        "閱讀數",
        "阅读量",
        "閱讀量",
        "阅读",
        "閱讀",
        "阅读次数",
        "人气",
        "人氣",
        "访问量",
        "訪問量",
        "查看",
        "Views",
        "Hits",
        "Reads",
        "Просмотров",
        "Просмотры",
        "Aufrufe",
        "Visitas",
        "Wyświetleń",
    ),
    Field.EDITOR: (
        "责任编辑",
        "責任編輯",
        "编辑",
        "編輯",
        "责编",
        "責編",
        "编审",
        "編審",
        "Editor",
        "Edited by",
        "Redaktion",
        "Επιμέλεια",
    ),
    Field.CREDIT: (
        "供稿",
        "摄影",
        "攝影",
        "图片",
        "圖片",
        "翻译",
        "翻譯",
        "校对",
        "校對",
        "审核",
        "審核",
        "审校",
        "Photo",
        "Photos",
        "Foto",
        "Fotos",
        "Фото",
        "Photograph",
        "Credit",
        "Translated by",
    ),
}
CONTROL_WORDS = (
    "字体",
    "字體",
    "字号",
    "字號",
    "打印",
    "关闭",
    "關閉",
    "收藏",
    "分享到",
    "分享",
    "繁体",
    "繁體",
    "简体",
    "簡體",
    "返回顶部",
    "返回頂部",
    "大 中 小",
    "大中小",
    "小 中 大",
    "小 大",
    "评论",
    "評論",
    "转发",
    "轉發",
    "轉寄",
    "订阅",
    "訂閱",
    "复制网址",
    "複製網址",
    "字级",
    "字級",
    "电子邮件",
    "電子郵件",
    "登录",
    "登入",
    "注册",
    "註冊",
    "RSS",
    "Print",
    "Share",
    "Font size",
    "Email",
    "EMAIL",
    "Bookmark",
    "Tweet",
    "Send",
    "Comment",
    # Print and share in the other languages whose labels this module reads (de, fr, ru, pl, el).
    "Drucken",
    "Teilen",
    "Imprimer",
    "Partager",
    "Печать",
    "Поделиться",
    "Drukuj",
    "Udostępnij",
    "Εκτύπωση",
    "Κοινοποίηση",
)
NAV_WORDS = (
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上一條",
    "下一條",
    "上一頁",
    "下一頁",
    "上一則",
    "下一則",
    "上一则",
    "下一则",
    "回列表",
    "返回列表",
    "Previous",
    "Next",
)
PLACEHOLDERS = frozenset(
    {
        "佚名",
        "未知",
        "本站",
        "本网",
        "本網",
        "admin",
        "administrator",
        "管理员",
        "管理員",
        "匿名",
        "不详",
        "不詳",
        "unknown",
        "暂无",
        "暫無",
        "none",
        "null",
        "无",
        "無",
        "网络",
        "網絡",
        "网友",
        "網友",
        "系统管理员",
        "webmaster",
        "editor",
        "n/a",
        "na",
        "-",
        "--",
        "小编",
        "小編",
        "原创",
        "本站原创",
        "本站編輯",
    }
)

_label_alt = "|".join(
    re.escape(label).replace(r"\ ", r"\s*")
    for label in sorted((lab for labs in LABELS.values() for lab in labs), key=len, reverse=True)
)
# The characters a label can start with. The lookahead on them changes no match, only its cost:
# case-insensitive literals get no quick first-character test in re, so without it every
# position of every line entered each of the hundred-odd branches (a millisecond a page).
_label_first = "".join(sorted({label[0] for labs in LABELS.values() for label in labs}))
# A label needs a colon after it, except for the few that are never followed by one in practice.
LABEL_RE = re.compile(
    r"(?=[" + re.escape(_label_first) + r"])"
    r"(?P<label>" + _label_alt + r")\s*"
    r"(?P<colon>[:：]|/|／|\s(?=\S)|(?=(?:19|20)\d\d)|(?=\d[\d,]*\s*人?次))",
    re.IGNORECASE,
)
_LABEL_OF: dict[str, Field] = {
    re.sub(r"\s+", "", label).lower(): f for f, labs in LABELS.items() for label in labs
}
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
# Spaces are taken from the start of their run only ((?<!\s)): a bare \s* retries a long run of
# spaces from each of its positions, O(n²).
_NAMES_JOINED = r"(?:(?<!\s)\s+)?(?:[、，,;；/／&]|\band\b|和|及|與|与)\s*"
# CJK names are also told apart by a space alone ("王建宏 张文攀")…
_NAME_SPLIT = re.compile(_NAMES_JOINED + r"|(?<!\s)\s+(?=(?![\x00-\x7f])[^\W\d_])")


# …but without CJK a space is inside a name ("Михаил Деришев", "José Álvarez"), not between two.
@cache
def _name_split_spaced() -> re.Pattern[str]:
    return re.compile(_NAMES_JOINED)


_VALUE_CUT = re.compile(r"\s{2,}|[|｜【\[<>()（）]|\u3000")
_NUMBER = re.compile(r"\d[\d,]*")
_GARBAGE = re.compile(r"[=\"'<>{}]|^\W+$")


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


def label_field(label: str) -> Field:
    # Most labels hold no whitespace: their lower case is the key itself (no key holds any, so a
    # hit means there was none to take out), and the re.sub with its cache look-up is not paid.
    found = _LABEL_OF.get(label.lower())
    return found if found is not None else _LABEL_OF[re.sub(r"\s+", "", label).lower()]


def is_placeholder(value: str) -> bool:
    v = value.strip().strip("：:()（）[]【】").lower()
    return not v or v in PLACEHOLDERS or bool(_GARBAGE.search(v))


# The newsroom's roles in English: part of _role() (no name holds one) and of _newsroom_role().
_ENGLISH_ROLES = r"writer|correspondent|reporter|contributor|editor"


@cache
def _role() -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:staff|" + _ENGLISH_ROLES + r"|news|agency)\b")


@cache
def _cjk_role() -> re.Pattern[str]:
    return re.compile(
        r"评论员|評論員|记者|記者|编辑|編輯|通讯员|通訊員|特约|特約|主持人|实习生|實習生|本报|本報|综合|綜合"
    )


# Spaces from the start of their run only, as in _NAME_SPLIT.
_REPORTS = re.compile(r"(?:(?<!\s)\s+)?(?:报道|報導|報道|摄影?|攝影?|撰文|整理)$")


def _clean_value(raw: str) -> str:
    value = _VALUE_CUT.split(raw.strip(), maxsplit=1)[0]
    return value.strip(" \t:：,，;；·|-—")


def split_names(value: str) -> list[str]:
    """``张三、李四`` / ``A and B`` → names, placeholders dropped."""
    names = []
    # Han, kana and hangul all lie at U+3040 or above; the scripts that space names lie below.
    splitter = _NAME_SPLIT if any(c >= "\u3040" for c in value) else _name_split_spaced()
    parts = [p for p in splitter.split(value.strip()) if p.strip()]
    if len(parts) > 1 and _REPORTS.search(parts[-1]):
        parts.pop()  # "记者 彭冲 山东冠县报道": the last part is where from, not who
    for part in parts:
        name = _REPORTS.sub("", part.strip(" .·:："))
        if (
            name
            and not is_placeholder(name)
            and len(name) <= 40
            and not _role().search(name)
            and not _cjk_role().search(name)
        ):
            names.append(name)
    return names


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


_CONTROLS_RE = re.compile(
    "|".join(re.escape(w) for w in sorted({*CONTROL_WORDS, *NAV_WORDS}, key=len, reverse=True))
)


def control_words(text: str) -> int:
    """How many page-control words (font size, print, share, previous/next…) the text has."""
    return len(_CONTROLS_RE.findall(text))


def read_byline(
    text: str,
    into: Byline | None = None,
    *,
    dayfirst: bool = False,
    labels: list[tuple[Field, int, int]] | None = None,
) -> Byline:
    """Read the labelled fields of one line into a Byline (a new one unless given).

    ``labels`` is ``find_labels(text)`` when the caller has it already (``parse`` does, for every
    candidate line): finding them again was a tenth of the byline test's time.

    >>> b = read_byline("作者:佚名 文章来源:本站原创 点击数: 更新时间:2022/11/20 0:25:22")
    >>> b.authors, b.source, b.views, b.updated
    ([], '本站原创', None, '2022-11-20T00:25:22')
    """
    b = into if into is not None else Byline()
    if labels is None:
        labels = find_labels(text)
    for i, (f, _start, vstart) in enumerate(labels):
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
            if value and not _GARBAGE.search(value) and b.source is None:
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
            b.credits.append(f"{text[_start:vstart].strip(' :：')}：{value}")
    # Each "by" word (By, Par, von, Por, Door…) holds one of these: most lines need no search.
    by = _by_re().search(text) if any(w in text for w in _BY_HINTS) else None
    if by:
        b.fields.append(Field.AUTHOR)
        for name in split_names(by.group("names")):
            if name not in b.authors:
                b.authors.append(name)
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
    newsroom = _NEWSROOM_RE.match(text)
    if newsroom and Field.SOURCE not in b.fields:
        b.fields.append(Field.SOURCE)
        b.source = b.source or newsroom.group("source")
    glued = _GLUED_REPORTER_RE.search(text)
    if glued and Field.AUTHOR not in b.fields and looks_like_cjk_name(glued.group("name")):
        b.fields.append(Field.AUTHOR)
        b.authors.append(glued.group("name"))
    wen = _WEN_RE.search(text)
    if wen and Field.AUTHOR not in b.fields and looks_like_cjk_name(wen.group("name")):
        b.fields.append(Field.AUTHOR)
        b.authors.append(wen.group("name"))
    # A date no date label owns ("By Cat Lafuente/June 12, 2020/Updated: Aug. 18, 2020"): the
    # first such date is the line's plain date.
    owned = [
        (start, labels[k + 1][1] if k + 1 < len(labels) else len(text))
        for k, (f, start, _) in enumerate(labels)
        if f in (Field.PUBLISHED, Field.UPDATED)
    ]
    if b.date is None:
        for d in find_dates(text, dayfirst=dayfirst):
            if not any(lo <= d.start < hi for lo, hi in owned):
                b.date = d.iso
                b.fields.append(Field.DATE)
                break
    return b


_CJK_NAME = r"(?![\x00-\x7f])[^\W\d_](?:(?![\x00-\x7f])[^\W\d_]|·){1,3}"
CJK_NAME_RE = re.compile(_CJK_NAME)
NAME_LIST = _CJK_NAME + r"(?:[\s、，,]+" + _CJK_NAME + r"){0,3}"
NAME_LINE_RE = re.compile(
    r"^\s*(?:(?:作者|文|撰文)\s*[:：/／]?\s*)?(?P<names>" + NAME_LIST + r")\s*$"
)
_TAIL_AUTHOR_RE = re.compile(
    r"[(（]\s*(?:(?:本报|本報|新华社|新華社|新华网|中新社|中新網)?(?:记者|記者|通讯员|通訊員)\s*)?"
    r"(?P<names>"
    + NAME_LIST
    + r")(?:\s+(?![\x00-\x7f])[^\W\d_]{2,8}(?:报道|報導|電|电))?\s*[)）]\s*$"
)


# Name patterns use "a non-ASCII letter" rather than the Han range: a class spanning
# U+4E00–U+9FFF costs Python's re about 2 ms to compile, paid by every run of the command.
# Organisations, not people: a "name" ending in one of these is a newsroom or an office.
@cache
def _org_end() -> re.Pattern[str]:
    return re.compile(
        r"(?:社|报|報|网|網|台|部|局|委|厅|廳|院|会|會|中心|办|辦|处|處|站|所|组|組|图|圖|完)$"
    )


# The commonest Chinese surnames (single and double). An unlabelled "name" must start with one:
# that tells 胡平 or 赵延东 from 人物, 采访 or 图片 on a line of its own.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈"
    "夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
    "常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包"
    "宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒"
    "解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛"
    "米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲"
    "邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區"
    "郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普"
    "阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於"
    "呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "歐陽",
    "司马",
    "司馬",
    "上官",
    "诸葛",
    "諸葛",
    "东方",
    "東方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "司徒",
    "夏侯",
)


def looks_like_cjk_name(name: str) -> bool:
    """2-4 Han characters starting with a common surname."""
    if not 2 <= len(name) <= 4:
        return False
    return name.startswith(COMPOUND_SURNAMES) or name[0] in SURNAMES


def _people(names: str) -> list[str]:
    found = split_names(names)
    if not found or any(_org_end().search(n) for n in found):
        return []
    # Rare surnames exist (风, 哈…): all must be name-shaped, and most must start with a common one.
    common = sum(looks_like_cjk_name(n) for n in found)
    shaped = all(2 <= len(n) <= 4 for n in found)
    return found if shaped and common * 2 >= len(found) and common else []


def tail_authors(text: str) -> list[str]:
    """Authors named at a paragraph's end: ``…（记者 胡晓蓉）``, ``…（姚峰 上海报道）``."""
    m = _TAIL_AUTHOR_RE.search(text[-60:])
    return _people(m.group("names")) if m else []


# Buttons that read like a surname and a given name ("关注": follow): alone on a line, no name.
_BUTTON_NAMES = frozenset({"关注", "關注", "已关注", "已關注"})


def name_line(text: str) -> list[str]:
    """A line that is only a person's name (or two), as essays print under their title."""
    if text.strip() in _BUTTON_NAMES:
        return []
    m = NAME_LINE_RE.match(text)
    return _people(m.group("names")) if m else []


_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del"})
# Words of the section labels and kickers printed beside a date ("Original Research 7 April
# 2020", "Breaking News"): two capitalised words, but nobody's name.
_KICKER_WORDS = frozenset(
    [
        "Article",
        "Breaking",
        "Editorial",
        "Feature",
        "Featured",
        "Latest",
        "News",
        "Opinion",
        "Original",
        "Report",
        "Research",
        "Review",
        "Special",
        "Sponsored",
        "Story",
        "Top",
        "Update",
        "Updated",
        "Video",
    ]
)


def latin_name_line(text: str) -> list[str]:
    """A line that is only a Latin-script name ("Jane Roe", "Jan van der Berg", "Anna K. Roe").

    Two or three capitalised words (particles and one initial allowed): on its own this is weak
    evidence, so callers also ask where the line stands.
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 40:
        return []
    capitals = 0
    for w in words:
        if w in _PARTICLES:
            continue
        if len(w) == 2 and w[0].isupper() and w[1] == ".":
            continue  # an initial
        core = w.replace("-", "").replace("'", "").replace("’", "")
        if w in _KICKER_WORDS or not (
            core.isalpha() and w[0].isupper() and core[1:].islower() and len(core) >= 2
        ):
            return []
        capitals += 1
    return [" ".join(words)] if 2 <= capitals <= 3 else []


# A newsroom role: "Education editor", "Staff Writer", "Mitglied der Redaktion", "rédactrice".
@cache
def _newsroom_role() -> re.Pattern[str]:
    return re.compile(
        r"(?i)\b(?:" + _ENGLISH_ROLES + r"|columnist|journalist(?:in)?|"
        r"redakteur(?:in)?|korrespondent(?:in)?|[\w-]*redaktion|rédact(?:eur|rice)|journaliste|"
        r"correspondant|redattore|giornalista|periodista|redactor|repórter|jornalista)\b"
    )


def _is_role(text: str) -> bool:
    return (
        len(text) <= 60
        and not any(c.isdigit() for c in text)
        and bool(_newsroom_role().search(text))
    )


def staff_name(text: str, below: str = "") -> list[str]:
    """The writer of a staff line: a name followed by the writer's role, on the same line
    ("Richard Adams Education editor") or on the line below ("Steven Roe" / "Mitglied der
    Redaktion"). The role is what makes two capitalised words a person."""
    name = latin_name_line(text)
    if name:
        return name if below and _is_role(below) else []
    words = text.split()
    if words and words[0].lower() in ("by", "von", "par", "por", "door"):
        return []  # a labelled byline, which read_byline reads ("By Meg RoeStaff Writer")
    for k in range(2, min(5, len(words))):
        name = latin_name_line(" ".join(words[:k]))
        if name:
            return name if _is_role(" ".join(words[k:])) else []
    return []


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


@cache
def _anchor_lead() -> re.Pattern[str]:
    return re.compile(r"(?i)^.*?\b(?:von|vom(?:\s*autor(?:in)?)?|by|par|por|door)\b\s*")


@cache
def _anchor_junk() -> re.Pattern[str]:
    return re.compile(r"_+|\*+|->|<-|[→»<>]")


def name_from_anchor(anchor: str) -> str | None:
    """The person in an author-page link text: "Alle Beiträge von Jane Roe ->" → "Jane Roe"."""
    text = _anchor_junk().sub(" ", anchor).strip()
    text = _anchor_lead().sub("", text).strip()
    text = re.sub(r"(?i)^(?:autor(?:in)?|author)\s*", "", text).strip()
    if not text or any(ch.isdigit() for ch in text):
        return None
    if CJK_NAME_RE.fullmatch(text):
        return text if looks_like_cjk_name(text) else None
    words = text.split()
    if 1 <= len(words) <= 4 and all(w[0].isupper() for w in words if w[0].isalpha()):
        return text
    return None


def find_credit(text: str) -> str | None:
    """A trailing credit in a paragraph: ``（某某宣传部 某某供稿）`` → ``某某宣传部 某某供稿``."""
    m = _CREDIT_RE.search(text)
    return m.group("credit").strip() if m else None
