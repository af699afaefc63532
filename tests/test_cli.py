"""The CLI through its real entry point: exit codes, stdout for data only, errors on one line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app
from tests.conftest import SAMPLES

SEED = SAMPLES / "seed_portal.txt"
runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["convert"], ["view"], ["detect"], ["explain"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_convert_json_from_stdin_matches_the_file() -> None:
    piped = runner.invoke(app, ["convert", "--to", "json", "-"], input=SEED.read_bytes())
    direct = runner.invoke(app, ["convert", "--to", "json", str(SEED)])
    assert piped.exit_code == direct.exit_code == 0
    a, b = json.loads(piped.stdout), json.loads(direct.stdout)
    assert a["path"] == "-"
    a.pop("path"), b.pop("path")
    assert a == b
    assert "\x1b[" not in piped.stdout


def test_missing_file_is_one_line_and_exit_1() -> None:
    result = runner.invoke(app, ["convert", "/no/such/file.txt"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["reader: error: /no/such/file.txt: no such file"]


def test_binary_input_is_refused(tmp_path: Path) -> None:
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = runner.invoke(app, ["convert", str(png)])
    assert result.exit_code == 1
    assert "binary" in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_file_is_an_empty_article(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["convert", "--to", "json", str(empty)])
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert d["body"] == [] and d["lines"]["total"] == 0


def test_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["convert", "--to", "pdf", str(SEED)])
    assert result.exit_code == 2


def test_unknown_encoding_is_a_usage_error() -> None:
    result = runner.invoke(app, ["convert", "--encoding", "klingon", str(SEED)])
    assert result.exit_code == 2
    assert "unknown encoding" in result.stderr


def test_output_file_never_overwrites_the_input(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes())
    result = runner.invoke(app, ["convert", str(page), "-o", str(page), "--force"])
    assert result.exit_code == 1
    assert page.read_bytes() == SEED.read_bytes()


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "seed.md"
    result = runner.invoke(app, ["convert", str(SEED), "--to", "md", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("---\n")
    assert [p.name for p in tmp_path.iterdir()] == ["seed.md"]  # no temp file left behind


def test_detect_lines_and_json() -> None:
    result = runner.invoke(app, ["detect", str(SEED), str(SAMPLES / "gbk_portal.txt")])
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[1] for r in rows] == ["utf-8", "gb18030"]
    result = runner.invoke(app, ["detect", "--json", str(SAMPLES / "utf16_bom.txt")])
    row = json.loads(result.stdout)
    assert (row["encoding"], row["method"]) == ("utf-16-le", "bom")


def test_explain_lists_every_line_then_where_each_field_came_from() -> None:
    result = runner.invoke(app, ["explain", str(SEED)])
    assert result.exit_code == 0
    lines, fields = result.stdout.split("\n\n")
    assert len(lines.splitlines()) == 18
    assert lines.splitlines()[2].split()[1] == "title"
    rows = [row.split() for row in fields.splitlines()]
    assert rows == [
        ["field", "source", "label", "line", "5", "本站原创"],
        ["field", "updated", "label", "line", "5", "2022-11-20T00:25:22"],
    ]


def test_installed_command_runs_as_a_subprocess() -> None:
    exe = shutil.which("reader") or str(Path(sys.executable).parent / "reader")
    if not Path(exe).exists():
        pytest.skip("the reader command is not installed")
    proc = subprocess.run(
        [exe, "convert", "--to", "json", str(SEED)], capture_output=True, check=False, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "洛阳涧西区:描绘城市提质“工笔画”"


def test_python_dash_m_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "convert", "--to", "text", "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8").startswith("洛阳涧西区")


def test_explain_shows_the_words_of_a_padded_line() -> None:
    # lynx centres text with hundreds of spaces; the listing must still show the words.
    page = "Home | News\n\n" + " " * 300 + "A   centred   headline\n\n" + "Some text here. " * 20
    result = runner.invoke(app, ["explain", "-"], input=page)
    assert result.exit_code == 0
    assert "A centred headline" in result.stdout.splitlines()[2]


def test_explain_passes_names_the_deciding_pass() -> None:
    result = runner.invoke(app, ["explain", "--passes", str(SEED)])
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.split("\n\n")[0].splitlines()]
    assert len(rows) == 18
    assert rows[2][1:3] == ["title", "choose_title"]
    assert rows[4][1:3] == ["metadata", "classify_run"]
    assert rows[10][1:3] == ["teaser", "unswallow_teasers"]


def test_explain_trace_times_each_stage_and_pass() -> None:
    from reader.parse import PASSES

    result = runner.invoke(app, ["explain", "--trace", str(SEED)])
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines()]
    names = [r[0] for r in rows]
    assert names == ["decode", "segment", *(p.__name__ for p in PASSES), "assemble", "total"]
    assert all(r[2] == "ms" and float(r[1]) >= 0 for r in rows)
