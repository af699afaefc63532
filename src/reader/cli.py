"""The ``reader`` command: options → library calls → exit code. No parsing logic lives here.

Errors from the library are mapped to one stderr line and an exit code in one place (``_fail``);
tracebacks only with ``--debug``. stdout carries data only.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reader.model import Article
from reader.errors import ExitCode, OutputError, ReaderError, UsageError
from reader.source import DEFAULT_MAX_BYTES, STDIN_NAME

app = typer.Typer(
    name="reader",
    help="Read scraped news and portal pages in a terminal, or convert them to Markdown, JSON or text.",
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
)


class ToFormat(StrEnum):
    md = "md"
    json = "json"
    jsonl = "jsonl"
    text = "text"


class ColorOpt(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class ThemeOpt(StrEnum):
    dark = "dark"
    light = "light"


class InputKind(StrEnum):
    auto = "auto"
    text = "text"


_state = {"debug": False}

EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", "-e", help="Decode with this codec instead of detecting."),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.", min=1)
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]


def err(message: str) -> None:
    """One line on stderr, never markup."""
    sys.stderr.write(f"reader: {message}\n")
    sys.stderr.flush()


def _fail(exc: ReaderError) -> int:
    if _state["debug"]:
        raise exc
    err(f"error: {exc}")
    return int(exc.exit_code)


def _check_stdin(names: list[str]) -> None:
    if STDIN_NAME in names and sys.stdin.isatty():
        raise UsageError(
            "reading from standard input, which is a terminal: give a FILE or pipe a page in"
        )


def _expand(names: list[str], glob: str) -> Iterator[str]:
    """Files as given; directories walked recursively in sorted order."""
    for name in names:
        p = Path(name)
        if name != STDIN_NAME and p.is_dir():
            yield from (str(f) for f in sorted(p.rglob(glob)) if f.is_file())
        else:
            yield name


def _write_atomic(path: Path, data: str, inputs: set[Path], force: bool) -> None:
    """Write via a temp file and rename: a reader of ``path`` never sees half a file."""
    resolved = path.resolve()
    if resolved in inputs:
        raise OutputError(f"{path}: is an input; refusing to overwrite it")
    if path.exists() and not force:
        raise OutputError(f"{path}: exists (use --force to replace it)")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: {exc.strerror or exc}") from None


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Read scraped news and portal pages, or convert them to Markdown, JSON or text."""
    if version:
        from reader import __version__

        print(f"reader {__version__}")
        raise typer.Exit(0)


@app.command()
def convert(
    files: Annotated[
        list[str] | None, typer.Argument(help="Input files or directories; - or none for stdin.")
    ] = None,
    to: Annotated[ToFormat, typer.Option("--to", "-t", help="Output format.")] = ToFormat.md,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically), not stdout."),
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out-dir", help="Write one file per input into this directory.")
    ] = None,
    glob: Annotated[str, typer.Option("--glob", help="Files to take from directories.")] = "*",
    force: Annotated[bool, typer.Option("--force", help="Replace existing output files.")] = False,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    """Convert pages to Markdown, JSON, JSON Lines or plain text."""
    _state["debug"] = debug
    raise typer.Exit(
        _convert(files or [STDIN_NAME], to, output, out_dir, glob, force, encoding, max_bytes)
    )


def _convert(
    names: list[str],
    to: ToFormat,
    output: Path | None,
    out_dir: Path | None,
    glob: str,
    force: bool,
    encoding: str | None,
    max_bytes: int,
) -> int:
    from reader.api import read_article
    from reader.render import EXTENSIONS, Format, render

    fmt = Format(to.value)
    try:
        _check_stdin(names)
        if output and out_dir:
            raise UsageError("give -o/--output or --out-dir, not both")
        inputs = list(_expand(names, glob))
        if len(inputs) > 1 and fmt is Format.JSON and not out_dir:
            raise UsageError("many inputs make many objects: use --to jsonl, or --out-dir")
        if len(inputs) > 1 and output and fmt is not Format.JSONL:
            raise UsageError("many inputs into one -o file need --to jsonl (or use --out-dir)")
    except ReaderError as exc:
        return _fail(exc)
    input_paths = {Path(n).resolve() for n in inputs if n != STDIN_NAME}
    failed = 0
    chunks: list[str] = []
    for position, name in enumerate(inputs):
        try:
            article = read_article(name, encoding=encoding, max_bytes=max_bytes)
            data = render(article, fmt)
            if out_dir:
                stem = "stdin" if name == STDIN_NAME else Path(name).stem
                _write_atomic(out_dir / (stem + EXTENSIONS[fmt]), data, input_paths, force)
            elif output:
                chunks.append(data)
            else:
                if position and fmt in (Format.MD, Format.TEXT):
                    sys.stdout.write("\n")
                sys.stdout.write(data)
                sys.stdout.flush()
        except ReaderError as exc:
            failed += 1
            code = _fail(exc)
            if code == ExitCode.USAGE:
                return code
    if output and chunks:
        try:
            _write_atomic(output, "".join(chunks), input_paths, force)
        except ReaderError as exc:
            return _fail(exc)
    if failed and len(inputs) > 1:
        err(f"{failed} of {len(inputs)} inputs failed")
    return int(ExitCode.INPUT_FAILED if failed else ExitCode.OK)


