"""Passes that find the article's text run: every line weighed, the best contiguous run of
text-dense lines chosen (a maximum-sum segment, so a short caption inside an article stays while
a nav bar beside it goes), then its ends adjusted on the evidence of the headline, a leading
list and the byline.
"""

from __future__ import annotations

import re
from functools import cache

from reader.byline import closing_byline
from reader.dates import find_dates
from reader.lazyre import lazy
from reader.metadata import control_words
from reader.model import Part
from reader.names import latin_name_line, name_line, staff_name
from reader.parse.lines import (
    LINE_COST,
    PROSE_END,
    is_footer,
    is_headline_link,
    is_pagination,
    is_related_heading,
    paragraph,
    twin_pairs,
    weight,
)
from reader.parse.page import texty

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.byline import Byline
    from reader.model import PageHints
    from reader.parse.page import Page
    from reader.segment import Line

# From half-way down the page, line weights fall linearly to half at the last line (measured on
# the dev corpus: terms of use and comment rules sit at the foot, articles above them).
POSITION_START = 0.5
POSITION_DROP = 0.5


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


# A reader's comment opens with its writer and "said:" ("* Jane on May 3, 2018 at 4:47 pm said:").
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")


@cache
def _comment_head() -> re.Pattern[str]:
    return re.compile(
        r"(?:\bsaid|\bsays|\bwrote|\bwrites|\bschrieb|\bschreibt|\ba dit|\bécrit|\bescribió|\bescribe|"
        r"\bdisse|\bescreveu|написал[а]?|пишет|说|說|回复|回覆)"
        r"\s*[:：]\s*$",
        re.IGNORECASE,
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
        dated = [j for j in texty(lines, first, -1, 5, reach=11) if _dated(lines[j].text)]
        start = dated[-1] if dated else first
        found = start if found is None else min(found, start)
    return found


def _favour(scores: list[float], near: range) -> None:
    """Raise the first two lines of ``near`` that count as text: a byline's neighbours."""
    for j in [j for j in near if scores[j] > 0][:2]:
        scores[j] += 2 * LINE_COST


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
            and is_headline_link(lines[prev])
            and not is_headline_link(ln)
        ):
            pairs.append(i)
        prev = i
    out: set[int] = set()
    for k, i in enumerate(pairs):
        near = [j for j in pairs[max(0, k - 1) : k + 2] if j != i and abs(j - i) <= 16]
        if near:
            out.add(i)
    return out


# Bylines of this many writers, each near another's, head the items of a digest.
DIGEST_WRITERS = 3
DIGEST_REACH = 16
# A digest item's headline is at most this long (a word counts two).
DIGEST_HEADLINE = 60


def _digest_bylines(bylines: dict[int, Byline]) -> list[int]:
    """The bylines of a digest: several writers' bylines, each near the next. Bylines sharing a
    name are one article's, read twice."""
    signed = sorted((i, set(b.authors)) for i, b in bylines.items() if b.authors)
    clusters: list[list[tuple[int, set[str]]]] = []
    for i, who in signed:
        if clusters and i - clusters[-1][-1][0] <= DIGEST_REACH:
            clusters[-1].append((i, who))
        else:
            clusters.append([(i, who)])
    out: list[int] = []
    for cluster in clusters:
        writers: list[set[str]] = []
        for _, who in cluster:
            if not any(who & seen for seen in writers):
                writers.append(who)
        if len(writers) >= DIGEST_WRITERS:
            out += [i for i, _ in cluster]
    return out


def _digest_items(lines: Sequence[Line], bylines: dict[int, Byline]) -> set[int]:
    """The headlines and summaries of a digest: under each of several writers' bylines close
    together, a summary of that writer's article, and above it its headline (where the dump
    lost the links that mark a teaser list)."""
    signed = _digest_bylines(bylines)
    heads = set()
    for i in signed:
        above = [j for j in texty(lines, i, -1, 1) if j not in bylines]
        if above and lines[above[0]].sentences <= 1 and lines[above[0]].size <= DIGEST_HEADLINE:
            heads.add(above[0])
    out = set(heads)
    for i in signed:
        # The summary runs down to the next headline: the article may stand right under it.
        summary: list[int] = []
        for j in texty(lines, i, 1, 4):
            if j in heads or j in bylines or not lines[j].sentences:
                if summary:
                    break
                continue
            summary.append(j)
        out.update(summary)
    return out


def _is_row(line: Line) -> bool:
    """A table row as dumps print it: several cells of CJK/words, no links, no sentences."""
    return (
        line.link_share < 0.2
        and (line.fragments >= 3 or len(line.cells) >= 2)
        and line.sentences == 0
    )


