"""The library's front door: a path, bytes or text in, an ``Article`` out. No terminal, no typer."""

from __future__ import annotations

import re

from reader.decode import decode
from reader.model import Article, EncodingInfo, Metadata
from reader.normalise import c1_repair, map_c1
from reader.parse import ParseOptions, parse_text
from reader.source import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, read_source

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    import os
    from collections.abc import Iterator
    from typing import TypeVar

    from reader.html import HtmlPage
    from reader.parse import Trace
    from reader.source import RawInput

    T = TypeVar("T")

INPUT_KINDS = ("auto", "html", "text")


def read_text(
    text: str,
    *,
    options: ParseOptions | None = None,
    path: str | None = None,
    trace: Trace | None = None,
) -> Article:
    """Parse text that is already decoded: an HTML page or a text dump.

    ``options.input`` says which: ``"auto"`` sniffs the first kilobyte for HTML, ``"html"`` and
    ``"text"`` decide. HTML goes through ``reader.html`` first, which turns it into lines of the
    html2text dialect plus hints from the markup; both kinds then meet the same parsing engine.
    ``trace``, when given, receives each stage's and each parser pass's name and seconds (what
    ``reader explain --trace`` prints).
    """
    from reader.errors import UsageError
    from reader.sniff import looks_like_html

    opts = options or ParseOptions()
    if opts.input not in INPUT_KINDS:
        raise UsageError(f"unknown input kind: {opts.input!r} (auto, html or text)")
    if opts.input == "html" or (opts.input == "auto" and looks_like_html(text)):
        from reader.html import HtmlOptions, html_to_page
        from reader.segment import Dialect

        began = _clock(trace)
        text = map_c1(text)  # before the markup is read: titles and <meta> values too
        page = html_to_page(text, HtmlOptions(links=opts.links, images=opts.images))
        _lap(trace, "html", began)
        opts = opts.replace(dialect=Dialect.HTML2TEXT)
        article = parse_text(page.text, opts, hints=page.hints, trace=trace)
        article = _prefer_markup(article, page)
        return article.replace(path=path, dialect="html", markdown_links=opts.links or opts.images)
    box = [text]
    del text
    article = parse_text(_handed_over(box), opts, trace=trace)
    return article.replace(path=path, markdown_links=opts.links or opts.images)


def _prefer_markup(article: Article, page: HtmlPage) -> Article:
    """Authors and publication date: the markup's evidence weighed against the visible byline.

    ``parse`` reads the visible byline and fills its gaps from the markup's hints, so an author
    or date that differs from the hint is one the page prints. The markup's authors (JSON-LD,
    ``<meta>``, microdata, class-marked bylines) arrive cleaned by ``reader.html``, without the
    site's own name or company; here the printed names win over them whenever they name people,
    and a markup author who is the page's editor is no author. Dates: see ``_weigh_dates``.
    Dates that only fill a gap come last, when neither said anything: a data island's or a
    closing citation's (``fallback_date``), then one in the page's address. The byline lines
    themselves stay where ``parse`` put them. Last of all, a pen name leading the headline and
    standing alone under it.
    """
    hints = page.hints
    m = article.metadata
    published = _weigh_dates(m.published, page)
    if (
        published is not None
        and len(published) > 10
        and published == m.updated == page.element_date
        and m.updated != hints.updated
        and not page.declared_date
    ):
        # The dated element is the printed update ("最后更新 14.12.2011 19:00"), not a second date.
        published = None
    if published is None and m.updated is None:
        published = page.fallback_date or page.url_date or _permalink_date(article)
    authors = _weigh_authors(m.authors, hints.authors, m.editor)
    if len(authors) > 1 and page.site is not None:
        # "Jill Roe, CNN Business": the outlet printed beside the writer is the site itself.
        site = page.site
        authors = tuple(a for a in authors if not site.named(a)) or authors
    if not authors and article.title_lines:
        # Weakest of all: a pen name leading the headline and standing alone under it.
        from reader.html import title_author

        lines = page.text.split("\n")
        authors = tuple(title_author(article.title, lines, article.title_lines[0]))
    if authors == m.authors and published == m.published:
        return article
    meta = m.replace(authors=authors, published=published)
    return article.replace(metadata=meta, fields_from=_markup_from(article, meta))


