"""The batch library: input order, names under --out-dir, results in input order from worker
processes with a bounded window, atomic writes, and the Dask example (skipped without dask)."""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader import read_article
from reader.batch import (
    WINDOW_PER_JOB,
    AtomicFile,
    ConvertOptions,
    Input,
    Pending,
    Result,
    convert_data,
    convert_deferred,
    convert_inputs,
    convert_many,
    convert_one,
    expand,
    mirror,
    output_path,
    write_atomic,
)
from reader.errors import OutputError
from reader.render import Format, render, render_pieces
from tests.conftest import ROOT, SAMPLE_FILES, SAMPLES

if TYPE_CHECKING:
    from collections.abc import Iterator

SEED = SAMPLES / "seed_portal.txt"


def make_tree(root: Path) -> list[str]:
    """A small crawl with nested folders, names that sort tricky, and a symlink loop."""
    files = ["a.txt", "a/x.txt", "a b.txt", "a.b/y.txt", "b/c/d.txt", "B.txt", ".hidden.txt"]
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("title\n", encoding="utf-8")
    (root / "b" / "loop").symlink_to(root, target_is_directory=True)
    (root / "skip.html").write_text("x", encoding="utf-8")
    return files


def test_directories_are_walked_in_sorted_path_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    walked = [i.path for i in expand([str(tmp_path)], "*.txt")]
    expected = sorted(p for p in tmp_path.rglob("*.txt") if p.is_file() and "loop" not in p.parts)
    assert walked == [str(p) for p in expected]


def test_directory_inputs_are_named_relative_to_the_directory(tmp_path: Path) -> None:
    files = make_tree(tmp_path)
    rels = {i.rel for i in expand([str(tmp_path)], "*.txt")}
    assert rels == set(files)


def test_files_are_named_as_tar_would_store_them() -> None:
    assert mirror("a/./b//c.txt") == "a/b/c.txt"
    assert mirror("/abs/page.txt") == "abs/page.txt"
    assert mirror("../../up/page.txt") == "up/page.txt"
    assert output_path("out", "up/page.txt", Format.JSON) == "out/up/page.json"
    assert output_path("out", "noext", Format.TEXT) == "out/noext.txt"
    assert output_path("out", ".dotfile", Format.MD) == "out/.dotfile.md"
    assert (mirror("/"), mirror("."), mirror(".."), mirror("a/..")) == (
        "page",
        "page",
        "..",
        "page",
    )


@given(st.lists(st.sampled_from(["a", "b.txt", ".", "..", "", "/", "//"]), max_size=8))
def test_mirror_names_as_pathlib_would(pieces: list[str]) -> None:
    """mirror works on strings (pathlib is off the start-up path); PurePath is the reference."""
    path = "".join(pieces) or "."
    pure = PurePath(os.path.normpath(path))
    parts = list(pure.parts[1:] if pure.anchor else pure.parts)
    while parts and parts[0] == os.pardir:
        parts.pop(0)
    assert mirror(path) == (str(PurePath(*parts)) if parts else pure.name or "page")


def test_a_directory_without_matches_is_an_input_with_an_error(tmp_path: Path) -> None:
    assert list(expand([str(tmp_path)], "*.txt")) == [
        Input(str(tmp_path), mirror(str(tmp_path)), error="no files matching '*.txt'")
    ]


def test_results_come_in_input_order_from_workers() -> None:
    paths = [str(p) for p in SAMPLE_FILES] + ["no/such/file.txt"] + [str(SEED)]
    serial = list(convert_many(paths, "jsonl", jobs=1))
    parallel = list(convert_many(paths, "jsonl", jobs=2))
    assert parallel == serial
    assert [r.path for r in parallel] == paths
    assert [r.ok for r in parallel] == [True] * len(SAMPLE_FILES) + [False, True]
    assert parallel[-2].error == "no such file"
    assert json.loads(parallel[0].output or "")["path"] == paths[0]


def test_the_window_of_inputs_in_flight_is_bounded() -> None:
    """Pulled but not yet yielded inputs stay under jobs × WINDOW_PER_JOB: memory does not grow
    with the number of inputs."""
    pulled = 0
    ahead: list[int] = []

    def inputs() -> Iterator[Input]:
        nonlocal pulled
        for i in range(60):
            pulled += 1
            yield Input(str(SAMPLE_FILES[i % len(SAMPLE_FILES)]), str(i))

    for yielded, _ in enumerate(convert_inputs(inputs(), Format.TEXT, jobs=2), start=1):
        ahead.append(pulled - yielded)
    assert max(ahead) <= 2 * WINDOW_PER_JOB
    assert pulled == 60


