"""Who is a person: names split from a byline's value, told from placeholders, roles,
newsrooms and menu words, and lines that are nothing but a name.

A name list is read from a value that a label already owns (``split_names``); an unlabelled line
is a name only with more evidence (a common surname, capitalised words, a role beside it), as
the callers in ``reader.byline`` and the parser ask. The tables behind it live in
``reader.metadata``.
"""

from __future__ import annotations

import re

from reader.lazyre import lazy
from reader.metadata import (
    COMPOUND_SURNAMES,
    PLACEHOLDERS,
    PLACES,
    PROVINCES,
    SURNAME_ORDER,
    SURNAMES,
    UI_WORDS,
    UI_WORDS_LATIN,
    WIRE_AGENCIES,
)

GARBAGE = lazy(r"[=\"'<>{}]|^\W+$")


def is_placeholder(value: str) -> bool:
    v = value.strip().strip("：:()（）[]【】").lower()
    return not v or v in PLACEHOLDERS or bool(GARBAGE().search(v))


# The newsroom's roles in English: part of _role() (no name holds one) and of _newsroom_role().
_ENGLISH_ROLES = r"writer|correspondent|reporter|contributor|editor"


_role = lazy(r"(?i)\b(?:staff|" + _ENGLISH_ROLES + r"|news|agency)\b")


# Role words no CJK name holds.
_CJK_ROLES = [
    "评论员",
    "評論員",
    "记者",
    "記者",
    "编辑",
    "編輯",
    "通讯员",
    "通訊員",
    "特约",
    "特約",
    "主持人",
    "实习生",
    "實習生",
    "本报",
    "本報",
    "综合",
    "綜合",
]


# Spaces from the start of their run only, as in _NAME_SPLIT.
_REPORTS = lazy(r"(?:(?<!\s)\s+)?(?:报道|報導|報道|摄影?|攝影?|撰文|撰稿|整理)$")
# Words that stand in a credit beside the names but are none: parts of a role ("实习记者" split
# at its label), a job, the credit's kind, where the reporter files from.
_NOT_NAMES = frozenset(
    [
        "实习",
        "實習",
        "见习",
        "見習",
        "首席",
        "特约",
        "特約",
        "驻站",
        "駐站",
        "职员",
        "職員",
        "员工",
        "員工",
        "文",
        "图",
        "圖",
        "摄",
        "攝",
        "文字",
        "图文",
        "圖文",
        "稿源",
        "来源",
        "來源",
        "摄影",
        "攝影",
        "编译",
        "編譯",
        "综述",
        "綜述",
        "报道",
        "報導",
        "報道",
        "报导",
        "专稿",
        "專稿",
        "讯",
        "訊",
        "采访",
        "採訪",
        "调查",
        "調查",
        "综合",
        "綜合",
        "整理",
        "联合",
        "聯合",
        "编制",
        "編製",
    ]
)
_FROM_WORDS = ("发自", "發自", "来自", "來自")  # "发自上海": where it was filed from
# A title before a Latin, Greek or Cyrillic name ("Dr.Αναστασία", "Prof. Jane Roe").
_TITLE_WORDS = lazy(
    r"^(?:(?:By|BY|by|Von|von|Par|par|Του|Της|От|Herr|Frau)\s+|(?:Dr|Prof|Mr|Mrs|Ms|Mme)(?:\.\s*|\s+))"
)
# Where a Latin byline's name ends: a small word that starts what follows ("Xeni Jardin at
# Boing Boing", "Kashmira Gander On 9/9/19", "Moritz Bachmann publiziert am"), a month, a label.
_NAME_END = lazy(
    r"\s+(?:(?:at|on|On|am|um|in|for|from|via|publiziert|veröffentlicht|updated|Updated|published"
    r"|Published|posted|Posted)\b|(?:January|February|August|September|October|November|December"
    r"|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b(?!\s+[A-Z])|(?:March|April|May|June|July|Mar|Apr|Jun|Jul)"
    r"\.?\s*\d).*$"
)
# A newsroom role after the name, spaced or glued to it ("Carrie Arnold Contributing Writer",
# "Michael HiltzikBusiness Columnist").
_ROLE_TAIL = lazy(
    r"(?:\s+|(?<=[a-z]))(?:(?:Senior|Chief|Staff|Contributing|Special|Business|Political|Sports"
    r"|Foreign|Science|Health|Tech|Technology|Education|Associate|Deputy|Managing|Executive)\s+)*"
    r"(?:Writer|Columnist|Correspondent|Reporter|Editor|Contributor|Journalist)s?\b.*$"
)