def _markup_from(article: Article, meta: Metadata) -> tuple[tuple[str, str, int | None], ...]:
    """``fields_from`` once the markup has changed the authors or the date."""
    old = article.metadata
    kept = {f: (f, form, line) for f, form, line in article.fields_from}
    for name in ("authors", "published"):
        if getattr(meta, name) != getattr(old, name):
            kept[name] = (name, "markup", None)
        if not getattr(meta, name):
            kept.pop(name, None)
    order = ("authors", "source", "published", "updated", "views", "editor")
    return tuple(kept[f] for f in order if f in kept)


def _weigh_authors(
    shown: tuple[str, ...], markup: tuple[str, ...], editor: str | None
) -> tuple[str, ...]:
    """The visible byline's people over the markup's; the markup's where the page prints none.

    ``shown`` equal to ``markup`` is the markup's filling an empty byline (or the same names).
    A markup "author" that the visible byline calls the editor is the CMS account that posted
    the page ("责任编辑：李楠" with ``<meta name=author content=李楠>``).
    """
    from reader.names import is_person, split_names

    editors = {_name_key(e) for e in split_names(editor or "")} | {_name_key(editor or "")}
    kept = tuple(a for a in markup if _name_key(a) not in editors)
    visible = () if shown == markup else shown
    if not visible:
        return kept
    if kept and not any(is_person(a) for a in visible):
        return kept  # the text's "byline" names nobody ("Biography", "Learn More")
    shown = tuple(dict.fromkeys(_trimmed(a, kept) for a in visible))
    keys = {_name_key(a) for a in kept}
    if keys and keys < {_name_key(a) for a in shown}:
        # The markup's people are among the printed ones: a printed extra that is one Latin
        # word beside them is page furniture or a first name alone ("Columnists", "Rob").
        shown = tuple(a for a in shown if _name_key(a) in keys or not _single_latin_word(a))
    return shown


def _single_latin_word(name: str) -> bool:
    return name.isascii() and len(name.split()) == 1


def _trimmed(shown: str, markup: tuple[str, ...]) -> str:
    """A printed name with words around the markup's same name is the markup's name: "Lena
    Marsh March" (the date's month taken for a surname), "By Laura Roe", "About Victor Roe".
    Not a fuller form of it: "Troy L. Smith" stays, the markup's "Troy Smith" is the shorter."""
    words = shown.split()
    for name in markup:
        own = name.split()
        if 2 <= len(own) < len(words) and own in (words[: len(own)], words[-len(own) :]):
            return name
    return shown


def _name_key(name: str) -> str:
    """A name reduced to its letters, lower-cased, for telling two spellings apart."""
    return "".join(c for c in name.casefold() if c.isalnum())


def _weigh_dates(shown: str | None, page: HtmlPage) -> str | None:
    """The publication date: the printed one, the markup's, or a dated element's.

    The markup's fills a gap. Where the visible byline prints another date, the printed one
    wins when it is the same day (it has the page's own precision) or a day off (a timestamp in
    UTC against the page's local time: "2019-11-20T04:31:13+00:00" on an article printed
    "Nov 19, 10:31 pm"). Further apart, the markup's wins only where a dated element (a
    ``<time datetime>``, a class-marked date) shows its day, or is all the markup has: a
    ``<meta>`` or JSON-LD date on its own does not outweigh what the page prints.
    """
    from reader.html import within_a_day

    hinted = page.hints.published
    if hinted is None or shown is None or shown == hinted:
        return hinted or shown
    if shown[:10] == hinted[:10]:
        return shown if len(shown) > 10 else hinted
    if within_a_day(shown, hinted):
        return shown
    element = page.element_date
    if page.declared_date is None or (element is not None and element[:10] == hinted[:10]):
        return hinted
    return shown


_MD_LINK_URL = re.compile(r"\]\(([^()\s]+)\)")


def _permalink_date(article: Article) -> str | None:
    """A date in the address the headline links to (a blog's permalink), if it links anywhere."""
    from reader.html import url_date

    raw = {e.line: e.text for e in article.explanations}
    for line in article.title_lines:
        for url in _MD_LINK_URL.findall(raw.get(line, "")):
            if found := url_date(url):
                return found
    return None


