"""Web archives as inputs: every page of a WARC file converted in archive order, what is no page
skipped and counted, damage reported after the pages before it, and names under ``--out-dir``
that stay the same from run to run. The archives are written here (``tests.warcs``)."""

from __future__ import annotations

import gzip
import json
import re
import tracemalloc
from importlib import resources
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

import reader
from reader.batch import convert_warc, url_hash
from reader.cli import app
from reader.entry import parse_plain
from reader.errors import InputError
from reader.render import render
from reader.warc import Archive
from tests.conftest import SAMPLE_FILES
from tests.test_cli_convert import fast_run, typer_run
from tests.warcs import other, request, response, write_warc

if TYPE_CHECKING:
    from pathlib import Path

GBK_ONLY = "朱镕基、王堃和陈喆今天在县政府召开的新闻发布会上介绍了全县农村公路建设的最新进展。"
ZH_PAGE = f"<html><head><title>县里修路</title></head><body><h1>县里修路</h1><p>{GBK_ONLY}</p><p>{GBK_ONLY}</p></body></html>"
SKIPPED_KINDS = "1 warcinfo, 1 metadata, 1 revisit, 1 image/png, 1 redirect, 1 HTTP 404"


def url_of(sample: Path) -> str:
    return f"http://x.test/{sample.name}"


def sample_records() -> list[tuple]:  # type: ignore[type-arg]
    """Every sample as a crawler stores it (a request, then the response), with the other kinds
    of record a crawl holds among them; no charset in the headers, as the files have none."""
    records: list[tuple] = [other("warcinfo", "")]  # type: ignore[type-arg]
    for sample in SAMPLE_FILES:
        kind = "text/html" if sample.suffix == ".html" else "text/plain"
        records += [request(url_of(sample)), response(url_of(sample), sample.read_bytes(), kind)]
    records += [
        other("metadata", url_of(SAMPLE_FILES[0])),
        other("revisit", url_of(SAMPLE_FILES[0])),
        response("http://x.test/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        response("http://x.test/old", b"", None, "301 Moved Permanently", [("Location", "/new")]),
        response("http://x.test/gone", b"<p>no</p>", "text/html", "404 Not Found"),
    ]
    return records


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    write_warc(path, sample_records())
    return path


def convert(*args: str) -> tuple[int, str, str]:
    return typer_run(["convert", *args])


def without_origin(row: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in row.items() if k not in ("path", "url", "warc")}


# --- pages, in archive order, as from files ---------------------------------------------------


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_every_page_reads_as_its_file_does(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    write_warc(path, sample_records(), gzip=compressed)
    code, out, err = convert(str(path), "--to", "jsonl", "--jobs", "2")
    assert code == 0
    assert err.splitlines() == [
        f"reader: skipped {len(SAMPLE_FILES) + 6} archive records that are no page "
        f"({len(SAMPLE_FILES)} request, {SKIPPED_KINDS})",
        f"reader: {len(SAMPLE_FILES)} inputs converted",
    ]
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["url"] for r in rows] == [url_of(s) for s in SAMPLE_FILES]
    for row, sample in zip(rows, SAMPLE_FILES, strict=True):
        assert row["path"] == str(path)
        from_file = json.loads(render(reader.read_article(sample), "jsonl"))
        assert without_origin(row) == without_origin(from_file), sample.name


def test_each_page_says_which_record_it_came_from(crawl: Path) -> None:
    code, out, _ = convert(str(crawl), "--to", "jsonl")
    assert code == 0
    row = json.loads(out.splitlines()[0])
    assert list(row)[:4] == ["schema", "path", "url", "warc"]
    assert row["warc"]["file"] == str(crawl)
    assert re.fullmatch(r"<urn:uuid:[0-9a-f-]{36}>", row["warc"]["record_id"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["warc"]["date"])
    assert "fetched" not in row
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("reader").joinpath("schemas/article-v1.json").read_text())
    jsonschema.validate(row, schema)


def test_the_http_header_charset_is_evidence(tmp_path: Path) -> None:
    path = tmp_path / "zh.warc.gz"
    data = ZH_PAGE.encode("gbk")
    write_warc(
        path,
        [
            response("http://x.test/right", data, "text/html; charset=gb2312"),
            response("http://x.test/wrong", data, "text/html; charset=big5"),  # GBK served
            response("http://x.test/utf8", ZH_PAGE.encode(), "text/html; charset=gbk"),
        ],
    )
    code, out, _ = convert(str(path), "--to", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["encoding"]["name"], r["encoding"]["method"]) for r in rows] == [
        ("gb18030", "header"),
        ("gb18030", "evidence"),
        ("utf-8", "utf-8"),
    ]
    assert all(GBK_ONLY in r["body"] for r in rows)


