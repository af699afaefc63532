"""The library's front door: a path, bytes or text in, an ``Article`` out. No terminal, no typer."""

from __future__ import annotations

import re

from reader.decode import decode
from reader.model import Article, EncodingInfo
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
    """Authors and publication date that the markup declares win over those read from the text.

    ``parse`` lets the visible byline win and uses hints only to fill gaps, which suits dumps.
    For HTML, JSON-LD, ``<meta>`` and class-marked bylines are unambiguous where the visible text
    is not ("03/05/2022", "Posted on … by …"): on the dev corpus this is +3 dates, +1 author and
    no losses. The byline lines themselves stay where ``parse`` put them. Dates that only fill a
    gap come last, when neither said anything: a data island's or a closing citation's
    (``fallback_date``), then one in the page's address. Authors: the markup's, then the visible
    byline's, then a pen name leading the headline and standing alone under it.
    """
    hints = page.hints
    m = article.metadata
    published = hints.published or m.published
    if published is None and m.updated is None:
        published = page.fallback_date or page.url_date or _permalink_date(article)
    authors = hints.authors or m.authors
    if not authors and article.title_lines:
        # Weakest of all: a pen name leading the headline and standing alone under it.
        from reader.html import title_author

        lines = page.text.split("\n")
        authors = tuple(title_author(article.title, lines, article.title_lines[0]))
    if authors == m.authors and published == m.published:
        return article
    meta = m.replace(authors=authors, published=published)
    return article.replace(metadata=meta)


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