# A line of the block above a sign-off that counts as text, not a stray mark.
SIGNED_LINE = 4


def _signs_off(line: Line) -> bool:
    """ "(陈巍 编辑)", "（记者 王某）": a credit on a short line of its own closes an article."""
    if line.size > 20 or not line.text.endswith((")", "）")):
        return False
    credit = closing_byline(line.text)
    return credit is not None and bool(credit.editor or credit.authors)


def _absorb_table(
    lines: list[Line], part: list[Part | None], bylines: dict[int, Byline], end: int
) -> int:
    """Extend the run over a table printed right after the text (rows weigh little each).

    The block (a caption, then rows) must be mostly rows and end before links or footers; or,
    rows or not, it must end at the article's sign-off ("(陈巍 编辑)"), when a table lost its
    cells in the dump.
    """
    block: list[int] = []
    for i in range(end, min(len(lines), end + 80)):
        ln = lines[i]
        if part[i] is not None:
            continue
        if _signs_off(ln):
            if sum(1 for j in block if lines[j].size >= SIGNED_LINE) >= 2:
                return i  # plain lines, then the article's sign-off: they end the article
            break
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


# "新华社北京1月12日电", "中新网上海１月１７日专电": an agency, where and when, "telegraphs".
WIRE_DATELINE = re.compile(
    r"\W{0,3}\S{2,20}?[\d０-９]{1,2}\s*[月]\s*[\d０-９]{1,2}\s*日\s*(?:专|專)?(?:电|電)"
)


# A list of this many items or more that opens the text run is not the article's.
LEAD_LIST = 4


# How many lines at the top of the text run a byline may follow and still mark where the text
# starts (a headline, a breadcrumb and a quick-links row above it are common).
HEAD_LINES = 8


def weigh_lines(page: Page) -> None:
    """How much each line looks like article text, moved by where it stands: lower down the
    page, after a linked headline (a teaser list), printed twice, or marked by the markup."""
    lines = page.lines
    n = len(lines)
    weights = [weight(ln) for ln in lines]
    # Articles sit in the upper part of a page; terms of use and comment rules at its foot.
    for i in range(int(n * POSITION_START), n):
        weights[i] *= 1.0 - POSITION_DROP * (i - n * POSITION_START) / (n * (1 - POSITION_START))
    for i in _summaries_after_headlines(lines):
        weights[i] *= 0.2
    # A digest's items weigh less than a line costs: its writers' bylines say what they are.
    for i in _digest_items(lines, page.bylines):
        weights[i] = min(weights[i] * 0.2, LINE_COST / 2)
    for i in _repeated(lines):
        weights[i] *= REPEAT_WEIGHT
    if page.hints is not None:
        weights = _hinted_weights(lines, weights, page.hints)
    page.weights = weights


def _scores(page: Page, lo: int, hi: int) -> list[float]:
    """What each of lines ``lo`` to ``hi`` adds to a run: its weight less a line's cost (markup
    and bylines cost a little); ``choose_run`` then favours and bars some."""
    part, bylines, weights = page.part, page.bylines, page.weights
    out = []
    for i in range(lo, hi):
        if part[i] is Part.BLANK:
            out.append(0.0)
        elif part[i] is Part.BOILERPLATE:
            out.append(-1.0)
        elif i in bylines:
            out.append(-2.0)
        else:
            out.append(weights[i] - LINE_COST)
    return out


def _bar_pagination(page: Page, scores: list[float], lo: int) -> None:
    """A pagination bar ends the text: a run may not cross it (``scores`` from line ``lo``)."""
    lines, part = page.lines, page.part
    for k, s in enumerate(scores):
        if s >= 0 or part[lo + k] is not None:
            continue
        if is_pagination(lines[lo + k]):
            scores[k] = -BARRIER


def choose_run(page: Page) -> None:
    """The text run: the best contiguous run of weighty lines, above the readers' comments when
    the page has them. Bylines are its edges (the lines under one, and above a closing source or
    editor, weigh more), and a stretch of tiny lines is a barrier it may not cross."""
    lines, bylines = page.lines, page.bylines
    n = len(lines)
    scores = _scores(page, 0, n)
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
    _bar_pagination(page, scores, 0)
    comments = _comments_start(lines)
    run = _best_run(scores[:comments]) if comments is not None else None
    run = run or _best_run(scores)
    if run:
        run = run[0], _end_at_comments(lines, *run)
    page.start, page.end = run if run else (n, n)


# "Comments:", "## Комментарии", "网友评论 (14)": the heading over readers' comments. Each run of
# marks is tried from its first character only (the lookbehind): linear on a long run of them.
_comments_heading = lazy(
    r"(?<!\W)\W*+(?:comments|reader comments|kommentare|commentaires|comentários|comentarios|commenti|"
    r"komentarze|комментарии|σχόλια|评论|評論|网友评论|網友評論|网友回应|網友回應|读者评论|讀者評論)"
    r"[\W\d]*+$",
    re.IGNORECASE,
)


