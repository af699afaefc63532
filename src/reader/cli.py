"""The ``reader`` command: options → library calls → exit code. No parsing logic lives here.

Errors from the library are mapped to one stderr line and an exit code in one place (``_fail``);
tracebacks only with ``--debug``. stdout carries data only.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reader.model import Article
    from reader.parse import ParseOptions
from reader.errors import ExitCode, ReaderError, UsageError
from reader.runner import silence_stdout
from reader.source import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, STDIN_NAME

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
    html = "html"
    text = "text"


_state = {"debug": False}

EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", "-e", help="Decode with this codec instead of detecting."),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        help="For URLs: seconds to wait for a connection, and for each read.",
    ),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.", min=1)
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
InputOpt = Annotated[
    InputKind,
    typer.Option("--input", help="What the input is: detected (auto), an HTML page, a text dump."),
]
LinksOpt = Annotated[
    bool, typer.Option("--links", help="HTML input: keep links as Markdown links in the text.")
]
ImagesOpt = Annotated[
    bool, typer.Option("--images", help="HTML input: keep images as Markdown images.")
]


LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language hint for encoding detection (zh, ja, ko, ru, …)."),
]
FixMojibakeOpt = Annotated[
    bool,
    typer.Option(
        "--fix-mojibake/--no-fix-mojibake",
        help="Repair text that was decoded wrongly once and saved again (when unambiguous).",
    ),
]


def _parse_options(
    input_kind: InputKind,
    links: bool,
    images: bool,
    lang: str | None = None,
    fix_mojibake: bool = True,
) -> ParseOptions | None:
    """The options the --input/--links/--images/--lang/--no-fix-mojibake flags ask for.

    None stands for the defaults, so the fast path and typer build the same request.
    """
    from reader.parse import ParseOptions

    if input_kind is InputKind.auto and not links and not images and not lang and fix_mojibake:
        return None
    return ParseOptions(
        input=input_kind.value, links=links, images=images, lang=lang, fix_mojibake=fix_mojibake
    )


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


def _read_page(
    file: str,
    encoding: str | None,
    options: ParseOptions | None,
    max_bytes: int,
    timeout: float,
    trace: list[tuple[str, float]] | None = None,
) -> Article:
    """The one page ``view`` and ``explain`` show: a file, stdin (never a terminal) or a URL."""
    from reader.api import read_article
    from reader.runner import check_timeout

    check_timeout(timeout)
    _check_stdin([file])
    return read_article(
        file,
        encoding=encoding,
        options=options,
        max_bytes=max_bytes,
        timeout=timeout,
        trace=trace,
    )


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
        list[str] | None,
        typer.Argument(
            help="Input files, directories (walked recursively), http(s) URLs or WARC files"
            " (.warc, .warc.gz); - or none for stdin."
        ),
    ] = None,
    to: Annotated[ToFormat, typer.Option("--to", "-t", help="Output format.")] = ToFormat.md,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file (atomically), not stdout."
        ),
    ] = None,
    out_dir: Annotated[
        str | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write one file per input into this directory, names mirrored.",
        ),
    ] = None,
    glob: Annotated[
        str,
        typer.Option(
            "--glob", metavar="PATTERN", help="File names to take from directories, e.g. '*.txt'."
        ),
    ] = "*",
    files_from: Annotated[
        str | None,
        typer.Option(
            "--files-from",
            metavar="LIST",
            help="Also convert the paths listed in this file, one a line (- for stdin).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", metavar="N", help="Worker processes (default: the cores).", min=1
        ),
    ] = None,
    errors_inline: Annotated[
        bool,
        typer.Option(
            "--errors-inline", help='With --to jsonl, add a {"path", "error"} line per failure.'
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace existing output files.")] = False,
    encoding: EncodingOpt = None,
    input_kind: InputOpt = InputKind.auto,
    links: LinksOpt = False,
    images: ImagesOpt = False,
    lang: LangOpt = None,
    fix_mojibake: FixMojibakeOpt = True,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    debug: DebugOpt = False,
) -> None:
    """Convert pages to Markdown, JSON, JSON Lines or plain text.

    Many inputs run in parallel and come out in input order; a failed input is reported on
    stderr and the rest go on (exit 1 at the end).
    """
    # The body is typer-free (reader.runner), shared with the fast path of the `reader` script.
    from reader.render import Format
    from reader.runner import ConvertRequest, run_convert

    request = ConvertRequest(
        names=tuple(files or ()),
        fmt=Format(to.value),
        output=output,
        out_dir=out_dir,
        glob=glob,
        files_from=files_from,
        force=force,
        jobs=jobs,
        errors_inline=errors_inline,
        encoding=encoding,
        max_bytes=max_bytes,
        debug=debug,
        parse=_parse_options(input_kind, links, images, lang, fix_mojibake),
        timeout=timeout,
    )
    raise typer.Exit(run_convert(request))


@app.command()
def view(
    file: Annotated[
        str, typer.Argument(help="Input file or http(s) URL; - or none for stdin.")
    ] = STDIN_NAME,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            "-w",
            help="Wrap at N columns (default: the terminal's, capped at a comfortable measure).",
            min=20,
        ),
    ] = None,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page through $PAGER, default less -R (default: when taller than the screen).",
        ),
    ] = None,
    color: Annotated[
        ColorOpt,
        typer.Option(
            "--color", help="Colour: auto (terminals only; honours NO_COLOR), always, never."
        ),
    ] = ColorOpt.auto,
    theme: Annotated[
        ThemeOpt | None, typer.Option("--theme", help="Colour theme (also READER_THEME).")
    ] = None,
    indent: Annotated[
        bool, typer.Option("--indent", help="Indent Chinese paragraphs by two full-width spaces.")
    ] = False,
    teasers: Annotated[
        bool, typer.Option("--teasers/--no-teasers", help="Show other articles' snippets, dimmed.")
    ] = True,
    show_boilerplate: Annotated[
        bool, typer.Option("--show-boilerplate", help="Show boilerplate lines, dimmed, in place.")
    ] = False,
    encoding: EncodingOpt = None,
    input_kind: InputOpt = InputKind.auto,
    links: LinksOpt = False,
    images: ImagesOpt = False,
    lang: LangOpt = None,
    fix_mojibake: FixMojibakeOpt = True,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    debug: DebugOpt = False,
) -> None:
    """Show a page in the terminal, paged when it is taller than the screen.

    Piped or redirected, it prints plain text (as `convert --to text` does) unless --color always.
    """
    _state["debug"] = debug
    try:
        options = _parse_options(input_kind, links, images, lang, fix_mojibake)
        article = _read_page(file, encoding, options, max_bytes, timeout)
    except ReaderError as exc:
        raise typer.Exit(_fail(exc)) from None
    raise typer.Exit(
        _show(
            article,
            width,
            pager,
            color.value,
            theme.value if theme else None,
            indent,
            teasers,
            show_boilerplate,
        )
    )


def _show(
    article: Article,
    width: int | None,
    pager: bool | None,
    color: str,
    theme: str | None,
    indent: bool,
    teasers: bool,
    boilerplate: bool,
) -> int:
    """Lay the page out for a person (wrapped, styled, paged when taller than the screen), or print
    plain text for a program. A reader who goes away (``q``, ``| head``) is a normal end."""
    from typing import cast

    from reader.console import (
        ColorChoice,
        OutputSettings,
        make_console,
        page,
        resolve_theme,
        should_page,
    )

    settings = OutputSettings.detect(width=width, color=cast("ColorChoice", color), pager=pager)
    chosen, warning = resolve_theme(theme, settings.env)
    if warning:
        err(f"warning: {warning}")
    out = settings.stdout
    try:
        if not settings.pretty:
            from reader.render import text

            plain = article if teasers else article.replace(teasers=())
            out.write(text.render(plain))
            out.flush()
            return int(ExitCode.OK)
        from reader.render.terminal import ViewOptions, build_view

        # An explicit --width is the measure; otherwise the view caps the terminal's width.
        options = ViewOptions(chosen, indent, teasers, boilerplate, measure=width)
        console = make_console(settings)
        # Render once: the same string decides whether to page and is what gets shown.
        with console.capture() as captured:
            console.print(build_view(article, options))
        rendered = captured.get()
        if should_page(settings, rendered.count("\n")) and page(rendered, settings):
            return int(ExitCode.OK)
        out.write(rendered)
        out.flush()
    except BrokenPipeError:
        silence_stdout()
    return int(ExitCode.OK)


@app.command()
def detect(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Input files or http(s) URLs; - or none for stdin."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list the candidates weighed.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language hint for legacy encodings: zh, zh-TW, ja, ru…"),
    ] = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    debug: DebugOpt = False,
) -> None:
    """Print each file's encoding, confidence and how it was found (for a URL, with the charset
    its HTTP header declares as evidence)."""
    _state["debug"] = debug
    import json

    from reader.decode import decode
    from reader.errors import BinaryInputError
    from reader.runner import check_timeout
    from reader.source import check_scheme, read_source

    names = files or [STDIN_NAME]
    try:
        check_timeout(timeout)
        _check_stdin(names)
        for name in names:
            check_scheme(name)
    except ReaderError as exc:
        raise typer.Exit(_fail(exc)) from None
    failed = 0
    for name in names:
        try:
            raw = read_source(name, max_bytes=max_bytes, timeout=timeout)
            try:
                d = decode(raw.data, lang=lang, charset=raw.charset)
                row = {
                    "path": name,
                    "encoding": d.encoding,
                    "confidence": d.confidence,
                    "method": d.method,
                    "replacements": d.replacements,
                }
                if d.repair:
                    row["repair"] = d.repair
                candidates = [c.as_dict() for c in d.candidates]
            except BinaryInputError:
                row = {
                    "path": name,
                    "encoding": None,
                    "confidence": None,
                    "method": "binary",
                    "replacements": 0,
                }
                candidates = []
        except ReaderError as exc:
            failed += 1
            _fail(exc)
            continue
        if as_json:
            out = {**row, "candidates": candidates} if verbose else row
            print(json.dumps(out, ensure_ascii=False))
        else:
            conf = "-" if row["confidence"] is None else f"{row['confidence']:.2f}"
            repair = f"\trepaired: {row['repair']}" if "repair" in row else ""
            print(f"{name}\t{row['encoding'] or 'binary'}\t{conf}\t{row['method']}{repair}")
            for c in candidates if verbose else []:
                mark = "*" if c["chosen"] else " "
                ok = "decodes" if c["decodes"] else "fails"
                score = "-" if c["score"] is None else f"{c['score']:.1f}"
                cconf = "-" if c["confidence"] is None else f"{c['confidence']:.3f}"
                print(f"  {mark} {c['encoding']}\t{c['source']}\t{ok}\t{cconf}\t{score}")
    raise typer.Exit(int(ExitCode.INPUT_FAILED if failed else ExitCode.OK))


@app.command()
def explain(
    file: Annotated[
        str, typer.Argument(help="Input file or http(s) URL; - or none for stdin.")
    ] = STDIN_NAME,
    encoding: EncodingOpt = None,
    input_kind: InputOpt = InputKind.auto,
    links: LinksOpt = False,
    images: ImagesOpt = False,
    lang: LangOpt = None,
    fix_mojibake: FixMojibakeOpt = True,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    passes: Annotated[
        bool,
        typer.Option(
            "--passes", help="Add a column naming the parser's pass that decided each line."
        ),
    ] = False,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace",
            help="Instead of the lines, list the stages and the parser's passes in the order "
            "they ran, with their time on this page.",
        ),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Print each input line with the part it went to and why.

    For an HTML page the lines are those of its Markdown rendering, which the parser reads.
    The columns: line number, part, reason (with --passes, the deciding pass before it), text.
    Then a row per byline field (authors, source, dates, views, editor): the byline form that
    gave it (a label, a by-line, a dateline's credit, the markup…) and the line it stands on.
    """
    _state["debug"] = debug
    timings: list[tuple[str, float]] | None = [] if trace else None
    try:
        options = _parse_options(input_kind, links, images, lang, fix_mojibake)
        article = _read_page(file, encoding, options, max_bytes, timeout, timings)
    except ReaderError as exc:
        raise typer.Exit(_fail(exc)) from None
    rows = _trace_rows(timings) if timings is not None else _explain_rows(article, passes)
    try:
        for row in rows:
            sys.stdout.write(row)
    except BrokenPipeError:
        # Closed pipe: caught here, since click would turn it into exit 1 (see main()).
        silence_stdout()
        raise typer.Exit(0) from None
    raise typer.Exit(0)


