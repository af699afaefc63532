"""What one line looks like: article text, a footer, a related-articles heading or item, page
controls, a linked headline. The evidence the passes weigh; no decisions are made here.

The evidence generalises across sites: reading length against link share, sentence punctuation
(full-width 。！？ for CJK), phrases every site's footer has, and the headings that open lists of
other articles in the languages the labels cover. No rule names a site.
"""

from __future__ import annotations

import itertools
import re

from reader.dates import find_dates
from reader.lazyre import lazy
from reader.metadata import control_words
from reader.model import Part

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.segment import Line

# A line is worth this many reading units before it starts to count as text.
LINE_COST = 12
RELATED_RE = re.compile(
    r"^(?:相关|相關|延伸|推荐|推薦|热门|熱門|热点|熱點|猜你喜欢|猜你喜歡|更多|最新|其他|其它|精彩|往期|"
    r"今日|图片|圖片|专题|專題|最热门|最熱門|最多浏览|最多瀏覽|最多阅读|最多閱讀|编辑精选|編輯精選|"
    r"编辑推荐|編輯推薦)"
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
_brackets = lazy(rf"^{_OPENER}++{_CLOSER}+$|^{_OPENER}+|(?<!{_CLOSER}){_CLOSER}+$")
BREADCRUMB = re.compile(
    r"(?:>|»|›|→|＞|>>)\s*\S+\s*(?:>|»|›|→|＞)|位置[:：]|当前位置|當前位置|您的位置"
)
# Footer phrases, in three patterns that ``is_footer`` tries in turn (it only asks whether any
# matches): one pattern with re.IGNORECASE cost a millisecond a page, as case-insensitive literals
# get no quick first-character test in re and every position entered every alternative.
# Those that start with a caseless character, compiled without the flag: re scans for their
# first characters in C.
_FOOTER_CASELESS = re.compile(
    # Literals only (a character class here costs re its fast scan: ten times slower). Not
    # "版权所有者" (a copyright owner), nor "《…许可证》" quoted in a sentence without its number.
    r"版权所有(?![者人])|版權所有(?![者人])|版权声明|版權聲明|©|公网安备|公網安備|"
    r"许可证(?!》(?!\s*[编編]?[号號]))|許可證(?!》(?!\s*[编編]?[号號]))|举报电话|舉報電話|举报邮箱|"
    r"违法和不良信息|不得转载|不得轉載|免责声明|免責聲明|本网站所有|本網站所有|联系我们|聯絡我們|"
    r"网站地图|網站地圖|关于我们|關於我們|著作权|著作權|侵犯.{0,12}权益|侵犯.{0,12}權益|"
    r"转载.{0,24}(?:授权|注明|来源|出处|目的)|轉載.{0,24}(?:授權|註明|來源|出處|目的)|"
    # The rules over a comment box: every site's, no article's.
    r"表达个人看法|表達個人看法|不代表本网|不代表本站|不代表本报|不代表本報|文明上网|文明上網|"
    r"理性发言|理性發言"
)
# The Latin ones, behind a lookahead on their first characters (which changes no match).
_FOOTER_LATIN = re.compile(
    r"(?=[c(aIpt])(?:copyright|\(c\)\s*\d{4}|all rights reserved|ICP备|ICP證|ICP证|"
    r"privacy policy|terms of (?:use|service)|cookie)",
    re.IGNORECASE,
)
# A statement heading the line ("版权声明：", "免責聲明："), matched at its start.
_FOOTER_HEAD = re.compile(r"\W{0,3}\w{0,8}[声聲]明[:：]")
# The patterns made with lazy() below are used on few lines: compiled when first needed, not
# at every start (a millisecond together).


# What a site's statement speaks of (the site, reprints, copyright, its views): two of them
# under a statement heading make a long line the site's statement, not a paragraph.
_statement_words = lazy(
    r"本[网站報报]|[转轉]载|[转轉]贴|[版著]权|[版著]權|不代表|立[场場]|[观觀]点|授[权權]|原作者"
)


# A statement longer than this is no footer, however it starts.
STATEMENT_SIZE = 1000
CODE_CHARS = re.compile(r"[{}();=<>$]")
PROSE_END = re.compile(r"[。]$|[.](?<!\.\.)$")
RELATIVE_TIME = re.compile(
    r"(?<!\d)\d{1,3}\s*(?:分钟|分鐘|小时|小時|天)前|\b\d{1,3}\s+(?:minutes?|hours?|days?)\s+ago\b",
    re.IGNORECASE,
)

# What a line of text weighs that is a paragraph whatever its punctuation.
PARAGRAPH_WEIGHT = 60.0


def is_footer(line: Line) -> bool:
    """Copyright, licence, contact and disclaimer lines: every site has them, no article is them."""
    if line.size > 200:
        return line.size <= STATEMENT_SIZE and _long_statement(line.text)
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


def _long_statement(text: str) -> bool:
    """A site's statement or disclaimer longer than a footer line ("声明：凡本网注明…转载…"):
    under a statement heading, two of the things such statements speak of."""
    if "明" not in text[:16] or _FOOTER_HEAD.match(text) is None:
        return False
    return len({m.group() for m in _statement_words().finditer(text)}) >= 2


# The labels of a site's contact lines: "电话：… 传真：… 邮箱：…", "地址：… 邮编：…".
_contact = lazy(
    r"(电话|電話|传真|傳真|邮箱|郵箱|电邮|電郵|邮编|郵編|地址|热线|熱線|e-?mail|tel|fax)\s*[:：]",
    re.IGNORECASE,
)


def is_contact(line: Line) -> bool:
    """Two or more contact labels and no sentence: a site's or a desk's contact line, which no
    article's text is (though a notice may print one, so it is weighed, not given away)."""
    if line.sentences or line.size > 120:
        return False
    text = line.text
    if text.count("：") + text.count(":") < 2:
        return False  # two labels, two colons
    return len({m.group(1).lower() for m in _contact().finditer(text)}) >= 2


RELATED_HEADING = "heading of a related-articles block"  # the reason such a line is given


def is_related_heading(line: Line) -> bool:
    """ "相关新闻", "【相关阅读】", "Related stories", "港聞頭條 »": the head of a block of other
    articles (a short heading that links to more of them ends in "»")."""
    if line.size > 20:
        return False
    text = line.text
    if text.endswith(("»", "›", ">>")) and line.size <= 12 and not line.sentences:
        return True
    return related_words(text)


def related_words(text: str) -> bool:
    """Whether ``text``, its brackets and markers aside, reads as a related-articles heading."""
    # _brackets takes only a run of openers at the start and one of closers at the end: text
    # that neither starts nor ends with one (most) is left as it is, without the substitution.
    if text and (
        text[0] in _OPENERS or text[0].isspace() or text[-1] in _CLOSERS or text[-1].isspace()
    ):
        text = _brackets().sub("", text)
    if RELATED_RE.match(text) is not None:
        return True
    return "排行" in text and _ranking().match(text) is not None


# A ranking of the site's articles: "点击排行", "48小时点击排行", "新闻排行榜", "一週排行".
_ranking = lazy(
    r"\S{0,10}?(?:点击|點擊|阅读|閱讀|浏览|瀏覽|點閱|评论|評論|跟贴|跟帖|新闻|新聞|小时|小時|"
    r"[日周週月])排行榜?$"
)


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
    if is_footer(line) or is_contact(line):
        return 0.0
    n = line.size
    value = min(n, 400) * (1.0 - line.link_share) ** 2
    text = line.text
    if len(CODE_CHARS.findall(text)) > 0.04 * len(text) + 2:
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


# A site announcing its own page on a social network, and asking to be followed there.
_site_page = lazy(
    r"(?:開設|开设|登陸|登陆|開了|开了)\S{0,12}?(?:facebook|臉書|脸书|google\s*plus|專頁|专页|page)"
    r"|(?:follow|追蹤|追踪)\s*(?:我們|我们|us)\b|(?:成為|成为)\S{0,16}的\s*fans",
    re.IGNORECASE,
)


def is_promotion(line: Line) -> bool:
    """ "香港新浪新聞現已開設Facebook專頁…", "馬上成為Yahoo! 新聞的Fans": the site's call to follow
    its page, printed after an article's text, which it is no part of."""
    return line.size <= 160 and _site_page().search(line.text) is not None


# What a pagination bar is made of, and nothing else: page words, page numbers, arrows and
# separators (matched whole: a line fails at its first other character). The loop is possessive:
# taken back, a run of digits could split a thousand ways before the match gave up.
_page_bar = lazy(
    r"(?:[上下前后後]一?[页頁]|首[页頁]|尾[页頁]|末[页頁]|最末[页頁]|第一[页頁]|[单單][页頁][阅閱]读|"
    r"[余餘]下全文|[阅閱][读讀]全文|[第共]\s*\d{1,3}\s*[页頁]|next|prev(?:ious)?|page|of|first|last|"
    r"[«»‹›<>…]|\d{1,3}|[\s|/\[\]()【】·,，、:：*_-])++",
    re.IGNORECASE,
)


# What makes such a line a bar and not a row of numbers: a page word (or the pages in order,
# which ``is_pagination`` counts).
_page_word = lazy(r"[上下前后後]一?[页頁]|[第共]\s*\d{1,3}\s*[页頁]")


# A Latin bar's words: "Next", "Previous", "Page 2 of 5".
_latin_page = lazy(r"\b(?:next|prev(?:ious)?)\b|\bpage\s+\d{1,3}\s+of\b", re.IGNORECASE)


_NUMBERS = re.compile(r"\d{1,3}")


def is_pagination(line: Line) -> bool:
    """ "上一页 1 2 3 下一页", "[1][2][3][4] [下一页]", "第1页/共3页", "Page 1 of 3": a bar of page
    numbers and page words. The article's text ends above it (the pages after it are more of
    it, not other articles)."""
    if line.size > 40 or line.sentences:
        return False
    text = line.text
    if not (_NUMBERS.search(text) or "页" in text or "頁" in text):
        return False  # most short lines: no page number, no page word
    if _page_bar().fullmatch(text) is None:
        return False  # more than page numbers and page words
    if _page_word().search(text) is not None:
        return True
    numbers = [int(m) for m in _NUMBERS.findall(text)]
    if len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1)):
        return True  # "1 2 3 4": the pages, in order
    # "Next" or "›" alone is a gallery's button as often: a Latin bar needs its numbers.
    return bool(numbers) and _latin_page().search(text) is not None