def read_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    path: str | None = None,
    charset: str | None = None,
    trace: Trace | None = None,
) -> Article:
    """Decode (reporting how) and parse raw bytes: an HTML page or a text dump (``read_text``).

    ``charset`` is one an HTTP header declared: evidence for the decoder, not an order.
    """
    opts = options or ParseOptions()
    began = _clock(trace)
    decoded = decode(
        data,
        encoding=encoding,
        lang=opts.lang,
        fix_mojibake=opts.fix_mojibake,
        charset=charset,
    )
    _lap(trace, "decode", began)
    del data  # (see _handed_over)
    repair = c1_repair(decoded.text, decoded.repair)  # C1 controls: see reader.normalise
    info = EncodingInfo(
        decoded.encoding, decoded.method, decoded.confidence, decoded.replacements, repair
    )
    box = [decoded.text]
    del decoded
    article = read_text(_handed_over(box), options=options, trace=trace)
    return article.replace(encoding=info, path=path)


def read_article(
    source: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    trace: Trace | None = None,
) -> Article:
    """Read a page (HTML or a text dump) from a path (``-`` for stdin), an http(s) URL (fetched;
    ``timeout`` seconds to connect and for each read) or bytes.

    Raises ``reader.errors.ReaderError`` subclasses with a one-line message for bad input.
    """
    if isinstance(source, bytes):
        return read_bytes(source, encoding=encoding, options=options, trace=trace)
    box = [read_source(source, max_bytes=max_bytes, timeout=timeout)]
    return read_raw(_handed_over(box), encoding=encoding, options=options, trace=trace)


def read_raw(
    raw: RawInput,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    trace: Trace | None = None,
) -> Article:
    """Decode and parse an input already read (``reader.source``, ``reader.warc``), keeping what
    is known of where it came from: its name, and for the web its URL and the HTTP answer."""
    name, charset, box = raw.name, raw.charset, [raw.data]
    url, fetched, warc = raw.url, raw.fetched, raw.warc
    del raw
    article = read_bytes(
        _handed_over(box),
        encoding=encoding,
        options=options,
        path=name,
        charset=charset,
        trace=trace,
    )
    if url is None and fetched is None and warc is None:
        return article
    return article.replace(url=url, fetched=fetched, warc=warc)


def read_warc(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """The pages of a web archive (``.warc`` or ``.warc.gz``) as articles, in archive order, with
    one record in memory at a time. Records that are no page (requests, metadata, revisits,
    images…) are skipped. Each article's ``path`` is the archive, its ``url`` the record's
    target and ``warc`` the record.

    Raises ``InputError`` for a page that cannot be read (over ``max_bytes``, binary) and, once
    the pages before it are given, for a damaged archive. ``reader.batch.convert_warc`` goes on
    past failed pages instead, yielding them as results.
    """
    import os

    from reader.errors import InputError
    from reader.warc import Archive, Failure

    name = os.fspath(path)
    for page in Archive(name, max_bytes=max_bytes):
        if isinstance(page, Failure):
            raise InputError(f"{name}: {page.label}: {page.reason}")
        yield read_raw(page, encoding=encoding, options=options)


def _clock(trace: Trace | None) -> float:
    """Now, when a trace is being kept (no clock is read otherwise)."""
    if trace is None:
        return 0.0
    from time import perf_counter

    return perf_counter()


def _lap(trace: Trace | None, stage: str, began: float) -> None:
    """Note the seconds a stage took since ``began``, when a trace is being kept."""
    if trace is not None:
        trace.append((stage, _clock(trace) - began))


def _handed_over(box: list[T]) -> T:
    """The only reference to a page-sized value, taken out of ``box`` for a call to own.

    A caller's variable keeps what it names alive while the callee runs. Handing over the bytes,
    the decoded text and the text to parse this way (CPython moves call arguments into the
    callee's frame) lets each go as soon as the next stage has made its own copy: a page is not
    held three times over while it is parsed, which for a 64 MB page was hundreds of MB.
    """
    return box.pop()