def test_a_gzip_coded_payload_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "coded.warc"
    body = gzip.compress(ZH_PAGE.encode())
    write_warc(
        path,
        [response("http://x.test/z", body, "text/html", headers=[("Content-Encoding", "gzip")])],
        gzip=False,
    )
    article = next(reader.read_warc(path))
    assert GBK_ONLY in [b.text for b in article.body]


# --- damage and failures ----------------------------------------------------------------------


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("cut", [30, 300])
def test_a_truncated_archive_gives_its_pages_then_one_error(
    tmp_path: Path, compressed: bool, cut: int
) -> None:
    pages = [response(f"http://x.test/{i}", ZH_PAGE.encode() * 3) for i in range(4)]
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    data = write_warc(path, pages, gzip=compressed)
    path.write_bytes(data[:-cut])  # the last record cut off: in its payload, or its headers too
    code, out, err = convert(str(path), str(SAMPLE_FILES[0]), "--to", "jsonl")
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("url") for r in rows] == [f"http://x.test/{i}" for i in range(3)] + [None]
    errors = err.splitlines()[:-1]
    assert len(errors) == 1
    assert re.fullmatch(
        rf"reader: error: {re.escape(str(path))}: truncated or damaged after 3 records \(.+\)",
        errors[0],
    )


def test_a_gzip_member_cut_in_its_trailer_is_damage_too(tmp_path: Path) -> None:
    """Every page is there, yet the file ends inside its last gzip member (a full disk)."""
    path = tmp_path / "trailer.warc.gz"
    data = write_warc(path, [response(f"http://x.test/{i}", ZH_PAGE.encode()) for i in range(2)])
    path.write_bytes(data[:-4])
    code, out, err = convert(str(path), "--to", "jsonl")
    assert code == 1
    assert len(out.splitlines()) == 2
    assert err.splitlines()[0] == (
        f"reader: error: {path}: truncated or damaged after 2 records "
        "(the last gzip member is cut off)"
    )


def test_a_corrupt_member_in_the_middle_ends_the_archive(tmp_path: Path) -> None:
    pages = [response(f"http://x.test/{i}", ZH_PAGE.encode()) for i in range(3)]
    path = tmp_path / "bad.warc.gz"
    data = write_warc(path, pages)
    second = data.index(b"\x1f\x8b", 10)  # where the second record's gzip member starts
    path.write_bytes(data[: second + 20] + b"\xff" * 40 + data[second + 60 :])
    code, out, err = convert(str(path), "--to", "jsonl")
    assert code == 1
    assert [json.loads(line)["url"] for line in out.splitlines()] == ["http://x.test/0"]
    assert err.startswith(f"reader: error: {path}: truncated or damaged after 1 records")


def test_a_page_over_the_cap_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    small, big = b"<p>" + b"a" * 100 + b"</p>", b"<p>" + b"b" * 5000 + b"</p>"
    coded = gzip.compress(b"<p>" + b" " * 50_000 + b"</p>")  # a small record, a large page
    write_warc(
        path,
        [
            response("http://x.test/small", small),
            response("http://x.test/big", big),
            response("http://x.test/coded", coded, headers=[("Content-Encoding", "gzip")]),
            response("http://x.test/after", small),
        ],
    )
    code, out, err = convert(str(path), "--to", "jsonl", "--max-bytes", "1000", "--errors-inline")
    assert code == 1
    cap = "larger than the 1,000-byte limit (see --max-bytes)"
    assert err.splitlines() == [
        f"reader: error: {path}: http://x.test/big: {cap}",
        f"reader: error: {path}: http://x.test/coded: {cap}",
        "reader: 2 of 4 inputs failed (2 converted)",
    ]
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("url") or r["error"] for r in rows] == [
        "http://x.test/small",
        f"http://x.test/big: {cap}",
        f"http://x.test/coded: {cap}",
        "http://x.test/after",
    ]


def test_a_binary_payload_served_as_html_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "bin.warc.gz"
    write_warc(
        path,
        [
            response("http://x.test/bin", b"\x00\x01\x02PK\x03\x04" * 200),
            response("http://x.test/ok", ZH_PAGE.encode()),
        ],
    )
    code, out, err = convert(str(path), "--to", "jsonl")
    assert code == 1
    assert err.splitlines()[0] == (
        f"reader: error: {path}: http://x.test/bin: binary data, not text"
    )
    assert [json.loads(line)["url"] for line in out.splitlines()] == ["http://x.test/ok"]


def test_a_file_that_is_no_archive(tmp_path: Path) -> None:
    path = tmp_path / "page.warc"
    path.write_text("<p>not an archive</p>", encoding="utf-8")
    code, _, err = convert(str(path))
    assert code == 1
    assert err.startswith(f"reader: error: {path}: truncated or damaged after 0 records (")


