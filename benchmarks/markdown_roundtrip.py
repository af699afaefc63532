"""Does the Markdown say exactly what the JSON says, on every page we can reach? (issue 17)

Each input (the files in ``samples/`` and, when ``../shared/corpus`` is beside the checkout, each
corpus page's HTML and its html2text and lynx dumps) goes through ``reader.read_article`` and the
Markdown renderer; the document is read back with markdown-it-py (CommonMark preset) and with
YAML 1.2 and 1.1 parsers (``tests/mdcheck.py``). An input passes when the title, every body
paragraph and every teaser read back equal to the JSON fields, with no other Markdown structure
(no HTML, emphasis, code, link, list, quote, rule, hard break), and the front matter equals the
JSON metadata.

    python benchmarks/markdown_roundtrip.py            # prints one line per failure, then totals
    python benchmarks/markdown_roundtrip.py --links    # also --links --images: body links must
                                                       # read back as the safe ones, the rest text

Run by hand (a few minutes on two cores); the tests run the same check on ``samples/``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def inputs(corpus: Path) -> list[str]:
    """Every sample, then every corpus page's HTML and dumps, in a stable order."""
    found = [str(p) for p in sorted((ROOT / "samples").iterdir())]
    manifest = corpus / "manifest.jsonl"
    if manifest.exists():
        for row in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()):
            found += [str(corpus / rel) for rel in [row["html"], *row["dumps"]]]
    return found


def expected_links(text: str) -> str:
    """A body paragraph as a reader must see it with links kept: safe links with their targets
    as markdown-it normalises them, unsafe ones reduced to their text."""
    from tests.mdcheck import MD

    from reader.render.links import Link, pieces, safe_url

    def seen(parts: list[str | Link]) -> str:
        out: list[str] = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            inner = seen(list(part.pieces))
            url = safe_url(part.target)
            if url is None:
                out.append(inner)
                continue
            title = f' "{part.title}"' if part.title is not None else ""
            out.append(f"{'!' if part.image else ''}[{inner}]({MD.normalizeLink(url)}{title})")
        return "".join(out)

    return seen(pieces(text))


def check_one(path: str, links: bool) -> tuple[str, int, list[str]]:
    """(path, paragraphs checked, problems) for one input."""
    from tests.mdcheck import check, first_difference, read_back

    import reader
    from reader.errors import ReaderError
    from reader.render.markdown import render

    try:
        article = reader.read_article(path)
    except ReaderError as exc:
        return path, 0, [f"not read: {exc}"]
    problems = check(article, render(article))
    if links:
        options = reader.ParseOptions(links=True, images=True)
        linked = reader.read_article(path, options=options)
        back = read_back(render(linked), links=True)
        want = [seen for b in linked.body if b.text and (seen := expected_links(b.text))]
        problems += [f"--links: {p}" for p in back.problems]
        if back.body != want:
            problems.append(f"--links body {first_difference(back.body, want)}")
    return path, len(article.body), problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--links", action="store_true", help="also check --links --images output")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    paths = inputs(args.corpus)
    passed = paragraphs = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        results = pool.map(check_one, paths, [args.links] * len(paths), chunksize=8)
        for path, count, problems in results:
            paragraphs += count
            if problems:
                print(f"FAIL\t{path}\t{problems[0][:300]}")
            else:
                passed += 1
    print(f"{passed} of {len(paths)} inputs read back exactly ({paragraphs:,} body paragraphs)")
    return 0 if passed == len(paths) else 1


if __name__ == "__main__":
    sys.exit(main())
