"""Article → text in one of the output formats. Each format is a module with ``render(article)``.

The terminal view is separate (``render.terminal``): it builds a rich renderable and is imported
only by ``reader view``, so conversions never load rich.
"""

from __future__ import annotations

from enum import StrEnum

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from reader.model import Article


class Format(StrEnum):
    MD = "md"
    JSON = "json"
    JSONL = "jsonl"
    TEXT = "text"


EXTENSIONS: dict[Format, str] = {
    Format.MD: ".md",
    Format.JSON: ".json",
    Format.JSONL: ".jsonl",
    Format.TEXT: ".txt",
}


def renderer(fmt: Format | str) -> Callable[[Article], str]:
    """The format's ``render``. Each module is imported when its format is first asked for: a
    shell loop converting to JSON never loads the Markdown one."""
    fmt = Format(fmt)
    if fmt is Format.MD:
        from reader.render import markdown

        return markdown.render
    if fmt is Format.TEXT:
        from reader.render import text

        return text.render
    from reader.render import json as json_format

    return json_format.render if fmt is Format.JSON else json_format.render_line


def render(article: Article, fmt: Format | str) -> str:
    """Render an article; the result ends with a newline."""
    return renderer(fmt)(article)


def render_pieces(article: Article, fmt: Format | str) -> Iterator[str]:
    """``render(article, fmt)`` in pieces that join to it: JSON a field at a time (a large page's
    output need not be held whole), the other formats in one piece."""
    fmt = Format(fmt)
    if fmt is Format.JSON:
        from reader.render import json as json_format

        return json_format.pieces(article)
    return iter((renderer(fmt)(article),))
