"""``reader convert`` through its real entry points: typer's CliRunner on the app, the fast path of
``reader.entry.main`` on the same command lines (outputs and exit codes must be identical), and the
installed ``reader`` script in a subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader import read_article
from reader.cli import app
from reader.entry import main, parse_plain
from reader.render import Format, render
from reader.runner import ConvertRequest, Streams, run_convert
from tests.conftest import ROOT, SAMPLE_FILES, SAMPLES

SEED = SAMPLES / "seed_portal.txt"
GBK = SAMPLES / "gbk_portal.txt"


def typer_run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """The typer path: the app itself, as a user's command line would reach it."""
    result = CliRunner().invoke(app, args, input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def fast_run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """The console script's entry, under the same stream isolation CliRunner uses."""
    runner = CliRunner()
    with runner.isolation(input=stdin) as (out, err, _):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()


def rel(path: Path) -> str:
    return os.path.relpath(path)


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative names in the command lines below, as a user types them.
    monkeypatch.chdir(ROOT)


# --- both paths agree ------------------------------------------------------------------------

FAST = [
    ["convert", "samples/seed_portal.txt", "--to", "json"],
    ["convert", "samples/seed_portal.txt", "--to=jsonl"],
    ["convert", "-t", "text", "samples/gbk_portal.txt"],
    ["convert", "samples/english_news.txt"],
    ["convert", "samples", "--to", "jsonl"],
    ["convert", "samples/seed_portal.txt", "samples/utf16_bom.txt", "--to", "md"],
    ["convert", "samples", "--to", "json"],
    ["convert", "no/such/page.txt", "--to", "json"],
    ["convert", "samples/seed_portal.txt", "no/such/page.txt", "--to", "jsonl"],
    ["convert", "samples/seed_portal.txt", "-o", "samples/seed_portal.txt"],
    ["convert", "-", "--to", "json"],
    ["convert", "--to", "text"],
]
TYPER_ONLY = [
    ["convert", "samples/seed_portal.txt", "--to", "JSON"],
    ["convert", "samples/seed_portal.txt", "--to"],
    ["convert", "samples/seed_portal.txt", "--to", "json", "--to", "md"],
    ["convert", "samples/seed_portal.txt", "-tjson"],
    ["convert", "samples/seed_portal.txt", "--bogus"],
    ["convert", "samples/seed_portal.txt", "--to", "json", "--jobs", "1"],
    ["convert", "samples/seed_portal.txt", "-o", ""],
    ["convert", "--help"],
    ["convert", "--", "samples/seed_portal.txt"],
    ["--version"],
    ["detect", "samples/seed_portal.txt"],
    [],
]


@pytest.mark.parametrize("args", FAST, ids=" ".join)
def test_fast_path_matches_typer(args: list[str]) -> None:
    assert parse_plain(args) is not None  # this command line really takes the fast path
    stdin = SEED.read_bytes()
    assert fast_run(args, stdin) == typer_run(args, stdin)


@pytest.mark.parametrize("args", TYPER_ONLY, ids=" ".join)
def test_other_command_lines_go_to_typer(args: list[str]) -> None:
    assert parse_plain(args) is None
    assert fast_run(args) == typer_run(args)


def test_fast_path_output_file_matches_typer(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    args = ["convert", rel(SEED), "--to", "json", "-o", str(out)]
    slow = typer_run(args)
    slow_file = out.read_bytes()
    out.unlink()
    assert fast_run(args) == slow
    assert out.read_bytes() == slow_file
    assert fast_run(args) == typer_run(args)  # both refuse to replace it now
    assert fast_run(args)[0] == 1


def test_fast_path_does_not_import_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "reader.cli", None)  # importing it now raises ImportError
    code, out, err = fast_run(["convert", rel(SEED), "--to", "json"])
    assert (code, err) == (0, "")
    assert json.loads(out)["title"] == "洛阳涧西区:描绘城市提质“工笔画”"


# --- behaviour --------------------------------------------------------------------------------


def test_single_file_json_is_the_library_rendering() -> None:
    code, out, err = typer_run(["convert", rel(SEED), "--to", "json"])
    assert (code, err) == (0, "")
    assert out == render(read_article(rel(SEED)), Format.JSON)


def test_jsonl_streams_one_object_per_input_in_order() -> None:
    code, out, err = typer_run(["convert", "samples", "--to", "jsonl", "--jobs", "2"])
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == [rel(p) for p in SAMPLE_FILES]
    assert err == f"reader: {len(SAMPLE_FILES)} inputs converted\n"
    assert "\x1b[" not in out + err


def test_failures_do_not_stop_the_batch() -> None:
    args = ["convert", "missing.txt", rel(SEED), "samples/", "--to", "jsonl", "--errors-inline"]
    code, out, err = typer_run(args)
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {"path": "missing.txt", "error": "no such file"}
    assert rows[1]["path"] == rel(SEED)
    assert len(rows) == 2 + len(SAMPLE_FILES)
    assert err.splitlines() == [
        "reader: error: missing.txt: no such file",
        f"reader: 1 of {len(rows)} inputs failed ({len(rows) - 1} converted)",
    ]


def test_errors_inline_needs_a_jsonl_stream() -> None:
    code, out, err = typer_run(["convert", rel(SEED), "--to", "md", "--errors-inline"])
    assert (code, out) == (2, "")
    assert err.startswith("reader: error: --errors-inline needs --to jsonl")


def test_markdown_documents_are_separated_by_a_blank_line() -> None:
    code, out, _ = typer_run(["convert", rel(SEED), rel(GBK), "--to", "md"])
    assert code == 0
    first = render(read_article(rel(SEED)), Format.MD)
    second = render(read_article(rel(GBK)), Format.MD)
    assert out == first + "\n" + second


def test_stdin_from_a_pipe_and_a_terminal() -> None:
    code, out, _ = typer_run(["convert", "--to", "json"], stdin=SEED.read_bytes())
    assert code == 0
    assert json.loads(out)["path"] == "-"
    err = io.StringIO()
    streams = Streams(io.StringIO(), io.StringIO(), err, stdin_isatty=True)
    assert run_convert(ConvertRequest(fmt=Format.JSON), streams) == 2
    assert "standard input, which is a terminal" in err.getvalue()


def test_files_from_a_list_and_from_stdin(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{rel(GBK)}\n\n{rel(SEED)}\n", encoding="utf-8")
    code, out, _ = typer_run(["convert", "--files-from", str(listing), "--to", "jsonl"])
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [rel(GBK), rel(SEED)]
    stdin = f"{rel(SEED)}\n".encode()
    code, out, _ = typer_run(["convert", "--files-from", "-", "--to", "jsonl"], stdin=stdin)
    assert (code, json.loads(out)["path"]) == (0, rel(SEED))
    code, _, err = typer_run(["convert", "-", "--files-from", "-"], stdin=stdin)
    assert code == 2
    assert "both the --files-from list and an input" in err
    code, _, err = typer_run(["convert", "--files-from", str(tmp_path / "nope")])
    assert (code, err) == (1, f"reader: error: {tmp_path / 'nope'}: No such file or directory\n")


def test_glob_and_a_directory_without_matches(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.html").write_bytes(SEED.read_bytes())
    (tmp_path / "empty").mkdir()
    code, out, err = typer_run(["convert", str(tmp_path), "--glob", "*.txt", "--to", "jsonl"])
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(tmp_path / "a.txt")]
    code, out, err = typer_run(["convert", str(tmp_path / "empty"), "--to", "jsonl"])
    assert (code, out) == (1, "")
    assert err == f"reader: error: {tmp_path / 'empty'}: no files matching '*'\n"


def test_out_dir_mirrors_names_and_never_clobbers(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "site").mkdir(parents=True)
    (crawl / "site" / "a.html2text.txt").write_bytes(SEED.read_bytes())
    (crawl / "b.txt").write_bytes(GBK.read_bytes())
    out = tmp_path / "out"
    args = ["convert", str(crawl), "--out-dir", str(out), "--to", "md"]
    code, stdout, err = typer_run(args)
    assert (code, stdout, err) == (0, "", "reader: 2 inputs converted\n")
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert written == ["b.md", "site", "site/a.html2text.md"]
    assert (out / "b.md").read_text(encoding="utf-8") == render(
        read_article(crawl / "b.txt"), Format.MD
    )
    (out / "b.md").write_text("mine", encoding="utf-8")
    code, _, err = typer_run(args)
    assert code == 1
    assert f"reader: error: {crawl / 'b.txt'}: {out / 'b.md'}: exists (use --force" in err
    assert (out / "b.md").read_text(encoding="utf-8") == "mine"
    code, _, _ = typer_run([*args, "--force"])
    assert code == 0
    assert (out / "b.md").read_text(encoding="utf-8").startswith("---\n")
    assert not list(out.rglob(".*.tmp"))


def test_out_dir_never_writes_over_an_input(tmp_path: Path) -> None:
    # x.txt → x.md, which is also an input: converting it would replace a page not yet read.
    (tmp_path / "x.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "x.md").write_bytes(GBK.read_bytes())
    before = (tmp_path / "x.md").read_bytes()
    args = ["convert", str(tmp_path), "--out-dir", str(tmp_path), "--to", "md", "--force"]
    code, _, err = typer_run(args)
    assert code == 1
    assert (tmp_path / "x.md").read_bytes() == before
    assert "is the input itself" in err
    assert "is another input" in err


def test_output_file_is_refused_when_it_is_an_input(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(SEED.read_bytes())
    code, out, err = typer_run(["convert", str(page), "-o", str(page), "--force"])
    assert (code, out) == (1, "")
    assert err == f"reader: error: {page}: is an input; refusing to overwrite it\n"
    assert page.read_bytes() == SEED.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_many_json_objects_need_jsonl_or_a_directory() -> None:
    code, out, err = typer_run(["convert", rel(SEED), rel(GBK), "--to", "json"])
    assert (code, out) == (2, "")
    assert err == "reader: error: many inputs make many objects: use --to jsonl, or --out-dir\n"


def test_unknown_encoding_is_a_usage_error_before_any_work() -> None:
    code, out, err = typer_run(["convert", rel(SEED), "-e", "no-such-codec"])
    assert (code, out, err) == (2, "", "reader: error: unknown encoding: 'no-such-codec'\n")


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    names = tuple(str(p) for p in SAMPLE_FILES) * 3  # over PROGRESS_MIN inputs
    for tty in (False, True):
        out, err = io.StringIO(), io.StringIO()
        streams = Streams(None, out, err, stderr_isatty=tty)
        code = run_convert(ConvertRequest(names, Format.JSONL, jobs=1), streams)
        assert code == 0
        assert len(out.getvalue().splitlines()) == len(names)
        assert "\x1b[" not in out.getvalue()
        assert ("\x1b[" in err.getvalue()) is tty
        assert err.getvalue().endswith(f"reader: {len(names)} inputs converted\n")


# --- the installed command -----------------------------------------------------------------


def _script() -> str:
    script = Path(sys.executable).with_name("reader")
    if not script.exists():
        pytest.skip("the reader script is not installed in this environment")
    return str(script)


def test_installed_reader_script() -> None:
    proc = subprocess.run(
        [_script(), "convert", rel(SEED), "--to", "json"], capture_output=True, check=False
    )
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout.decode() == typer_run(["convert", rel(SEED), "--to", "json"])[1]


# Never on a plain conversion's path: the CLI framework and the terminal, and the standard
# modules that cost a cold start most (dataclasses brings inspect, ast and dis; pathlib brings
# urllib.parse) — see reader.record and the notes in runner, source and batch.
START_UP_FREE = {
    "typer",
    "click",
    "pydantic",
    "rich",
    "dataclasses",
    "inspect",
    "typing",
    "pathlib",
    "reader.render.markdown",
    # URLs and web archives: loaded for such inputs only.
    "reader.fetch",
    "httpx",
    "httpcore",
    "ssl",
    "brotli",
    "reader.warc",
    "fastwarc",
    "warcio",
}


@pytest.mark.parametrize(
    ("sample", "absent"),
    [
        (SEED, {"chardet", "concurrent.futures", *START_UP_FREE}),
        (GBK, START_UP_FREE),
    ],
    ids=["utf-8", "gbk"],
)
def test_plain_conversion_imports_little(sample: Path, absent: set[str]) -> None:
    """UTF-8 input never loads chardet; a piped conversion never loads typer, pydantic, rich,
    or the costly standard modules the package avoids."""
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "reader",
            "convert",
            rel(sample),
            "--to",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    tops = {name.split(".")[0] for name in imported} | imported
    assert not absent & tops


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [[rel(SEED), "--to", "json"], [rel(SEED), rel(GBK), "--to", "jsonl", "--jobs", "2"]],
    ids=["one", "pooled"],
)
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(args: list[str]) -> None:
    """Writing the output fails for good (ENOSPC): said once, no traceback, exit 1."""
    with Path("/dev/full").open("wb") as full:
        proc = subprocess.run(
            [_script(), "convert", *args], stdout=full, stderr=subprocess.PIPE, check=False
        )
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "reader: error: standard output: No space left on device"
    ]


def _reader_imports(module: str) -> set[str]:
    """The ``reader`` modules a source file imports, at the top or inside functions."""
    import ast

    tree = ast.parse((ROOT / "src" / "reader" / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("reader")}


def test_the_two_front_ends_do_not_import_each_other() -> None:
    """Only the entry point knows both: the convert command (runner) never loads the typer app,
    and the typer app never loads the entry point's fast path."""
    assert not {"reader.cli", "reader.entry"} & _reader_imports("runner")
    assert "reader.entry" not in _reader_imports("cli")
    assert {"reader.cli", "reader.runner"} <= _reader_imports("entry")