_PAGE_ENTRY = re.compile(r"\W{0,3}第\s*\d{1,3}\s*[页頁]\s*[:：]")


def is_page_entry(line: Line) -> bool:
    """ "第2页：施工期间交通如何组织…": an entry of a paginated article's list of its pages."""
    return line.size <= 60 and "第" in line.text[:4] and _PAGE_ENTRY.match(line.text) is not None


# "上一篇：标题", "下一則▼：标题", "Next article: …": a link to the article before or after this
# one, which lynx prints without its link.
_neighbour = lazy(
    r"(?:上一|下一)[篇条條则則章]|(?:previous|next)\s+(?:article|post|story)",
    re.IGNORECASE,
)
_label_end = lazy(r"(?<![\s▲▼△▽↑↓←→<>«»])[\s▲▼△▽↑↓←→<>«»]*+[:：]")


def is_neighbour(line: Line) -> bool:
    """The headline of the site's previous or next article, under its label."""
    head = line.text[:24]
    return (
        line.size <= 80
        and ("上一" in head or "下一" in head or "ext" in head or "rev" in head)
        and (m := _neighbour().match(head)) is not None
        and _label_end().match(head, m.end()) is not None
    )


def is_controls(line: Line) -> bool:
    """Font size, print, share, previous/next: a few words each, or many of them in a row."""
    controls = control_words(line.text)
    return bool(controls) and line.sentences == 0 and (line.size < 16 or controls >= 3)


