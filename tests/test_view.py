"""The terminal view: layout goldens, line-breaking invariants, markup safety, console decisions, and
the ``view`` command through typer's CliRunner (stdout is not a terminal there)."""

from __future__ import annotations

import io
import re
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from reader import read_article
from reader.cli import app
from reader.console import (
    OutputSettings,
    make_console,
    page,
    pager_command,
    pager_env,
    resolve_theme,
    should_page,
)
from reader.model import Article, Block, EncodingInfo, Metadata, Teaser
from reader.render import Format, render
from reader.render.terminal import NO_END, NO_START, ViewOptions, break_cjk, build_view
from tests.conftest import GOLDEN, ROOT, SAMPLE_FILES, SAMPLES, check_golden

if TYPE_CHECKING:
    from pathlib import Path

SEED = SAMPLES / "seed_portal.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def view(article: Article, width: int, options: ViewOptions | None = None, **kw: object) -> str:
    """Render the view as the goldens do: a fixed-width, standard-colour terminal console."""
    console = Console(
        file=io.StringIO(), width=width, force_terminal=True, color_system="standard", **kw
    )
    console.print(build_view(article, options))
    out = console.file.getvalue()
    assert isinstance(out, str)
    return out


def plain_lines(rendered: str) -> list[str]:
    return ANSI.sub("", rendered).split("\n")


def load(sample: Path) -> Article:
    """Read a sample, naming it relative to the repository so goldens do not depend on the checkout."""
    return read_article(sample).replace(path=sample.relative_to(ROOT).as_posix())


@pytest.fixture(scope="module")
def seed() -> Article:
    return load(SEED)


# --- goldens -------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 100])
def test_seed_golden(seed: Article, width: int, update_golden: bool) -> None:
    check_golden(GOLDEN / "view" / f"seed_portal.{width}.ansi", view(seed, width), update_golden)


def test_seed_golden_all_options(seed: Article, update_golden: bool) -> None:
    """Light theme, first-line indent and boilerplate in place, in one reviewed file."""
    options = ViewOptions(theme="light", indent=True, boilerplate=True)
    check_golden(
        GOLDEN / "view" / "seed_portal.light-indent-boilerplate.60.ansi",
        view(seed, 60, options),
        update_golden,
    )


# --- layout invariants on every sample -----------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("width", [20, 33, 41, 60, 80, 100, 140])
def test_no_line_wider_than_console_and_nothing_lost(sample: Path, width: int) -> None:
    article = load(sample)
    options = ViewOptions(indent=True, boilerplate=True)
    lines = plain_lines(view(article, width, options))
    assert max(cell_len(line) for line in lines) <= width
    assert all(line == line.rstrip() for line in lines), "no trailing spaces"
    flat = re.sub(r"\s", "", "".join(lines))
    for block in (*article.body, *article.boilerplate):
        assert re.sub(r"\s", "", block.text) in flat  # wrapping drops nothing but spaces


def test_layout_order_and_sections(seed: Article) -> None:
    lines = [line.strip() for line in plain_lines(view(seed, 100))]
    title = lines.index("洛阳涧西区:描绘城市提质“工笔画”")
    assert (
        lines[title + 1] == "本站原创 · 2022-11-20 00:25:22"
    )  # 佚名 and the empty counter left out
    assert set(lines[title + 2]) == {"─"}
    related = next(i for i, line in enumerate(lines) if line.startswith("其他文章 ─"))
    assert lines[related + 1].startswith("• 核心阅读")
    assert lines[-2] == "samples/seed_portal.txt · utf-8"
    assert "栏目文章" not in lines  # boilerplate hidden by default
    body_start = lines.index("", title + 3) + 1
    assert lines[body_start].startswith("张二宝的浮华人生")


def test_measure_caps_wide_consoles(seed: Article) -> None:
    wide = plain_lines(view(seed, 200))
    assert max(cell_len(line) for line in wide) <= 2 + 72  # margin + the CJK measure
    english = load(SAMPLES / "english_news.txt")
    assert max(cell_len(line) for line in plain_lines(view(english, 200))) <= 2 + 78
    filled = plain_lines(view(seed, 120, ViewOptions(measure=120)))
    assert max(cell_len(line) for line in filled) == 120  # an explicit measure fills the width


