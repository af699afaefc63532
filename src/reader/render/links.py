"""Body text that holds Markdown links and images (``--links``/``--images``) → safe Markdown.

``reader.segment`` writes each kept link as ``[anchor](target)`` and each image as
``![alt](target)`` into the body text, anchors unescaped and targets as the page gave them (a
target may end in a ``"title"``). This module reads those back, keeps the ones whose address is
http, https, mailto or relative (resolved against the page's address when it is known), and
writes them so that CommonMark reads the same address, title and text: the text escaped as any
other text, the address in ``<…>`` when it holds a space or a parenthesis. A link to any other
scheme (``javascript:``, ``data:``, ``vbscript:``, ``file:``…) leaves its text as plain text; an
image there leaves its alt text.
"""

from __future__ import annotations

import re

from reader.record import Value
from reader.render.markdown import escape

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from typing import TypeAlias

    Piece: TypeAlias = "str | Link"

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# What browsers ignore in an address before they read its scheme: C0 controls and spaces around
# it, tabs and line breaks anywhere ("java\tscript:" is javascript:).
_IGNORED_EDGES = "".join(map(chr, range(0x21)))
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
_TITLED = re.compile(r'(\S+)\s+"(.*)"\Z', re.DOTALL)
_NEEDS_ANGLES = re.compile(r"[\x00-\x20()<>\x7f]")


class Link(Value):
    """A link or an image read from body text: its text as pieces (an image in a link's text)."""

    pieces: tuple[Piece, ...]
    target: str
    title: str | None = None
    image: bool = False


def pieces(text: str) -> list[Piece]:
    """The text split into plain strings and ``Link``s, brackets matched as ``segment`` wrote them.

    >>> pieces("See [the minutes](/m) and ![chart](/c.png \\"Rain\\") now")
    ['See ', Link(pieces=('the minutes',), target='/m', title=None, image=False), ' and ', \
Link(pieces=('chart',), target='/c.png', title='Rain', image=True), ' now']
    """
    out: list[Piece] = []
    opens: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "[":
            opens.append(len(out))
        elif c == "]" and opens and text.startswith("(", i + 1):
            end = _target_end(text, i + 2)
            if end > 0:
                start = opens.pop()
                inner = _joined(out[start + 1 :])
                del out[start:]
                image = bool(out) and out[-1] == "!"
                if image:
                    out.pop()
                target, title = _split_title(text[i + 2 : end - 1])
                out.append(Link(tuple(inner), target, title, image))
                i = end
                continue
        elif c == "]" and opens:
            opens.pop()
        out.append(c)
        i += 1
    return _joined(out)


def _joined(items: list[Piece]) -> list[Piece]:
    """Runs of single characters joined into strings."""
    out: list[Piece] = []
    for item in items:
        if isinstance(item, str) and out and isinstance(out[-1], str):
            out[-1] += item
        else:
            out.append(item)
    return out


def _target_end(text: str, k: int) -> int:
    """Index just past the ``)`` closing a target that starts at ``k`` (parentheses balanced,
    no line break); -1 if there is none."""
    depth = 1
    for i in range(k, len(text)):
        c = text[i]
        if c == "\n":
            return -1
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _split_title(target: str) -> tuple[str, str | None]:
    m = _TITLED.match(target)
    return (m.group(1), m.group(2)) if m else (target.strip(), None)


def safe_url(url: str, base: str | None = None) -> str | None:
    """The address to write, or None when its scheme is not one a reader can follow safely.

    >>> safe_url("/a/b", "https://example.org/news/1"), safe_url("JavaScript:alert(1)")
    ('https://example.org/a/b', None)
    >>> safe_url(" java\\tscript:x"), safe_url("mailto:desk@example.org"), safe_url("p.html")
    (None, 'mailto:desk@example.org', 'p.html')
    """
    seen = _IGNORED_INSIDE.sub("", url.strip(_IGNORED_EDGES))
    m = _SCHEME.match(seen)
    if m is None and base:
        from urllib.parse import urljoin

        url = urljoin(base, url)
        m = _SCHEME.match(_IGNORED_INSIDE.sub("", url.strip(_IGNORED_EDGES)))
    if m is not None and m.group(1).lower() not in SAFE_SCHEMES:
        return None
    return url


def destination(url: str) -> str:
    """A link destination CommonMark reads back as ``url``: ``<…>`` around one with a space,
    a control or a parenthesis; backslashes, ``&`` and (inside ``<…>``) angle brackets escaped.

    >>> destination("https://x.org/a b(1)?q=1&amp;r")
    '<https://x.org/a b(1)?q=1\\\\&amp;r>'
    """
    url = _IGNORED_INSIDE.sub("", url)  # no line break can be written there; browsers drop them
    escaped = url.replace("\\", "\\\\").replace("&", "\\&")
    if _NEEDS_ANGLES.search(url) or not url:
        return "<" + escaped.replace("<", "\\<").replace(">", "\\>") + ">"
    return escaped


def title_part(title: str | None) -> str:
    """`` "title"`` with what a title may not hold raw escaped, or nothing."""
    if title is None:
        return ""
    for raw, written in (("\\", "\\\\"), ('"', '\\"'), ("&", "\\&"), ("\n", "&#10;")):
        title = title.replace(raw, written)
    return f' "{title.replace(chr(13), "&#13;")}"'


def linked_paragraph(text: str, base_url: str | None = None) -> str:
    """A body paragraph with its links and images written as Markdown, the rest escaped."""
    parts = pieces(text)
    if all(isinstance(p, str) for p in parts):
        return escape(text)
    return _write(_resolved(parts, base_url), inside=False)


def _resolved(parts: list[Piece], base: str | None) -> list[Piece]:
    """Links with unsafe targets replaced by their text (an image by its alt text)."""
    out: list[Piece] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        inner = _resolved(list(part.pieces), base)
        url = safe_url(part.target, base)
        if url is None:
            out.extend(inner)
        else:
            out.append(part.replace(pieces=tuple(inner), target=url))
    return _joined(out)


def _write(parts: list[Piece], *, inside: bool) -> str:
    """Pieces as Markdown: text beside a link escaped strictly (its marks are not counted
    against the link's), brackets in a link's text escaped too."""
    if len(parts) == 1 and isinstance(parts[0], str) and not inside:
        return escape(parts[0])
    out: list[str] = []
    last = len(parts) - 1
    for n, part in enumerate(parts):
        if isinstance(part, str):
            text = escape(
                part,
                "heading" if inside else "paragraph",
                start=n == 0 and not inside,
                end=n == last and not inside,
                strict=True,
            )
            out.append(_brackets(text) if inside else text)
        else:
            label = _write(list(part.pieces), inside=True)
            mark = "!" if part.image else ""
            out.append(f"{mark}[{label}]({destination(part.target)}{title_part(part.title)})")
    return "".join(out)


def _brackets(written: str) -> str:
    """Escape the brackets ``escape`` left raw, in text that goes inside a link's brackets."""
    return re.sub(r"(?<!\\)((?:\\\\)*)([\[\]])", r"\1\\\2", written)
