"""Encoding detection measured on real corpora: ``reader.decode`` against plain chardet.

Subcommands (each skips cleanly, exit 0, when its folder is absent):

``files DIR``
    Every file of an encoding test corpus (the layouts of ``../shared/encodings``: chardet's legacy
    tests, charset-normalizer's char-dataset, CPython's CJK codec tests; DIR may be the parent
    folder or one of them). Text-exact: the text a detector's answer yields must equal the file
    decoded with the truth. Within a family (GB, Big5, Shift_JIS, EUC-JP, EUC-KR) the truth is the
    family superset's decoding (GB2312 → gb18030 …), since that is what a browser shows.
``lines CORPUS``
    Short lines (≤ 80 bytes, ≥ 2 CJK characters) from the html2text dumps of the Chinese documents
    of ``../shared/corpus``, encoded in GB2312, else Big5, else GBK: one grepped line in a pipe.
``pages CORPUS``
    Whole dumps re-encoded to the legacy code page of their language (as ``score.py --reencode``
    does for the held-out half): a portal page as a file.
``freq CORPUS``
    Regenerate ``src/reader/cjkfreq.py``, the ranked common-character table the decoder's evidence
    uses, from the Chinese dumps (character counts only: no text of the corpus is stored).

Detectors: ``reader`` (``reader.decode.decode``: its output text is compared, so a wrong mojibake
"repair" counts as a miss), ``chardet`` (``chardet.detect`` as is; its answer decoded with Python's
codec of that name) and ``chardet-superset`` (the same with ``prefer_superset=True``).

Run from the project root, e.g.::

    python benchmarks/encodings.py files ../shared/encodings
    python benchmarks/encodings.py files ../shared/encodings --detector chardet
    python benchmarks/encodings.py lines ../shared/corpus
"""

from __future__ import annotations

import argparse
import codecs
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.decode import decode
from reader.errors import BinaryInputError

# A detector answers the text it would show, or None for "binary / no answer".
Detector = Callable[[bytes], str | None]

