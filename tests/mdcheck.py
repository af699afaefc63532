"""Read ``reader``'s Markdown back with markdown-it-py (the CommonMark preset) and a YAML parser.

Used by the Markdown tests and by ``benchmarks/markdown_roundtrip.py``: the document is split
into its front matter (read with ruamel.yaml, YAML 1.2, and PyYAML, YAML 1.1) and its Markdown,
whose tokens must be a level-1 heading (the title), paragraphs (the body), and a "Related"
heading over one bullet list (the teasers), holding nothing but text — and links and images only
where the article's body holds Markdown links. Anything else is reported as a problem.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import yaml
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

if TYPE_CHECKING:
    from markdown_it.token import Token

    from reader.model import Article

MD = MarkdownIt("commonmark")
FRONT_FIELDS = (
    "title",
    "authors",
    "source",
    "published",
    "updated",
    "views",
    "editor",
    "credits",
    "language",
    "path",
)


class ReadBack:
    """What a Markdown document says, as a CommonMark reader sees it."""

    def __init__(self) -> None:
        self.front: dict[str, Any] = {}
        self.front_11: dict[str, Any] = {}
        self.title: str | None = None
        self.body: list[str] = []
        self.teasers: list[str] = []
        self.problems: list[str] = []


def split_front(document: str) -> tuple[str, str]:
    """(front matter, Markdown): the YAML between the two ``---`` lines, and the rest."""
    assert document.startswith("---\n"), document[:40]
    close = document.index("\n---\n", 3)
    return document[4 : close + 1], document[close + 5 :]


def read_back(document: str, *, links: bool = False) -> ReadBack:
    """Parse a document ``reader.render.markdown.render`` wrote."""
    front, markdown = split_front(document)
    back = ReadBack()
    back.front = dict(YAML(typ="safe", pure=True).load(io.StringIO(front)) or {})
    back.front_11 = dict(yaml.safe_load(front) or {})
    tokens = MD.parse(markdown)
    i = 0
    while i < len(tokens):
        i = _block(tokens, i, back, links)
    return back


def _block(tokens: list[Token], i: int, back: ReadBack, links: bool) -> int:
    """Read the top-level block starting at ``tokens[i]``; the index after it."""
    t = tokens[i]
    if t.type == "heading_open" and t.tag == "h1" and back.title is None and not back.body:
        back.title = inline_text(tokens[i + 1], back, links=False)
        return i + 3
    if t.type == "paragraph_open":
        back.body.append(inline_text(tokens[i + 1], back, links=links))
        return i + 3
    if t.type == "heading_open" and t.tag == "h2" and tokens[i + 1].content == "Related":
        return _teasers(tokens, i + 3, back)
    back.problems.append(f"unexpected {t.type} {t.tag} at top level")
    return _skip(tokens, i)


def _teasers(tokens: list[Token], i: int, back: ReadBack) -> int:
    if tokens[i].type != "bullet_list_open":
        back.problems.append(f"no list after Related: {tokens[i].type}")
        return i
    i += 1
    while tokens[i].type == "list_item_open":
        i += 1
        if tokens[i].type == "list_item_close":
            back.teasers.append("")
            i += 1
            continue
        if tokens[i].type != "paragraph_open" or tokens[i + 3].type != "list_item_close":
            back.problems.append(f"teaser is not one paragraph: {tokens[i].type}")
            i = _skip(tokens, i - 1)
            continue
        back.teasers.append(inline_text(tokens[i + 1], back, links=False))
        i += 4
    if tokens[i].type != "bullet_list_close":
        back.problems.append(f"teaser list broken by {tokens[i].type}")
        return _skip(tokens, i)
    return i + 1


def _skip(tokens: list[Token], i: int) -> int:
    """The index after the block that opens at ``i`` (nesting counted)."""
    depth = 0
    while True:
        depth += tokens[i].nesting
        i += 1
        if depth <= 0:
            return i


def inline_text(token: Token, back: ReadBack, *, links: bool) -> str:
    """The text of an inline token; links and images as ``[text](href)``/``![alt](src)``."""
    out: list[str] = []
    opened: list[Token] = []
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            out.append(child.content)
        elif links and kind == "link_open":
            opened.append(child)
            out.append("[")
        elif links and kind == "link_close" and opened:
            opener = opened.pop()
            out.append(f"]({opener.attrs['href']}{_title(opener)})")
        elif links and kind == "image":
            alt = "".join(c.content for c in child.children or [])
            out.append(f"![{alt}]({child.attrs['src']}{_title(child)})")
        else:
            back.problems.append(f"{kind} in {token.content[:60]!r}")
            out.append(child.content)
    return "".join(out)


def _title(token: Token) -> str:
    title = token.attrs.get("title")
    return f' "{title}"' if title is not None else ""


def expected_front(article: Article) -> dict[str, Any]:
    """The JSON fields the front matter carries, without the empty ones."""
    d = dict(article.to_dict())
    want: dict[str, Any] = {k: d[k] for k in FRONT_FIELDS if d[k] not in (None, [])}
    if d["encoding"]["name"] is not None and article.encoding is not None:
        want["encoding"] = d["encoding"]["name"]
    return want


def check(article: Article, document: str) -> list[str]:
    """Every way ``document`` fails to say exactly what ``article`` says (no links)."""
    back = read_back(document)
    problems = list(back.problems)
    want = expected_front(article)
    if back.front != want:
        problems.append(f"front matter (YAML 1.2) {back.front!r} != {want!r}")
    if back.front_11 != want:
        problems.append(f"front matter (YAML 1.1) {back.front_11!r} != {want!r}")
    if back.title != (article.title or None):
        problems.append(f"title {back.title!r} != {article.title!r}")
    body = [b.text for b in article.body if b.text]
    if back.body != body:
        problems.append(f"body {first_difference(back.body, body)}")
    teasers = [t.text for t in article.teasers]
    if back.teasers != teasers:
        problems.append(f"teasers {first_difference(back.teasers, teasers)}")
    return problems


def first_difference(got: list[str], want: list[str]) -> str:
    for n, (a, b) in enumerate(zip(got, want, strict=False)):
        if a != b:
            return f"#{n}: {a!r} != {b!r}"
    return f"{len(got)} paragraphs != {len(want)}"
