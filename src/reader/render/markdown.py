"""Article → Markdown: YAML front matter with the metadata, ``# title``, paragraphs, teasers.

The text is scraped: whatever it holds, a CommonMark parser must give it back exactly, with no
structure the page did not mean (an HTML page that *shows* ``<img onerror=…>`` must not run it).
Escaping is minimal, so the files stay readable: a character is escaped only where CommonMark
could read it as syntax there.

- ``<`` before a letter, ``/``, ``!`` or ``?`` with a ``>`` somewhere after it (raw HTML and
  autolinks need one), or at a block's start (an HTML block does not); ``&`` that starts an entity;
  ``]`` before ``(`` (an inline link or image; with no reference definitions, no other link forms).
- ``*``, ``_`` and ``~`` (GFM strikethrough) runs that could open or close emphasis, when there
  are two or more of them for the same character: a single run can pair with nothing. Runs between
  spaces never act, nor ``_`` inside a word (``snake_case``).
- Backticks when there are two runs or more (a code span needs a closing run).
- At a block's start: ``#`` headings, ``>`` quotes, ``-``/``+``/``*`` and ``1.``/``1)`` list items
  (``1986\\. 这一年``: the escape goes on the full stop), thematic breaks, code fences, ``[x]:``
  reference definitions.
- Leading and trailing white space (which the parser strips, and which would make indented code or
  a hard break) and any CR or LF become character references (``&#32;``, ``&#12288;``).
- A backslash is doubled only where it would escape the character written after it.

Front matter values are JSON scalars, which YAML 1.2 reads as the same values, except for the
characters YAML forbids or takes for line breaks (DEL, C1 controls, U+2028/9, U+FEFF, U+FFFE/F),
which are written as ``\\uXXXX`` escapes. So no value can break the block (colons, quotes,
leading dashes in scraped text) and no YAML library is needed.

With ``--links``/``--images`` the body text holds Markdown links (``Article.markdown_links``); they
are written as links only when they point to http, https or mailto URLs, or to relative ones
(resolved against ``base_url`` when known). Any other scheme (``javascript:``, ``data:``…) leaves
the link's text as plain text.
"""

from __future__ import annotations

