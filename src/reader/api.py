"""The library's front door: a path, bytes or text in, an ``Article`` out. No terminal, no typer."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Literal

from reader.decode import decode
from reader.model import Article, EncodingInfo
from reader.parse import ParseOptions, parse_text
from reader.source import DEFAULT_MAX_BYTES, read_source

if TYPE_CHECKING:
    import os

    from reader.html import HtmlOptions

InputKind = Literal["auto", "html", "text"]
INPUT_KINDS: tuple[InputKind, ...] = ("auto", "html", "text")


def read_text(
    text: str,
    *,
    options: ParseOptions | None = None,
    path: str | None = None,
    input: InputKind = "auto",
    html: HtmlOptions | None = None,
) -> Article:
    """Parse text that is already decoded: an HTML page (sniffed, or ``input="html"``) or a dump.

    HTML goes through ``reader.html`` first, which turns it into lines of the html2text dialect
    and hints from the markup; both kinds of input then meet the same parsing engine.
    """
    from reader.html import looks_like_html

    if input == "html" or (input == "auto" and looks_like_html(text)):
        from reader.html import html_to_page
        from reader.segment import Dialect

        page = html_to_page(text, html)
        opts = dataclasses.replace(options or ParseOptions(), dialect=Dialect.HTML2TEXT)
        article = parse_text(page.text, opts, hints=page.hints)
        import os

        if os.environ.get("READER_MARKUP_WINS"):
            h = page.hints
            m = article.metadata
            m = dataclasses.replace(
                m,
                authors=h.authors or m.authors,
                published=h.published or m.published,
            )
            article = dataclasses.replace(article, metadata=m)
        return dataclasses.replace(article, path=path, dialect="html")
    article = parse_text(text, options)
    return dataclasses.replace(article, path=path)


def read_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    path: str | None = None,
    input: InputKind = "auto",
    html: HtmlOptions | None = None,
) -> Article:
    """Decode (reporting how) and parse raw bytes; see ``read_text`` for ``input``/``html``."""
    decoded = decode(data, encoding=encoding)
    article = read_text(decoded.text, options=options, input=input, html=html)
    info = EncodingInfo(decoded.encoding, decoded.method, decoded.confidence, decoded.replacements)
    return dataclasses.replace(article, encoding=info, path=path)


def read_article(
    source: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input: InputKind = "auto",
    html: HtmlOptions | None = None,
) -> Article:
    """Read a page from a path (``-`` for stdin) or from bytes; HTML is detected (or forced
    with ``input="html"``, refused as such with ``input="text"``).

    Raises ``reader.errors.ReaderError`` subclasses with a one-line message for bad input.
    """
    if isinstance(source, bytes):
        return read_bytes(source, encoding=encoding, options=options, input=input, html=html)
    raw = read_source(source, max_bytes=max_bytes)
    return read_bytes(
        raw.data, encoding=encoding, options=options, path=raw.name, input=input, html=html
    )