@pytest.mark.parametrize("command", ["view", "explain"])
def test_view_and_explain_send_archives_to_convert(crawl: Path, command: str) -> None:
    result = CliRunner().invoke(app, [command, str(crawl)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"reader: error: {crawl}: a web archive holds many pages: use reader convert\n"
    )


# --- out-dir names, directories, both front ends ----------------------------------------------


def test_out_dir_names_pages_by_url_hash_stable_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "in" / "crawl.warc.gz"
    path.parent.mkdir()
    page = ZH_PAGE.encode()
    urls = ["http://x.test/a", "http://x.test/b", "http://x.test/a"]  # a stored twice
    write_warc(path, [response(u, page) for u in urls])
    out = tmp_path / "out"
    assert convert(str(tmp_path / "in"), "--to", "json", "--out-dir", str(out))[0] == 0
    a, b = url_hash(urls[0]), url_hash(urls[1])
    names = {f"crawl/{a}.json", f"crawl/{b}.json", f"crawl/{a}-2.json"}
    assert {str(p.relative_to(out)) for p in out.rglob("*.json")} == names
    first = {p: p.read_bytes() for p in out.rglob("*.json")}
    code, _, err = convert(str(tmp_path / "in"), "--to", "json", "--out-dir", str(out), "--force")
    assert (code, err) == (0, "reader: 3 inputs converted\n")
    assert {p: p.read_bytes() for p in out.rglob("*.json")} == first


def test_a_directory_of_archives_with_a_glob(tmp_path: Path, crawl: Path) -> None:
    (tmp_path / "a.warc.gz").write_bytes(crawl.read_bytes())
    (tmp_path / "notes.txt").write_text("not taken", encoding="utf-8")
    code, out, _ = convert(str(tmp_path), "--glob", "*.warc.gz", "--to", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == len(SAMPLE_FILES)


def test_one_page_is_one_json_object_and_many_need_jsonl(tmp_path: Path, crawl: Path) -> None:
    one = tmp_path / "one.warc"
    write_warc(
        one, [request("http://x.test/a"), response("http://x.test/a", ZH_PAGE.encode())], gzip=False
    )
    code, out, _ = convert(str(one), "--to", "json")
    assert code == 0
    assert json.loads(out)["url"] == "http://x.test/a"
    code, _, err = convert(str(crawl), "--to", "json")
    assert (code, err) == (
        2,
        "reader: error: many inputs make many objects: use --to jsonl, or --out-dir\n",
    )


def test_fast_path_and_typer_agree_on_archives(crawl: Path) -> None:
    for args in (
        ["convert", str(crawl), "--to", "jsonl"],
        ["convert", str(crawl), "-t", "text"],
        ["convert", str(crawl), "--to", "json"],
    ):
        assert parse_plain(args) is not None
        assert fast_run(args) == typer_run(args)


# --- the library ------------------------------------------------------------------------------


def test_read_warc_yields_articles_then_raises_on_damage(tmp_path: Path) -> None:
    path = tmp_path / "lib.warc.gz"
    data = write_warc(path, [response(f"http://x.test/{i}", ZH_PAGE.encode()) for i in range(3)])
    articles = list(reader.read_warc(path))
    assert [a.url for a in articles] == [f"http://x.test/{i}" for i in range(3)]
    assert all(a.path == str(path) and a.warc is not None for a in articles)
    path.write_bytes(data[:-40])
    seen = []
    with pytest.raises(InputError, match="truncated or damaged after 2 records"):
        seen.extend(a.url for a in reader.read_warc(path))
    assert seen == ["http://x.test/0", "http://x.test/1"]


def test_convert_warc_gives_results_for_failures_too(crawl: Path, tmp_path: Path) -> None:
    results = list(convert_warc(str(crawl), "jsonl"))
    assert len(results) == len(SAMPLE_FILES)
    assert all(r.ok and r.path == str(crawl) for r in results)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(crawl.read_bytes()[:-50])
    results = list(convert_warc(str(path), "jsonl"))
    assert results[-1].error is not None and "truncated or damaged" in results[-1].error


def _peak_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        pages = sum(1 for _ in Archive(str(path)))
        return pages, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_whatever_the_archive_size(tmp_path: Path) -> None:
    """One page in memory at a time: eight times the pages, the same peak."""
    page = ("<p>" + "新闻" * 8000 + "</p>").encode()  # 48 kB
    peaks = []
    for count in (40, 320):
        path = tmp_path / f"{count}.warc.gz"
        write_warc(path, [response(f"http://x.test/{i}", page) for i in range(count)])
        pages, peak = _peak_reading(path)
        assert pages == count
        peaks.append(peak)
    assert peaks[1] < 1.2 * peaks[0]
    assert peaks[1] < 320 * len(page) / 5
