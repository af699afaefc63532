"""Passes that give the lines their parts: inside the text run, body unless a line is clearly
links, controls, a footer or a related-articles block; after the text, teasers the run
swallowed; outside the run, teasers and boilerplate.
"""

from __future__ import annotations

import sys

from reader.model import Part
from reader.parse.lines import (
    BREADCRUMB,
    RELATED_HEADING,
    alt_is_caption,
    dated_headline,
    doubled,
    in_related_block,
    is_controls,
    is_footer,
    is_neighbour,
    is_page_entry,
    is_pagination,
    is_promotion,
    is_related_heading,
    paragraph,
    related_item,
    twin_pairs,
)
from reader.parse.page import texty

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.parse.page import Page
    from reader.segment import Line


def _item_summary(
    lines: Sequence[Line], part: Sequence[Part | None], i: int
) -> tuple[Part, str] | None:
    """A summary under an item of a related-articles list, before the next bulleted item
    ("* Headline  Source" / "【Source】 What happened…" / "* Next headline"): part of the list,
    however much prose. The last item's summary is left alone: it may be the text again."""
    prev = texty(lines, i, -1, 1)
    if not prev or part[prev[0]] is not Part.TEASER:
        return None
    if any(lines[j].bullet and related_item(lines[j]) for j in texty(lines, i, 1, 3, reach=11)):
        return Part.TEASER, "summary of an item in a related-articles block"
    return None


# A line this long printed twice in a row is a picture's alt text and its caption.
TWIN_SIZE = 10


def _twins(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Lines of the run whose next line with text says the same, or that say it twice on one line:
    a picture's alt text and its caption, a video's title and its link. On the dev pages such pairs are
    almost never the article's text, even once; unless they are most of it (a photo page,
    whose text is its captions). Prose of two sentences or more printed twice is a lead
    repeated as the first paragraph: its second copy stays."""
    texty_run = [i for i in range(start, end) if not lines[i].empty]
    out = {
        i
        for i in texty_run
        if lines[i].size >= TWIN_SIZE
        and (
            (lines[i].sentences < 2 and alt_is_caption(lines[i]))
            or (lines[i].sentences < 4 and doubled(lines[i]))
        )
    }
    for first, second in twin_pairs(lines, texty_run):
        if lines[second].size >= TWIN_SIZE:
            out.add(first)
            if lines[second].sentences < 2:
                out.add(second)
    if 2 * sum(lines[i].size for i in out) >= sum(lines[i].size for i in range(start, end)):
        return set()
    return out


def classify_run(page: Page) -> None:
    """Inside the run: text, unless it is clearly links, controls, a related-articles block or a
    caption printed twice."""
    lines, part, bylines, weights = page.lines, page.part, page.bylines, page.weights
    decide = page.decide
    in_related = False
    twins = _twins(lines, page.start, page.end)
    for i in range(page.start, page.end):
        if part[i] is not None:
            continue
        ln = lines[i]
        if is_related_heading(ln):
            in_related = True
            decide(i, Part.BOILERPLATE, RELATED_HEADING)
            continue
        if i in bylines and in_related:
            decide(i, Part.BOILERPLATE, "byline of an item in a related-articles block")
        elif i in bylines:
            decide(i, Part.METADATA, "byline inside the text run")
        elif is_footer(ln):
            decide(i, Part.BOILERPLATE, "footer: copyright, licence, contact or disclaimer")
        elif is_pagination(ln):
            decide(i, Part.BOILERPLATE, "pagination: page numbers, next and previous page")
        elif in_related and (placed := in_related_block(ln) or _item_summary(lines, part, i)):
            decide(i, *placed)
        elif ln.link_share > 0.6 and ln.sentences == 0:
            decide(
                i,
                Part.BOILERPLATE,
                sys.intern(f"link text inside the run ({ln.link_share:.0%} link)"),
            )
        elif is_controls(ln):
            decide(i, Part.BOILERPLATE, "page controls (font size, print, share…)")
        elif is_neighbour(ln):
            decide(i, Part.BOILERPLATE, "the site's previous or next article")
        elif BREADCRUMB.search(ln.text) and ln.sentences == 0 and ln.size <= 80:
            decide(i, Part.BOILERPLATE, "breadcrumb")
        elif i in twins:
            decide(i, Part.BOILERPLATE, "a picture's caption printed twice (alt text, caption)")
        else:
            in_related = False
            # Interned as made (as Explanations keeps them): not a string per line until then.
            decide(i, Part.BODY, sys.intern(f"main text run, weight {weights[i]:.0f}"))


def cut_after_related(page: Page) -> None:
    """A related-articles heading after the text, with no paragraph after it: what follows it
    in the run is more of the page's lists (most read, latest videos), not the article."""
    body_idx = page.body(page.start, page.end)
    past_first = body_idx[0] + 1 if body_idx else page.end
    related = next((i for i in range(past_first, page.end) if page.why[i] == RELATED_HEADING), None)
    if related is None or any(
        paragraph(page.lines[i], page.weights[i]) for i in body_idx if i > related
    ):
        return
    for i in body_idx:
        if i > related:
            page.decide(i, Part.BOILERPLATE, "after a related-articles block, no paragraph")


