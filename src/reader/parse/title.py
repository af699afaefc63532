"""The headline pass: the best heading-like line above the text (or among the byline lines, or
the run's first line), scored on its distance from the text and its shape, then cleaned of a
site-name suffix.

A heading's level, bold type, a length between 8 and 60, and a copy elsewhere on the page
(breadcrumbs and feeds name the headline again) count for a line; sentences, links, dates,
menus, bullets, captions and prose count against it. A stack of headline-like lines is a list of
other articles, which no single headline is. The markup's own headline (``<h1>`` matching the
``<title>``), when ``reader.html`` found one, needs no guessing.
"""

from __future__ import annotations

import itertools
import re

from reader.byline import find_labels
from reader.dates import find_dates
from reader.lazyre import lazy
from reader.metadata import control_words
from reader.model import Part
from reader.names import name_line
from reader.parse.lines import (
    BREADCRUMB,
    CODE_CHARS,
    PROSE_END,
    RELATIVE_TIME,
    is_footer,
    is_related_heading,
    related_words,
)
from reader.segment import CJK_RE, Dialect, text_size

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.parse.page import Page
    from reader.segment import Line

# "一、…", "(二)…", "1. …", "第三章": what a section heading opens with.
_ORDINAL_FIRST = frozenset("一二三四五六七八九十(（第0123456789")
_ordinal = lazy(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]\s*\S|第[一二三四五六七八九十\d]{1,3}[章节部分])"
)
_CRUMB_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:>>|[>›〉＞→]|(?<=\s)»(?=\s))\s*")
_TIMESTAMP = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}[:：]\d{2}")
_NAV_SEP = re.compile(r"\s[/|｜•·]\s|．|\s{2,}")
# Separators between a headline and a site or section name. En and em dashes and 「——」 are left
# out: in headlines they join a title and its subtitle far more often than they add a site name.
# Spaces before a separator are taken from the start of their run only (see _CRUMB_SPLIT).
_TITLE_SPLIT = re.compile(r"(?<!\s)\s+[|｜\-•·]\s+|_|(?:(?<!\s)\s+)?[|｜〉›＞]\s*|－|\s[>»]\s")
_SENTENCE_END = re.compile(r"[。！？!?]$|[.](?<!\.\.)$")
_PROSE_MARK = re.compile(r"。|\.(?:\s|$)")
# A picture's caption or credit: "▲ …（記者某某攝）", "图据cnsphoto", "Foto: …", "… Shutterstock".
_PHOTO_CREDIT = re.compile(
    r"^[▲△▼↑]|[(（][^()（）]{0,16}[攝摄][)）]$|[图圖]据|Shutterstock|Getty Images", re.IGNORECASE
)


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
    if len(CODE_CHARS.findall(text)) >= 3 or "javascript" in text.lower():
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
    if PROSE_END.search(text) or line.sentences > 1:
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
    if RELATIVE_TIME.search(text) or find_dates(text):
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
    if text[:1] in _ORDINAL_FIRST and _ordinal().match(text):
        score -= 15  # "一、…", "(二)…", "1. …": a section heading inside the article
    if related_words(text):
        score -= 20
    if BREADCRUMB.search(text) and ("位置" in text or len(CJK_RE.findall(_clean_title(text))) < 8):
        score -= 25  # a breadcrumb, unless it ends in a real headline
    if 8 <= n <= 60:
        score += 6
    return score


# A stack of this many headline-like lines in a row is a list of other articles' headlines.
STACK_LINES = 4
STACK_PENALTY = 8.0

# What an indented line loses as a headline on a lynx page that prints headings flush left.
FLUSH_PENALTY = 10.0
# lynx centres a headline set with align=center or in a centred cell: a line indented this far
# (deeper than any paragraph) right above the byline is as much a heading as a flush-left one.
CENTRED_INDENT = 10
CENTRED_BONUS = 14.0


def _centred(line: Line) -> bool:
    """A line that lynx centred: indented by CENTRED_INDENT spaces or more."""
    raw = line.raw
    return len(raw) - len(raw.lstrip(" ")) >= CENTRED_INDENT


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


def choose_title(page: Page) -> None:
    """The headline: the line the markup marks, else the best-rated candidate near the text,
    cleaned of a site-name suffix."""
    hints = page.hints
    marked = hints.title_line - 1 if hints is not None and hints.title_line else None
    if marked is not None and 0 <= marked < len(page.lines) and page.part[marked] in _MARKABLE:
        # The markup named its headline (<h1> matching og:title/<title>): no guessing needed.
        page.title_index = marked
        page.title = _title_text(page.lines, marked)
        if hints is not None and hints.title:
            page.title = hints.title
        page.decide(marked, Part.TITLE, "headline: the element the page's <title> names")
        return
    best = _best_candidate(page)
    if best is None:
        return
    score, ti = best
    page.title_index = ti
    page.title = _title_text(page.lines, ti)
    page.decide(ti, Part.TITLE, f"headline: nearest heading-like line above the text ({score:.0f})")