# Spaces are taken from the start of their run only ((?<!\s)): a bare \s* retries a long run of
# spaces from each of its positions, O(n²).
_NAMES_JOINED = r"(?:(?<!\s)\s+)?(?:[、，,;；/／&]|\band\b|和|及|與|与)\s*"
# CJK names are also told apart by a space alone ("王建宏 张文攀")…
_NAME_SPLIT = lazy(_NAMES_JOINED + r"|(?<!\s)\s+(?=(?![\x00-\x7f])[^\W\d_])")


# …but without CJK a space is inside a name ("Михаил Деришев", "José Álvarez"), not between two.
_name_split_spaced = lazy(_NAMES_JOINED)


def split_names(value: str) -> list[str]:
    """``张三、李四`` / ``A and B`` → names, placeholders, roles and places dropped.

    >>> split_names("实习记者 王璐"), split_names("蒋 凌"), split_names("谭飞王艳明闫鹃")
    (['王璐'], ['蒋凌'], ['谭飞', '王艳明', '闫鹃'])
    """
    # Han, kana and hangul all lie at U+3040 or above; the scripts that space names lie below.
    cjk = any(c >= "\u3040" for c in value)
    splitter = _NAME_SPLIT() if cjk else _name_split_spaced()
    parts = [p.strip(" .·:：") for p in splitter.split(value.strip()) if p.strip(" .·:：")]
    if cjk and 2 <= len(parts) <= 3 and all(len(p) == 1 for p in parts) and parts[0] in SURNAMES:
        parts = ["".join(parts)]  # "马 燕": one name, padded with a space by the page
    if len(parts) > 1 and _REPORTS().search(parts[-1]):
        parts.pop()  # "记者 彭冲 山东冠县报道": the last part is where from, not who
    names = []
    for part in parts:
        name = _REPORTS().sub("", part) if cjk else _latin_name(part)
        for one in split_run(name) or [name]:
            if is_person(one):
                names.append(one)
    return names


def _latin_name(part: str) -> str:
    """A Latin, Greek or Cyrillic name without the title before it and what follows it."""
    part = _TITLE_WORDS().sub("", part)
    return _ROLE_TAIL().sub("", _NAME_END().sub("", part)).strip(" ,.")


def is_person(name: str) -> bool:
    """Whether a name read from a credit can be a person's (or an agency's, as bylines print
    them): not a placeholder, a role, a place, a word of the page's interface."""
    return bool(
        sum(c.isalpha() for c in name) >= 2
        and not is_placeholder(name)
        and not _not_a_person(name)
        and len(name) <= 40
        and not _only_roles(name)
        and not all(w.strip(".,") in _CALENDAR_WORDS for w in name.lower().split())
        and not any(w in name for w in _CJK_ROLES)
        and name not in _NOT_NAMES
        and not name.startswith(_FROM_WORDS)
        and not is_place(name)
        and not is_ui_word(name)
    )


# An outlet by its last characters: no person ("新民网", "明報專訊").
_OUTLET_TAILS = (
    "网",
    "網",
    "报",
    "報",
    "新闻",
    "新聞",
    "中心",
    "频道",
    "頻道",
    "电台",
    "電台",
    "电视台",
    "電視台",
    "专讯",
    "專訊",
)
_DOMAIN = lazy(r"(?i)\.(?:com|net|org|cn|tw|hk)\b")


def _not_a_person(name: str) -> bool:
    """A website ("www.cbzw.com.cn") or an outlet by its last characters ("新民网")."""
    return (
        name.lower().startswith("www.")
        or name.endswith(_OUTLET_TAILS)
        or ("." in name and _DOMAIN().search(name) is not None)
    )


# Words of a date that a by-line's names can run into ("…, Minh Do, November 19").
_CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
        "updated",
        "posted",
        "published",
    ]
)


def _only_roles(name: str) -> bool:
    """ "Staff Writer", "Reporter": a role with nobody named ("CBS News Staff" names a desk)."""
    words = name.split()
    return bool(words) and all(_role().fullmatch(w) for w in words)


