"""Which HTML parser for ``reader.html``: speed and robustness on the shared corpus pages.

For each parser: time to build a tree and collect the visible text (script/style dropped), pages
whose script source leaks into that text (what html2text alone does on pages that write
``</scr'+'ipt>`` strings), labelled paragraphs not found, and a page nested 5000 deep.
Run: ``pip install lxml && python benchmarks/html_parsers.py [CORPUS_DIR]`` (a parser that is not
installed is skipped; only selectolax is a dependency of reader).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

from reader.decode import decode

SKIP = {"script", "style", "noscript", "template"}
LEAK = re.compile(r"document\.write|function\s*\(|var \w+\s*=|\$\(|\.src\s*=")


class _Stdlib(HTMLParser):
    """A minimal tree-less text collector: the lower bound of what html.parser can cost."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def stdlib_text(html: str) -> str:
    p = _Stdlib()
    p.feed(html)
    p.close()
    return " ".join(p.parts)


def lxml_text(html: str) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for el in list(root.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    return " ".join(root.itertext())


def selectolax_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    return tree.body.text(separator=" ") if tree.body else ""


PARSERS = {"html.parser": stdlib_text, "lxml": lxml_text, "selectolax": selectolax_text}
DEEP = "<html><body>" + "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000 + "</body></html>"


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    docs = [json.loads(line) for line in (corpus / "manifest.jsonl").open(encoding="utf-8")]
    pages = []
    for d in docs:
        truth = json.loads((corpus / d["truth"]).read_text("utf-8"))
        html = decode((corpus / d["html"]).read_bytes()).text
        paras = [p for p in (truth.get("body") or "").split("\n\n") if len(p) >= 20]
        pages.append((d["id"], html, paras))
    print(f"{len(pages)} pages, {sum(len(h) for _, h, _ in pages) / 1e6:.1f} M characters")
    for name, fn in PARSERS.items():
        try:
            deep = "kept" if "deep text" in fn(DEEP) else "LOST"
        except ImportError:
            print(f"{name:12} not installed")
            continue
        times, leaks, errors, missed = [], 0, 0, 0
        for _, html, paras in pages:
            t = time.perf_counter()
            try:
                text = fn(html)
            except Exception:
                errors += 1
                continue
            times.append(time.perf_counter() - t)
            leaks += bool(LEAK.search(text))
            flat = re.sub(r"\s+", "", text)
            missed += sum(re.sub(r"\s+", "", p)[:12] not in flat for p in paras)
        print(
            f"{name:12} total {sum(times):6.2f}s  median {statistics.median(times) * 1e3:6.1f}ms  "
            f"max {max(times) * 1e3:7.1f}ms  errors {errors}  pages with script text {leaks}  "
            f"labelled paragraphs not found {missed}  5000-deep page: {deep}"
        )


if __name__ == "__main__":
    main()
