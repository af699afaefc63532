"""Convert a crawl on a Dask cluster with ``reader.batch``, for crawls that outgrow one machine.

    pip install 'reader[dask]'
    python examples/dask_convert.py CRAWL_DIR OUT_DIR                            # local cluster
    python examples/dask_convert.py CRAWL_DIR OUT_DIR --scheduler tcp://host:8786  # a real one

``reader.batch.convert_one`` is a top-level function of picklable arguments, so Dask ships it to
its workers as it is. Each worker reads its own pages, so the paths must be visible to every
worker (a shared file system; for object storage, map ``convert_data`` over the bytes instead),
and writes one JSON Lines part per partition: nothing funnels through the client.

Web archives (``.warc``, ``.warc.gz``, such as a folder of Common Crawl files) go one to a task:
the worker reads the archive itself with ``reader.batch.convert_warc`` and writes one JSON Lines
part per archive, named after it (``OUT_DIR/warc-00003-CC-MAIN-…-00042.jsonl``), failed pages as
``{"path", "error"}`` lines: the same code converts a laptop's crawl and a cluster's.

Why Dask: pure Python and pip-installable, the same code runs on a laptop's local cluster and on
many machines, and a bag of records maps one-to-one onto ``convert_one``. Ray would do as well but
is a heavier install; Spark needs a JVM.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

import dask.bag as db

from reader.batch import AtomicFile, Result, convert_one, convert_warc, expand
from reader.source import is_warc

if TYPE_CHECKING:
    from collections.abc import Sequence


def to_record(result: Result) -> str:
    """One JSON Lines record (no newline): the document, or ``{"path", "error"}`` if it failed."""
    if result.output is not None:
        return result.output.rstrip("\n")
    return json.dumps(result.error_dict(), ensure_ascii=False)


def convert_bag(paths: Sequence[str], fmt: str = "jsonl", partition_size: int = 100) -> db.Bag:
    """A lazy bag of records, one per path, in the order given."""
    bag = db.from_sequence(paths, partition_size=partition_size)
    return bag.map(convert_one, fmt).map(to_record)


def write_jsonl(paths: Sequence[str], out_dir: Path, partition_size: int = 100) -> list[str]:
    """Convert on the cluster; each worker writes its partitions as ``OUT_DIR/NNNNN.jsonl``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    bag = convert_bag(paths, "jsonl", partition_size)
    files: list[str] = bag.to_textfiles(
        str(out_dir / "*.jsonl"),
        name_function=lambda i: f"{i:05d}",  # zero-padded, so the parts sort in input order
        encoding="utf-8",
        last_endline=True,
    )
    return files


def part_name(index: int, archive: str) -> str:
    """The JSON Lines part of the ``index``-th archive: numbered in input order, then its name."""
    name = Path(archive).name
    for suffix in (".gz", ".warc"):
        name = name.removesuffix(suffix)
    return f"warc-{index:05d}-{name}.jsonl"


def archive_part(task: tuple[int, str], out_dir: str) -> str:
    """Convert one archive, on a worker, into its part (written whole or not at all)."""
    index, archive = task
    target = str(Path(out_dir, part_name(index, archive)))
    with AtomicFile(target, replace=True) as part:
        for result in convert_warc(archive, "jsonl"):
            part.write(to_record(result) + "\n")
    return target


def write_warc_parts(archives: Sequence[str], out_dir: Path) -> list[str]:
    """Convert on the cluster, one archive per task; returns the parts in archive order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(list(enumerate(archives)), partition_size=1)
    parts: list[str] = bag.map(archive_part, str(out_dir)).compute()
    return parts


def main() -> None:
    from distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "crawl", help="a directory of pages or web archives (walked as `reader convert` does)"
    )
    parser.add_argument("out", type=Path, help="where the JSON Lines parts go")
    parser.add_argument("--glob", default="*", help="file names to take (default: all)")
    parser.add_argument("--scheduler", help="address of a running scheduler (default: local)")
    args = parser.parse_args()
    found = [i.path for i in expand([args.crawl], args.glob) if i.error is None]
    archives = [p for p in found if is_warc(p)]
    paths = [p for p in found if not is_warc(p)]

    def convert_all() -> list[str]:
        parts = write_warc_parts(archives, args.out) if archives else []
        return parts + (write_jsonl(paths, args.out) if paths else [])

    if args.scheduler:
        with Client(args.scheduler):
            parts = convert_all()
    else:
        # Processes, one thread each: parsing is pure Python, so threads would share one core.
        with LocalCluster(threads_per_worker=1, processes=True) as cluster, Client(cluster):
            parts = convert_all()
    print(  # noqa: T201
        f"{len(archives)} archives and {len(paths)} pages → {len(parts)} parts in {args.out}"
    )


if __name__ == "__main__":
    main()
