"""Batch throughput and growth of ``reader convert``, run by hand (not a test).

    python benchmarks/batch.py                 # throughput, then growth
    python benchmarks/batch.py --only growth   # or: --only throughput
    python benchmarks/batch.py --many 20000    # also: peak memory over many small inputs

Throughput: the 473 html2text dumps of ../shared/corpus, every third re-encoded to GB18030 (so
detection runs on a third of them), copied to a temporary directory and converted with
``reader convert DIR --to jsonl`` (``--jobs`` as given, default: the cores). Reports documents/s.
Issue 6 asks for >= 200/s on 2 cores.

Growth: one 8 MB and one 64 MB portal dump (corpus dumps concatenated, each page separated by a
blank line), each converted with ``reader convert FILE --to json``. Reports the time ratio (<= 9
is linear enough) and each run's peak RSS against its input size (<= 10x).

Many: N copies of the seed page listed through ``--files-from -``; the peak RSS of the largest
process should not grow with N. Each command runs once: the machine is shared.

Skips (exit 0 with a note) when ../shared/corpus is not there.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "samples" / "seed_portal.txt"
MB = 1024 * 1024


def reader_script() -> str:
    script = Path(sys.executable).with_name("reader")
    if not script.exists():
        sys.exit(f"no reader script beside {sys.executable}: pip install -e . first")
    return str(script)


def default_cores() -> int:
    """The cores ``reader`` uses by default (its --jobs)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def dumps() -> list[Path]:
    rows = [json.loads(line) for line in (CORPUS / "manifest.jsonl").open(encoding="utf-8")]
    return [CORPUS / d for row in rows for d in row["dumps"] if d.endswith(".html2text.txt")]


def measure(cmd: list[str], *, stdin: bytes | None = None) -> tuple[float, int, int, str, float]:
    """Wall time, exit code, peak RSS in bytes of the largest process, stderr, and CPU time
    (user + system of the command and its workers) for one run.

    The peak comes from a wrapper process whose only child is the command, so RUSAGE_CHILDREN
    covers the command and its workers (ru_maxrss is the largest single process, not a sum).
    CPU time is the steadier figure on a shared machine: waiting for a core does not count.
    """
    wrapper = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE);"
        "dt = time.perf_counter() - t;"
        "sys.stderr.buffer.write(p.stderr);"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(dt, p.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime)"
    )
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd],
        input=stdin,
        capture_output=True,
        env=env,
        check=True,
    )
    dt, code, rss, cpu = proc.stdout.split()
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return float(dt), int(code), int(rss) * scale, proc.stderr.decode(errors="replace"), float(cpu)


def throughput(tmp: Path, jobs: int | None) -> None:
    pages = dumps()
    crawl = tmp / "crawl"
    reencoded = 0
    for i, src in enumerate(pages):
        dst = crawl / src.relative_to(CORPUS)
        dst.parent.mkdir(parents=True, exist_ok=True)
        data = src.read_bytes()
        if i % 3 == 2:
            data = data.decode("utf-8").encode("gb18030")
            reencoded += 1
        dst.write_bytes(data)
    size = sum(p.stat().st_size for p in crawl.rglob("*.txt"))
    cmd = [reader_script(), "convert", str(crawl), "--to", "jsonl"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    dt, code, rss, err, cpu = measure(cmd)
    print(f"throughput: {len(pages)} dumps ({size / MB:.1f} MB, {reencoded} as GB18030)")
    print(f"  reader convert DIR {' '.join(cmd[4:])}")
    print(
        f"  {dt:.2f} s, {len(pages) / dt:.0f} documents/s, exit {code}, peak RSS {rss / MB:.0f} MB"
    )
    print(
        f"  CPU {cpu:.2f} s = {cpu / len(pages) * 1000:.1f} ms a document"
        f" ({len(pages) / cpu * (jobs or default_cores()):.0f} documents/s if each job had a core)"
    )
    print(f"  stderr: {err.strip().splitlines()[-1] if err.strip() else '(empty)'}")


def portal_dump(path: Path, size: int, pages: list[Path]) -> None:
    with path.open("wb") as out:
        written = 0
        while written < size:
            for page in pages:
                data = page.read_bytes() + b"\n\n"
                out.write(data)
                written += len(data)
                if written >= size:
                    break


def growth(tmp: Path) -> None:
    pages = dumps()
    results = []
    for mb in (8, 64):
        path = tmp / f"portal_{mb}mb.txt"
        portal_dump(path, mb * MB, pages)
        size = path.stat().st_size
        dt, code, rss, err, cpu = measure([reader_script(), "convert", str(path), "--to", "json"])
        results.append((dt, cpu, size))
        print(
            f"growth: {size / MB:5.1f} MB → {dt:6.2f} s (CPU {cpu:6.2f} s), exit {code}, "
            f"peak RSS {rss / MB:5.0f} MB = {rss / size:4.1f}× input"
            + (f"  ({err.strip()})" if err.strip() else "")
        )
    (t8, c8, s8), (t64, c64, s64) = results
    # CPU time is the steadier figure on a shared machine: waiting for a core does not count.
    print(
        f"  time ratio 64 MB / 8 MB: {t64 / t8:.1f}, CPU {c64 / c8:.1f} (input ratio {s64 / s8:.1f})"
    )


def many(tmp: Path, count: int, jobs: int | None) -> None:
    folder = tmp / "many"
    folder.mkdir()
    data = SEED.read_bytes()
    names = []
    for i in range(count):
        path = folder / f"{i:06d}.txt"
        path.write_bytes(data)
        names.append(str(path))
    cmd = [reader_script(), "convert", "--files-from", "-", "--to", "jsonl"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    dt, code, rss, _, _ = measure(cmd, stdin="\n".join(names).encode())
    print(f"many: {count:,} inputs → {dt:.1f} s ({count / dt:.0f}/s), exit {code}, ", end="")
    print(f"peak RSS of the largest process {rss / MB:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["throughput", "growth"])
    parser.add_argument("--jobs", type=int, help="--jobs for reader (default: its own)")
    parser.add_argument("--many", type=int, metavar="N", help="also run N small inputs")
    args = parser.parse_args()
    if not (CORPUS / "manifest.jsonl").exists():
        print(f"skipped: {CORPUS} is not here")
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cores} cores usable")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as name:
        tmp = Path(name)
        if args.only in (None, "throughput"):
            throughput(tmp, args.jobs)
        if args.only in (None, "growth"):
            growth(tmp)
        if args.many:
            many(tmp, args.many, args.jobs)
    print(f"(benchmark took {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
