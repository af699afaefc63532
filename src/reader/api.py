"""The library's front door: a path, bytes or text in, an ``Article`` out. No terminal, no typer."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from reader.decode import decode
from reader.model import Article, EncodingInfo
from reader.parse import ParseOptions, parse_text
from reader.source import DEFAULT_MAX_BYTES, read_source

if TYPE_CHECKING:
    import os


def read_text(
    text: str, *, options: ParseOptions | None = None, path: str | None = None
) -> Article:
    """Parse text that is already decoded."""
    article = parse_text(text, options)
    return dataclasses.replace(article, path=path)


def read_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    path: str | None = None,
) -> Article:
    """Decode (reporting how) and parse raw bytes."""
    decoded = decode(data, encoding=encoding)
    article = parse_text(decoded.text, options)
    info = EncodingInfo(decoded.encoding, decoded.method, decoded.confidence, decoded.replacements)
    return dataclasses.replace(article, encoding=info, path=path)


def read_article(
    source: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read a page from a path (``-`` for stdin) or from bytes.

    Raises ``reader.errors.ReaderError`` subclasses with a one-line message for bad input.
    """
    if isinstance(source, bytes):
        return read_bytes(source, encoding=encoding, options=options)
    raw = read_source(source, max_bytes=max_bytes)
    return read_bytes(raw.data, encoding=encoding, options=options, path=raw.name)