def clean_name(name: str) -> str:
    """A name as bylines print it, without a title before it or a role, a date or a small
    word after it ("By Laura Mowat" → "Laura Mowat"); CJK names are left as they are."""
    return name if name[:1] >= "\u3040" else _latin_name(name)


# Outlets as Latin bylines name them beside their writers: "Associated Press", "Florida Today",
# "CNN Business", "Sioux Falls Argus Leader", "Cleveland.com".
_LATIN_ORG = lazy(
    r"\b(?:Press|News|Times|Post|Today|Leader|Business|Reuters|AP|AFP|CNN|BBC|NBC|CBS|ABC|Journal"
    r"|Herald|Tribune|Daily|Gazette|Agency|Media|Network|Radio|TV|Magazine|Chronicle|Observer"
    r"|Telegraph|Guardian|Independent|Wire|Bloomberg|Register|Courier|Star|Sun|Mail|Express|Staff)$"
    r"|\.(?:com|net|org|co\.uk)$"
)


def wire_agency(text: str) -> str | None:
    """The wire service a line names alone, with where it filed from ("Reuters, Washington,")."""
    head = text.split(",")[0].strip(" .:")
    return head if head.lower() in WIRE_AGENCIES else None


def is_latin_org(name: str) -> bool:
    """A Latin-script outlet's name by its last word ("Associated Press", "Cleveland.com")."""
    return name[:1] < "\u3040" and _LATIN_ORG().search(name.strip()) is not None


def names_and_outlet(text: str) -> tuple[list[str], str | None]:
    """Writers, then their outlet, on one line without a label: "Tom Davies Associated Press",
    "Meg Kinnard and Errin Haines, Associated Press", "Elliot Brownstein Florida Today".
    ([], None) for anything else."""
    words = text.replace(",", " , ").split()
    for k in range(2, len(words) - 1):
        outlet = " ".join(w for w in words[k:] if w != ",")
        if words[k] in (",", "and", "&") or words[k - 1] in ("and", "&"):
            continue
        if not words[k][:1].isupper() or not is_latin_org(outlet):
            continue
        people = split_names(" ".join(words[:k]).rstrip(" ,"))
        # Names in capitals ("KELLI KENNEDY") are read as the same names in title case.
        if people and all(latin_name_line(p if not p.isupper() else p.title()) for p in people):
            return people, outlet
    return [], None


def is_place(word: str) -> bool:
    """A province, city or capital, or a word starting with a province ("江蘇南通")."""
    return word in PLACES or any(word.startswith(p) and len(word) > len(p) for p in PROVINCES)


def is_ui_word(text: str) -> bool:
    """A word of the page's interface ("查看评论", "手机版", "Fonts Size", "Learn More")."""
    if any(w in text for w in UI_WORDS):
        return True
    words = text.lower().split()
    return bool(words) and all(w.strip(".:|") in UI_WORDS_LATIN for w in words)


def glued_names(run: str, *, labelled: bool = False) -> list[str]:
    """The people in a run of Han characters glued to a reporter's label: one name, names run
    together, or a name with where it was filed from ("潘姿羽台北"). A name must start with a
    common surname, unless ``labelled`` (a role word stands right before it: "记者 曉明")."""
    for place in PLACES:
        if run.endswith(place) and 2 <= len(run) - len(place) <= 4:
            run = run[: -len(place)]
            break
    if looks_like_cjk_name(run) or (labelled and 2 <= len(run) <= 4 and not is_org(run)):
        return [run] if is_person(run) else []
    return split_run(run) or []


_RANK = {c: i for i, c in enumerate(SURNAME_ORDER)}


def split_run(run: str) -> list[str] | None:
    """Names printed without a separator ("谭飞王艳明闫鹃"): five to twelve Han characters cut
    into names of two or three, each from a common surname, the commoner surnames winning where
    two cuts are possible. None for anything else (a single name, an unsplittable run)."""
    if not 5 <= len(run) <= 12 or not all("\u4e00" <= c <= "\u9fff" for c in run):
        return None
    # best[i]: (cost, names) of the cheapest cut of run[:i]
    best: list[tuple[float, list[str]] | None] = [None] * (len(run) + 1)
    best[0] = (0.0, [])
    for i in range(len(run)):
        here = best[i]
        if here is None:
            continue
        for size in (2, 3):
            piece = run[i : i + size]
            if len(piece) < size or piece[0] not in SURNAMES:
                continue
            cost = here[0] + 1 + _RANK[piece[0]] / len(_RANK)
            there = best[i + size]
            if there is None or cost < there[0]:
                best[i + size] = (cost, [*here[1], piece])
    end = best[len(run)]
    return end[1] if end is not None else None


