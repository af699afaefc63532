"""Cold start of one conversion: ``reader convert SEED --to json`` against ``python -c pass``.

Run by hand (not a test): ``python benchmarks/startup.py [--runs 31] [--importtime]``.

Each round runs, in turn: the bare interpreter, the ``reader`` script (its stdlib fast path), and
the same command through the typer app (``reader.cli.main``, the entry point before the fast path),
so machine noise hits all three alike; medians of wall and CPU time are reported, with the ratio
to the bare interpreter that issue 6 bounds at 5. Bytecode caching is left on (``PYTHONDONTWRITEBYTECODE`` is removed from
the children's environment) and one warm-up round runs first, as an installed package would have
its ``.pyc`` files. ``--importtime`` adds the modules that cost the fast path most, by median
self time over the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_27aaddca83d5aa92.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else ROOT / "samples" / "seed_portal.txt"


def commands(seed: Path) -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("reader")
    if not script.exists():
        sys.exit(f"no reader script beside {sys.executable}: pip install -e . first")
    typer_entry = "import sys; from reader.cli import main; sys.argv[0] = 'reader'; main()"
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "reader convert (fast path)": [str(script), "convert", str(seed), "--to", "json"],
        "via typer (reader.cli.main)": [
            sys.executable,
            "-c",
            typer_entry,
            "convert",
            str(seed),
            "--to",
            "json",
        ],
    }


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run. CPU time is the steadier figure on a
    machine that other work shares: waiting for a core does not count in it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime


def importtime(cmd: list[str], env: dict[str, str], runs: int) -> list[tuple[float, str]]:
    own: defaultdict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "reader", *cmd[1:]],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        for line in proc.stderr.splitlines():
            if line.startswith("import time:") and "|" in line and "self" not in line:
                us, _, name = line.split("|")
                own[name.strip()].append(int(us.split(":")[1]))
    return sorted(((statistics.median(v) / 1000, k) for k, v in own.items()), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--importtime", action="store_true", help="also list costly imports")
    parser.add_argument("--page", type=Path, default=SEED, help="the page to convert (the seed)")
    args = parser.parse_args()
    env = clean_env()
    cmds = commands(args.page)
    for cmd in cmds.values():  # warm-up: .pyc files written, page cache filled
        timed(cmd, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            times[name].append(timed(cmd, env))
    wall0 = statistics.median(w for w, _ in times["python -c pass"])
    cpu0 = statistics.median(c for _, c in times["python -c pass"])
    print(f"page: {args.page} ({args.page.stat().st_size:,} bytes), {args.runs} alternating runs")
    print(f"python: {sys.version.split()[0]} at {sys.executable}, load {os.getloadavg()[0]:.1f}")
    print(f"  {'':<30} {'wall (median)':>20} {'cpu (median)':>20}")
    for name, values in times.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        print(
            f"  {name:<30} {wall * 1000:7.1f} ms {wall / wall0:5.1f}×"
            f"   {cpu * 1000:7.1f} ms {cpu / cpu0:5.1f}×"
        )
    if args.importtime:
        rows = importtime(cmds["reader convert (fast path)"], env, min(args.runs, 11))
        total = sum(ms for ms, _ in rows)
        print(f"fast path imports, median self time (sum {total:.1f} ms under -X importtime):")
        for ms, name in rows[:15]:
            print(f"  {ms:6.2f} ms  {name}")


if __name__ == "__main__":
    main()
