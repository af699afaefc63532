"""Is the output unchanged? A digest of every input's JSON and every line's explanation.

A refactor promises identical output; this checks the promise on every page we can reach: the
files in ``samples/`` and, when ``../shared/corpus`` is beside the checkout, each corpus page's
HTML and both of its text dumps (``--reencode`` adds the dumps re-encoded to their language's
legacy code page, as the scorers feed them, which exercises the decoder too).

    python benchmarks/identical.py --save /tmp/before.json     # on the old code
    python benchmarks/identical.py --check /tmp/before.json    # on the new: lists what changed

The digest of one input hashes ``Article.to_dict()`` and, per line, its number, part, reason and
text. It leaves out anything that says *which pass* decided a line, so that naming the passes is
not itself a change. The last line printed is the digest of all inputs together.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
# The code pages score.py re-encodes a language's dumps to, tried in order.
LEGACY = {
    "zh": ["gb2312", "big5", "gbk", "gb18030"],
    "ja": ["shift_jis", "cp932", "euc_jp"],
    "ko": ["euc_kr", "cp949"],
    "ru": ["cp1251", "koi8_r"],
    "el": ["cp1253", "iso8859_7"],
    "pl": ["cp1250", "iso8859_2"],
}


def inputs(corpus: Path, reencode: bool) -> list[tuple[str, str, str | None]]:
    """(name, path, legacy language or None) for every input, in a stable order."""
    found = [(f"samples/{p.name}", str(p), None) for p in sorted((ROOT / "samples").iterdir())]
    manifest = corpus / "manifest.jsonl"
    if not manifest.exists():
        return found
    for row in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()):
        for rel in [row["html"], *row["dumps"]]:
            found.append((rel, str(corpus / rel), None))
            if reencode and rel in row["dumps"]:
                found.append((f"{rel} ({row['lang']} legacy)", str(corpus / rel), row["lang"]))
    return found


def _legacy(data: bytes, lang: str) -> bytes:
    text = data.decode("utf-8")
    for codec in LEGACY.get(lang, ["cp1252"]):
        try:
            return text.encode(codec)
        except UnicodeEncodeError:
            continue
    return data


def digest(item: tuple[str, str, str | None]) -> tuple[str, str]:
    """The digest of one input's output, or of its error."""
    import reader
    from reader.errors import ReaderError

    name, path, lang = item
    data = Path(path).read_bytes()
    if lang is not None:
        data = _legacy(data, lang)
    h = hashlib.sha256()
    try:
        article = reader.read_bytes(data, path=name)
    except ReaderError as exc:
        h.update(f"error: {exc}".encode())
        return name, h.hexdigest()
    h.update(json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    for e in article.explanations:
        h.update(f"\n{e.line}\t{e.part}\t{e.reason}\t{e.text}".encode())
    return name, h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--reencode", action="store_true", help="also the dumps in legacy code pages")
    ap.add_argument("--save", type=Path, help="write each input's digest here")
    ap.add_argument(
        "--check", type=Path, help="compare with digests saved before; exit 1 if any differ"
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    items = inputs(args.corpus, args.reencode)
    with ProcessPoolExecutor(args.jobs) as pool:
        digests = dict(pool.map(digest, items, chunksize=8))
    whole = hashlib.sha256("".join(f"{k}\t{v}\n" for k, v in digests.items()).encode())
    if args.save:
        args.save.write_text(json.dumps(digests, indent=0) + "\n", encoding="utf-8")
    status = 0
    if args.check:
        before = json.loads(args.check.read_text(encoding="utf-8"))
        changed = [k for k in digests if k in before and before[k] != digests[k]]
        missing = sorted(set(before) ^ set(digests))
        for k in changed:
            print(f"changed\t{k}")
        for k in missing:
            print(f"only in {'before' if k in before else 'now'}\t{k}")
        print(f"{len(changed)} of {len(digests)} inputs changed, {len(missing)} not in both")
        status = 1 if changed or missing else 0
    print(
        f"{len(digests)} inputs\t{whole.hexdigest()}", file=sys.stderr if args.check else sys.stdout
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
