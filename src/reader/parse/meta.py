"""Passes that decide the article's byline: which of the byline lines found are its own (above
its text, far above it, below it, above its headline), a name alone under the headline, and a
date printed by the headline when no byline dates the article.

What a byline line is, and what it says, is ``reader.byline``'s; these passes only place them.
"""

from __future__ import annotations

from reader.byline import (
    Byline,
    closing_byline,
    fill,
    find_labels,
    is_byline,
    lead_byline,
    read_byline,
)
from reader.dates import find_dates
from reader.metadata import Field
from reader.model import Part
from reader.names import latin_name_line, name_line, names_and_outlet, staff_name, wire_agency
from reader.parse.lines import is_related_heading
from reader.parse.page import texty
from reader.parse.title import REPEAT_WINDOW

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.parse.page import Page
    from reader.segment import Line

# How far above the text (in lines with text) a byline is still the article's, when none is near.
FAR_BYLINE = 40


def _beside_byline(lines: Sequence[Line], part: Sequence[Part | None], i: int) -> bool:
    """Whether the nearest line with text above or below is the headline or a byline."""
    return any(
        part[j] in (Part.TITLE, Part.METADATA) for step in (-1, 1) for j in texty(lines, i, step, 1)
    )


# How many lines with text above the text a byline may stand and still be the article's.
NEAR_BYLINE = 15


_BY_WORDS = frozenset({"By", "BY", "by", "Von", "von", "Par", "par", "Por", "por", "Door"})


def find_bylines(page: Page) -> None:
    """Every line that reads as a byline, wherever it stands: the passes after the run is
    chosen decide which are the article's."""
    part, bylines, dayfirst = page.part, page.bylines, page.dayfirst
    lines = page.lines
    for i, ln in enumerate(lines):
        if part[i] is None:
            b = is_byline(ln, dayfirst)
            if b is not None:
                bylines[i] = b
    for i, ln in enumerate(lines):
        # "Author:" / "The Water Coolest": a definition list prints a label and its value on
        # lines of their own; the value line is part of the byline.
        empty = i not in bylines or not bylines[i].filled()
        by_word = ln.text in _BY_WORDS  # "By" / "Al Root": a by-word on a line of its own
        if part[i] is None and empty and (ln.text.endswith((":", "：")) or by_word):
            labels = find_labels(ln.text)
            nxt = texty(lines, i, 1, 1, reach=2)
            alone = by_word or (len(labels) == 1 and labels[0][2] >= len(ln.text.rstrip()))
            if alone and nxt:
                j = nxt[0]
                if part[j] is None and j not in bylines and lines[j].size <= 30:
                    b = read_byline(f"{ln.text} {lines[j].text}", dayfirst=dayfirst)
                    if b.filled():
                        bylines[i] = bylines[j] = b


def bylines_above_text(page: Page) -> None:
    """Bylines just above the text, however many (nearest first)."""
    before = texty(page.lines, page.first_body, -1, NEAR_BYLINE)
    for i in before:
        if i in page.bylines and page.part[i] is None:
            page.decide(i, Part.METADATA, "byline above the text")


def far_byline(page: Page) -> None:
    """When none stands near: a verdict box, a summary or a share bar can push the byline
    further up. Take the nearest one that names a writer, and only that one: a date alone that
    far up is as often the page's "today" in its header."""
    if page.metadata():
        return
    before = texty(page.lines, page.first_body, -1, FAR_BYLINE)
    for i in before[NEAR_BYLINE:]:
        b = page.bylines.get(i)
        if b is not None and page.part[i] is None and b.authors:
            page.decide(i, Part.METADATA, "byline above the text (far)")
            return


def counted_byline(page: Page) -> None:
    """A page counts the views of the one article it shows: the only byline with a view count
    is that article's, however far above the text it stands."""
    if page.metadata():
        return
    counted = [i for i, b in page.bylines.items() if b.views is not None and page.part[i] is None]
    if len(counted) == 1 and counted[0] < page.first_body:
        page.decide(counted[0], Part.METADATA, "the page's only view count, above the text")


