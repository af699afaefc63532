"""The last step: the decided page turned into an ``Article``, the byline lines' fields merged
(the first value seen for a field wins), and the gaps filled from weaker evidence: a closing
"（记者 某某）", the headline's dateline, an essay's closing citation, then the markup's hints.
"""

from __future__ import annotations

from reader.byline import Byline, fill, find_credit, merge, read_byline
from reader.dates import citation_date, find_dates
from reader.model import Article, Block, Explanations, Metadata, Part, Teaser
from reader.names import clean_name, is_latin_org, is_person
from reader.parse.language import language
from reader.segment import markup_text

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from reader.model import PageHints
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
    merged = _byline(page, got.byline)
    hints = page.hints
    published = _published(page, merged)
    updated = merged.updated
    title = page.title
    if hints is not None:
        # The visible byline wins; markup metadata fills what it left empty.
        title = title or hints.title
        for name, have in (("published", published), ("updated", updated)):
            if not have and getattr(hints, name):
                merged.origin[name] = ("markup", None)
        if not merged.source and hints.source:
            merged.origin["source"] = ("markup", None)
        if not merged.authors and hints.authors:
            merged.origin["authors"] = ("markup", None)
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
    fields_from = _fields_from(meta, merged, hints)
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
        fields_from=fields_from,
    )


# This many byline lines naming different writers make a listing of articles, not one article.
LISTING_BYLINES = 4


def _byline(page: Page, merged: Byline) -> Byline:
    """The article's byline: the byline lines' fields, then what the text's own credits add.

    Where from: a labelled source, else the paper that closes the text ("(京华时报)"), else the
    outlet printed beside the date, else the portal that passed it on ("内容由…提供"), else the
    dateline's agency. Who: the writers of the byline lines under the headline (a line above
    it may be the previous post's), none where many lines name different writers (a listing),
    else the text's own credits; whatever form named them, an interface's words are nobody.
    """
    lead, closing = page.lead or Byline(), page.closing or Byline()
    sources = [(merged, "source"), (closing, "source"), (merged, "outlet")]
    sources += [(closing, "outlet"), (lead, "source")]
    source = next(((b, f) for b, f in sources if getattr(b, f)), None)
    if source is not None:
        merged.source = getattr(source[0], source[1])
        merged.origin["source"] = source[0].origin.get(source[1], ("byline", None))
    merged.authors, by = _writers(page)
    if by is not None:
        merged.origin["authors"] = by
    else:
        merged.origin.pop("authors", None)
    if closing.authors and (
        set(merged.authors) < set(closing.authors) or all(map(is_latin_org, merged.authors))
    ):
        # A wire's closing credit names more of the writers than its by-line ("Reuters", or
        # one of them): "(Reporting by A; additional reporting by B and C)".
        merged.authors = []
    fill(fill(merged, lead), closing)
    cleaned = (clean_name(a) for a in merged.authors)
    merged.authors = list(dict.fromkeys(a for a in cleaned if is_person(a)))
    return merged


def _writers(page: Page) -> tuple[list[str], tuple[str, int | None] | None]:
    """The writers the byline lines name (see ``_byline``), and where the first came from."""
    named = [
        (i, b)
        for i in page.metadata()
        if (b := page.bylines.get(i) or read_byline(page.lines[i].text)).authors
    ]
    if len({tuple(b.authors) for _, b in named}) >= LISTING_BYLINES:
        return [], None
    top = page.title_index
    if top is not None and any(i > top for i, _ in named):
        named = [(i, b) for i, b in named if i > top]
    if not named:
        return [], None
    writers = list(dict.fromkeys(a for _, b in named for a in b.authors))
    return writers, named[0][1].origin.get("authors", ("byline", page.lines[named[0][0]].number))


def _gather(page: Page, keep_links: bool, keep_images: bool) -> _Parts:
    """Each line into its part's list; the byline lines' fields merged, body credits noted."""
    got = _Parts()
    for i, ln in enumerate(page.lines):
        p = page.part[i]
        if p is Part.METADATA:
            found = page.bylines[i] if i in page.bylines else read_byline(ln.text)
            merge(got.byline, found.at_line(ln.number))
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
    ("1996年6月号") dates no day: nothing is better than a guess. The choice is noted in
    ``merged.origin``."""
    if merged.published or merged.date or merged.updated:
        if not merged.published and merged.date:
            merged.origin["published"] = merged.origin.get("date", ("date", None))
        return merged.published or merged.date
    if page.dateline is not None:
        merged.origin["published"] = ("date by the headline", None)
        return page.dateline
    hints = page.hints
    if hints and (hints.published or hints.updated):
        return None
    tail = [ln for ln in reversed(page.lines) if not ln.empty][:CITATION_LINES]
    for ln in tail:
        cited = citation_date(ln.text)
        if cited is not None:
            if len(cited) < len("YYYY-MM-DD"):
                return None
            merged.origin["published"] = ("citation of where it first appeared", ln.number)
            return cited
    return None


def _fields_from(
    meta: Metadata, merged: Byline, hints: PageHints | None
) -> tuple[tuple[str, str, int | None], ...]:
    """(field, the form that gave it, its line) for each field the article has: what reader
    explain reports. A field the markup filled says so."""
    out = []
    for name in ("authors", "source", "published", "updated", "views", "editor"):
        value = getattr(meta, name)
        if value in (None, ()):
            continue
        form, line = merged.origin.get(name, ("markup" if hints is not None else "byline", None))
        out.append((name, form, line))
    return tuple(out)
