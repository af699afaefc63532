"""The last step: the decided page turned into an ``Article``, the byline lines' fields merged
(the first value seen for a field wins), and the gaps filled from weaker evidence: a closing
"（记者 某某）", the headline's dateline, an essay's closing citation, then the markup's hints.
"""

from __future__ import annotations

from reader.byline import Byline, fill, find_credit, merge, read_byline
from reader.dates import citation_date, find_dates
from reader.model import Article, Block, Explanations, Metadata, Part, Teaser
from reader.names import is_person
from reader.parse.language import language
from reader.segment import markup_text

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from reader.parse.page import Page, ParseOptions

# How many of the page's last lines with text may hold an essay's closing citation.
CITATION_LINES = 12


class _Parts:
    """The page's lines gathered by part, in page order."""

    __slots__ = ("blanks", "body", "boiler", "byline", "meta_blocks", "teasers")

    def __init__(self) -> None:
        self.byline = Byline()
        self.meta_blocks: list[Block] = []
        self.body: list[Block] = []
        self.teasers: list[Teaser] = []
        self.boiler: list[Block] = []
        self.blanks: list[int] = []


def assemble(page: Page, options: ParseOptions) -> Article:
    """The ``Article`` the decided page makes."""
    got = _gather(page, options.links, options.images)
    merged = got.byline
    hints = page.hints
    # Where from: a labelled source, else the paper that closes the text ("(京华时报)"), else
    # the outlet printed beside the date, else the portal that passed it on ("内容由…提供"),
    # else the dateline's agency.
    lead, closing = page.lead or Byline(), page.closing or Byline()
    merged.source = (
        merged.source or closing.source or merged.outlet or closing.outlet or lead.source
    )
    fill(fill(merged, lead), closing)
    # Whatever form named them, an interface's words are nobody ("Fonts Size", "查看评论").
    merged.authors = [a for a in merged.authors if is_person(a)]
    published = _published(page, merged)
    updated = merged.updated
    title = page.title
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
        lines=tuple(got.meta_blocks),
    )
    lines = page.lines
    explanations = Explanations.of(
        (ln.number for ln in lines), page.part, page.why, (ln.raw for ln in lines), page.step
    )
    return Article(
        title=title,
        title_lines=() if page.title_index is None else (lines[page.title_index].number,),
        metadata=meta,
        body=tuple(got.body),
        teasers=tuple(got.teasers),
        boilerplate=tuple(got.boiler),
        blank_lines=tuple(got.blanks),
        language=language("\n".join(b.text for b in got.body) or (title or "")),
        dialect=page.dialect.value if page.dialect else None,
        line_count=len(lines),
        explanations=explanations,
    )


def _gather(page: Page, keep_links: bool, keep_images: bool) -> _Parts:
    """Each line into its part's list; the byline lines' fields merged, body credits noted."""
    got = _Parts()
    for i, ln in enumerate(page.lines):
        p = page.part[i]
        if p is Part.METADATA:
            merge(got.byline, page.bylines[i] if i in page.bylines else read_byline(ln.text))
            got.meta_blocks.append(Block(ln.text, (ln.number,)))
        elif p is Part.BODY:
            text = ln.text
            if keep_links or keep_images:
                text = markup_text(ln.raw, links=keep_links, images=keep_images) or text
            got.body.append(Block(text, (ln.number,)))
            credit = find_credit(ln.text)
            if credit:
                got.byline.credits.append(credit)
        elif p is Part.TEASER:
            dates = find_dates(ln.text)
            got.teasers.append(
                Teaser(ln.text, (ln.number,), ln.truncated, dates[0].iso if dates else None)
            )
        elif p is Part.BOILERPLATE:
            got.boiler.append(Block(ln.text or ln.raw.strip(), (ln.number,)))
        elif p is Part.BLANK:
            got.blanks.append(ln.number)
    return got


def _published(page: Page, merged: Byline) -> str | None:
    """The byline's date, else the headline's dateline, else (when the markup has no date
    either) an essay's closing citation of where it first appeared, with its issue's day
    ("——《某某周刊》1996年6月3日"), among the last lines with text. An issue's month alone
    ("1996年6月号") dates no day: nothing is better than a guess."""
    published = merged.published or merged.date
    if published or merged.updated:
        return published
    if page.dateline is not None:
        return page.dateline
    hints = page.hints
    if hints and (hints.published or hints.updated):
        return None
    tail = [ln for ln in reversed(page.lines) if not ln.empty][:CITATION_LINES]
    cited = next((d for ln in tail if (d := citation_date(ln.text))), None)
    return cited if cited is not None and len(cited) >= len("YYYY-MM-DD") else None