import json
import re

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from reader.model import Article

ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# What markdown-it (like JavaScript's trim) strips from the ends of a paragraph or heading, less
# U+000B, which no character reference can write (it decodes to U+FFFD); normalise drops it.
END_SPACE = frozenset(
    "\t\n\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# White space to the emphasis rules (Unicode Zs, tab, line endings).
DELIM_SPACE = frozenset(
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000"
)

_DELIM_RUNS = re.compile(r"\*+|_+|~+")
_TICKS = re.compile(r"`+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_LINK_CLOSE = re.compile(r"\](?=\()")
_LINE_END = re.compile(r"[\n\r]")
_BACKSLASH = re.compile(r"\\")
# Block starts: ATX heading, quote, bullet, ordered item (the group is its delimiter), fence.
_BLOCK_MARK = re.compile(r"#{1,6}(?=[ \t]|\Z)|>|[-+*](?=[ \t]|\Z)|```|~~~")
_ORDERED = re.compile(r"[0-9]{1,9}([.)])(?=[ \t]|\Z)")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*\Z")
# Characters YAML may not hold raw (or reads as line breaks): escaped in front matter values.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def escape(
    text: str,
    block: str = "paragraph",
    *,
    start: bool = True,
    end: bool = True,
    strict: bool = False,
) -> str:
    """``text`` written so that CommonMark reads it back exactly, as plain text.

    ``block`` is where it goes: ``"paragraph"``, ``"item"`` (after a list item's ``- ``) or
    ``"heading"`` (after ``# ``). ``start``/``end`` say whether the text begins/ends the block's
    content; ``strict`` escapes every emphasis mark that could act, not only pairs (for text
    beside a link, whose own marks are not counted here).

    >>> print(escape("1986. 这一年"), escape("a <b>c</b> & AT&T &amp; 2*3 snake_case"))
    1986\\. 这一年 a \\<b>c\\</b> & AT&T \\&amp; 2*3 snake_case
    >>> print(escape("**bold** and _this_ * that"))
    \\*\\*bold\\*\\* and \\_this\\_ * that
    """
    if not text:
        return ""
    out: dict[int, str] = {}  # index → how that character is written, where not as itself
    last = len(text) - 1
    if start and text[0] in END_SPACE:
        out[0] = f"&#{ord(text[0])};"
    if end and text[last] in END_SPACE:
        out[last] = f"&#{ord(text[last])};"
    for m in _LINE_END.finditer(text):
        out[m.start()] = f"&#{ord(m.group())};"
    if start and block != "heading" and 0 not in out:
        _block_start(text, out, item=block == "item")
    if end and block == "heading" and last not in out:
        _heading_end(text, out)
    _emphasis(text, out, start=start, end=end, strict=strict)
    _inline(text, out, block_start=start and block != "heading", strict=strict)
    if strict and not end and text[last] == "!":
        out[last] = "\\!"  # would make the link after it an image
    _backslashes(text, out, end=end)
    return _written(text, out)


def _block_start(text: str, out: dict[int, str], *, item: bool) -> None:
    """Escape what would make the text a heading, quote, list, rule, fence or definition."""
    if (m := _BLOCK_MARK.match(text)) is not None:
        out[0] = "\\" + text[0]
    elif (m := _ORDERED.match(text)) is not None:
        out[m.start(1)] = "\\" + m.group(1)
    # A list item's "- " counts towards a rule: "- --" is one.
    if _RULE.match(text) or (item and _RULE.match("- " + text)):
        out[0] = "\\" + text[0]
    if text[0] == "[" and "]:" in text:
        out[0] = "\\["


def _heading_end(text: str, out: dict[int, str]) -> None:
    """Escape a closing run of ``#`` (after a space, or the whole text), which ATX drops."""
    body = text.rstrip("#")
    if len(body) < len(text) and (not body or body[-1] in " \t"):
        out[len(body)] = "\\#"


def _side(text: str, i: int, out: dict[int, str], edge_space: bool) -> str:
    """How the emphasis rules see the character at ``i`` as written: space, word or punct."""
    if i < 0 or i >= len(text):
        return "space" if edge_space else "punct"
    if i in out:
        return "punct"  # a character reference or an escape: both start with punctuation
    c = text[i]
    if c in DELIM_SPACE:
        return "space"
    return "word" if c.isalnum() else "punct"


def _emphasis(text: str, out: dict[int, str], *, start: bool, end: bool, strict: bool) -> None:
    """Escape ``*``, ``_`` and ``~`` runs that could open or close, if any could pair up.

    A run between spaces is neither left- nor right-flanking; ``_`` between letters or digits
    can neither open nor close. Every other run might, so with two of them (or ``strict``) each
    is escaped; a lone one has nothing to pair with.
    """
    active: dict[str, list[tuple[int, int]]] = {}
    for m in _DELIM_RUNS.finditer(text):
        s, e = m.span()
        left = _side(text, s - 1, out, start)
        right = _side(text, e, out, end)
        if left == right == "space" or (text[s] == "_" and left == right == "word"):
            continue
        active.setdefault(text[s], []).append((s, e))
    for runs in active.values():
        if strict or len(runs) > 1:
            for s, e in runs:
                out.update((k, "\\" + text[k]) for k in range(s, e))


def _inline(text: str, out: dict[int, str], *, block_start: bool, strict: bool) -> None:
    """Escape code spans, entities, raw HTML, autolinks and inline links."""
    ticks = [m.start() for m in _TICKS.finditer(text)]
    if strict or len(ticks) > 1:
        out.update((i, "\\`") for i, c in enumerate(text) if c == "`")
    for m in _ENTITY.finditer(text):
        out[m.start()] = "\\&"
    last_gt = text.rfind(">")
    for m in _TAG_START.finditer(text):
        i = m.start()
        if strict or i < last_gt or (i == 0 and block_start):
            out[i] = "\\<"
    for m in _LINK_CLOSE.finditer(text):
        out[m.start()] = "\\]"


def _backslashes(text: str, out: dict[int, str], *, end: bool) -> None:
    """Double each backslash that the character written after it would turn into an escape."""
    last = len(text) - 1
    for m in _BACKSLASH.finditer(text):
        i = m.start()
        if i == last:
            if not end:
                out[i] = "\\\\"  # a link follows: "[" or "!"
            continue
        written = out.get(i + 1, text[i + 1])
        if written[0] in ASCII_PUNCT:
            out[i] = "\\\\"


def _written(text: str, out: dict[int, str]) -> str:
    if not out:
        return text
    parts: list[str] = []
    prev = 0
    for i in sorted(out):
        parts += (text[prev:i], out[i])
        prev = i + 1
    parts.append(text[prev:])
    return "".join(parts)


def _scalar(value: object) -> str:
    """A JSON scalar that YAML 1.1 and 1.2 both read as the same value."""
    dumped = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and _YAML_UNSAFE.search(dumped):
        dumped = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
    return dumped


def front_matter(article: Article) -> list[str]:
    """The metadata as a YAML block; a field that is empty or null is left out."""
    m = article.metadata
    enc = article.encoding
    fields: list[tuple[str, object]] = [
        ("title", article.title),
        ("authors", list(m.authors)),
        ("source", m.source),
        ("published", m.published),
        ("updated", m.updated),
        ("views", m.views),
        ("editor", m.editor),
        ("credits", list(m.credits)),
        ("language", article.language),
        ("encoding", enc.name if enc else None),
        ("path", article.path),
    ]
    out = ["---"]
    for key, value in fields:
        if value is None or value == []:
            continue
        if isinstance(value, list):
            out.append(f"{key}:")
            out.extend(f"  - {_scalar(v)}" for v in value)
        else:
            out.append(f"{key}: {_scalar(value)}")
    out.append("---")
    return out


def render(article: Article, *, base_url: str | None = None) -> str:
    """The whole document. An empty paragraph has no Markdown form and is left out.

    ``base_url``: the page's address, against which relative link targets are resolved.
    """
    lines = front_matter(article)
    lines.append("")
    if article.title:
        lines += [f"# {escape(article.title, 'heading')}", ""]
    if article.markdown_links:
        from reader.render.links import linked_paragraph

        paragraphs = [linked_paragraph(b.text, base_url) for b in article.body if b.text]
    else:
        paragraphs = [escape(b.text) for b in article.body if b.text]
    for paragraph in paragraphs:
        if paragraph:  # (an image with no alt text whose address was not kept leaves nothing)
            lines += [paragraph, ""]
    if article.teasers:
        lines += ["## Related", ""]
        lines += [f"- {escape(t.text, 'item')}".rstrip(" ") for t in article.teasers]
        lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
