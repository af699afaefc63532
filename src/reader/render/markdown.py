"""Article → Markdown: YAML front matter with the metadata, ``# title``, paragraphs, teasers.

Front-matter values are written as JSON scalars, which are valid YAML, so no YAML library is needed
and no value can break the block (colons, quotes, leading dashes in scraped text).
"""

from __future__ import annotations

import json
import re

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from reader.model import Article

_LEADING = re.compile(r"^(\s*)([#>+\-*=]|\d+[.)])")


def _scalar(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def escape(text: str) -> str:
    """Keep scraped text from turning into Markdown structure at the start of a line."""
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def front_matter(article: Article) -> list[str]:
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


def render(article: Article) -> str:
    lines = front_matter(article)
    lines.append("")
    if article.title:
        lines += [f"# {article.title}", ""]
    for block in article.body:
        lines += [escape(block.text), ""]
    if article.teasers:
        lines += ["## Related", ""]
        lines += [f"- {escape(t.text)}" for t in article.teasers]
        lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