def unswallow_teasers(page: Page) -> None:
    """Teasers that the run swallowed: truncated lines and dated headlines after the last
    untruncated paragraph; and after it too, the site's call to follow its social-network page."""
    body_idx = page.body(page.start, page.end)
    for i in reversed(body_idx):
        if i == body_idx[0]:
            break
        if page.lines[i].truncated:
            page.decide(i, Part.TEASER, "truncated snippet (…) after the article text")
        elif dated_headline(page.lines[i]):
            page.decide(i, Part.TEASER, "dated headline after the article text")
        elif is_promotion(page.lines[i]):
            page.decide(i, Part.BOILERPLATE, "the site's call to follow its page, after the text")
        else:
            break


def settle_text(page: Page) -> None:
    """Where the article's text starts and ends, from here on: the passes after this one
    measure from it, though the headline pass may yet take its first line."""
    body_idx = page.body(page.start, page.end)
    page.first_body = body_idx[0] if body_idx else page.start
    page.last_body = body_idx[-1] if body_idx else page.end - 1


def classify_outside(page: Page) -> None:
    """Outside the run: teasers (snippets ending in …, related blocks) and boilerplate; the
    article's other pages, listed under its pagination, are no teasers."""
    lines, part, hints, weights = page.lines, page.part, page.hints, page.weights
    in_related = False
    for i in range(len(lines)):
        if part[i] is not None:
            if part[i] is not Part.BLANK:
                in_related = False
            continue
        ln = lines[i]
        if hints is not None and ln.number in hints.boilerplate_lines:
            in_related = False
            page.decide(i, Part.BOILERPLATE, "markup: navigation, header, footer or form")
        elif is_related_heading(ln):
            in_related = True
            page.decide(i, Part.BOILERPLATE, RELATED_HEADING)
        elif i > page.start and is_page_entry(ln):
            page.decide(i, Part.BOILERPLATE, "another page of the article (第2页：…), no teaser")
        elif ln.truncated and ln.size >= 8:
            page.decide(i, Part.TEASER, "snippet ending in an ellipsis")
        elif dated_headline(ln) and i > page.start:
            page.decide(i, Part.TEASER, "dated headline of another article")
        elif in_related and (placed := in_related_block(ln)):
            page.decide(i, *placed)
        else:
            in_related = False  # not an item: the list has ended
            side = "above" if i < page.start else "below"
            page.decide(
                i,
                Part.BOILERPLATE,
                sys.intern(f"outside the main text run ({side}), weight {weights[i]:.0f}"),
            )


def mark_markup(page: Page) -> None:
    """Blank lines, and lines of markup only (cell pipes, rules, images), before anything else:
    they carry no text to weigh."""
    for i, ln in enumerate(page.lines):
        if ln.blank:
            page.decide(i, Part.BLANK, "blank")
        elif ln.empty:
            page.decide(i, Part.BOILERPLATE, "markup only (cell pipes, rules, images)")