def test_title_bold_and_colours_by_theme(seed: Article) -> None:
    dark = view(seed, 60)
    light = view(seed, 60, ViewOptions(theme="light"))
    assert "\x1b[1;97m洛阳涧西区" in dark
    assert "\x1b[1;34m洛阳涧西区" in light
    assert "\x1b[2m" in dark  # the related section is dimmed


def test_indent_and_boilerplate_options(seed: Article) -> None:
    lines = plain_lines(view(seed, 80, ViewOptions(indent=True, boilerplate=True)))
    assert "  \u3000\u3000张二宝的浮华人生" in "\n".join(lines)
    at = lines.index("  栏目文章")
    assert lines[at - 1] == "  |" and lines[at - 3] == ""  # a run of boilerplate stays together
    english = load(SAMPLES / "english_news.txt")
    assert "\u3000" not in view(english, 80, ViewOptions(indent=True))  # only for CJK pages


def test_no_teasers(seed: Article) -> None:
    out = view(seed, 80, ViewOptions(teasers=False))
    assert "其他文章" not in out and "核心阅读" not in out


def test_no_margin_on_narrow_consoles(seed: Article) -> None:
    assert plain_lines(view(seed, 30))[1].startswith("洛阳")


# --- scraped text is never markup ----------------------------------------------------------------

TRICKY = Article(
    title="[bold]Not bold[/] [/]",
    metadata=Metadata(authors=("[red]Ann[/red]",), source="[link=x]src[/link]"),
    body=(Block("Closing [/] and [Anzeige] and :smile: stay as typed.", (3,)),),
    teasers=(Teaser("[dim]teaser[/dim]…", (4,), truncated=True),),
    boilerplate=(Block("[/b]", (5,)),),
    encoding=EncodingInfo("utf-8", "utf-8", 1.0),
    language="en",
    path="[x].txt",
)


@pytest.mark.parametrize("markup", [True, False])
def test_scraped_text_is_never_markup(markup: bool) -> None:
    out = ANSI.sub("", view(TRICKY, 80, ViewOptions(boilerplate=True), markup=markup, emoji=True))
    for literal in (
        "[bold]Not bold[/] [/]",
        "[red]Ann[/red]",
        "[link=x]src[/link]",
        "Closing [/] and [Anzeige] and :smile: stay as typed.",
        "[dim]teaser[/dim]…",
        "[/b]",
        "[x].txt",
    ):
        assert literal in out


# --- CJK line breaking ---------------------------------------------------------------------------


def lines_of(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in break_cjk(text, width)]


def test_latin_run_inside_cjk_is_not_stranded() -> None:
    text = "广州市场步行街改造提升、5G XR电竞未来乐园项目入选全国优秀案例"
    got = lines_of(text, 30)
    assert got[0] == "广州市场步行街改造提升、5G XR"  # rich alone would leave "5G" on a line
    assert all(cell_len(line) <= 30 for line in got)


def test_kinsoku_closing_punctuation_never_starts_a_line() -> None:
    text = "今天天气很好，我们出去玩。“好啊！”他说：“走吧。”"
    for width in range(6, 40):  # at 4 cells "啊！”" cannot fit on any line
        got = lines_of(text, width)
        assert all(cell_len(line) <= width for line in got)
        assert all(line[0] not in NO_START for line in got[1:]), (width, got)
        assert all(line[-1] not in NO_END for line in got), (width, got)
        assert "".join(got) == text


def test_ellipsis_halves_stay_together() -> None:
    text = "群众集聚……日新月异"
    for width in range(6, 20):
        assert not any(line.startswith("…") for line in lines_of(text, width)[1:])


def test_long_latin_run_folds() -> None:
    url = "https://example.com/a/very/long/path/that/cannot/fit"
    got = lines_of("见" + url + "。", 20)
    assert all(cell_len(line) <= 20 for line in got)
    assert "".join(got) == "见" + url + "。"


def test_spaces_at_breaks_are_dropped_and_full_width_spaces_kept() -> None:
    got = lines_of("\u3000\u3000第一段 second part 第三", 12)
    assert got[0].startswith("\u3000\u3000")
    assert all(line == line.strip(" ") for line in got)


CJK_ALPHABET = st.sampled_from(
    list("中文字段落测试，。、：；！？“”‘’（）《》【】…—ー々ぁ")
    + list("abcXYZ019-,.:;!?()[]\"' ")
    + ["\u3000", "\u0301", "한", "😀"]
)


