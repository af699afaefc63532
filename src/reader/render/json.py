"""Article → JSON (contract v1, see README) and JSON Lines."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Article


def render(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_line(article: Article) -> str:
    """One object on one line: the JSON Lines form, for streams of many inputs."""
    return json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