# Truth codec (Python's canonical name) → the family's superset, whose decoding is the reference.
FAMILY_SUPERSET: dict[str, str] = {
    "ascii": "utf-8",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "cp950",
    "cp950": "cp950",
    "big5hkscs": "big5hkscs",  # HKSCS characters are not in cp950: its own superset
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
}
FAMILY: dict[str, str] = {
    "ascii": "utf",
    "utf-8": "utf",
    "utf-8-sig": "utf",
    "utf-16": "utf",
    "utf-16-le": "utf",
    "utf-16-be": "utf",
    "utf-32": "utf",
    "utf-32-le": "utf",
    "utf-32-be": "utf",
    "gb2312": "gb",
    "gbk": "gb",
    "gb18030": "gb",
    "big5": "big5",
    "cp950": "big5",
    "big5hkscs": "big5",
    "shift_jis": "shift_jis",
    "cp932": "shift_jis",
    "euc_jp": "euc_jp",
    "euc_kr": "euc_kr",
    "cp949": "euc_kr",
    "koi8-r": "koi8-r",
}
# The encodings a portal reader meets (the list); the rest is reported as "other".
PORTAL = re.compile(r"utf|gb|big5|shift_jis|euc_jp|euc_kr|cp125\d|iso8859-\d+|koi8-r")
CHINESE = {"gb", "big5"}
_LANGUAGE_SUFFIX = re.compile(r"^((?:iso-8859|windows-125)\d*(?:-\d+)?)-[a-z]+$")
CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_ANY = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def canonical(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def family(codec: str) -> str:
    return FAMILY.get(codec, codec)


@dataclass(frozen=True, slots=True)
class Case:
    """One corpus file: its bytes, the truth codec (None: binary), where it came from."""

    path: Path
    truth: str | None
    data: bytes


def truth_of(path: Path) -> str | bool | None:
    """The expected codec from a path in one of the three layouts; False: no Python codec, skip."""
    parts = path.parts
    for i, part in enumerate(parts[:-1]):
        if part == "chardet-legacy-tests" and i + 2 < len(parts):
            label = parts[i + 1]
            m = _LANGUAGE_SUFFIX.match(label.lower())
            return canonical(m.group(1) if m else label) or False
        if part == "char-dataset" and i + 2 < len(parts):
            label = parts[i + 1]
            return None if label == "None" else canonical(label) or False
        if part == "cpython-cjkencodings":
            if path.stem.endswith("-utf8"):
                return False
            return canonical(path.stem) or False
    return False


def corpus_files(root: Path) -> Iterator[Case]:
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.lower() in {"readme.md", "readme.txt"}:
            continue
        truth = truth_of(path.resolve())
        if truth is False:
            continue
        assert truth is not True
        yield Case(path, truth, path.read_bytes())


def reference(data: bytes, truth: str) -> str:
    """What the file says: decoded with the truth's family superset, a leading BOM dropped."""
    codec = FAMILY_SUPERSET.get(truth, truth)
    if codec == "utf-8":
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode(truth, errors="replace")


def reader_detector(lang: str | None, fix: bool) -> Detector:
    def run(data: bytes) -> str | None:
        try:
            return decode(data, lang=lang, fix_mojibake=fix).text
        except BinaryInputError:
            return None

    return run


def chardet_detector(prefer_superset: bool) -> Detector:
    import chardet

    def run(data: bytes) -> str | None:
        name = chardet.detect(data, prefer_superset=prefer_superset)["encoding"]
        codec = canonical(name) if name else None
        if codec is None:
            return None
        return data.decode(codec, errors="replace")

    return run


def make_detector(args: argparse.Namespace) -> Detector:
    if args.detector == "chardet":
        return chardet_detector(prefer_superset=False)
    if args.detector == "chardet-superset":
        return chardet_detector(prefer_superset=True)
    return reader_detector(args.lang, not args.no_fix_mojibake)


def pct(ok: int, n: int) -> str:
    return f"{100 * ok / n:6.2f} % ({ok}/{n})" if n else "     -"


def cmd_files(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    if not root.is_dir():
        print(f"skip: {root} is not here")
        return 0
    cases = list(corpus_files(root))
    detector = make_detector(args)
    by_family: dict[str, list[bool]] = defaultdict(list)
    groups: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    elapsed = 0.0
    for case in cases:
        start = time.perf_counter()
        got = detector(case.data)
        elapsed += time.perf_counter() - start
        if case.truth is None:
            ok = got is None
            fam = "binary"
        else:
            ok = got == reference(case.data, case.truth)
            fam = family(case.truth)
        by_family[fam].append(ok)
        kind = "binary" if fam == "binary" else "portal" if PORTAL.fullmatch(fam) else "other"
        groups[kind].append(ok)
        if fam in CHINESE:
            groups["chinese"].append(ok)
        groups["all"].append(ok)
        if not ok:
            misses.append(f"  {case.path}  truth={case.truth}")
    print(
        f"# files: {root}  detector={args.detector}" + (f" lang={args.lang}" if args.lang else "")
    )
    for fam in sorted(by_family):
        oks = by_family[fam]
        print(f"{fam:14} {pct(sum(oks), len(oks))}")
    print("--")
    for name in ("portal", "chinese", "other", "binary", "all"):
        oks = groups.get(name, [])
        print(f"{name:14} {pct(sum(oks), len(oks))}")
    rate = len(cases) / elapsed if elapsed else float("inf")
    print(f"speed          {rate:.0f} files/s ({elapsed:.2f} s in the detector)")
    if args.misses and misses:
        print("misses:")
        print("\n".join(misses))
    return 0


def dumps(corpus: Path, langs: set[str]) -> Iterator[tuple[str, Path]]:
    """(language, html2text dump) for each document of the manifest in one of ``langs``."""
    with (corpus / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["lang"] not in langs:
                continue
            for dump in doc["dumps"]:
                if dump.endswith(".html2text.txt"):
                    yield doc["lang"], corpus / dump


def short_lines(
    corpus: Path, max_bytes: int, half: str | None, langs: set[str]
) -> Iterator[tuple[str, bytes, str]]:
    """Distinct short lines and their legacy bytes: for Chinese GB2312, else Big5, else GBK.

    A CJK line needs two CJK characters; a line of another language two non-ASCII ones (the
    other languages are the control group: CJK evidence must not steal their lines).
    """
    seen: set[str] = set()
    for i, (lang, dump) in enumerate(dumps(corpus, langs)):
        if half is not None and i % 2 != (half == "odd"):
            continue
        cjk = lang in ("zh", "ja", "ko")
        for raw in dump.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line in seen:
                continue
            wanted = len(CJK_ANY.findall(line) if cjk else NON_ASCII.findall(line))
            if wanted < 2:
                continue
            # Chinese as the issue asks: GB2312, else Big5, else GBK (not gb18030).
            for codec in (
                ("gb2312", "big5", "gbk") if lang == "zh" else LEGACY.get(lang, ("cp1252",))
            ):
                try:
                    data = line.encode(codec)
                except UnicodeEncodeError:
                    continue
                if len(data) <= max_bytes:
                    seen.add(line)
                    yield line, data, canonical(codec) or codec
                break


def cmd_lines(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not (corpus / "manifest.jsonl").exists():
        print(f"skip: {corpus}/manifest.jsonl is not here")
        return 0
    items = list(short_lines(corpus, args.max_bytes, args.half, set(args.langs.split(","))))
    if args.limit and len(items) > args.limit:
        step = len(items) / args.limit
        items = [items[int(i * step)] for i in range(args.limit)]
    detector = make_detector(args)
    per_codec: dict[str, list[bool]] = defaultdict(list)
    by_length: dict[str, list[bool]] = defaultdict(list)
    wrong: Counter[str] = Counter()
    misses: list[str] = []
    elapsed = 0.0
    for line, data, codec in items:
        start = time.perf_counter()
        got = detector(data)
        elapsed += time.perf_counter() - start
        ok = got == data.decode(FAMILY_SUPERSET.get(codec, codec))
        per_codec[codec].append(ok)
        by_length["≤ 40 bytes" if len(data) <= 40 else f"41–{args.max_bytes} bytes"].append(ok)
        if not ok:
            misses.append(f"  {codec}: {line}  →  {got!r}")
            wrong[codec] += 1
    oks = [ok for v in per_codec.values() for ok in v]
    half = f" half={args.half}" if args.half else ""
    print(f"# short lines: {corpus}  ≤ {args.max_bytes} bytes{half}  detector={args.detector}")
    for codec in sorted(per_codec):
        print(f"{codec:14} {pct(sum(per_codec[codec]), len(per_codec[codec]))}")
    for name in sorted(by_length):
        print(f"{name:14} {pct(sum(by_length[name]), len(by_length[name]))}")
    print(f"{'all':14} {pct(sum(oks), len(oks))}")
    rate = len(items) / elapsed if elapsed else float("inf")
    print(f"speed          {rate:.0f} lines/s")
    if args.misses:
        print("misses:")
        print("\n".join(misses[: args.misses]))
    return 0


# Legacy code pages per language, in the order ``score.py --reencode`` tries them.
LEGACY: dict[str, tuple[str, ...]] = {
    "zh": ("gb2312", "big5", "gbk", "gb18030"),
    "ja": ("shift_jis", "cp932", "euc_jp"),
    "ko": ("euc_kr", "cp949"),
    "ru": ("cp1251", "koi8_r"),
    "el": ("cp1253", "iso8859_7"),
    "pl": ("cp1250", "iso8859_2"),
}


def cmd_pages(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    manifest = corpus / "manifest.jsonl"
    if not manifest.exists():
        print(f"skip: {manifest} is not here")
        return 0
    detector = make_detector(args)
    per: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    elapsed = 0.0
    with manifest.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    for doc in docs:
        dump = next(d for d in doc["dumps"] if d.endswith(f".{args.input}.txt"))
        text = (corpus / dump).read_text(encoding="utf-8")
        for codec in (*LEGACY.get(doc["lang"], ("cp1252",)), "utf-8"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            break
        truth = canonical(codec) or codec
        start = time.perf_counter()
        got = detector(data)
        elapsed += time.perf_counter() - start
        ok = got == reference(data, truth)
        per[f"{doc['lang']}/{truth}"].append(ok)
        if not ok:
            misses.append(f"  {doc['id']}  {truth}")
    print(f"# pages: {corpus} {args.input} dumps re-encoded  detector={args.detector}")
    for key in sorted(per):
        print(f"{key:20} {pct(sum(per[key]), len(per[key]))}")
    oks = [ok for v in per.values() for ok in v]
    print(f"{'all':20} {pct(sum(oks), len(oks))}")
    print(f"speed                {len(docs) / elapsed:.0f} pages/s")
    if args.misses and misses:
        print("misses:")
        print("\n".join(misses))
    return 0


def _sloppy_cp1252(data: bytes) -> str:
    """Bytes read as a browser reads windows-1252: its five holes become C1 controls."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in data
    )


# (name, original codec, how the bytes were misread): each page is encoded with the first,
# read with the second, and the result saved as UTF-8.
MOJIBAKE: tuple[tuple[str, str, Callable[[bytes], str]], ...] = (
    ("gbk as latin-1", "gbk", lambda b: b.decode("latin-1")),
    ("gbk as cp1252", "gbk", _sloppy_cp1252),
    ("big5 as latin-1", "big5", lambda b: b.decode("latin-1")),
    ("utf-8 as latin-1", "utf-8", lambda b: b.decode("latin-1")),
    ("utf-8 as cp1252", "utf-8", _sloppy_cp1252),
    ("utf-8 as gbk", "utf-8", lambda b: b.decode("gbk")),
)


def cmd_mojibake(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    manifest = corpus / "manifest.jsonl"
    if not manifest.exists():
        print(f"skip: {manifest} is not here")
        return 0
    with manifest.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    per: dict[str, list[bool]] = defaultdict(list)
    for doc in docs:
        dump = next(d for d in doc["dumps"] if d.endswith(".html2text.txt"))
        text = (corpus / dump).read_text(encoding="utf-8")
        got = decode(text.encode("utf-8"))
        text = text.removeprefix("\ufeff")  # a BOM is not text
        per["clean (unchanged)"].append(got.text == text and got.repair is None)
        if doc["lang"] != "zh":
            continue
        for name, codec, misread in MOJIBAKE:
            try:
                mangled = misread(text.encode(codec))
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue  # not representable, or not lossless: nothing to undo exactly
            got = decode(mangled.encode("utf-8"))
            # Repaired means the text of the original bytes, read by its family's superset.
            want = text.encode(codec).decode(FAMILY_SUPERSET.get(codec, codec))
            per[name].append(got.text == want)
    print(f"# mojibake: {corpus} html2text dumps (Chinese for the misreadings)")
    for name in per:
        print(f"{name:20} {pct(sum(per[name]), len(per[name]))}")
    return 0


BAND_ENDS = (50, 100, 200, 400, 700, 1000, 1500, 2000, 2500, 3000)
FREQ_HEADER = '''"""Ranked common Han characters of Chinese news text, for the decoder's evidence.

Generated by ``python benchmarks/encodings.py freq CORPUS``: character counts over the Chinese
html2text dumps of a news corpus, Simplified and Traditional documents ranked separately (a
document is Traditional when over 5 % of its Han characters are outside GB2312). Only the ranking
and, per band of ranks, the natural log of one character's probability are kept: no text.
``*_BANDS`` holds (end of the band, ln p) pairs. Do not edit by hand.
"""

'''


def cmd_freq(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not (corpus / "manifest.jsonl").exists():
        print(f"skip: {corpus}/manifest.jsonl is not here")
        return 0
    simplified: Counter[str] = Counter()
    traditional: Counter[str] = Counter()
    for i, (_, dump) in enumerate(dumps(corpus, {"zh"})):
        if args.half is not None and i % 2 != (args.half == "odd"):
            continue
        chars = CJK_CHAR.findall(dump.read_text(encoding="utf-8"))
        if not chars:
            continue
        outside = sum(1 for ch in chars if not _in_gb2312(ch))
        (traditional if outside > 0.05 * len(chars) else simplified).update(chars)

    lines = [FREQ_HEADER]
    sizes = {}
    for name, counts, size in (
        ("SIMPLIFIED", simplified, args.simplified),
        ("TRADITIONAL", traditional, args.traditional),
    ):
        common = [(ch, n) for ch, n in counts.most_common(size) if n >= args.min_count]
        table = "".join(ch for ch, _ in common)
        sizes[name] = len(table)
        lines.append(f"{name} = (\n")
        lines.extend(f'    "{table[i : i + 40]}"\n' for i in range(0, len(table), 40))
        lines.append(")\n")
        # ln(probability of one character) in each band of ranks: what a rank is worth.
        total = sum(counts.values())
        bands = []
        start = 0
        for end in (*BAND_ENDS, len(common)):
            if end <= start or end > len(common):
                continue
            mass = sum(n for _, n in common[start:end])
            bands.append(f"    ({end}, {math.log(mass / total / (end - start)):.2f}),\n")
            start = end
        lines.append(f"{name}_BANDS = (\n{''.join(bands)})\n\n")
    out = Path(args.out)
    out.write_text("".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {out}: {sizes['SIMPLIFIED']} + {sizes['TRADITIONAL']} characters")
    return 0


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = ap.add_subparsers(dest="cmd", required=True)

    def detector_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--detector", choices=("reader", "chardet", "chardet-superset"), default="reader"
        )
        p.add_argument("--lang", help="pass this language hint to reader's decoder")
        p.add_argument("--no-fix-mojibake", action="store_true")

    p = sub.add_parser("files", help="files of an encoding test corpus")
    p.add_argument("dir")
    p.add_argument("--misses", action="store_true", help="list the files missed")
    detector_opts(p)
    p = sub.add_parser("lines", help="short CJK lines of the shared corpus, legacy-encoded")
    p.add_argument("corpus")
    p.add_argument("--max-bytes", type=int, default=80)
    p.add_argument("--limit", type=int, default=0, help="at most this many lines (evenly spread)")
    p.add_argument("--half", choices=("even", "odd"), help="only every other document")
    p.add_argument("--misses", type=int, default=0, help="list this many misses")
    p.add_argument(
        "--langs", default="zh", help="documents in these languages (comma-separated; zh)"
    )
    detector_opts(p)
    p = sub.add_parser("pages", help="whole dumps re-encoded to their language's code page")
    p.add_argument("corpus")
    p.add_argument("--input", choices=("html2text", "lynx"), default="html2text")
    p.add_argument("--misses", action="store_true")
    detector_opts(p)
    p = sub.add_parser("mojibake", help="Chinese dumps mangled by a misreading, then repaired")
    p.add_argument("corpus")
    p = sub.add_parser("freq", help="regenerate src/reader/cjkfreq.py")
    p.add_argument("corpus")
    p.add_argument("--out", default="src/reader/cjkfreq.py")
    p.add_argument("--simplified", type=int, default=3000)
    p.add_argument("--traditional", type=int, default=2500)
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--half", choices=("even", "odd"), help="count only every other document")
    args = ap.parse_args(argv)
    commands = {
        "files": cmd_files,
        "lines": cmd_lines,
        "pages": cmd_pages,
        "mojibake": cmd_mojibake,
        "freq": cmd_freq,
    }
    return commands[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