@given(st.text(CJK_ALPHABET, max_size=120), st.integers(min_value=2, max_value=50))
def test_break_cjk_fits_and_keeps_every_character(text: str, width: int) -> None:
    spans = break_cjk(text, width)
    pos = 0
    for a, b in spans:
        assert a < b
        assert text[pos:a].strip(" \t") == ""  # only spaces between lines
        assert cell_len(text[a:b]) <= width
        pos = b
    assert text[pos:].strip(" \t") == ""


# --- console decisions ---------------------------------------------------------------------------


def settings(**kw: object) -> OutputSettings:
    kw.setdefault("stdout", io.StringIO())
    kw.setdefault("env", {"TERM": "xterm-256color"})
    return OutputSettings(**kw)


@pytest.mark.parametrize(
    ("tty", "pager", "env", "lines", "expected"),
    [
        (True, None, {}, 100, True),  # taller than the 24-line screen
        (True, None, {}, 24, False),  # fits
        (False, None, {}, 100, False),  # piped: never
        (False, True, {}, 100, False),  # --pager cannot page a pipe
        (True, False, {}, 100, False),  # --no-pager
        (True, True, {}, 3, True),  # --pager even when it fits
        (True, None, {"TERM": "dumb"}, 100, False),
        (True, None, {"LINES": "200"}, 100, False),
    ],
)
def test_should_page(
    tty: bool, pager: bool | None, env: dict[str, str], lines: int, expected: bool
) -> None:
    s = settings(stdout_isatty=tty, pager=pager, env={"TERM": "xterm", **env}, height=None)
    assert should_page(s, lines) is expected


def test_pager_command_and_env() -> None:
    assert pager_command({}) == ["less", "-R"]
    assert pager_command({"PAGER": "most -s"}) == ["most", "-s"]
    assert pager_command({"PAGER": ""}) is None
    assert pager_command({"PAGER": "/bin/cat"}) is None
    assert pager_env({})["LESS"] == "FRX"
    assert pager_env({"LESS": "-S"})["LESS"] == "-S"  # the user's LESS wins, as with git


def test_page_feeds_the_pager_and_sets_less(tmp_path: Path) -> None:
    out = tmp_path / "paged.txt"
    script = "import os,sys; open(sys.argv[1],'w',encoding='utf-8').write(os.environ['LESS']+'|'+sys.stdin.read())"
    env = {"PAGER": f"{sys.executable} -c {script!r} {out}"}
    assert page("第一页 [/]\n", settings(env=env)) is True
    assert out.read_text(encoding="utf-8") == "FRX|第一页 [/]\n"


def test_page_quitting_early_is_not_an_error() -> None:
    env = {"PAGER": f"{sys.executable} -c pass"}
    assert page("行\n" * 200_000, settings(env=env)) is True  # the pager never reads: EPIPE


def test_page_without_a_pager_program_falls_back() -> None:
    assert page("x\n", settings(env={"PAGER": "/nonexistent/pager"})) is False
    assert page("x\n", settings(env={"PAGER": "cat"})) is False


@pytest.mark.parametrize(
    ("choice", "env", "expected"),
    [
        (None, {}, ("dark", None)),
        ("light", {"READER_THEME": "dark"}, ("light", None)),
        (None, {"READER_THEME": "Light"}, ("light", None)),
        (None, {"COLORFGBG": "0;15"}, ("light", None)),
        (None, {"COLORFGBG": "15;0"}, ("dark", None)),
    ],
)
def test_resolve_theme(choice: str | None, env: dict[str, str], expected: object) -> None:
    assert resolve_theme(choice, env) == expected


def test_resolve_theme_warns_on_nonsense() -> None:
    theme, warning = resolve_theme(None, {"READER_THEME": "solarized"})
    assert theme == "dark" and warning and "READER_THEME" in warning


@pytest.mark.parametrize(
    ("tty", "color", "env", "expected"),
    [
        (True, "auto", {}, True),
        (False, "auto", {}, False),
        (False, "always", {}, True),
        (True, "never", {}, True),  # laid out, just without escapes
        (False, "never", {"FORCE_COLOR": "1"}, False),
        (False, "auto", {"FORCE_COLOR": "1"}, True),
        (False, "auto", {"TTY_COMPATIBLE": "1"}, True),
        (True, "auto", {"TTY_COMPATIBLE": "0"}, False),
    ],
)
def test_pretty(tty: bool, color: str, env: dict[str, str], expected: bool) -> None:
    assert settings(stdout_isatty=tty, color=color, env=env).pretty is expected