def dated_headline(line: Line) -> bool:
    """ "某某新闻标题 (2012/1/15 16:41:01)": a list entry, not a sentence of the article."""
    if line.sentences or not 6 <= line.size <= 60:
        return False
    dates = find_dates(line.text)
    return (
        bool(dates)
        and dates[-1].end >= len(line.text.rstrip(" )）]】")) - 1
        and dates[-1].start > 4
    )


def related_item(line: Line) -> bool:
    """An entry of a related-articles list: a bullet, a link or a cut-off snippet, not a control."""
    return (
        line.heading != 1
        and line.size >= 6
        and (line.bullet or line.truncated or line.link_share > 0.5)
        and not control_words(line.text)
    )


def _related_headline(line: Line) -> bool:
    """A short unbulleted headline inside a related-articles list (a picture's title)."""
    return (
        line.sentences == 0
        and 6 <= line.size <= 30
        and line.anchors <= 1
        and not control_words(line.text)
        and not is_footer(line)
    )


def in_related_block(line: Line) -> tuple[Part, str] | None:
    """Where a line under a related-articles heading goes, or None when it ends the block.

    A headline without a bullet (a picture's title) and a short tag do not end it either; a
    heading that links nowhere does: the article's next section.
    """
    if line.heading and not line.anchors and line.raw.lstrip().startswith("#"):
        return None
    if related_item(line) or _related_headline(line):
        return Part.TEASER, "item of a related-articles block"
    if line.sentences == 0 and line.size < 6:
        return Part.BOILERPLATE, "tag or label in a related-articles block"
    return None


