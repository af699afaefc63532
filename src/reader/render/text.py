"""Article → plain text: title, one metadata line, paragraphs, then teasers. No markup at all."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from reader.model import Article


def metadata_line(article: Article, sep: str = " · ") -> str:
    """author · source · published/updated · views · editor, with empty fields left out."""
    m = article.metadata
    parts = []
    if m.authors:
        parts.append(
            "、".join(m.authors) if article.language in ("zh", "ja") else ", ".join(m.authors)
        )
    if m.source:
        parts.append(m.source)
    if m.published:
        parts.append(m.published.replace("T", " "))
    if m.updated and m.updated != m.published:
        parts.append(("updated " if m.published else "") + m.updated.replace("T", " "))
    if m.views is not None:
        parts.append(f"{m.views:,} views")
    if m.editor:
        parts.append(f"editor {m.editor}")
    return sep.join(parts)


def render(article: Article) -> str:
    lines: list[str] = []
    if article.title:
        lines += [article.title, ""]
    meta = metadata_line(article)
    if meta:
        lines += [meta, ""]
    for block in article.body:
        lines += [block.text, ""]
    if article.teasers:
        lines += ["Related:", ""]
        lines += [f"- {t.text}" for t in article.teasers]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
