"""Web archives: the WARC reader's own speed, and ``reader convert`` on an archive against the same
pages as files. Run by hand (not a test); needs ../shared/corpus and warcio (the dev extra), which
writes the archive.

    python benchmarks/warc.py                 # 3 rounds, the corpus's 473 HTML pages once
    python benchmarks/warc.py --rounds 5 --repeat 2 --jobs 2

Builds, in a temporary directory, ``crawl.warc.gz`` as a crawler writes one (per-record gzip; for
each page a ``request``, a ``response`` with its HTTP headers, and a ``metadata`` record; no
charset in the header, so decoding does the same work as for the files) and ``pages/``, the same
pages as files. Then:

- parse-only: each WARC library installed (FastWARC, warcio) iterates the archive and reads every
  response's payload: records/s and payload MB/s, best of the rounds;
- through reader: ``reader convert crawl.warc.gz --to jsonl`` and ``reader convert pages/ --to
  jsonl`` in alternation (so machine noise hits both alike): pages/s and HTML MB/s, median of the
  rounds, also per CPU-second (user + system of reader and its workers: the steadier figure on a
  shared machine), and the archive's throughput as a share of the files' (issue 16 asks for at
  least 90 %).
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1e6


def pages(repeat: int) -> list[tuple[str, bytes]]:
    """(URL, HTML bytes) of every corpus page, ``repeat`` times over (each copy its own URL)."""
    rows = [json.loads(line) for line in (CORPUS / "manifest.jsonl").open(encoding="utf-8")]
    found = []
    for copy in range(repeat):
        for row in rows:
            url = f"http://crawl.example/{copy}/{row['id']}"
            found.append((url, (CORPUS / row["html"]).read_bytes()))
    return found


def build(where: Path, found: list[tuple[str, bytes]]) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive, folder = where / "crawl.warc.gz", where / "pages"
    folder.mkdir()
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (url, html) in enumerate(found):
            (folder / f"{i:05d}.html").write_bytes(html)
            request = b"GET / HTTP/1.1\r\nHost: crawl.example\r\n\r\n"
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(request))
            )
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html"), ("Content-Length", str(len(html)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), http_headers=headers
            )
            writer.write_record(record)
            meta = io.BytesIO(b"fetchTimeMs: 120\r\n")
            writer.write_record(
                writer.create_warc_record(
                    url, "metadata", payload=meta, warc_content_type="application/warc-fields"
                )
            )
    return archive, folder


def parse_fastwarc(archive: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = size = 0
    with archive.open("rb") as fh:
        for record in ArchiveIterator(fh, parse_http=True):
            if record.record_type == WarcRecordType.response:
                size += len(record.reader.read())
                count += 1
    return count, size


def parse_warcio(archive: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    count = size = 0
    with archive.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                size += len(record.content_stream().read())
                count += 1
    return count, size


def parse_only(archive: Path, rounds: int) -> None:
    for name, parse in (("fastwarc", parse_fastwarc), ("warcio", parse_warcio)):
        try:
            parse(archive)  # warm-up, and the import
        except ImportError:
            print(f"parse-only  {name:<9} not installed")
            continue
        best, count, size = float("inf"), 0, 0
        for _ in range(rounds):
            started = time.perf_counter()
            count, size = parse(archive)
            best = min(best, time.perf_counter() - started)
        print(
            f"parse-only  {name:<9} {count / best:8,.0f} records/s  {size / MB / best:6,.0f} MB/s"
            f"  ({count} responses, {size / MB:.1f} MB of payload, {best:.3f} s)"
        )


def through_reader(archive: Path, folder: Path, rounds: int, jobs: int | None) -> None:
    script = str(Path(sys.executable).with_name("reader"))
    extra = ["--jobs", str(jobs)] if jobs else []
    commands = {
        "archive": [script, "convert", str(archive), "--to", "jsonl", *extra],
        "files": [script, "convert", str(folder), "--to", "jsonl", *extra],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    counts: dict[str, int] = {}
    for _ in range(rounds):
        for name, cmd in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, check=False)
            times[name].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            counts[name] = proc.stdout.count(b"\n")
            if proc.returncode != 0:
                sys.exit(f"{name}: exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
    html = sum(p.stat().st_size for p in folder.iterdir())
    rate, per_cpu = {}, {}
    for name, runs in times.items():
        wall = statistics.median(runs)
        rate[name] = counts[name] / wall
        per_cpu[name] = counts[name] / statistics.median(cpu[name])
        print(
            f"reader      {name:<9} {rate[name]:8,.1f} pages/s    {html / MB / wall:6,.2f} MB/s"
            f"  {per_cpu[name]:6,.1f} pages per CPU-second"
            f"  ({counts[name]} pages, wall {', '.join(f'{t:.2f}' for t in runs)} s)"
        )
    print(
        f"archive throughput: {100 * rate['archive'] / rate['files']:.0f} % of the files' "
        f"(wall), {100 * per_cpu['archive'] / per_cpu['files']:.0f} % (CPU time)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1, help="copies of the corpus in the archive")
    parser.add_argument("--jobs", type=int, help="reader's --jobs (default: its own, the cores)")
    args = parser.parse_args()
    if not (CORPUS / "manifest.jsonl").exists():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return
    with tempfile.TemporaryDirectory(prefix="reader-warc-") as tmp:
        archive, folder = build(Path(tmp), pages(args.repeat))
        print(
            f"archive: {archive.stat().st_size / MB:.1f} MB gzip, {len(list(folder.iterdir()))} pages"
        )
        parse_only(archive, args.rounds)
        through_reader(archive, folder, args.rounds, args.jobs)


if __name__ == "__main__":
    main()