_CJK_NAME = r"(?![\x00-\x7f])[^\W\d_](?:(?![\x00-\x7f])[^\W\d_]|·){1,3}"
CJK_NAME_RE = lazy(_CJK_NAME)
NAME_LIST = _CJK_NAME + r"(?:[\s、，,]+" + _CJK_NAME + r"){0,3}"
NAME_LINE_RE = lazy(r"^\s*(?:(?:作者|文|撰文)\s*[:：/／]?\s*)?(?P<names>" + NAME_LIST + r")\s*$")


# Name patterns use "a non-ASCII letter" rather than the Han range: a class spanning
# U+4E00–U+9FFF costs Python's re about 2 ms to compile, paid by every run of the command.
# Organisations, not people: a "name" ending in one of these is a newsroom or an office.
_ORG_TAILS = (
    "社",
    "报",
    "報",
    "网",
    "網",
    "台",
    "部",
    "局",
    "委",
    "厅",
    "廳",
    "院",
    "会",
    "會",
    "中心",
    "办",
    "辦",
    "处",
    "處",
    "站",
    "所",
    "组",
    "組",
    "图",
    "圖",
    "完",
)


def is_org(word: str) -> bool:
    """A newsroom, paper or office by its last character ("南海网", "楚天都市報", "新华社")."""
    return word.endswith(_ORG_TAILS)


def looks_like_cjk_name(name: str) -> bool:
    """2-4 Han characters starting with a common surname."""
    if not 2 <= len(name) <= 4:
        return False
    return name.startswith(COMPOUND_SURNAMES) or name[0] in SURNAMES


def people(names: str) -> list[str]:
    found = split_names(names)
    if not found or any(map(is_org, found)):
        return []
    # Rare surnames exist (风, 哈…): all must be name-shaped, and most must start with a common one.
    common = sum(looks_like_cjk_name(n) for n in found)
    # Four characters make a name only with a two-character surname ("欧阳明"): "游民星空" is a
    # site's name.
    shaped = all(2 <= len(n) <= 3 or n.startswith(COMPOUND_SURNAMES) for n in found)
    return found if shaped and common * 2 >= len(found) and common else []


# Buttons that read like a surname and a given name ("关注": follow): alone on a line, no name.
_BUTTON_NAMES = frozenset({"关注", "關注", "已关注", "已關注"})


def name_line(text: str) -> list[str]:
    """A line that is only a person's name (or two), as essays print under their title."""
    if text.strip() in _BUTTON_NAMES:
        return []
    m = NAME_LINE_RE().match(text)
    if m is None:
        return []
    names = m.group("names").split()
    if len(names) > 1 and is_place(names[-1]):
        names.pop()  # "黃千容 賴世杰 台中": the reporters, then where they filed from
    return people(" ".join(names))


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
_newsroom_role = lazy(
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


_anchor_lead = lazy(r"(?i)^.*?\b(?:von|vom(?:\s*autor(?:in)?)?|by|par|por|door)\b\s*")


_anchor_junk = lazy(r"_+|\*+|->|<-|[→»<>]")


def name_from_anchor(anchor: str) -> str | None:
    """The person in an author-page link text: "Alle Beiträge von Jane Roe ->" → "Jane Roe"."""
    text = _anchor_junk().sub(" ", anchor).strip()
    text = _anchor_lead().sub("", text).strip()
    text = re.sub(r"(?i)^(?:autor(?:in)?|author)\s*", "", text).strip()
    if not text or any(ch.isdigit() for ch in text):
        return None
    if CJK_NAME_RE().fullmatch(text):
        return text if looks_like_cjk_name(text) else None
    words = text.split()
    if 1 <= len(words) <= 4 and all(w[0].isupper() for w in words if w[0].isalpha()):
        return text
    return None