def _explain_rows(article: Article, passes: bool) -> Iterator[str]:
    """One row a line: number, part, (deciding pass,) reason, text cut to 60 characters; then,
    after a blank line, one row a byline field: the form that gave it and its line."""
    for e in article.explanations:
        # Padding (lynx indents centred text by hundreds of spaces) would hide the words.
        text = " ".join(e.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        step = f"{e.step:<22}  " if passes else ""
        yield f"{e.line:5d}  {e.part.value:<11}  {step}{e.reason:<48}  {text}\n"
    if article.fields_from:
        yield "\n"
    m = article.metadata
    for name, form, line in article.fields_from:
        value = getattr(m, name)
        shown = "、".join(value) if isinstance(value, tuple) else str(value)
        where = f"line {line}" if line is not None else ""
        yield f"field  {name:<11}  {form:<34}  {where:<10}  {' '.join(shown.split())[:60]}\n"


def _trace_rows(timings: list[tuple[str, float]]) -> Iterator[str]:
    """One row a stage or pass, in the order they ran, with milliseconds; then the total."""
    for name, seconds in timings:
        yield f"{name:<24}  {seconds * 1000:9.3f} ms\n"
    yield f"{'total':<24}  {sum(s for _, s in timings) * 1000:9.3f} ms\n"


def main(argv: list[str] | None = None) -> None:
    """Runs the typer app, ending quietly on a closed pipe or Ctrl-C.

    The ``reader`` script enters through ``reader.entry.main``, which calls this for every
    command line except a plain conversion.
    """
    try:
        app(args=argv, prog_name="reader")
    except BrokenPipeError:
        # Someone stopped reading (``| head``): point stdout at devnull so the final flush is
        # silent, and exit 0 as `convert` does (see runner.run_convert).
        silence_stdout()
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(int(ExitCode.INTERRUPTED))
