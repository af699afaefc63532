"""The ``reader`` console entry point: a plain conversion runs here, everything else goes to typer.

``main`` reads the plain grammar ``reader convert [FILE...] [--to FMT] [-o OUT]`` with the standard
library and runs it with ``reader.runner.run_convert``; every other command line (help, usage
errors, other options, other commands) goes to the typer app in ``reader.cli``, which calls the
same ``run_convert`` for its ``convert``. This module is the only one that knows both front ends:
neither ``runner`` nor ``cli`` imports the other's entry.

Why two front ends: typer 0.29 imports pydantic to coerce parameters, so loading the typer app
costs about 0.2 s, some fifteen times a bare interpreter, while converting one page takes a
fraction of that. The grammar taken here is tiny on purpose and anything outside it goes to typer,
so the two cannot drift; tests run the same command lines through both and compare.
"""

from __future__ import annotations

import contextlib
import os
import sys

from reader.errors import ExitCode
from reader.render import Format
from reader.runner import ConvertRequest, run_convert
from reader.source import DEFAULT_TIMEOUT, STDIN_NAME

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Final, NoReturn

_FORMATS: Final = frozenset(f.value for f in Format)
_VALUED: Final = {
    "--to": "to",
    "-t": "to",
    "--output": "output",
    "-o": "output",
    "--timeout": "timeout",
}


def parse_plain(args: Sequence[str]) -> ConvertRequest | None:
    """``convert [FILE|URL...] [--to FMT] [-o OUT] [--timeout SECONDS]`` as a request, or None for
    anything else.

    Accepts only what typer would read the same way: each option once, a known format, an output
    name that is not empty and does not look like an option, a timeout that ``float`` reads (as
    click does; whether it is positive, ``run_convert`` checks for both). Everything else is
    typer's to parse, to explain or to reject.

    >>> parse_plain(["convert", "page.txt", "--to=json"]).fmt
    <Format.JSON: 'json'>
    >>> parse_plain(["convert", "--help"]) is None
    True
    """
    if not args or args[0] != "convert":
        return None
    files: list[str] = []
    values: dict[str, str] = {}
    rest = iter(args[1:])
    for arg in rest:
        if arg == STDIN_NAME or not arg.startswith("-"):
            files.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if eq and name.startswith("--") and name in _VALUED:
            key = _VALUED[name]
        elif arg in _VALUED:
            key = _VALUED[arg]
            value = next(rest, "")
        else:
            return None
        if key in values or not value or value.startswith("-"):
            return None
        values[key] = value
    fmt = values.get("to", Format.MD.value)
    if fmt not in _FORMATS:
        return None
    try:
        timeout = float(values.get("timeout", DEFAULT_TIMEOUT))
    except ValueError:
        return None
    return ConvertRequest(tuple(files), Format(fmt), values.get("output"), timeout=timeout)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``reader`` command: the plain conversion grammar here, everything else through typer."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        request = parse_plain(args)
        if request is None:
            from reader.cli import main as typer_main  # only here: typer costs 0.2 s a start

            typer_main(args)
            return
        code = run_convert(request)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        code = int(ExitCode.INTERRUPTED)
    if argv is None:
        _leave(code)
    sys.exit(code)


def _leave(code: int) -> NoReturn:
    """End a command's process without tearing the interpreter down.

    By now the run has written and flushed its output, committed or discarded its files and
    joined its workers; what is left is freeing every module, pattern and object one by one,
    4 ms of a 50 ms start (``benchmarks/startup.py``). Only the standard streams' buffers remain,
    flushed here, with a failure reported as the interpreter would not: on stderr, exit 1.
    """
    for name, stream in (("output", sys.stdout), ("error", sys.stderr)):
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader stopped reading: as run_convert takes it, no input failed
        except (OSError, ValueError) as exc:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"reader: standard {name}: {getattr(exc, 'strerror', exc)}\n")
                sys.stderr.flush()
            code = code or int(ExitCode.INPUT_FAILED)
    os._exit(code)