# What every comments heading holds: most short lines need no closer look.
_COMMENT_STEMS = ("omment", "oment", "оммент", "σχόλ", "评论", "評論", "回应", "回應")


def _end_at_comments(lines: Sequence[Line], start: int, end: int) -> int:
    """A comments heading inside the run, with dated comment heads under it, ends the text.
    Only inside the run: a comment count under the headline heads no comments."""
    for i in range(start + 1, end):
        ln = lines[i]
        if (
            ln.size > 8
            or not any(w in ln.text.lower() for w in _COMMENT_STEMS)
            or not _comments_heading().match(ln.text)
        ):
            continue
        near = texty(lines, i, 1, 8)
        if sum(1 for j in near if lines[j].size <= 40 and _dated(lines[j].text)) >= 2:
            return i
    return end


# How many lines with text below the byline the article's first sentence may stand: a picture's
# caption, a font-size row or a summary box often stands between them.
ANCHOR_LINES = 5
# A run this many times heavier than the prose under the headline is the article's text going on.
CLEARLY_BETTER = 4.0


def _headline_like(line: Line) -> bool:
    """A line that may be a headline: short (a heading may be longer), without sentences, links,
    a date, a list's bullet or a menu's pieces."""
    return (
        6 <= line.size <= (90 if line.heading else 60)
        and line.sentences == 0
        and line.link_share < 0.5
        and line.fragments <= 3
        and not line.bullet
        and not line.truncated
        and not PROSE_END.search(line.text)
        and not control_words(line.text)
        and not is_related_heading(line)
        and not is_footer(line)
        and not find_dates(line.text)
    )


def _anchor(page: Page) -> int | None:
    """The last byline above the text run that stands right under a headline-like line."""
    lines, bylines = page.lines, page.bylines
    if not bylines or len(bylines) > 4:
        return None  # many bylines: a listing, each teaser with its date
    found = None
    for b in sorted(bylines):
        if b >= page.start:
            break
        if b - 1 in bylines:
            continue  # the byline's first line is the one under the headline
        above = texty(lines, b, -1, 1)
        if above and _headline_like(lines[above[0]]):
            found = b
    return found


def _names_someone(lines: Sequence[Line], i: int) -> bool:
    """A name alone, or a name over a role ("Jane Roe" / "Member of the newsroom"): a writer's
    box, which the byline passes read where it stands above the text."""
    text = lines[i].text
    nxt = texty(lines, i, 1, 1)
    return bool(
        name_line(text)
        or latin_name_line(text)
        or staff_name(text, lines[nxt[0]].text if nxt else "")
    )


def text_under_headline(page: Page) -> None:
    """The headline and its byline anchor the article: prose standing right under them is its
    text, though a heavier block further down (a disclaimer, contact lines, a list of other
    articles with their summaries) outweighs it. When the run chosen lies apart from that prose
    (a gap costing more than the prose weighs between them), the run moves up to the prose;
    unless the run is clearly heavier, the article going on below a box that parted it, when
    the prose joins it as its lead and the box between them is furniture."""
    lines, bylines, weights, hints = page.lines, page.bylines, page.weights, page.hints
    b = _anchor(page)
    if b is None:
        return
    below = [j for j in texty(lines, b, 1, ANCHOR_LINES + 4) if j not in bylines][:ANCHOR_LINES]
    below = [j for j in below if j < page.start]
    prose = next((j for j in below if lines[j].sentences and weights[j] >= 2 * LINE_COST), None)
    if prose is None:
        return
    if hints is not None and hints.content_lines and lines[prose].number not in hints.content_lines:
        return  # the markup's article container leaves it out: a standfirst, a promotion
    first = next(j for j in below if j == prose or weights[j] > LINE_COST)
    scores = _scores(page, first, page.start)
    _bar_pagination(page, scores, first)
    barriers = [i for i in _barriers(lines) if first <= i < page.start]
    best, total, end = 0.0, 0.0, first
    for k, s in enumerate(scores[: barriers[0] - first] if barriers else scores):
        total += s
        if total > best:
            best, end = total, first + k + 1
    if best < 2 * LINE_COST:
        return
    if sum(_scores(page, page.start, page.end)) < CLEARLY_BETTER * best:
        page.start, page.end = first, end
        return
    box = [i for i in range(end, page.start) if page.part[i] is None]
    if any(i in bylines or _names_someone(lines, i) for i in box):
        return  # a writer between them: the byline passes place them, the lead stays out
    for i in box:
        page.decide(i, Part.BOILERPLATE, "a box between the text's lead and the rest of it")
    page.start = first


