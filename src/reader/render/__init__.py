"""Article → text in one of the output formats. Each format is a module with ``render(article)``.

The terminal view is separate (``render.terminal``): it builds a rich renderable and is imported
only by ``reader view``, so conversions never load rich.
"""

from __future__ import annotations

from enum import StrEnum

from reader.render import json as json_format
from reader.render import markdown, text

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from reader.model import Article


class Format(StrEnum):
    MD = "md"
    JSON = "json"
    JSONL = "jsonl"
    TEXT = "text"


RENDERERS: dict[Format, Callable[[Article], str]] = {
    Format.MD: markdown.render,
    Format.JSON: json_format.render,
    Format.JSONL: json_format.render_line,
    Format.TEXT: text.render,
}
EXTENSIONS: dict[Format, str] = {
    Format.MD: ".md",
    Format.JSON: ".json",
    Format.JSONL: ".jsonl",
    Format.TEXT: ".txt",
}


def render(article: Article, fmt: Format | str) -> str:
    """Render an article; the result ends with a newline."""
    return RENDERERS[Format(fmt)](article)


def render_pieces(article: Article, fmt: Format | str) -> Iterator[str]:
    """``render(article, fmt)`` in pieces that join to it: JSON a field at a time (a large page's
    output need not be held whole), the other formats in one piece."""
    fmt = Format(fmt)
    if fmt is Format.JSON:
        return json_format.pieces(article)
    return iter((RENDERERS[fmt](article),))
