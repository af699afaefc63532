"""Is this text an HTML page or a text dump? Kept apart from ``reader.html`` so that answering
"no" never imports the HTML parser (text dumps are the common case)."""

from __future__ import annotations

import re
from functools import cache

_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body)(?=[\s>/])", re.IGNORECASE)


@cache
def _common_tag() -> re.Pattern[str]:
    return re.compile(
        r"</?(?:div|table|tr|td|p|a|span|form|script|style|meta|link|title|br|img|ul|li|font|center|"
        r"input|h[1-6])(?=[\s>/])",
        re.IGNORECASE,
    )


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML document rather than a text dump.

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>"), looks_like_html("# Title")
    (True, False)
    """
    head = text[:1024]
    if _HTML_SNIFF.search(head):
        return True
    if not head.lstrip().startswith("<"):
        return False
    # Saved pages can open with a long comment before <html>, and saved fragments (a <div> or
    # <table> without <html>/<body>) have none at all: then the markup itself tells.
    return bool(_HTML_SNIFF.search(text[:8192])) or len(_common_tag().findall(text[:4096])) >= 5
