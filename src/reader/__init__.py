"""reader: read scraped news and portal pages, or convert them to Markdown, JSON or text.

    >>> import reader
    >>> a = reader.read_bytes("标题一则新闻\\n作者：张三 来源：新华社\\n".encode("gbk"))
    >>> a.metadata.authors, a.encoding.name if a.encoding else None
    (('张三',), 'gb18030')

The stages are modules of their own (source → decode → normalise → segment → parse → render) and
each can be used alone; this module only wires them together.
"""

from __future__ import annotations

from reader.api import read_article, read_bytes, read_text, read_warc
from reader.model import SCHEMA, Article, Block, Metadata, Part, Teaser
from reader.parse import ParseOptions

__version__ = "0.1.0"
__all__ = [
    "SCHEMA",
    "Article",
    "Block",
    "Metadata",
    "ParseOptions",
    "Part",
    "Teaser",
    "__version__",
    "read_article",
    "read_bytes",
    "read_text",
    "read_warc",
]