# The parts a line the markup marks as the headline may have been given before this pass.
_MARKABLE = (None, Part.BODY, Part.METADATA)


def _title_anchor(page: Page) -> int:
    """Where the headline is looked for above: the top of the byline cluster just above the
    text, not a stray date far up."""
    lines, part = page.lines, page.part
    anchor = page.first_body
    for i in sorted((i for i in page.metadata() if i < page.first_body), reverse=True):
        if lines[i].author_links and lines[i].link_share > 0.8:
            continue  # a bare author link also appears in teaser lists: weak evidence of position
        b = page.bylines.get(i)
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
    return anchor


def _candidates(page: Page, anchor: int, flush: bool) -> list[int]:
    """The lines that may be the headline: the nearest undecided ones above the anchor, the
    page's only top-level heading, lynx's nearest flush-left headings, the lines between the
    byline and the text, and the text's first line."""
    lines, part, first_body = page.lines, page.part, page.first_body
    candidates = [i for i in range(anchor - 1, -1, -1) if part[i] is None][:25]
    # A page's only top-level heading is its headline, however much (authors, affiliations, a
    # summary box) stands between it and the text.
    tops = [i for i, ln in enumerate(lines) if ln.heading == 1]
    h1 = [i for i in tops if i < anchor and part[i] is None]
    if len(h1) == 1 and h1[0] not in candidates:
        candidates.append(h1[0])
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
    if first_body < len(lines) and part[first_body] is Part.BODY:
        candidates.append(first_body)
    return candidates


def _rate(page: Page, candidates: list[int], anchor: int, flush: bool) -> list[tuple[float, int]]:
    """Each candidate's headline score, less where a stack of them or lynx's layout says it is
    one of a list."""
    lines, part, first_body = page.lines, page.part, page.first_body
    # Joined once for _named_elsewhere, which scans windows instead on a huge page.
    n = len(lines)
    text = "\n".join(ln.text for ln in lines) if candidates and n <= 2 * REPEAT_WINDOW else None
    rated: list[tuple[float, int]] = []
    for i in candidates:
        distance = (
            sum(1 for j in range(i + 1, anchor) if part[j] is not Part.BLANK) if i < anchor else 0
        )
        s = _title_score(lines[i], distance)
        if s is not None and _named_elsewhere(lines, i, text):
            s += REPEAT_BONUS
        if s is not None and flush and i < anchor and distance <= 1 and _centred(lines[i]):
            s += CENTRED_BONUS
        if i == first_body and s is not None:
            if lines[i].sentences > 1 or _PROSE_MARK.search(lines[i].text) or lines[i].size > 60:
                continue
            s -= 4
        if s is not None:
            rated.append((s, i))
    if flush and any(s > 0 and lines[i].heading for s, i in rated):
        rated = [
            (s if lines[i].heading or (i < anchor and _centred(lines[i])) else s - FLUSH_PENALTY, i)
            for s, i in rated
        ]
    stacked = _stacked({i for s, i in rated if s > 0}, lines)
    return [(s - STACK_PENALTY if i in stacked else s, i) for s, i in rated]


def _best_candidate(page: Page) -> tuple[float, int] | None:
    """The best-rated candidate with a positive score; of "Headline Site Site" beside a plain
    "Headline", the plain one."""
    anchor = _title_anchor(page)
    # lynx prints every heading flush left, the headline among them: where a page has such
    # headings, the nearest ones above the text are candidates however far up, and a line
    # that is no heading is a weaker one.
    flush = page.dialect is Dialect.LYNX and any(ln.heading for ln in page.lines[:anchor])
    rated = _rate(page, _candidates(page, anchor, flush), anchor, flush)
    best: tuple[float, int] | None = None
    for s, i in rated:
        if s > 0 and (best is None or s > best[0]):
            best = (s, i)
    if best is None:
        return None
    chosen = page.lines[best[1]].text
    for s, i in rated:
        short = page.lines[i].text
        if (
            s > 0
            and i != best[1]
            and chosen.startswith(short)
            and 0 < len(chosen) - len(short) <= 12
        ):
            return (best[0], i)
    return best


def _title_text(lines: Sequence[Line], ti: int) -> str:
    """The headline's text: the longest cell of a table row, without a site-name suffix unless
    the suffix is named nowhere else on the page."""
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
    return title
