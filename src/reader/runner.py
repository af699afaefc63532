"""The ``convert`` command without typer: parsed options and streams in, an exit code out.

``run_convert`` takes the parsed options (``ConvertRequest``) and the streams (``Streams``, which
tests replace) and returns the exit code; it is the one place where conversion failures become
stderr lines and exit codes. Both front ends call it: the typer command in ``reader.cli``, and the
fast path of the ``reader`` script in ``reader.entry``, which reads plain command lines without
typer. This module imports neither of them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from itertools import chain, islice

from reader.batch import (
    AtomicFile,
    ConvertOptions,
    Input,
    Pending,
    Result,
    convert_deferred,
    convert_inputs,
    expand,
    output_path,
    prefetched,
    read_list,
    unpack,
)
from reader.errors import ExitCode, InputError, OutputError, ReaderError, UsageError
from reader.record import Value
from reader.render import Format
from reader.source import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, STDIN_NAME, check_scheme, is_web

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Final, TextIO

    from reader.parse import ParseOptions

# From this many inputs on, a terminal gets a progress bar (fewer finish before it would help).
PROGRESS_MIN: Final = 16


# Values, not dataclasses (see reader.record): every command line starts here.
class ConvertRequest(Value):
    """``reader convert`` as parsed, by either front end."""

    names: tuple[str, ...] = ()
    fmt: Format = Format.MD
    output: str | None = None
    out_dir: str | None = None
    glob: str = "*"
    files_from: str | None = None
    force: bool = False
    jobs: int | None = None
    errors_inline: bool = False
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    debug: bool = False
    parse: ParseOptions | None = None  # --input, --links, --images
    timeout: float = DEFAULT_TIMEOUT


class Streams(Value):
    """The standard streams and what they are attached to (cf. httpie's ``Environment``)."""

    stdin: TextIO | None
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    stderr_isatty: bool = False

    @classmethod
    def detect(cls) -> Streams:
        def tty(stream: TextIO | None) -> bool:
            try:
                return stream is not None and stream.isatty()
            except (ValueError, OSError):  # closed or detached
                return False

        return cls(
            sys.stdin,
            sys.stdout,
            sys.stderr,
            tty(sys.stdin),
            tty(sys.stdout),
            tty(sys.stderr),
        )


class _Progress:
    """Converted/failed counts and a rate on stderr, drawn by rich, which is imported only here:
    a run whose stderr is not a terminal never loads it."""

    def __init__(self, stderr: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(file=stderr, force_terminal=True, highlight=False, markup=False)
        self._started = time.monotonic()
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._bar.add_task("converting", total=None)
        self._bar.start()

    def update(self, done: int, failed: int) -> None:
        rate = done / max(time.monotonic() - self._started, 1e-3)
        text = f"{done:,} converted · {failed:,} failed · {rate:,.0f}/s"
        self._bar.update(self._task, description=text, completed=done)

    def line(self, text: str) -> None:
        self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def close(self) -> None:
        self._bar.stop()


class _Report:
    """stderr for one run: error lines (above the progress bar when there is one), the summary."""

    def __init__(self, env: Streams, debug: bool) -> None:
        self.env = env
        self.debug = debug
        self.progress: _Progress | None = None
        self.converted = 0
        self.failed = 0

    def line(self, text: str) -> None:
        if self.progress is not None:
            self.progress.line(text)
        else:
            self.env.stderr.write(text + "\n")
            self.env.stderr.flush()

    def error(self, message: str) -> None:
        self.line(f"reader: error: {message}")

    def failure(self, result: Result) -> None:
        self.failed += 1
        name = "<stdin>" if result.path == STDIN_NAME else result.path
        self.error(f"{name}: {result.error}")
        if self.debug and result.traceback:
            self.line(result.traceback.rstrip("\n"))
        self.tick()

    def success(self) -> None:
        self.converted += 1
        self.tick()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress.update(self.converted, self.failed)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def skipped(self, counts: dict[str, int]) -> None:
        """The records of web archives that were no page: how many, of which kinds."""
        kinds = ", ".join(
            f"{n:,} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: -kv[1])
        )
        self.line(
            f"reader: skipped {sum(counts.values()):,} archive records that are no page ({kinds})"
        )

    def summary(self, interrupted: bool = False) -> None:
        total = self.converted + self.failed
        if interrupted:
            self.line(f"reader: interrupted: {self.converted} converted, {self.failed} failed")
        elif self.failed:
            self.line(
                f"reader: {self.failed} of {total} inputs failed ({self.converted} converted)"
            )
        else:
            self.line(f"reader: {total} inputs converted")


def _check(req: ConvertRequest, env: Streams) -> tuple[str, ...]:
    """Usage errors that need no input read; returns the names to expand."""
    if req.output and req.out_dir:
        raise UsageError("give -o/--output or --out-dir, not both")
    if req.errors_inline and (req.fmt is not Format.JSONL or req.out_dir):
        raise UsageError("--errors-inline needs --to jsonl into one stream (not --out-dir)")
    if "/" in req.glob:
        raise UsageError("--glob matches file names, so it cannot contain '/'")
    if req.jobs is not None and req.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    check_timeout(req.timeout)
    if req.encoding:
        from reader.decode import check_encoding

        check_encoding(req.encoding)  # UsageError (exit 2) for names that are no text encoding
    names = req.names or (() if req.files_from else (STDIN_NAME,))
    for name in names:
        check_scheme(name)  # ftp://, file: … on the command line: usage (exit 2), before any work
    reads_stdin = STDIN_NAME in names or req.files_from == STDIN_NAME
    if STDIN_NAME in names and req.files_from == STDIN_NAME:
        raise UsageError("standard input cannot be both the --files-from list and an input")
    if reads_stdin and env.stdin_isatty:
        raise UsageError(
            "reading from standard input, which is a terminal: give a FILE or pipe a page in"
        )
    if req.output:
        from pathlib import Path  # here, not above: a start without -o saves 4 ms

        out = Path(req.output)
        if out.is_dir():
            raise OutputError(f"{req.output}: is a directory")
        if not req.force and (out.exists() or out.is_symlink()):
            raise OutputError(f"{req.output}: exists (use --force to replace it)")
    return names


def check_timeout(seconds: float) -> None:
    """UsageError unless ``seconds`` is a positive, finite number (typer lets ``nan`` through)."""
    if not 0 < seconds < float("inf"):
        raise UsageError("--timeout must be a positive number of seconds")


def _open_list(req: ConvertRequest, env: Streams) -> TextIO | None:
    """The --files-from list, opened before any work so a missing list fails at once."""
    if req.files_from is None:
        return None
    if req.files_from == STDIN_NAME:
        return env.stdin
    try:
        return open(req.files_from, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise InputError(f"{req.files_from}: {exc.strerror or exc}") from None


def run_convert(req: ConvertRequest, env: Streams | None = None) -> int:
    """Convert every input of ``req``; failures are reported and counted, never fatal.

    Returns 0 when every input converted, 1 when any failed, 2 for a usage error.
    """
    env = env or Streams.detect()
    report = _Report(env, req.debug)
    try:
        return _convert(req, env, report)
    except ReaderError as exc:
        report.close()
        if req.debug:
            raise
        report.error(str(exc))
        return int(exc.exit_code)
    except BrokenPipeError:
        # Someone stopped reading (``| head``): point stdout at devnull so the last flush is
        # silent. Exit 0: the reader chose to stop, no input failed (and when the pipe closes in
        # the middle of one big write CPython reports nothing, so 0 is what every path can keep).
        report.close()
        silence_stdout(env.stdout)
        return int(ExitCode.OK)
    except OSError as exc:
        # Standard output failed for good (a full disk, a device error); -o files and inputs
        # raise errors of their own. Said once: stdout goes to devnull, so no later flush fails.
        report.close()
        if req.debug:
            raise
        report.error(f"standard output: {exc.strerror or exc}")
        silence_stdout(env.stdout)
        return int(ExitCode.INPUT_FAILED)
    except KeyboardInterrupt:
        report.close()
        report.summary(interrupted=True)
        return int(ExitCode.INTERRUPTED)


def silence_stdout(stdout: TextIO | None = None) -> None:
    """Point stdout (``sys.stdout`` unless given) at devnull once its reader went away (``| head``)
    or it failed for good, so no later flush, the interpreter's last one included, fails again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            os.dup2(devnull, (stdout or sys.stdout).fileno())
    finally:
        os.close(devnull)


def _convert(req: ConvertRequest, env: Streams, report: _Report) -> int:
    names = _check(req, env)
    listing = _open_list(req, env)
    try:
        return _convert_all(req, env, report, names, listing)
    finally:
        if listing is not None and listing is not env.stdin:
            listing.close()


def _convert_all(
    req: ConvertRequest,
    env: Streams,
    report: _Report,
    names: tuple[str, ...],
    listing: TextIO | None,
) -> int:
    listed = read_list(listing) if listing is not None else iter(())
    files = expand(chain(names, listed), req.glob)
    known: set[str] | None = None
    if req.out_dir and req.force:
        # Replacing files is allowed, so an output could land on an input not read yet: list
        # every input first (one path per input in memory; the only mode that keeps them).
        listing_all = list(files)
        files = iter(listing_all)
        known = {os.path.realpath(i.path) for i in listing_all if _local(i.path)}
    skipped: dict[str, int] = {}  # archive records that are no page, by kind
    inputs = unpack(files, req.max_bytes, skipped)  # a web archive's pages, one input each
    head = list(islice(inputs, PROGRESS_MIN))
    many = len(head) > 1
    if many and req.fmt is Format.JSON and not req.out_dir:
        raise UsageError("many inputs make many objects: use --to jsonl, or --out-dir")
    show_progress = (
        len(head) >= PROGRESS_MIN
        and env.stderr_isatty
        and not (env.stdout_isatty and not req.out_dir and not req.output)
    )
    options = ConvertOptions(
        req.encoding, req.max_bytes, req.parse, tracebacks=req.debug, timeout=req.timeout
    )
    if many:
        # URLs fetched ahead, several at a time, here; one input is read where it is converted.
        head, inputs = [], prefetched(chain(head, inputs), options)
    results = convert_inputs(chain(head, inputs), req.fmt, options, jobs=req.jobs)
    try:
        if req.out_dir:
            _to_dir(req, req.out_dir, results, report, known, show_progress)
        elif not many:
            # One input, converted here (as convert_inputs would): its output is written as it
            # is rendered, never held whole beside the article (a 64 MB page's is 200 MB).
            single = ((item, convert_deferred(item, req.fmt, options)) for item in head)
            _to_stream(req, env, single, report, show_progress)
        else:
            _to_stream(req, env, results, report, show_progress)
    finally:
        # On Ctrl-C or a closed pipe too: cancel queued work and stop the workers now, not
        # whenever the suspended generator happens to be collected.
        results.close()
    report.close()
    if skipped:
        report.skipped(skipped)
    if many:
        report.summary()
    return int(ExitCode.INPUT_FAILED if report.failed else ExitCode.OK)


def _local(path: str) -> bool:
    """A name that is a file here: not stdin, not a URL."""
    return path != STDIN_NAME and not is_web(path)


def _start_progress(report: _Report, wanted: bool) -> None:
    # Started after the first result, so worker processes are forked before rich's thread runs.
    if wanted and report.progress is None:
        report.progress = _Progress(report.env.stderr)


def _to_stream(
    req: ConvertRequest,
    env: Streams,
    results: Iterator[tuple[Input, Result | Pending]],
    report: _Report,
    show_progress: bool,
) -> None:
    """Every document into one stream: stdout, or the -o file, published when the run ends."""
    sink = AtomicFile(req.output, replace=req.force) if req.output else None
    out = sink or env.stdout
    target = os.path.realpath(req.output) if req.output else None
    written = 0
    try:
        for item, result in results:
            _start_progress(report, show_progress)
            if target is not None and _local(item.path) and os.path.realpath(item.path) == target:
                raise OutputError(f"{req.output}: is an input; refusing to overwrite it")
            failed = result if isinstance(result, Result) and result.output is None else None
            if failed is None:
                if written and req.fmt in (Format.MD, Format.TEXT):
                    out.write("\n")
                if isinstance(result, Pending):
                    failed = result.write_to(out.write)  # None, or an internal error part-way
                else:
                    out.write(result.output or "")
            if failed is None:
                written += 1
                report.success()
            else:
                report.failure(failed)
                if req.errors_inline:
                    out.write(json.dumps(failed.error_dict(), ensure_ascii=False) + "\n")
            if sink is None:
                env.stdout.flush()
    except BaseException:
        if sink is not None:
            sink.discard()
        raise
    if sink is not None:
        if written:
            sink.commit()
        else:
            sink.discard()


def _to_dir(
    req: ConvertRequest,
    out_dir: str,
    results: Iterator[tuple[Input, Result]],
    report: _Report,
    inputs: set[str] | None,
    show_progress: bool,
) -> None:
    """One file per input under ``out_dir``; never over an input, nor over anything without
    --force (and with it, never over a file this run wrote for another input)."""
    produced: set[str] = set()
    for item, result in results:
        _start_progress(report, show_progress)
        if result.output is None:
            report.failure(result)
            continue
        target = output_path(out_dir, item.rel, req.fmt)
        resolved = os.path.realpath(target)
        problem = None
        if item.path != STDIN_NAME and resolved == os.path.realpath(item.path):
            problem = f"{target}: is the input itself; refusing to overwrite it"
        elif inputs is not None and resolved in inputs:
            problem = f"{target}: is another input; refusing to overwrite it"
        elif req.force and resolved in produced:
            problem = f"{target}: already written for an earlier input in this run"
        if problem is None:
            try:
                with AtomicFile(target, replace=req.force) as fh:
                    fh.write(result.output)
            except OutputError as exc:
                problem = str(exc)
        if problem is not None:
            report.failure(Result(result.path, error=problem))
            continue
        if req.force:
            produced.add(resolved)
        report.success()