def bylines_below_text(page: Page) -> None:
    """Just below the text: the editor, the source. A plain date there may be a teaser's; a
    labelled one is the article's. A related-articles heading ends the search."""
    part, n = page.part, len(page.lines)
    after = [i for i in range(page.last_body + 1, n) if part[i] is not Part.BLANK][:6]
    for i in after:
        if is_related_heading(page.lines[i]):
            break  # what follows is other articles' bylines
        if i in page.bylines and part[i] is None and not page.bylines[i].date:
            page.decide(i, Part.METADATA, "byline below the text")


def only_credits(page: Page) -> None:
    """An editor or a source that the article's byline lacks, taken from the one line below
    the text's start that credits one, however far down ("( 编辑： 李志强 ) 【字号：大 中 小】…",
    "[责任编辑：robot] 标签：…"): a page credits its one article so, where lists of other
    articles credit many (then no line is taken)."""
    placed = Byline()
    for i in page.metadata():
        fill(placed, page.bylines.get(i) or read_byline(page.lines[i].text))
    for field, have in ((Field.EDITOR, placed.editor), (Field.SOURCE, placed.source)):
        if have:
            continue
        found = _credit_lines(page, field)
        values = {getattr(b, field.value) for b in found.values()}
        if len(values) == 1 and len(found) <= 2:
            for i, b in found.items():
                page.bylines[i] = b
                page.decide(i, Part.METADATA, f"the page's only {field.value} credit")


def _credit_lines(page: Page, field: Field) -> dict[int, Byline]:
    """The undecided lines below the text's start whose label ``field`` has a value."""
    found: dict[int, Byline] = {}
    for i in range(page.first_body, len(page.lines)):
        ln = page.lines[i]
        if page.part[i] is not None or ln.empty or len(ln.text) > 300:
            continue
        text = ln.text
        if not any(word in text for word in _FIELD_WORDS[field]):
            continue  # most lines hold no label of the field: no need to look for one
        labels = find_labels(ln.text)
        if any(f is field for f, _, _ in labels):
            b = read_byline(ln.text, dayfirst=page.dayfirst, labels=labels)
            if getattr(b, field.value):
                found[i] = b
    return found


# A part of each label of the field (LABELS in reader.metadata), for a quick first test.
_FIELD_WORDS = {
    Field.EDITOR: ("编", "編", "责编", "責編", "ditor", "dited", "Redaktion", "Επιμέλεια"),
    Field.SOURCE: (
        "源",
        "出处",
        "出處",
        "来自",
        "來自",
        "转",
        "轉",
        "摘自",
        "ource",
        "Quelle",
        "Fuente",
        "Fonte",
        "Источник",
        "Źródło",
        "Πηγή",
        "From",
    ),
}


def byline_under_headline(page: Page) -> None:
    """A byline right under the headline is the article's, however much (a share bar, a
    summary, a picture) stands between it and the text."""
    if page.title_index is None:
        return
    for j in texty(page.lines, page.title_index, 1, 2):
        if j < page.first_body and j in page.bylines and page.part[j] is None:
            page.decide(j, Part.METADATA, "byline under the headline")


def byline_above_headline(page: Page) -> None:
    """Some pages print the byline above the headline ("Home | By Jane Roe | 30 September
    2018"): taken when no byline placed so far dates the article."""
    if page.title_index is None:
        return
    if any(
        page.bylines[i].published or page.bylines[i].date
        for i in page.metadata()
        if i in page.bylines
    ):
        return
    for j in texty(page.lines, page.title_index, -1, 3):
        if j in page.bylines and page.part[j] is None:
            page.decide(j, Part.METADATA, "byline above the headline")
            break