@app.command()
def view(
    file: Annotated[str, typer.Argument(help="Input file; - or none for stdin.")] = STDIN_NAME,
    width: Annotated[
        int | None, typer.Option("--width", "-w", help="Wrap at this width.", min=20)
    ] = None,
    pager: Annotated[
        bool | None,
        typer.Option("--pager/--no-pager", help="Page through $PAGER (default: when it fits not)."),
    ] = None,
    color: Annotated[ColorOpt, typer.Option("--color", help="Colour output.")] = ColorOpt.auto,
    theme: Annotated[
        ThemeOpt | None, typer.Option("--theme", help="Colour theme (also READER_THEME).")
    ] = None,
    indent: Annotated[
        bool, typer.Option("--indent", help="Indent Chinese paragraphs by two spaces.")
    ] = False,
    teasers: Annotated[
        bool, typer.Option("--teasers/--no-teasers", help="Show related snippets.")
    ] = True,
    show_boilerplate: Annotated[
        bool, typer.Option("--show-boilerplate", help="Show boilerplate lines, dimmed, in place.")
    ] = False,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    """Show a page in the terminal, paged when it is taller than the screen."""
    _state["debug"] = debug
    from reader.api import read_article

    try:
        _check_stdin([file])
        article = read_article(file, encoding=encoding, max_bytes=max_bytes)
    except ReaderError as exc:
        raise typer.Exit(_fail(exc)) from None
    chosen = (theme.value if theme else os.environ.get("READER_THEME", "dark")).lower()
    if chosen not in ("dark", "light"):
        chosen = "dark"
    raise typer.Exit(
        _show(article, width, pager, color.value, chosen, indent, teasers, show_boilerplate)
    )


def _show(
    article: Article,
    width: int | None,
    pager: bool | None,
    color: str,
    theme: str,
    indent: bool,
    teasers: bool,
    boilerplate: bool,
) -> int:
    from reader.console import OutputSettings

    settings = OutputSettings.detect(width=width, color=color, pager=pager)  # type: ignore[arg-type]
    if not settings.stdout_isatty and settings.color != "always":
        # Not a terminal: plain text, no ANSI, no pager.
        from reader.render import text

        sys.stdout.write(text.render(article))
        return 0
    from reader.console import make_console, pager_env, should_page
    from reader.render.terminal import ViewOptions, build_view, measure

    console = make_console(settings)
    opts = ViewOptions(
        width=measure(settings.terminal_width),
        theme=theme,  # type: ignore[arg-type]
        indent=indent,
        teasers=teasers,
        boilerplate=boilerplate,
    )
    view_width = opts.width
    renderable = build_view(article, opts)
    lines = console.render_lines(renderable, console.options.update(width=view_width), pad=False)
    if should_page(settings, len(lines)):
        os.environ.update(pager_env(dict(os.environ)))
        with console.pager(styles=True):
            console.print(renderable, width=view_width)
    else:
        console.print(renderable, width=view_width)
    return 0


@app.command()
def detect(
    files: Annotated[
        list[str] | None, typer.Argument(help="Input files; - or none for stdin.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    """Print each file's encoding, confidence and how it was found."""
    _state["debug"] = debug
    import json

    from reader.decode import decode
    from reader.errors import BinaryInputError
    from reader.source import read_source

    names = files or [STDIN_NAME]
    try:
        _check_stdin(names)
    except ReaderError as exc:
        raise typer.Exit(_fail(exc)) from None
    failed = 0
    for name in names:
        try:
            raw = read_source(name, max_bytes=max_bytes)
            try:
                d = decode(raw.data)
                row = {
                    "path": name,
                    "encoding": d.encoding,
                    "confidence": d.confidence,
                    "method": d.method,
                    "replacements": d.replacements,
                }
            except BinaryInputError:
                row = {
                    "path": name,
                    "encoding": None,
                    "confidence": None,
                    "method": "binary",
                    "replacements": 0,
                }
        except ReaderError as exc:
            failed += 1
            _fail(exc)
            continue
        if as_json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            conf = "-" if row["confidence"] is None else f"{row['confidence']:.2f}"
            print(f"{name}\t{row['encoding'] or 'binary'}\t{conf}\t{row['method']}")
    raise typer.Exit(int(ExitCode.INPUT_FAILED if failed else ExitCode.OK))


@app.command()
def explain(
    file: Annotated[str, typer.Argument(help="Input file; - or none for stdin.")] = STDIN_NAME,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    """Print each input line with the part it went to and why."""
    _state["debug"] = debug
    from reader.api import read_article

    try:
        _check_stdin([file])
        article = read_article(file, encoding=encoding, max_bytes=max_bytes)
    except ReaderError as exc:
        raise typer.Exit(_fail(exc)) from None
    out = sys.stdout
    for e in article.explanations:
        text = e.text if len(e.text) <= 60 else e.text[:59] + "…"
        out.write(f"{e.line:5d}  {e.part.value:<11}  {e.reason:<48}  {text}\n")
    raise typer.Exit(0)


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app, ends quietly on a closed pipe or Ctrl-C."""
    try:
        app(args=argv, prog_name="reader")
    except BrokenPipeError:
        # Someone stopped reading (``| head``): point stdout at devnull so the final flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.INPUT_FAILED))
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(int(ExitCode.INTERRUPTED))