_image_alt = lazy(r"!\[([^\]\[]{4,300})\]\(")
_SQUEEZE = str.maketrans("", "", " \u3000")


def alt_is_caption(line: Line) -> bool:
    """A picture whose alt text is the caption printed beside it (html2text prints both): the
    caption twice on one line, as lynx prints it on two."""
    if "![" not in line.raw:
        return False
    text = line.text.translate(_SQUEEZE)
    return any(m.group(1).translate(_SQUEEZE) == text for m in _image_alt().finditer(line.raw))


def doubled(line: Line) -> bool:
    """A line that is the same text twice, a space between: lynx prints a picture's alt text
    and its caption on one line."""
    text = line.text
    half = len(text) // 2
    return len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]


def _twin_text(line: Line) -> str:
    """The words a line shares with its twin: lynx marks an image link's alt text with "_"."""
    return line.text.lstrip("_ ")


def twin_pairs(lines: Sequence[Line], texty: Sequence[int]) -> list[tuple[int, int]]:
    """Lines next to each other in ``texty`` (the indexes of lines with text) that say the same:
    a picture's alt text and its caption, which lynx prints one under the other."""
    return [
        (a, b) for a, b in itertools.pairwise(texty) if _twin_text(lines[a]) == _twin_text(lines[b])
    ]


def paragraph(line: Line, weight: float) -> bool:
    """A line that reads as a paragraph of an article: two sentences, or much text."""
    return line.sentences >= 2 or weight >= PARAGRAPH_WEIGHT


def is_headline_link(line: Line) -> bool:
    """One link whose text reads like a headline (not "0 comments", not a row of nav links)."""
    if line.anchors != 1 or not 8 <= line.size <= 80:
        return False
    if line.link_share > 0.7:
        return True
    # "* [Headline](…) Paper - 13 hours ago": the headline linked, its source and date not.
    head = line.text[:200]  # size leaves out URLs: the text itself may be long
    return line.link_share > 0.3 and bool(RELATIVE_TIME.search(head) or find_dates(head))