def name_under_headline(page: Page) -> None:
    """A name alone on a line between the headline and the text is the author (essays,
    columns); so is a name over the writer's role in an author box above the headline."""
    top = page.title_index
    if top is None:
        return
    lines, part, bylines = page.lines, page.part, page.bylines
    early_body = [i for i in range(page.first_body, len(lines)) if part[i] is Part.BODY][:3]
    over = texty(lines, top, -1, 2, reach=7)
    for i in [*reversed(over), *range(top + 1, page.first_body), *early_body]:
        ln = lines[i]
        if (
            part[i] in (None, Part.BODY, Part.BOILERPLATE)
            and not any(b.authors for b in bylines.values())
            # Menu items ("* 商城", "* Increase Text Size") and list headings are no names.
            and not ln.bullet
            and not is_related_heading(ln)
        ):
            nxt = texty(lines, i, 1, 1)
            staff = staff_name(ln.text, lines[nxt[0]].text if nxt else "")
            beside = i > top and _beside_byline(lines, part, i)
            # a wire service's name alone, beside the byline or right above the text
            over_text = texty(lines, i, 1, 1) == [page.first_body]
            wire = wire_agency(ln.text) if (beside or over_text) and ln.size <= 12 else None
            names = (
                []
                if i < top
                else name_line(ln.text)
                or (latin_name_line(ln.text) if beside else [])
                # a wire service alone in the writer's place ("Reuters, Washington,")
                or ([wire] if wire else [])
            )
            outlet = None
            if not (staff or names) and i > top:
                names, outlet = names_and_outlet(ln.text)  # "Tom Davies Associated Press"
            if staff or names:
                why = (
                    "a writer and the writer's role"
                    if staff
                    else "writers and their outlet under the headline"
                    if outlet
                    else "a name alone under the headline"
                )
                found = Byline(authors=staff or names, outlet=outlet, fields=[Field.AUTHOR])
                bylines[i] = found.note(why)
                page.decide(i, Part.METADATA, why)


def find_dateline(page: Page) -> None:
    """A date printed between the headline and the text, or leading the text, dates the article
    when no labelled byline did ("<site> 2005-07-18 13:03:17 | 1个月之后…"); so does one ending
    the kicker right above the headline ("Startseite › Kultur › "Headline" 01.05.2017")."""
    lines, top, first_body = page.lines, page.title_index, page.first_body
    n = len(lines)
    scan = list(range(top if top is not None else max(0, first_body - 3), min(n, first_body + 1)))
    kicker: int | None = None
    if top is not None:
        kicker = next(iter(texty(lines, top, -1, 1)), None)
        # A gallery or a caption can repeat the headline right above the text; the dateline
        # then stands under its first copy.
        headline = lines[top].text
        copy = next(
            (j for j in range(max(0, top - REPEAT_WINDOW), top) if lines[j].text == headline), None
        )
        if copy is not None:
            scan += texty(lines, copy, 1, 3, reach=top - copy - 1)
    if kicker is not None:
        scan.insert(0, kicker)
    for i in scan:
        text = lines[i].text
        found = find_dates(text[-40:] if i == kicker else text[:80])
        if found and page.part[i] is not Part.TEASER:
            page.dateline = found[0].iso
            return


# How many paragraphs at each end of the text may hold its dateline or closing credit.
LEAD_PARAGRAPHS = 2
LEAD_SIZE = 20  # reading units a line needs to count as a paragraph there
CLOSING_PARAGRAPHS = 3


def read_text_credits(page: Page) -> None:
    """The credits printed in the text itself, which stays body: the dateline and credit that
    open its first paragraph ("新华社北京1月12日电（记者 王某）", "【台灣醒報記者潘姿羽台北報導】"),
    and the credit that closes its last ones or follows them ("（记者 胡晓蓉）", "(陈巍 编辑)",
    "(京华时报)"). They fill what the byline lines left empty."""
    lines, part = page.lines, page.part
    body = page.body(page.first_body)
    # Paragraphs, not the notices or links a run may hold above the article's first one.
    paragraphs = [i for i in body if lines[i].size >= LEAD_SIZE]
    for i in paragraphs[:LEAD_PARAGRAPHS]:
        page.lead = lead_byline(lines[i].text)
        if page.lead is not None:
            page.lead.at_line(lines[i].number)
            break
    after = [
        i
        for i in texty(lines, page.last_body, 1, 4)
        if part[i] is not Part.TITLE and not is_related_heading(lines[i])
    ]
    closing = Byline()
    for i in [*reversed(body[-CLOSING_PARAGRAPHS:]), *after]:
        found = closing_byline(lines[i].text)
        # A teaser's credit is its own, unless it cites where this text first appeared (a
        # dated citation reads as a dated headline: "——《北京之春》1996年6月号").
        if found is not None and (part[i] is not Part.TEASER or found.cited):
            fill(closing, found.at_line(lines[i].number))
    page.closing = closing