def test_everything_a_worker_needs_pickles() -> None:
    options = ConvertOptions(encoding="gb18030", max_bytes=1000)
    assert pickle.loads(pickle.dumps(options)) == options
    assert pickle.loads(pickle.dumps(convert_one)) is convert_one
    result = convert_one(str(SEED), "json")
    assert pickle.loads(pickle.dumps(result)) == result
    assert result.output == render(read_article(SEED), Format.JSON)


def test_failures_are_results_never_raised() -> None:
    assert convert_data(b"\x89PNG\r\n\x1a\n\x00\x00", "img.png", "md") == Result(
        "img.png", error="binary data, not text"
    )
    r = convert_one(str(SAMPLES), "md")
    assert not r.ok
    assert r.error is not None and "is a directory" in r.error


def test_an_unexpected_error_is_reported_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr("reader.api.read_article", boom)
    r = convert_one(str(SEED), "md", ConvertOptions(tracebacks=True))
    assert r.error == "internal error (RuntimeError: parser bug)"
    assert r.traceback is not None and "RuntimeError: parser bug" in r.traceback


def test_atomic_writes_never_clobber_and_leave_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.md"
    write_atomic(str(target), "one\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    with pytest.raises(OutputError, match="exists"):
        write_atomic(str(target), "two\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    write_atomic(str(target), "three\n", replace=True)
    assert target.read_text(encoding="utf-8") == "three\n"
    with pytest.raises(ZeroDivisionError), AtomicFile(str(tmp_path / "half.md")) as fh:
        fh.write("half")
        _ = 1 / 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out.md", "sub"]


# --- the Dask example ----------------------------------------------------------------------


def _load_example() -> Any:
    path = ROOT / "examples" / "dask_convert.py"
    spec = importlib.util.spec_from_file_location("dask_convert", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_example_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    example = _load_example()
    paths = [str(p) for p in SAMPLE_FILES] + ["no/such/file.txt"]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        records = example.convert_bag(paths, "jsonl", partition_size=3).compute()
        parts = example.write_jsonl(paths, tmp_path / "out", partition_size=3)
    expected = [example.to_record(r) for r in convert_many(paths, "jsonl", jobs=1)]
    assert records == expected
    assert json.loads(records[-1]) == {"path": "no/such/file.txt", "error": "no such file"}
    assert len(parts) > 1  # the partitions were written by the workers, one part each
    text = "".join(Path(p).read_text(encoding="utf-8") for p in sorted(parts))
    assert text == "".join(r + "\n" for r in expected)


def test_dask_example_gives_each_worker_an_archive(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from reader.batch import convert_warc
    from tests.warcs import request, response, write_warc

    example = _load_example()
    archives = []
    for n in range(3):
        path = tmp_path / f"CC-MAIN-{n}.warc.gz"
        records = [request("http://x.test/a")]
        records += [
            response(f"http://x.test/{n}/{p.name}", p.read_bytes()) for p in SAMPLE_FILES[:3]
        ]
        write_warc(path, records)
        archives.append(str(path))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        parts = example.write_warc_parts(archives, tmp_path / "out")
    assert [Path(p).name for p in parts] == [f"warc-{n:05d}-CC-MAIN-{n}.jsonl" for n in range(3)]
    for archive, part in zip(archives, parts, strict=True):
        expected = "".join(example.to_record(r) + "\n" for r in convert_warc(archive))
        assert Path(part).read_text(encoding="utf-8") == expected
        assert expected.count("\n") == 3


@pytest.mark.parametrize("fmt", list(Format))
def test_a_deferred_conversion_writes_what_convert_one_returns(fmt: Format) -> None:
    """The command streams a single input's output in pieces; they join to the same text."""
    pending = convert_deferred(Input(str(SEED), "seed"), fmt)
    assert isinstance(pending, Pending)
    pieces: list[str] = []
    assert pending.write_to(pieces.append) is None
    assert "".join(pieces) == convert_one(str(SEED), fmt).output
    assert "".join(render_pieces(read_article(SEED), fmt)) == render(read_article(SEED), fmt)
    if fmt is Format.JSON:
        assert len(pieces) > 2  # a field at a time


def test_a_deferred_conversion_reports_failures_as_results() -> None:
    failed = convert_deferred(Input("no/such/page.txt", "x"), "json")
    assert failed == convert_one("no/such/page.txt", "json")
    listed = convert_deferred(Input("dir", "dir", error="no files matching '*.txt'"), "json")
    assert listed == Result("dir", error="no files matching '*.txt'")
