"""``Line`` records → ``Article``: which line is title, byline, body, teaser or boilerplate, and why.

The evidence generalises across sites: reading length against link share, sentence punctuation
(full-width 。！？ for CJK), the best contiguous run of text-dense lines (a maximum-sum segment, so a
short caption inside an article stays while a nav bar beside it goes), position relative to that
run, and the labels of bylines. No rule names a site. Every line gets exactly one part and a reason.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter
from functools import cache

from reader.dates import citation_date, find_dates
from reader.metadata import (
    Byline,
    Field,
    control_words,
    find_credit,
    find_labels,
    latin_name_line,
    merge,
    name_from_anchor,
    name_line,
    read_byline,
    staff_name,
    tail_authors,
)
from reader.model import Article, Block, Explanations, Metadata, PageHints, Part, Teaser
from reader.record import Value
from reader.segment import CJK_RE, Dialect, Line, markup_text, segment, text_size

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

# A line is worth this many reading units before it starts to count as text.
LINE_COST = 12
RELATED_RE = re.compile(
    r"^(?:相关|相關|延伸|推荐|推薦|热门|熱門|热点|熱點|猜你喜欢|猜你喜歡|更多|最新|其他|其它|精彩|往期|"
    r"今日|图片|圖片|专题|專題|最热门|最熱門|最多浏览|最多瀏覽|最多阅读|最多閱讀|编辑精选|編輯精選)"
    r"(?:阅读|閱讀|新闻|新聞|文章|链接|鏈接|报道|報導|推荐|推薦|资讯|資訊|内容|內容|排行|专题|專題|图集|圖集)?"
    r"|^(?:related|more (?:from|on|stories|news)|read more|recommended|you may also like|"
    r"most (?:read|popular)|trending|see also|further reading|top stories|latest news|"
    # The same blocks in the other languages the labels cover (fr, de, es, pt, ru, pl, el).
    r"les plus lus|(?:à )?lire aussi|sur le même sujet|meistgelesen|mehr zum thema|"
    r"das könnte sie auch interessieren|weitere artikel|lo más leído|más leídas|"
    r"noticias relacionadas|leia também|mais lidas|читайте также|самое читаемое|"
    r"czytaj także|najczęściej czytane|διαβάστε επίσης)"
    # Words that also open an inline link ("Veja também o placar completo"): a heading only
    # when at most one word follows ("Другие новости раздела").
    r"|^(?:other (?:news|stories)|otras noticias|veja também|outras notícias|leggi anche|"
    r"articoli correlati|altre notizie|articles similaires|другие новости|новости по теме|"
    r"похожие новости|ещё по теме|еще по теме|смотрите также|zobacz (?:także|też))"
    r"(?:\s+\S+)?\s*[:：]?\s*$",
    re.IGNORECASE,
)
# Leading openers and trailing closers. The trailing run is tried from its first character only
# (the lookbehind), so a long run that does not end the text is not rescanned from each of its
# positions (O(n²)); the first branch covers openers running straight into closers.
_OPENERS = "【[（(<《「『|#*>:：-"
_CLOSERS = "】]）)>》」』|:：-"
_OPENER = r"[\s" + re.escape(_OPENERS) + "]"
_CLOSER = r"[\s" + re.escape(_CLOSERS) + "]"
_BRACKETS = re.compile(rf"^{_OPENER}++{_CLOSER}+$|^{_OPENER}+|(?<!{_CLOSER}){_CLOSER}+$")
_BREADCRUMB = re.compile(
    r"(?:>|»|›|→|＞|>>)\s*\S+\s*(?:>|»|›|→|＞)|位置[:：]|当前位置|當前位置|您的位置"
)
# Footer phrases, in three patterns that ``is_footer`` tries in turn (it only asks whether any
# matches): one pattern with re.IGNORECASE cost a millisecond a page, as case-insensitive literals
# get no quick first-character test in re and every position entered every alternative.
# Those that start with a caseless character, compiled without the flag: re scans for their
# first characters in C.
_FOOTER_CASELESS = re.compile(
    r"版权所有|版權所有|版权声明|版權聲明|©|公网安备|公網安備|许可证|許可證|举报电话|舉報電話|举报邮箱|"
    r"违法和不良信息|不得转载|不得轉載|免责声明|免責聲明|本网站所有|本網站所有|联系我们|聯絡我們|"
    r"网站地图|網站地圖|关于我们|關於我們|著作权|著作權|侵犯.{0,12}权益|侵犯.{0,12}權益|"
    r"转载.{0,24}(?:授权|注明|来源|出处|目的)|轉載.{0,24}(?:授權|註明|來源|出處|目的)"
)
# The Latin ones, behind a lookahead on their first characters (which changes no match).
_FOOTER_LATIN = re.compile(
    r"(?=[c(aIpt])(?:copyright|\(c\)\s*\d{4}|all rights reserved|ICP备|ICP證|ICP证|"
    r"privacy policy|terms of (?:use|service)|cookie)",
    re.IGNORECASE,
)
# A statement heading the line ("版权声明：", "免責聲明："), matched at its start.
_FOOTER_HEAD = re.compile(r"\W{0,3}\w{0,8}[声聲]明[:：]")
_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]\s*\S|第[一二三四五六七八九十\d]{1,3}[章节部分])"
)
# (?:(?<!\s)\s+)? takes leading spaces from the start of their run only: a bare \s* retries a long
# run of spaces that no separator follows from each of its positions, O(n²).
# A numbered point with the enumeration comma ("2、", "三、"), which no date uses.
_POINT = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})、")
_CRUMB_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:>>|[>›〉＞→]|(?<=\s)»(?=\s))\s*")
_TIMESTAMP = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}[:：]\d{2}")
_MAYBE_META = re.compile(
    r"\d|[:：/／╱]|记者|記者|通讯员|通訊員|报道|報導|[Bb]y |BY |[Vv]on |Par |Por |Door "
)
_NAV_SEP = re.compile(r"\s[/|｜•·]\s|．|\s{2,}")
_CODE_CHARS = re.compile(r"[{}();=<>$]")
# Separators between a headline and a site or section name. En and em dashes and 「——」 are left
# out: in headlines they join a title and its subtitle far more often than they add a site name.
# Spaces before a separator are taken from the start of their run only (see _CRUMB_SPLIT).
_TITLE_SPLIT = re.compile(r"(?<!\s)\s+[|｜\-•·]\s+|_|(?:(?<!\s)\s+)?[|｜〉›＞]\s*|－|\s[>»]\s")
_SENTENCE_END = re.compile(r"[。！？!?]$|[.](?<!\.\.)$")
_PROSE_END = re.compile(r"[。]$|[.](?<!\.\.)$")
_PROSE_MARK = re.compile(r"。|\.(?:\s|$)")
# A picture's caption or credit: "▲ …（記者某某攝）", "图据cnsphoto", "Foto: …", "… Shutterstock".
_PHOTO_CREDIT = re.compile(
    r"^[▲△▼↑]|[(（][^()（）]{0,16}[攝摄][)）]$|[图圖]据|Shutterstock|Getty Images", re.IGNORECASE
)
_RELATIVE_TIME = re.compile(
    r"(?<!\d)\d{1,3}\s*(?:分钟|分鐘|小时|小時|天)前|\b\d{1,3}\s+(?:minutes?|hours?|days?)\s+ago\b",
    re.IGNORECASE,
)


class ParseOptions(Value):
    """Options for parsing, travelling as one object (cf. black's Mode)."""

    dialect: Dialect | None = None
    # Read by reader.api / reader.html, not by the engine (issue 4):
    input: str = "auto"  # "auto" | "html" | "text": HTML sniffed, forced, or never assumed
    links: bool = False  # keep links as Markdown links in the body (HTML and html2text dumps)
    images: bool = False  # keep images as Markdown images in the body
    # Read by reader.api for decoding (issue 5):
    lang: str | None = None  # language hint for encoding detection
    fix_mojibake: bool = True  # repair text that was mis-decoded once and saved again


# From half-way down the page, line weights fall linearly to half at the last line (measured on
# the dev corpus: terms of use and comment rules sit at the foot, articles above them).
POSITION_START = 0.5
POSITION_DROP = 0.5


def is_footer(line: Line) -> bool:
    """Copyright, licence, contact and disclaimer lines: every site has them, no article is them."""
    if line.size > 200:
        return False
    text = line.text
    if text.isascii():
        # The caseless phrases and the statement head are all CJK or "©": no ASCII line holds
        # one. Matched without case, ASCII text holds a Latin phrase only if its lower case
        # holds it as written (re's extra caseless matches, "ſ", "ı", "K", are none of them
        # ASCII); most lines hold none, and the caseless pattern tries every position.
        low = text.lower()
        return (
            ("copyright" in low or "(c)" in low or "all rights reserved" in low or "icp" in low)
            or ("privacy policy" in low or "terms of " in low or "cookie" in low)
        ) and _FOOTER_LATIN.search(text) is not None
    return (
        _FOOTER_CASELESS.search(text) is not None
        # Every Latin phrase holds a "c" or an "r" (no other character matches them caselessly).
        or (
            ("c" in text or "r" in text or "C" in text or "R" in text)
            and _FOOTER_LATIN.search(text) is not None
        )
        or ("明" in text and _FOOTER_HEAD.match(text) is not None)
    )


RELATED_HEADING = "heading of a related-articles block"  # the reason such a line is given


def is_related_heading(line: Line) -> bool:
    """ "相关新闻", "【相关阅读】", "Related stories", "港聞頭條 »": the head of a block of other
    articles (a short heading that links to more of them ends in "»")."""
    if line.size > 20:
        return False
    text = line.text
    if text.endswith(("»", "›", ">>")) and line.size <= 12 and not line.sentences:
        return True
    return _related_words(text)


def _related_words(text: str) -> bool:
    """Whether ``text``, its brackets and markers aside, reads as a related-articles heading."""
    # _BRACKETS takes only a run of openers at the start and one of closers at the end: text
    # that neither starts nor ends with one (most) is left as it is, without the substitution.
    if text and (
        text[0] in _OPENERS or text[0].isspace() or text[-1] in _CLOSERS or text[-1].isspace()
    ):
        text = _BRACKETS.sub("", text)
    return RELATED_RE.match(text) is not None


# A reader's comment opens with its writer and "said:" ("* Jane on May 3, 2018 at 4:47 pm said:").
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


@cache
def _comment_head() -> re.Pattern[str]:
    return re.compile(
        r"(?:\bsaid|\bsays|\bwrote|\bwrites|\bschrieb|\bschreibt|\ba dit|\bécrit|\bescribió|\bescribe|"
        r"\bdisse|\bescreveu|написал[а]?|пишет|说|說|回复|回覆)"
        r"\s*[:：]\s*$",
        re.IGNORECASE,
    )


def _texty(
    lines: Sequence[Line], i: int, step: int, count: int, reach: int | None = None
) -> list[int]:
    """Up to ``count`` lines with text from line ``i`` on (not itself), stepping by ``step``
    (1 down, -1 up), at most ``reach`` lines away: the neighbours that markup lines and blank
    lines leave between a line and what stands next to it."""
    stop = len(lines) if step > 0 else -1
    if reach is not None:
        stop = min(stop, i + reach + 1) if step > 0 else max(stop, i - reach - 1)
    return list(
        itertools.islice((j for j in range(i + step, stop, step) if not lines[j].empty), count)
    )


def _dated(text: str) -> bool:
    """A clock time or a date on the line: what a comment's head carries."""
    return bool(_CLOCK.search(text) or find_dates(text))


# Blog engines head each reply with the post's title after "re:", and its date and writer (the
# "#" of a permalink may stand first).
_REPLY_HEAD = re.compile(r"[#\s]*(?:re|回复|回覆)\s*[:：]\s*\S", re.IGNORECASE)


_REPLY_LINK = re.compile(
    r"\W*(?:reply|odpowiedz|antworten|répondre|responder|rispondi|ответить|回复|回覆|回應)\W*$",
    re.IGNORECASE,
)


def _comments_start(lines: Sequence[Line]) -> int | None:
    """Where readers' comments begin: the first of two comment heads or more, each dated on its
    line or the next ("Jane on May 3, 2018 at 4:47 pm said:"), so a quoted "he said:" is not one.
    """
    heads: list[int] = []
    for i, ln in enumerate(lines):
        if ":" not in ln.text and "：" not in ln.text:
            continue  # both kinds of head hold a colon; most lines have none
        if ln.size <= 60 and _REPLY_HEAD.match(ln.text) and _dated(ln.text):
            heads.append(i)  # "re: <the post's title>  2004-12-27 12:46  Jane": a reply's head
            continue
        if ln.size > 40 or not ln.text.endswith((":", "：")) or not _comment_head().search(ln.text):
            continue
        near = [ln.text] + [lines[j].text for j in range(i + 1, min(len(lines), i + 3))]
        if any(_dated(t) for t in near):
            heads.append(i)
    found = heads[0] if len(heads) >= 2 else None
    # A "Reply" link under each comment: two or more mark a thread, which starts at the dated
    # head above the first one.
    replies = [
        i for i, ln in enumerate(lines) if ln.size <= 3 and ln.text and _REPLY_LINK.match(ln.text)
    ]
    if len(replies) >= 2:
        first = replies[0]
        dated = [j for j in _texty(lines, first, -1, 5, reach=11) if _dated(lines[j].text)]
        start = dated[-1] if dated else first
        found = start if found is None else min(found, start)
    return found


_LINKED_ITEM = re.compile(r"^\s*[*+-]\s+\[(?!!)")


def _alphabetical(text: str) -> bool:
    """Whether nine in ten of the words follow in alphabetical order, as a tag cloud's do."""
    words = text.casefold().split()
    ordered = sum(a <= b for a, b in itertools.pairwise(words))
    return ordered >= 0.9 * (len(words) - 1)


def weight(line: Line) -> float:
    """How much a line looks like article text: reading size discounted by links and code."""
    if line.empty:
        return 0.0
    if is_footer(line):
        return 0.0
    n = line.size
    value = min(n, 400) * (1.0 - line.link_share) ** 2
    text = line.text
    if len(_CODE_CHARS.findall(text)) > 0.04 * len(text) + 2:
        value *= 0.1
    punct = line.sentences + line.clauses
    if punct == 0:
        value *= 0.5
    cjk = line.cjk
    pieces = line.fragments
    if (
        (cjk >= 30 and punct * 40 < cjk)
        or (cjk >= 20 and pieces >= 4 and cjk < 16 * pieces)
        or (line.clauses >= 5 and cjk < 5 * line.clauses and line.sentences == 0)
    ):
        # Prose puts a comma or a full stop every dozen characters and no spaces between CJK
        # words; a long line without the one or with many of the other is a run of headlines
        # (a dropdown, a ticker, a nav bar), not a paragraph.
        value = min(value * 0.1, LINE_COST / 2)
    elif punct == 0 and cjk < 10 and text.count(" ") >= 15 and _alphabetical(text):
        # Sixteen words or more in alphabetical order and without a comma or a full stop: a tag
        # cloud or an index, not prose.
        value = min(value * 0.1, LINE_COST / 2)
    if line.bullet and line.sentences == 0:
        value *= 0.7
    if line.bullet and line.anchors and _LINKED_ITEM.match(line.raw):
        value *= 0.3  # "* [Headline](…) its summary": an entry of a list of other articles
    return value


def _is_controls(line: Line) -> bool:
    """Font size, print, share, previous/next: a few words each, or many of them in a row."""
    controls = control_words(line.text)
    return bool(controls) and line.sentences == 0 and (line.size < 16 or controls >= 3)


def _dated_headline(line: Line) -> bool:
    """ "某某新闻标题 (2012/1/15 16:41:01)": a list entry, not a sentence of the article."""
    if line.sentences or not 6 <= line.size <= 60:
        return False
    dates = find_dates(line.text)
    return (
        bool(dates)
        and dates[-1].end >= len(line.text.rstrip(" )）]】")) - 1
        and dates[-1].start > 4
    )


def _related_item(line: Line) -> bool:
    """An entry of a related-articles list: a bullet, a link or a cut-off snippet, not a control."""
    return (
        line.heading != 1
        and line.size >= 6
        and (line.bullet or line.truncated or line.link_share > 0.5)
        and not control_words(line.text)
    )


# A line printed twice (a picture's alt text and caption, a teaser in two lists) is rarely
# the article's own text: its weight is cut to this share.
REPEAT_WEIGHT = 0.3


def _repeated(lines: Sequence[Line]) -> list[int]:
    """Lines with text whose exact text stands on another line of the page too.

    Only where repeats are the exception: a page that is mostly repeats says nothing by them.
    """
    seen: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.size >= 8:
            seen.setdefault(ln.text, []).append(i)
    repeats = [i for found in seen.values() if len(found) > 1 for i in found]
    sized = sum(len(found) for found in seen.values())
    return repeats if len(repeats) * 2 < sized else []


# A stretch of this many tiny lines in a row (tags, share icons, a menu) is never inside an
# article: the run of text may not cross it.
BARRIER_LINES = 6
BARRIER = 10_000.0


def _barriers(lines: Sequence[Line]) -> list[int]:
    """The first line of each stretch of BARRIER_LINES or more tiny lines (blank and markup-only
    lines neither count nor break a stretch)."""
    found: list[int] = []
    first, count = -1, 0
    for i, ln in enumerate(lines):
        if ln.empty:
            continue
        if ln.size < 6 and not ln.sentences:
            if count == 0:
                first = i
            count += 1
            if count == BARRIER_LINES:
                found.append(first)
        else:
            count = 0
    return found


def _related_headline(line: Line) -> bool:
    """A short unbulleted headline inside a related-articles list (a picture's title)."""
    return (
        line.sentences == 0
        and 6 <= line.size <= 30
        and line.anchors <= 1
        and not control_words(line.text)
        and not is_footer(line)
    )


def _in_related_block(line: Line) -> tuple[Part, str] | None:
    """Where a line under a related-articles heading goes, or None when it ends the block.

    A headline without a bullet (a picture's title) and a short tag do not end it either; a
    heading that links nowhere does: the article's next section.
    """
    if line.heading and not line.anchors and line.raw.lstrip().startswith("#"):
        return None
    if _related_item(line) or _related_headline(line):
        return Part.TEASER, "item of a related-articles block"
    if line.sentences == 0 and line.size < 6:
        return Part.BOILERPLATE, "tag or label in a related-articles block"
    return None


def _stacked(likely: set[int], lines: Sequence[Line]) -> set[int]:
    """The lines of ``likely`` that stand in a stack of STACK_LINES or more of them, with
    nothing but blank lines between: a list of headlines, which no single headline is."""
    stacks: list[list[int]] = []
    for i in sorted(likely):
        last = stacks[-1][-1] if stacks else None
        if last is not None and all(lines[j].blank for j in range(last + 1, i)):
            stacks[-1].append(i)
        else:
            stacks.append([i])
    return {i for stack in stacks if len(stack) >= STACK_LINES for i in stack}


def _favour(scores: list[float], near: range) -> None:
    """Raise the first two lines of ``near`` that count as text: a byline's neighbours."""
    for j in [j for j in near if scores[j] > 0][:2]:
        scores[j] += 2 * LINE_COST


def _paragraph(line: Line, weight: float) -> bool:
    """A line that reads as a paragraph of an article: two sentences, or much text."""
    return line.sentences >= 2 or weight >= PARAGRAPH_WEIGHT


def _item_summary(
    lines: Sequence[Line], part: Sequence[Part | None], i: int
) -> tuple[Part, str] | None:
    """A summary under an item of a related-articles list, before the next bulleted item
    ("* Headline  Source" / "【Source】 What happened…" / "* Next headline"): part of the list,
    however much prose. The last item's summary is left alone: it may be the text again."""
    prev = _texty(lines, i, -1, 1)
    if not prev or part[prev[0]] is not Part.TEASER:
        return None
    if any(lines[j].bullet and _related_item(lines[j]) for j in _texty(lines, i, 1, 3, reach=11)):
        return Part.TEASER, "summary of an item in a related-articles block"
    return None


def _hinted_weights(lines: list[Line], weights: list[float], hints: PageHints) -> list[float]:
    """Markup evidence moves line weights: inside the article container up, nav/related down."""
    out = []
    for ln, w in zip(lines, weights, strict=True):
        if ln.number in hints.boilerplate_lines or ln.number in hints.teaser_lines:
            w = min(w, LINE_COST / 2) - LINE_COST
        elif ln.number in hints.content_lines:
            w = w * 1.5 + LINE_COST / 2
        out.append(w)
    return out


def _is_headline_link(line: Line) -> bool:
    """One link whose text reads like a headline (not "0 comments", not a row of nav links)."""
    if line.anchors != 1 or not 8 <= line.size <= 80:
        return False
    if line.link_share > 0.7:
        return True
    # "* [Headline](…) Paper - 13 hours ago": the headline linked, its source and date not.
    head = line.text[:200]  # size leaves out URLs: the text itself may be long
    return line.link_share > 0.3 and bool(_RELATIVE_TIME.search(head) or find_dates(head))


def _summaries_after_headlines(lines: list[Line]) -> set[int]:
    """Paragraphs that each follow a linked headline, twice or more nearby: a teaser list."""
    pairs: list[int] = []
    prev: int | None = None
    for i, ln in enumerate(lines):
        if ln.empty:
            continue
        if (
            # The line's own measures first: most lines fail them, and need no headline test.
            ln.size > 20
            and ln.link_share < 0.3
            and prev is not None
            and _is_headline_link(lines[prev])
            and not _is_headline_link(ln)
        ):
            pairs.append(i)
        prev = i
    out: set[int] = set()
    for k, i in enumerate(pairs):
        near = [j for j in pairs[max(0, k - 1) : k + 2] if j != i and abs(j - i) <= 16]
        if near:
            out.add(i)
    return out


def _is_row(line: Line) -> bool:
    """A table row as dumps print it: several cells of CJK/words, no links, no sentences."""
    return (
        line.link_share < 0.2
        and (line.fragments >= 3 or len(line.cells) >= 2)
        and line.sentences == 0
    )


def _absorb_table(
    lines: list[Line], part: list[Part | None], bylines: dict[int, Byline], end: int
) -> int:
    """Extend the run over a table printed right after the text (rows weigh little each).

    The block (a caption, then rows) must be mostly rows and end before links or footers.
    """
    block: list[int] = []
    for i in range(end, min(len(lines), end + 80)):
        ln = lines[i]
        if part[i] is not None:
            continue
        if ln.link_share >= 0.2 or is_footer(ln) or i in bylines or is_related_heading(ln):
            break
        if control_words(ln.text) and ln.size < 16:
            break
        block.append(i)
    rows = [i for i in block if _is_row(lines[i])]
    if len(rows) < 3:
        return end
    last_row = rows[-1]
    kept = [i for i in block if i <= last_row]
    # Cells that wrap print as short lines between the rows: a long table may be half rows.
    if len(rows) < (0.4 if len(rows) >= 6 else 0.6) * len(kept):
        return end
    return last_row + 1


def _best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """The maximum-sum contiguous segment [start, end) of positive total; None if none."""
    best_sum = 0.0
    best: tuple[int, int] | None = None
    cur = 0.0
    start = 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur = 0.0
            start = i
        cur += s
        if cur > best_sum:
            best_sum = cur
            best = (start, i + 1)
    return best


def _only_a_date(text: str, dayfirst: bool) -> bool:
    found = find_dates(text, dayfirst=dayfirst)
    return len(found) == 1 and len(text) - (found[0].end - found[0].start) <= 3


# Counts and separators around a name in a row of post details ("· Jane Roe · 6").
_NAME_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def _is_byline(line: Line, dayfirst: bool = False) -> Byline | None:
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


# What a headline's ends lose: markup and the separators of a site-name suffix.
_TITLE_TRIM = " ~=*#·•-_"


def _crumbs(text: str) -> list[str]:
    """The pieces of a breadcrumb (``Site 〉 News 〉 Headline``); one for any other text."""
    return [p.strip() for p in _CRUMB_SPLIT.split(text) if p.strip()]


def _clean_title(text: str) -> str:
    """Drop a site-name suffix: of ``Headline_Section_Site`` keep the longest piece.

    In a breadcrumb ending in the headline (``Site 〉 News 〉 Headline``) keep the last piece.
    """
    crumbs = _crumbs(text)
    if len(crumbs) >= 3:
        return crumbs[-1]
    text = text.strip(_TITLE_TRIM)
    parts = [p.strip() for p in _TITLE_SPLIT.split(text) if p and p.strip()]
    if len(parts) < 2:
        return text.strip()
    return max(parts, key=text_size)


def _suffix_named(lines: Sequence[Line], ti: int, raw: str, kept: str) -> bool:
    """Whether a piece that cleaning ``raw`` dropped appears on another line of the page without
    the headline, as a site's name does (its logo, its copyright line), within REPEAT_WINDOW
    lines."""
    dropped = [p.strip() for p in raw.replace(kept, "\n").split("\n")]
    names = [p.strip(_TITLE_TRIM + "|｜>»›〉") for p in dropped]
    names = [p for p in names if len(p) >= 2]
    if not names:
        return True
    lo, hi = max(0, ti - REPEAT_WINDOW), min(len(lines), ti + REPEAT_WINDOW)
    # A copy of the whole headline elsewhere ("142 comments on <headline>") does not count.
    return any(
        name in text and kept not in text
        for text in (lines[j].text for j in range(lo, hi) if j != ti)
        for name in names
    )


# What a dump prints for a figure: lynx's "CAPTION:", "[EMBED]", "IFRAME:" or a picture's name.
_CAPTION_MARK = re.compile(
    r"^\s*(?:CAPTION:|IFRAME:|\[EMBED\]|\[[^\]\s]{1,80}\.(?:jpe?g|gif|png|bmp|webp)\]|!\[)",
    re.IGNORECASE,
)


_EXCLAIM = re.compile(r"[!！]")
_MENU_SPLIT = re.compile(r"(?:(?<!\s)\s+)?[-|/·•>»]\s*")


def _is_menu(text: str) -> bool:
    """Four or more short pieces between separators ("首页-国际-国内-社会", "News > Local")."""
    pieces = [p for p in _MENU_SPLIT.split(text) if p]
    if len(pieces) < 2 or (len(pieces) < 4 and not any(c in text for c in ">»")):
        return False
    return sorted(text_size(p) for p in pieces)[len(pieces) // 2] <= 4


def _title_score(line: Line, distance: int) -> float | None:
    """How much a line looks like the headline, given how far above the text it stands."""
    text = line.text
    n = line.size
    if line.empty or n < 6 or n > 90 or len(text) > 160:
        return None
    controls = control_words(text)
    if find_labels(text) or (controls and n < 20) or controls >= 2 or is_footer(line):
        return None
    if text.startswith(("http://", "https://", "www.")) or _TIMESTAMP.search(text):
        return None  # a dateline ("http://site 2012年01月12日 17:04 …"), not a headline
    if name_line(text):
        return None  # a name alone is the author under the headline
    if len(_CODE_CHARS.findall(text)) >= 3 or "javascript" in text.lower():
        return None  # script text that a dump let through
    # Near lines count most; past ten lines, distance matters less than being a real heading.
    score = 20.0 - 2.0 * min(distance, 10) - 0.5 * max(0, distance - 10)
    if line.heading == 1:
        score += 30
    elif line.heading:
        score += 18 - 2 * line.heading
    if "**" in line.raw or "<b>" in line.raw:
        score += 6
    if line.anchors >= 2 or line.fragments >= 4 or len(_NAV_SEP.findall(text)) >= 2:
        score -= 30  # a row of links or of short pieces is navigation
    elif line.link_share > 0.5:
        score -= 4  # a linked headline is common ("permalink" headings)
    if _PROSE_END.search(text) or line.sentences > 1:
        score -= 12
    elif _SENTENCE_END.search(text):
        score -= (
            3  # headlines ask and exclaim ("别人都怎么大扫除？"); they rarely end in a full stop
        )
    if text.endswith((":", "：", "於", "于")):
        score -= 10  # a lead-in to what follows ("or copy the code:", "此文同步刊登於")
    elif text.endswith(("，", ",", "、", "；", ";")):
        score -= 15  # a hard-wrapped line of prose stops mid-sentence; a headline does not
    if len(line.cells) >= 3 or _is_menu(text):
        score -= 30  # a row of table cells or of short pieces between separators: a menu
    if len(_EXCLAIM.findall(text)) >= 2:
        score -= 12  # "…尽在掌握!欢迎订阅…!": a promotion, not a headline
    if _RELATIVE_TIME.search(text) or find_dates(text):
        score -= 15  # a dateline ("Mon 20 Jan 2020 06.05 GMT", "3小時前"), not a headline
    if line.truncated:
        score -= 15
    if text.endswith(("»", "›", ">>", "→")) or "$" in text:
        score -= 20  # "more in New York »", an unfilled template: links, not headlines
    if text.startswith(("—", "--", "－－")):
        score -= 15  # "——对文化革命的分析": a subtitle under the headline, or a quote's source
    if "(BUTTON)" in line.raw:
        score -= 20  # lynx's form buttons: "Like Us", "Follow Us"
    if _CAPTION_MARK.match(line.raw) or _PHOTO_CREDIT.search(text):
        score -= 15  # a caption, embedded frame or picture's label, printed near the headline
    if line.bullet:
        score -= 20  # a list item: the page's menus and "more news" lists, not its headline
    if _ORDINAL.match(text):
        score -= 15  # "一、…", "(二)…", "1. …": a section heading inside the article
    if _related_words(text):
        score -= 20
    if _BREADCRUMB.search(text) and ("位置" in text or len(CJK_RE.findall(_clean_title(text))) < 8):
        score -= 25  # a breadcrumb, unless it ends in a real headline
    if 8 <= n <= 60:
        score += 6
    return score


# A list of this many items or more that opens the text run is not the article's.
LEAD_LIST = 4

# What a line of text weighs that is a paragraph whatever its punctuation.
PARAGRAPH_WEIGHT = 60.0

# A stack of this many headline-like lines in a row is a list of other articles' headlines.
STACK_LINES = 4
STACK_PENALTY = 8.0

# What an indented line loses as a headline on a lynx page that prints headings flush left.
FLUSH_PENALTY = 10.0

# How many of the page's last lines with text may hold an essay's closing citation.
CITATION_LINES = 12

# How far above the text (in lines with text) a byline is still the article's, when none is near.
FAR_BYLINE = 40

# How many lines at the top of the text run a byline may follow and still mark where the text
# starts (a headline, a breadcrumb and a quick-links row above it are common).
HEAD_LINES = 8

# A page names its headline more than once (a breadcrumb, a feed link, a "today's news" list);
# menus repeat too, but their items are short and lose on other evidence.
REPEAT_BONUS = 6.0
REPEAT_WINDOW = 3000  # lines searched each way: bounded cost on a huge dump


def _named_elsewhere(lines: Sequence[Line], i: int, page: str | None = None) -> bool:
    """Whether another line, not next to line ``i``, contains its text.

    ``page`` is every line's text joined by newlines: one ``count`` over it, less the
    occurrences on the line and its neighbours, replaces a scan of each line. Without it (a
    huge page, where counting over all of it per candidate would cost too much) the lines
    within REPEAT_WINDOW are scanned.
    """
    text = lines[i].text
    if lines[i].size < 8:
        return False
    if page is None:
        lo, hi = max(0, i - REPEAT_WINDOW), min(len(lines), i + REPEAT_WINDOW)
        return any(
            text in lines[j].text for j in range(lo, hi) if abs(j - i) > 1 and not lines[j].empty
        )
    near = sum(lines[j].text.count(text) for j in range(max(0, i - 1), min(len(lines), i + 2)))
    return page.count(text) > near


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


def _beside_byline(lines: Sequence[Line], part: Sequence[Part | None], i: int) -> bool:
    """Whether the nearest line with text above or below is the headline or a byline."""
    return any(
        part[j] in (Part.TITLE, Part.METADATA)
        for step in (-1, 1)
        for j in _texty(lines, i, step, 1)
    )


def _latin_page(lines: list[Line]) -> bool:
    """A page in a Latin script other than English (the language guess says None for those)."""
    sample = " ".join(ln.text for ln in lines[:300])[:3000]
    letters = sum(ch.isalpha() for ch in sample)
    return letters > 150 and sum(ch.isascii() and ch.isalpha() for ch in sample) > 0.7 * letters


def _language(text: str) -> str | None:
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


def parse_lines(
    lines: list[Line],
    dialect: Dialect | None = None,
    hints: PageHints | None = None,
    options: ParseOptions | None = None,
) -> Article:
    """Give every line one part. See the module docstring for the evidence used.

    >>> a = parse_text("Home | News\\n\\n# A headline here\\n\\nBy Jane Roe\\n\\n"
    ...                "The first paragraph says something long enough to count as text. "
    ...                "It has two sentences.\\n")
    >>> a.title, a.metadata.authors, len(a.body)
    ('A headline here', ('Jane Roe',), 1)
    """
    n = len(lines)
    part: list[Part | None] = [None] * n
    why: list[str] = [""] * n
    for i, ln in enumerate(lines):
        if ln.blank:
            part[i], why[i] = Part.BLANK, "blank"
        elif ln.empty:
            part[i], why[i] = Part.BOILERPLATE, "markup only (cell pipes, rules, images)"

    # Slashed dates are month-first in English and Chinese pages, day-first in the rest.
    guess = _language(" ".join(ln.text for ln in lines[:300] if ln.size > 10))
    dayfirst = guess is None or guess in ("ru", "el")
    if guess is None:
        dayfirst = _latin_page(lines)
    order = _slash_order(lines)
    if order is not None:
        dayfirst = order
    bylines: dict[int, Byline] = {}
    for i, ln in enumerate(lines):
        if part[i] is None:
            b = _is_byline(ln, dayfirst)
            if b is not None:
                bylines[i] = b

    weights = [weight(ln) for ln in lines]
    # Articles sit in the upper part of a page; terms of use and comment rules at its foot.
    for i in range(int(n * POSITION_START), n):
        weights[i] *= 1.0 - POSITION_DROP * (i - n * POSITION_START) / (n * (1 - POSITION_START))
    summaries = _summaries_after_headlines(lines)
    for i in summaries:
        weights[i] *= 0.2
    for i in _repeated(lines):
        weights[i] *= REPEAT_WEIGHT
    if hints is not None:
        weights = _hinted_weights(lines, weights, hints)
    scores = []
    for i in range(n):
        if part[i] is Part.BLANK:
            scores.append(0.0)
        elif part[i] is Part.BOILERPLATE:
            scores.append(-1.0)
        elif i in bylines:
            scores.append(-2.0)
        else:
            scores.append(weights[i] - LINE_COST)
    # The article starts right under its byline: the first text lines there weigh more.
    # Many bylines mean a listing (each teaser with its date): then no line is favoured.
    for at in list(bylines)[:2] if len(bylines) <= 4 else []:
        _favour(scores, range(at + 1, min(n, at + 12)))
    # Its source, editor or view count closes it: the last text lines above them weigh more.
    closing = [i for i, b in bylines.items() if b.source or b.editor or b.views is not None]
    for at in closing if len(closing) <= 2 else []:
        _favour(scores, range(at - 1, max(-1, at - 8), -1))
    for i in _barriers(lines):
        scores[i] = -BARRIER
    comments = _comments_start(lines)
    run = _best_run(scores[:comments]) if comments is not None else None
    run = run or _best_run(scores)
    start, end = run if run else (n, n)
    del scores  # a float per line: gone before the article is assembled (a large page's peak)
    end = _absorb_table(lines, part, bylines, end)
    # The page's only top-level heading is its headline: what the run holds above it is the
    # page's furniture (a reading widget, a promotion), not the article.
    tops = [i for i, ln in enumerate(lines) if ln.heading == 1]  # also the title's candidates
    if len(tops) == 1 and start < tops[0] < end:
        start = tops[0] + 1
    # An article does not open with a list of headlines: a run that does starts after it (a
    # ticker, a "breaking news" box above the headline, snippets cut off with "…"). Items that
    # are whole sentences may be the article's key points.
    texty = [i for i in range(start, end) if not lines[i].empty]
    lead = next(
        (
            k
            for k, i in enumerate(texty)
            if not lines[i].bullet or (lines[i].sentences and not lines[i].truncated)
        ),
        len(texty),
    )
    if lead >= LEAD_LIST and lead < len(texty):
        start = texty[lead]
    # A headline can be long enough to join the run; a byline right under it says where the
    # text really starts: the short unpunctuated lines above the byline are title, not body.
    head = [i for i in range(start, end) if part[i] is not Part.BLANK][:HEAD_LINES]
    for k, i in enumerate(head):
        if i in bylines:
            # The line right above the byline decides: a headline there means what precedes it
            # is the page's furniture, not the article's first paragraphs.
            above = head[k - 1] if k else None
            if above is None or (
                not _PROSE_END.search(lines[above].text) and lines[above].size <= 60
            ):
                start = i
            break

    # Inside the run: text, unless it is clearly links, controls or a related-articles block.
    in_related = False
    for i in range(start, end):
        if part[i] is not None:
            continue
        ln = lines[i]
        if is_related_heading(ln):
            in_related = True
            part[i], why[i] = Part.BOILERPLATE, RELATED_HEADING
            continue
        if i in bylines and in_related:
            part[i], why[i] = Part.BOILERPLATE, "byline of an item in a related-articles block"
        elif i in bylines:
            part[i], why[i] = Part.METADATA, "byline inside the text run"
        elif is_footer(ln):
            part[i], why[i] = Part.BOILERPLATE, "footer: copyright, licence, contact or disclaimer"
        elif in_related and (placed := _in_related_block(ln) or _item_summary(lines, part, i)):
            part[i], why[i] = placed
        elif ln.link_share > 0.6 and ln.sentences == 0:
            part[i], why[i] = (
                Part.BOILERPLATE,
                sys.intern(f"link text inside the run ({ln.link_share:.0%} link)"),
            )
        elif _is_controls(ln):
            part[i], why[i] = Part.BOILERPLATE, "page controls (font size, print, share…)"
        elif _BREADCRUMB.search(ln.text) and ln.sentences == 0 and ln.size <= 80:
            part[i], why[i] = Part.BOILERPLATE, "breadcrumb"
        else:
            in_related = False
            # Interned as made (as Explanations keeps them): not a string per line until then.
            part[i], why[i] = Part.BODY, sys.intern(f"main text run, weight {weights[i]:.0f}")

    # A related-articles heading after the text, with no paragraph after it: what follows it
    # in the run is more of the page's lists (most read, latest videos), not the article.
    body_idx = [i for i in range(start, end) if part[i] is Part.BODY]
    past_first = body_idx[0] + 1 if body_idx else end
    related = next((i for i in range(past_first, end) if why[i] == RELATED_HEADING), None)
    if related is not None and not any(
        _paragraph(lines[i], weights[i]) for i in body_idx if i > related
    ):
        for i in body_idx:
            if i > related:
                part[i], why[i] = Part.BOILERPLATE, "after a related-articles block, no paragraph"
    # Teasers that the run swallowed: truncated lines after the last untruncated paragraph.
    body_idx = [i for i in range(start, end) if part[i] is Part.BODY]
    for i in reversed(body_idx):
        if i == body_idx[0]:
            break
        if lines[i].truncated:
            part[i], why[i] = Part.TEASER, "truncated snippet (…) after the article text"
        elif _dated_headline(lines[i]):
            part[i], why[i] = Part.TEASER, "dated headline after the article text"
        else:
            break
    body_idx = [i for i in range(start, end) if part[i] is Part.BODY]
    first_body = body_idx[0] if body_idx else start
    last_body = body_idx[-1] if body_idx else end - 1

    # Bylines: before the text (nearest the text first), or just after it (editor, source).
    meta_idx: list[int] = [i for i in range(start, end) if part[i] is Part.METADATA]
    # Count only lines with text: rules, pipes and images between byline and text cost nothing.
    texty_before = _texty(lines, first_body, -1, FAR_BYLINE)  # no byline is looked for further up
    window = texty_before[:15]
    for i in window:
        if i in bylines and part[i] is None:
            part[i], why[i] = Part.METADATA, "byline above the text"
            meta_idx.append(i)
    if not meta_idx:
        # A verdict box, a summary or a share bar can push the byline further up: take the
        # nearest one that names a writer, and only that one. A date alone that far up is as
        # often the page's "today" in its header.
        for i in texty_before[len(window) : FAR_BYLINE]:
            b = bylines.get(i)
            if b is not None and part[i] is None and b.authors:
                part[i], why[i] = Part.METADATA, "byline above the text (far)"
                meta_idx.append(i)
                break
    if not meta_idx:
        # A page counts the views of the one article it shows: the only byline with a view
        # count is that article's, however far above the text it stands.
        counted = [i for i, b in bylines.items() if b.views is not None and part[i] is None]
        if len(counted) == 1 and counted[0] < first_body:
            i = counted[0]
            part[i], why[i] = Part.METADATA, "the page's only view count, above the text"
            meta_idx.append(i)
    after = [i for i in range(last_body + 1, n) if part[i] is not Part.BLANK][:6]
    for i in after:
        if is_related_heading(lines[i]):
            break  # what follows is other articles' bylines
        # A plain date below the text may be a teaser's; a labelled one is the article's.
        if i in bylines and part[i] is None and not bylines[i].date:
            part[i], why[i] = Part.METADATA, "byline below the text"
            meta_idx.append(i)
    meta_idx.sort()

    # Title: the best heading-like line above the text (or the run's first line).
    # The anchor is the top of the byline cluster just above the text, not a stray date far up.
    anchor = first_body
    for i in sorted((i for i in meta_idx if i < first_body), reverse=True):
        if lines[i].author_links and lines[i].link_share > 0.8:
            continue  # a bare author link also appears in teaser lists: weak evidence of position
        b = bylines.get(i)
        if b is not None and b.editor and not (b.authors or b.source or b.published or b.date):
            continue  # an editor credit stands at the end of an article, not under its headline
        gap = sum(
            1
            for j in range(i + 1, anchor)
            if not lines[j].empty
            and part[j] is not Part.METADATA
            and not control_words(lines[j].text)
        )
        if gap > 5:
            break
        anchor = i
    candidates = [i for i in range(anchor - 1, -1, -1) if part[i] is None][:25]
    # A page's only top-level heading is its headline, however much (authors, affiliations, a
    # summary box) stands between it and the text.
    h1 = [i for i in tops if i < anchor and part[i] is None]
    if len(h1) == 1 and h1[0] not in candidates:
        candidates.append(h1[0])
    # lynx prints every heading flush left, the headline among them: where a page has such
    # headings, the nearest ones above the text are candidates however far up, and a line
    # that is no heading is a weaker one.
    flush = dialect is Dialect.LYNX and any(ln.heading for ln in lines[:anchor])
    if flush:
        near = (
            i
            for i in range(anchor - 1, max(-1, anchor - 150), -1)
            if lines[i].heading and part[i] is None and not is_related_heading(lines[i])
        )
        candidates += [i for i in list(itertools.islice(near, 2)) if i not in candidates]
    # Some pages print the byline (or a breadcrumb with the date) above the headline.
    between = [i for i in range(anchor + 1, first_body) if part[i] is None]
    candidates += between[:6]
    if body_idx and body_idx[0] == first_body and first_body not in meta_idx:
        candidates.append(first_body)
    best: tuple[float, int] | None = None
    marked = hints.title_line - 1 if hints is not None and hints.title_line else None
    if marked is not None and 0 <= marked < n and part[marked] in (None, Part.BODY, Part.METADATA):
        # The markup named its headline (<h1> matching og:title/<title>): no guessing needed.
        best = (100.0, marked)
        candidates = []
    # Joined once for _named_elsewhere, which scans windows instead on a huge page.
    page = "\n".join(ln.text for ln in lines) if candidates and n <= 2 * REPEAT_WINDOW else None
    rated: list[tuple[float, int]] = []
    for i in candidates:
        distance = (
            sum(1 for j in range(i + 1, anchor) if part[j] is not Part.BLANK) if i < anchor else 0
        )
        s = _title_score(lines[i], distance)
        if s is not None and _named_elsewhere(lines, i, page):
            s += REPEAT_BONUS
        if i == first_body and s is not None:
            if lines[i].sentences > 1 or _PROSE_MARK.search(lines[i].text) or lines[i].size > 60:
                continue
            s -= 4
        if s is not None:
            rated.append((s, i))
    if flush and any(s > 0 and lines[i].heading for s, i in rated):
        rated = [(s if lines[i].heading else s - FLUSH_PENALTY, i) for s, i in rated]
    stacked = _stacked({i for s, i in rated if s > 0}, lines)
    rated = [(s - STACK_PENALTY if i in stacked else s, i) for s, i in rated]
    scored = [i for s, i in rated if s > 0]
    for s, i in rated:
        if s > 0 and (best is None or s > best[0]):
            best = (s, i)
    if best is not None:
        # "Headline Site Site" beside a plain "Headline": the plain one, without the suffix.
        chosen = lines[best[1]].text
        for i in scored:
            short = lines[i].text
            if i != best[1] and chosen.startswith(short) and 0 < len(chosen) - len(short) <= 12:
                best = (best[0], i)
                break
    title: str | None = None
    title_lines: tuple[int, ...] = ()
    if best is not None:
        ti = best[1]
        cells = lines[ti].cells
        # "Headline | Site" in a table dump arrives as cells: the headline is the longest.
        raw_title = max(cells, key=text_size) if len(cells) > 1 else lines[ti].text
        title = _clean_title(raw_title) or lines[ti].text
        if (
            len(_crumbs(raw_title)) < 3
            # Only a dash is ambiguous: "_频道_网站" and "| Site" always end in the site's name.
            and not any(c in raw_title for c in "_|｜")
            and title != raw_title.strip()
            and not _suffix_named(lines, ti, raw_title, title)
        ):
            # "Würde des Lebens – ein Projekt": what the split would drop is named nowhere else
            # on the page, so it is no site's name but part of the headline.
            title = raw_title.strip(_TITLE_TRIM)
        if ti == marked and hints is not None and hints.title:
            title = hints.title
        title_lines = (lines[ti].number,)
        part[ti], why[ti] = (
            Part.TITLE,
            "headline: the element the page's <title> names"
            if ti == marked
            else f"headline: nearest heading-like line above the text ({best[0]:.0f})",
        )

    # Some pages print the byline above the headline ("Home | By Jane Roe | 30 September 2018").
    if title_lines and not any(
        bylines[i].published or bylines[i].date for i in meta_idx if i in bylines
    ):
        ti = title_lines[0] - 1
        for j in _texty(lines, ti, -1, 3):
            if j in bylines and part[j] is None:
                part[j], why[j] = Part.METADATA, "byline above the headline"
                meta_idx.append(j)
                break

    # Outside the run: teasers (snippets ending in …, related blocks) and boilerplate.
    in_related = False
    for i in range(n):
        if part[i] is not None:
            if part[i] is not Part.BLANK:
                in_related = False
            continue
        ln = lines[i]
        if hints is not None and ln.number in hints.boilerplate_lines:
            in_related = False
            part[i], why[i] = Part.BOILERPLATE, "markup: navigation, header, footer or form"
        elif is_related_heading(ln):
            in_related = True
            part[i], why[i] = Part.BOILERPLATE, RELATED_HEADING
        elif ln.truncated and ln.size >= 8:
            part[i], why[i] = Part.TEASER, "snippet ending in an ellipsis"
        elif _dated_headline(ln) and i > start:
            part[i], why[i] = Part.TEASER, "dated headline of another article"
        elif in_related and (placed := _in_related_block(ln)):
            part[i], why[i] = placed
        else:
            in_related = False  # not an item: the list has ended
            side = "above" if i < start else "below"
            part[i], why[i] = (
                Part.BOILERPLATE,
                sys.intern(f"outside the main text run ({side}), weight {weights[i]:.0f}"),
            )

    # A name alone on a line between the headline and the text is the author (essays, columns).
    top = title_lines[0] - 1 if title_lines else None
    if top is not None:
        early_body = [i for i in range(first_body, n) if part[i] is Part.BODY][:3]
        # An author box can stand above the headline: a name over the writer's role.
        over = _texty(lines, top, -1, 2, reach=7)
        for i in [*reversed(over), *range(top + 1, first_body), *early_body]:
            ln = lines[i]
            if (
                part[i] in (None, Part.BODY, Part.BOILERPLATE)
                and not any(b.authors for b in bylines.values())
                # Menu items ("* 商城", "* Increase Text Size") and list headings are no names.
                and not ln.bullet
                and not is_related_heading(ln)
            ):
                nxt = _texty(lines, i, 1, 1)
                staff = staff_name(ln.text, lines[nxt[0]].text if nxt else "")
                names = (
                    []
                    if i < top
                    else name_line(ln.text)
                    or (latin_name_line(ln.text) if _beside_byline(lines, part, i) else [])
                )
                if staff or names:
                    bylines[i] = Byline(authors=staff or names, fields=[Field.AUTHOR])
                    part[i], why[i] = (
                        Part.METADATA,
                        "a writer and the writer's role"
                        if staff
                        else "a name alone under the headline",
                    )
    # A date printed between the headline and the text, or leading the text, dates the article
    # when no labelled byline did ("<site> 2005-07-18 13:03:17 | 1个月之后…").
    dateline = None
    scan: list[int] = list(
        range(top if top is not None else max(0, first_body - 3), min(n, first_body + 1))
    )
    kicker: int | None = None
    if top is not None:
        # The line right above the headline too: a breadcrumb or kicker that ends in the date
        # ("Startseite › Kultur › "Headline" 01.05.2017").
        kicker = next(iter(_texty(lines, top, -1, 1)), None)
        # A gallery or a caption can repeat the headline right above the text; the dateline
        # then stands under its first copy.
        headline = lines[top].text
        copy = next(
            (j for j in range(max(0, top - REPEAT_WINDOW), top) if lines[j].text == headline), None
        )
        if copy is not None:
            scan += _texty(lines, copy, 1, 3, reach=top - copy - 1)
    if kicker is not None:
        scan.insert(0, kicker)
    for i in scan:
        text = lines[i].text
        found = find_dates(text[-40:] if i == kicker else text[:80])
        if found and part[i] is not Part.TEASER:
            dateline = found[0].iso
            break
    del weights  # as scores above
    opts = options or ParseOptions()
    return _assemble(
        lines,
        part,
        why,
        bylines,
        title,
        title_lines,
        dialect,
        hints,
        dateline,
        keep_links=opts.links,
        keep_images=opts.images,
    )


def _assemble(
    lines: list[Line],
    part: list[Part | None],
    why: list[str],
    bylines: dict[int, Byline],
    title: str | None,
    title_lines: tuple[int, ...],
    dialect: Dialect | None,
    hints: PageHints | None = None,
    dateline: str | None = None,
    *,
    keep_links: bool = False,
    keep_images: bool = False,
) -> Article:
    merged = Byline()
    meta_blocks: list[Block] = []
    body: list[Block] = []
    teasers: list[Teaser] = []
    boiler: list[Block] = []
    blanks: list[int] = []
    for i, ln in enumerate(lines):
        p = part[i]
        if p is Part.METADATA:
            merge(merged, bylines[i] if i in bylines else read_byline(ln.text))
            meta_blocks.append(Block(ln.text, (ln.number,)))
        elif p is Part.BODY:
            text = ln.text
            if keep_links or keep_images:
                text = markup_text(ln.raw, links=keep_links, images=keep_images) or text
            body.append(Block(text, (ln.number,)))
            credit = find_credit(ln.text)
            if credit:
                merged.credits.append(credit)
        elif p is Part.TEASER:
            dates = find_dates(ln.text)
            teasers.append(
                Teaser(ln.text, (ln.number,), ln.truncated, dates[0].iso if dates else None)
            )
        elif p is Part.BOILERPLATE:
            boiler.append(Block(ln.text or ln.raw.strip(), (ln.number,)))
        elif p is Part.BLANK:
            blanks.append(ln.number)
    if not merged.authors:
        # "…（记者 胡晓蓉）" closing the last paragraphs names the author when no byline did.
        for block in reversed(body[-3:]):
            found = tail_authors(block.text)
            if found:
                merged.authors.extend(found)
                break
    published = merged.published or merged.date
    if not published and not merged.updated and dateline is not None:
        published = dateline
    if not published and not merged.updated and not (hints and (hints.published or hints.updated)):
        # Last resort: an essay's closing citation of where it first appeared, with its issue
        # date ("——《北京之春》1996年6月号"), among the last lines with text.
        tail = [ln for ln in reversed(lines) if not ln.empty][:CITATION_LINES]
        published = next((d for ln in tail if (d := citation_date(ln.text))), None)
    updated = merged.updated
    if hints is not None:
        # The visible byline wins; markup metadata fills what it left empty.
        title = title or hints.title
        published = published or hints.published
        updated = updated or hints.updated
        merged.source = merged.source or hints.source
        if not merged.authors:
            merged.authors = list(hints.authors)
    meta = Metadata(
        authors=tuple(merged.authors),
        source=merged.source,
        published=published,
        updated=updated,
        views=merged.views,
        editor=merged.editor,
        credits=tuple(dict.fromkeys(merged.credits)),
        lines=tuple(meta_blocks),
    )
    explanations = Explanations.of((ln.number for ln in lines), part, why, (ln.raw for ln in lines))
    return Article(
        title=title,
        title_lines=title_lines,
        metadata=meta,
        body=tuple(body),
        teasers=tuple(teasers),
        boilerplate=tuple(boiler),
        blank_lines=tuple(blanks),
        language=_language("\n".join(b.text for b in body) or (title or "")),
        dialect=dialect.value if dialect else None,
        line_count=len(lines),
        explanations=explanations,
    )


def parse_text(
    text: str, options: ParseOptions | None = None, hints: PageHints | None = None
) -> Article:
    """Normalise, segment and parse text into an Article."""
    from reader.normalise import normalised_lines

    opts = options or ParseOptions()
    raw_lines = normalised_lines(text)
    del text  # the caller may have handed over its only reference (reader.api): free it now
    dialect, lines = segment(raw_lines, opts.dialect)
    del raw_lines  # its strings live on in the lines; the list itself need not
    return parse_lines(lines, dialect, hints, opts)