def _print(s: OutputSettings, article: Article) -> str:
    console = make_console(s)
    with console.capture() as cap:
        console.print(build_view(article))
    return cap.get()


def test_no_color_keeps_bold(seed: Article) -> None:
    out = _print(settings(env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"}), seed)
    assert "\x1b[1m洛阳涧西区" in out
    assert not COLOUR.search(out)


def test_color_never_emits_no_escapes_and_always_ignores_no_color(seed: Article) -> None:
    assert "\x1b[" not in _print(settings(color="never", env={"FORCE_COLOR": "1"}), seed)
    always = _print(settings(color="always", env={"NO_COLOR": "1", "TERM": "dumb"}), seed)
    assert COLOUR.search(always)


def test_terminal_width_from_columns() -> None:
    assert settings(env={"COLUMNS": "57"}).terminal_width == 57
    assert settings(width=44, env={"COLUMNS": "57"}).terminal_width == 44
    assert settings(env={}).terminal_width == 80


# --- the view command ----------------------------------------------------------------------------

runner = CliRunner()
CLEAN_ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "READER_THEME": None}


def invoke(*args: str, env: dict[str, str | None] | None = None, input: bytes | None = None):
    return runner.invoke(app, ["view", *args], env={**CLEAN_ENV, **(env or {})}, input=input)


def test_cli_piped_is_plain_text(seed: Article) -> None:
    result = invoke(str(SEED))
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert result.stdout == render(seed, Format.TEXT)
    assert result.stderr == ""


def test_cli_piped_no_teasers() -> None:
    result = invoke(str(SEED), "--no-teasers")
    assert result.exit_code == 0
    assert "核心阅读" not in result.stdout and "Related" not in result.stdout


def test_cli_stdin() -> None:
    result = invoke("-", "--color", "always", input=SEED.read_bytes())
    assert result.exit_code == 0
    assert "stdin · utf-8" in ANSI.sub("", result.stdout)


def test_cli_color_always() -> None:
    result = invoke(str(SEED), "--color", "always", "--width", "60")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"\x1b\[1(;\d+)*m洛阳涧西区:描绘城市提质“工笔画”", result.stdout)
    lines = plain_lines(result.stdout)
    assert "  本站原创 · 2022-11-20 00:25:22" in lines
    assert max(cell_len(line) for line in lines) <= 60


def test_cli_color_never_on_a_terminal_is_laid_out_without_escapes() -> None:
    result = invoke(str(SEED), "--color", "never", "--no-pager", env={"TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "  洛阳涧西区:描绘城市提质“工笔画”\n" in result.stdout


def test_cli_no_color_keeps_bold() -> None:
    result = invoke(str(SEED), "--no-pager", env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1"})
    assert "\x1b[1m洛阳涧西区" in result.stdout
    assert not COLOUR.search(result.stdout)


def test_cli_theme_option_and_env() -> None:
    light = invoke(str(SEED), "--color", "always", "--theme", "light").stdout
    from_env = invoke(str(SEED), "--color", "always", env={"READER_THEME": "light"}).stdout
    dark = invoke(str(SEED), "--color", "always", "--theme", "dark").stdout
    assert light == from_env != dark
    bad = invoke(str(SEED), "--color", "always", env={"READER_THEME": "neon"})
    assert bad.exit_code == 0 and bad.stdout == dark
    assert bad.stderr.startswith("reader: warning: READER_THEME='neon'")


def test_cli_markup_in_page_prints_as_is(tmp_path: Path) -> None:
    page_file = tmp_path / "tricky.txt"
    page_file.write_text(
        "标题里有[bold]标记[/]\n\n正文里有 [/] 和 [red]红色[/red] 以及 [Anzeige]。\n",
        encoding="utf-8",
    )
    for args in ([], ["--color", "always"]):
        result = invoke(str(page_file), *args)
        assert result.exit_code == 0, result.stderr
        out = ANSI.sub("", result.stdout)
        assert "[/]" in out and "[red]红色[/red]" in out and "[Anzeige]" in out


def test_cli_missing_file() -> None:
    result = invoke("no/such/file.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("reader: error:")


def test_cli_pager_flag_does_not_page_a_pipe() -> None:
    result = invoke(str(SEED), "--pager", "--color", "always", env={"PAGER": "false"})
    assert result.exit_code == 0
    assert "洛阳涧西区" in result.stdout