# A run that goes on past its last paragraph for this many lines that end without a full stop is
# going on into a list of headlines (latest videos, more from the section), not the article.
TAIL_LIST = 6
# Prose wrapped at a fixed width breaks its lines after a comma as often as after a full stop.
_CLAUSE_MARKS = ("，", "、", ",", "；", ";", "：", ":")


def _prose(page: Page, i: int) -> bool:
    ln = page.lines[i]
    return not ln.truncated and (paragraph(ln, page.weights[i]) or bool(PROSE_END.search(ln.text)))


def end_at_last_paragraph(page: Page) -> None:
    """Headlines after the text's last full stop, many and not wrapped lines of prose, are a list
    of other articles that the run swallowed because each weighs a little more than a line
    costs. Only where the dump shows no links (where it does, their weight already falls), and
    where prose precedes the list: a list within a list (a programme, its papers) is content."""
    lines = page.lines
    if any(ln.anchors for ln in lines):
        return
    texty_run = [
        i
        for i in range(page.start, page.end)
        if not lines[i].empty and page.part[i] is None and i not in page.bylines
    ]
    last = next((k for k in range(len(texty_run) - 1, -1, -1) if _prose(page, texty_run[k])), None)
    if last is None:
        return
    tail = texty_run[last + 1 :]
    wrapped = sum(1 for i in tail if lines[i].text.endswith(_CLAUSE_MARKS))
    above = texty_run[max(0, last - 3) : last]
    if len(tail) >= TAIL_LIST and wrapped * 3 < len(tail) and any(_prose(page, j) for j in above):
        page.end = texty_run[last] + 1


def absorb_table(page: Page) -> None:
    """A table printed right after the text belongs to it, though its rows weigh little; so do
    the plain lines between the text and its sign-off."""
    page.end = _absorb_table(page.lines, page.part, page.bylines, page.end)


def start_below_headline(page: Page) -> None:
    """The page's only top-level heading is its headline: what the run holds above it is the
    page's furniture (a reading widget, a promotion), not the article."""
    tops = [i for i, ln in enumerate(page.lines) if ln.heading == 1]
    if len(tops) == 1 and page.start < tops[0] < page.end:
        page.start = tops[0] + 1


def _lead(lines: Sequence[Line], texty_run: list[int]) -> int:
    """How many lines open the run as a list: bullets, unless a whole sentence."""
    for k, i in enumerate(texty_run):
        if not lines[i].bullet or (lines[i].sentences and not lines[i].truncated):
            return k
    return len(texty_run)


def _playlist(page: Page, texty_run: list[int]) -> int:
    """How many lines open the run as a gallery or a playlist: headlines, not prose, between
    pictures whose alt text and caption print the same twice; 0 if none."""
    paired = {i for pair in twin_pairs(page.lines, texty_run) for i in pair}
    headlines = twins = 0
    for k, i in enumerate(texty_run):
        if i in paired:
            twins += 1
        elif not _prose(page, i):
            headlines += 1
        else:
            return k if twins >= 4 and headlines >= LEAD_LIST else 0
    return 0


def skip_leading_list(page: Page) -> None:
    """An article does not open with a list of headlines: a run that does starts after it (a
    ticker, a "breaking news" box above the headline, snippets cut off with "…", a video
    playlist). Items that are whole sentences may be the article's key points."""
    lines = page.lines
    texty_run = [i for i in range(page.start, page.end) if not lines[i].empty]
    lead = _lead(lines, texty_run)
    if lead < LEAD_LIST:
        lead = _playlist(page, texty_run)
    if lead >= LEAD_LIST and lead < len(texty_run):
        page.start = texty_run[lead]


def start_at_byline(page: Page) -> None:
    """A headline can be long enough to join the run; a byline right under it says where the
    text really starts: the short unpunctuated lines above the byline are title, not body;
    unless that line is a wire dateline ("新华社美国拉斯韦加斯1月10日电 综述：…"), which opens the
    article and is followed by its reporters' credit."""
    lines = page.lines
    # Lines with text only: a picture or a rule between a headline and its byline says nothing.
    head = [i for i in range(page.start, page.end) if not lines[i].empty][:HEAD_LINES]
    for k, i in enumerate(head):
        if i in page.bylines:
            # The line right above the byline decides: a headline there means what precedes it
            # is the page's furniture, not the article's first paragraphs.
            above = head[k - 1] if k else None
            if above is None or (
                not PROSE_END.search(lines[above].text)
                and lines[above].size <= 60
                and not WIRE_DATELINE.match(lines[above].text)
            ):
                page.start = i
            break
