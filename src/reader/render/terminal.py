"""Article → rich renderable for ``reader view``. Builds, never prints.

Scraped text is always wrapped in ``rich.text.Text`` (never parsed as markup), so ``[/]`` or
``[Anzeige]`` in a page prints as is. CJK text folds at any character, as it should.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from reader.render.text import metadata_line

if TYPE_CHECKING:
    from reader.model import Article

Theme = Literal["dark", "light"]
MEASURE = 88  # a comfortable reading width in cells: about 44 CJK characters or 80-odd letters

STYLES: dict[Theme, dict[str, str]] = {
    "dark": {
        "title": "bold bright_white",
        "meta": "cyan",
        "body": "",
        "heading": "bold",
        "teaser": "dim",
        "boilerplate": "dim italic",
        "footer": "dim",
        "rule": "grey50",
    },
    "light": {
        "title": "bold black",
        "meta": "blue",
        "body": "",
        "heading": "bold",
        "teaser": "grey50",
        "boilerplate": "grey50 italic",
        "footer": "grey50",
        "rule": "grey70",
    },
}


@dataclass(frozen=True, slots=True)
class ViewOptions:
    width: int = 80
    theme: Theme = "dark"
    indent: bool = False
    teasers: bool = True
    boilerplate: bool = False


def _para(text: str, style: str, indent: bool) -> Text:
    t = Text(("\u3000\u3000" if indent else "") + text, style=style)
    t.overflow = "fold"
    return t


def build_view(article: Article, options: ViewOptions) -> RenderableType:
    """The page as one renderable: title, metadata line, body, related, footer."""
    s = STYLES[options.theme]
    cjk = article.language in ("zh", "ja")
    indent = options.indent and cjk
    parts: list[RenderableType] = []
    if article.title:
        parts.append(_para(article.title, s["title"], False))
    meta = metadata_line(article)
    if meta:
        parts.append(_para(meta, s["meta"], False))
    if parts:
        parts.append(Rule(style=s["rule"]))
    body_items: list[tuple[int, Text]] = [
        (b.lines[0], _para(b.text, s["body"], indent)) for b in article.body
    ]
    if options.boilerplate:
        body_items += [
            (b.lines[0], _para(b.text, s["boilerplate"], False)) for b in article.boilerplate
        ]
        body_items.sort(key=lambda item: item[0])
    for _, text in body_items:
        parts.append(text)
        parts.append(Text(""))
    if options.teasers and article.teasers:
        parts.append(Rule("related", style=s["rule"], align="left"))
        for t in article.teasers:
            parts.append(_para("• " + t.text, s["teaser"], False))
        parts.append(Text(""))
    footer = []
    if article.path:
        footer.append(article.path)
    if article.encoding and article.encoding.name:
        footer.append(f"{article.encoding.name} ({article.encoding.method})")
    if footer:
        parts.append(Text(" · ".join(footer), style=s["footer"]))
    return Padding(Group(*parts), (0, 0), expand=False)


def measure(width: int) -> int:
    return max(20, min(width, MEASURE))
