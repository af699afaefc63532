"""Many pages in, one result per page out, in input order: conversion at scale, as a library.

Owns: turning names (files, directories, ``--files-from`` lists) into inputs in a stable order;
converting them in worker processes with a bounded window, so memory stays flat however many
inputs there are; where each output goes under ``--out-dir``; writing files atomically. Leaves
reading, decoding and parsing to ``reader.api``, formats to ``reader.render``, and printing, exit
codes and the progress bar to the command (``reader.runner``).

Everything a worker runs is a top-level function of picklable arguments, so the same calls work
on ``concurrent.futures``, Dask, Ray or Spark unchanged:

    >>> r = convert_data("标题\\n作者：张三\\n".encode("gbk"), "page.txt", "jsonl")
    >>> r.ok, r.output.startswith('{"schema"')
    (True, True)
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from itertools import chain, islice

from reader.errors import OutputError, ReaderError
from reader.record import Value
from reader.render import EXTENSIONS, Format, render, render_pieces
from reader.source import DEFAULT_MAX_BYTES, STDIN_NAME

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator
    from concurrent.futures import Future
    from typing import ClassVar, Final, Self, TextIO

    from reader.model import Article
    from reader.parse import ParseOptions

# Inputs in flight per worker: enough that a slow page does not idle the others, few enough that
# results waiting for their turn stay a handful of documents, not the whole run.
WINDOW_PER_JOB: Final = 8
# Inputs per task sent to a worker. A task costs the pool about a millisecond of pickling, queue
# and thread hand-offs on each side, a tenth of a small page's conversion; four a task cut that
# to a quarter while a worker still holds two tasks (WINDOW_PER_JOB / CHUNK) to go on with.
CHUNK: Final = 4


# Values, not dataclasses (see reader.record): this module is on every command's start-up path.
class Input(Value):
    """One input: its path, the relative name its output gets under ``--out-dir``, and an error
    found while listing it (an unreadable directory, a directory with no matching file)."""

    path: str
    rel: str
    error: str | None = None


class ConvertOptions(Value):
    """How to read each input; one object travels to every worker (cf. black's ``Mode``)."""

    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    parse: ParseOptions | None = None
    tracebacks: bool = False  # keep the traceback text of unexpected errors (``--debug``)


class Result(Value):
    """The outcome for one input: the rendered document, or a one-line reason it failed."""

    path: str
    output: str | None = None
    error: str | None = None
    traceback: str | None = None
    _no_repr: ClassVar[tuple[str, ...]] = ("traceback",)

    @property
    def ok(self) -> bool:
        return self.error is None

    def error_dict(self) -> dict[str, str | None]:
        """The ``{"path", "error"}`` object that ``--errors-inline`` puts in a JSON Lines stream."""
        return {"path": self.path, "error": self.error}


def default_jobs() -> int:
    """The cores this process may run on (the affinity mask, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# --- inputs ---------------------------------------------------------------------------------


def mirror(path: str) -> str:
    """The relative name under which a file's output is stored, as tar stores members: the path
    as given, normalised, without its root or leading ``..`` parts.

    >>> mirror("/srv/crawl/a/page.txt"), mirror("../x/page.txt"), mirror("./a//b.txt")
    ('srv/crawl/a/page.txt', 'x/page.txt', 'a/b.txt')
    """
    # os.path, not pathlib: every convert names its inputs, and pathlib costs 4 ms a start.
    norm = os.path.normpath(path)
    tail = os.path.splitdrive(norm)[1]
    parts = [p for p in tail.split(os.sep) if p and p != os.curdir]
    while parts and parts[0] == os.pardir:
        parts.pop(0)
    if parts:
        return os.sep.join(parts)
    name = os.path.basename(norm)
    return name if name not in ("", os.curdir) else "page"


def _walk(root: str, rel: str, glob: str) -> Iterator[Input]:
    """Files under ``root`` whose name matches ``glob``, depth first, names sorted at each level
    (the order ``sorted(Path(root).rglob(glob))`` gives, without holding the whole tree).
    Symlinked directories are not followed, so a link loop cannot make the walk endless."""
    from fnmatch import fnmatchcase  # only directories need it

    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Input(root, rel, error=exc.strerror or str(exc))
        return
    for entry in entries:
        child = os.path.join(rel, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(entry.path, child, glob)
        elif is_file and fnmatchcase(entry.name, glob):
            yield Input(entry.path, child)


def expand(names: Iterable[str], glob: str = "*") -> Iterator[Input]:
    """Inputs for names, lazily: ``-`` is stdin, a directory gives its matching files (named under
    ``--out-dir`` relative to it), anything else is a file (named as ``mirror`` says). A directory
    with no matching file is an input with an error, so a mistyped ``--glob`` is not a silent no-op.

    >>> [i.rel for i in expand(["-", "notes/page.txt"])]
    ['stdin', 'notes/page.txt']
    """
    for name in names:
        if name == STDIN_NAME:
            yield Input(name, "stdin")
        elif os.path.isdir(name):
            empty = True
            for found in _walk(name, "", glob):
                empty = False
                yield found
            if empty:
                yield Input(name, mirror(name), error=f"no files matching {glob!r}")
        else:
            yield Input(name, mirror(name))


def read_list(stream: TextIO) -> Iterator[str]:
    """Paths from a ``--files-from`` list, one a line, as they arrive; blank lines are skipped."""
    for line in stream:
        name = line.rstrip("\r\n")
        if name:
            yield name


def output_path(out_dir: str, rel: str, fmt: Format | str) -> str:
    """Where an input's output goes under ``out_dir``: its relative name with the format's suffix.

    >>> output_path("out", "site/a.html2text.txt", "md")
    'out/site/a.html2text.md'
    """
    from pathlib import Path

    return str(Path(out_dir, rel).with_suffix(EXTENSIONS[Format(fmt)]))


# --- converting -----------------------------------------------------------------------------


def _reason(exc: BaseException, path: str) -> str:
    """The error message without the input's name in front (the caller puts the name there)."""
    message = str(exc)
    for label in (path, "<stdin>"):
        if message.startswith(label + ": "):
            return message[len(label) + 2 :]
    return message


def convert_data(
    data: bytes, path: str, fmt: Format | str, options: ConvertOptions | None = None
) -> Result:
    """Convert bytes already read (stdin, an object store, a crawl database)."""
    from reader.api import read_bytes

    opts = options or ConvertOptions()
    try:
        article = read_bytes(data, encoding=opts.encoding, options=opts.parse, path=path)
        return Result(path, render(article, fmt))
    except ReaderError as exc:
        return Result(path, error=_reason(exc, path))
    except Exception as exc:  # a bug on one page must not end a run over 100 000 of them
        return _internal(path, exc, opts)


def convert_one(path: str, fmt: Format | str, options: ConvertOptions | None = None) -> Result:
    """Read and convert one input (``-`` reads stdin); a failure is a ``Result``, never raised.

    The unit of work for any engine: ``bag.map(convert_one, fmt="jsonl")`` on Dask, for one.
    """
    opts = options or ConvertOptions()
    read = _read(path, opts)
    if isinstance(read, Result):
        return read
    try:
        return Result(path, render(read, fmt))
    except ReaderError as exc:
        return Result(path, error=_reason(exc, path))
    except Exception as exc:  # as in convert_data
        return _internal(path, exc, opts)


def _read(path: str, opts: ConvertOptions) -> Article | Result:
    """The article of one input, or the failure ``Result`` (as ``convert_one`` reports it)."""
    from reader.api import read_article

    try:
        return read_article(
            path, encoding=opts.encoding, options=opts.parse, max_bytes=opts.max_bytes
        )
    except ReaderError as exc:
        return Result(path, error=_reason(exc, path))
    except Exception as exc:  # as in convert_data
        return _internal(path, exc, opts)


class Pending:
    """A converted input whose output is rendered only as it is written (``write_to``), a piece at
    a time: for one large page converted in this process, whose whole rendered text would
    otherwise sit in memory beside its article (``convert_deferred``)."""

    __slots__ = ("_article", "_fmt", "_opts", "path")

    def __init__(self, path: str, article: Article, fmt: Format, opts: ConvertOptions) -> None:
        self.path = path
        self._article: Article | None = article
        self._fmt = fmt
        self._opts = opts

    def write_to(self, write: Callable[[str], object]) -> Result | None:
        """Write the output; None once written, else the failure (as ``convert_one`` would have
        reported it; pieces written before an internal error stay written)."""
        article, self._article = self._article, None
        if article is None:
            raise RuntimeError("already written")
        try:
            for piece in render_pieces(article, self._fmt):
                write(piece)
        except (OSError, OutputError):
            raise  # the output's own failure (a closed pipe, a full disk) is the caller's
        except ReaderError as exc:
            return Result(self.path, error=_reason(exc, self.path))
        except Exception as exc:
            return _internal(self.path, exc, self._opts)
        return None


def _internal(path: str, exc: Exception, opts: ConvertOptions) -> Result:
    tb = None
    if opts.tracebacks:
        import traceback

        tb = "".join(traceback.format_exception(exc))
    return Result(path, error=f"internal error ({type(exc).__name__}: {exc})", traceback=tb)


def _run(item: Input, fmt: Format, options: ConvertOptions) -> Result:
    if item.error is not None:
        return Result(item.path, error=item.error)
    return convert_one(item.path, fmt, options)


def convert_deferred(
    item: Input, fmt: Format | str, options: ConvertOptions | None = None
) -> Result | Pending:
    """Read one input here and now but render it only when written: a ``Pending``, or the failure
    ``Result``. What the command does with a single input, whose output it streams."""
    fmt = Format(fmt)
    options = options or ConvertOptions()
    if item.error is not None:
        return Result(item.path, error=item.error)
    read = _read(item.path, options)
    return read if isinstance(read, Result) else Pending(item.path, read, fmt, options)


def convert_inputs(
    inputs: Iterable[Input],
    fmt: Format | str,
    options: ConvertOptions | None = None,
    *,
    jobs: int | None = None,
) -> Generator[tuple[Input, Result]]:
    """Each input with its result, in input order, converted by ``jobs`` worker processes.

    Inputs are pulled lazily and at most ``jobs * WINDOW_PER_JOB`` are in flight, so a list of
    100 000 paths (or an endless ``find``) costs no more memory than a dozen. One input, or
    ``jobs=1``, runs in this process: no pool to start for a single page.
    """
    fmt = Format(fmt)
    opts = options or ConvertOptions()
    workers = default_jobs() if jobs is None else jobs
    if workers < 1:
        raise ValueError(f"jobs must be at least 1, not {workers}")
    it = iter(inputs)
    head = list(islice(it, 2))
    if workers == 1 or len(head) < 2:
        for item in chain(head, it):
            yield item, _run(item, fmt, opts)
        return
    yield from _pooled(chain(head, it), fmt, opts, workers)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which cancels what is queued and reports once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def convert_paths(
    paths: tuple[str, ...], fmt: Format | str, options: ConvertOptions | None = None
) -> list[Result]:
    """``convert_one`` for each path, in order: one task for a worker (see CHUNK)."""
    return [convert_one(path, fmt, options) for path in paths]


def _settled(result: Result) -> Future[list[Result]]:
    from concurrent.futures import Future

    done: Future[list[Result]] = Future()
    done.set_result([result])
    return done


def _pooled(
    inputs: Iterator[Input], fmt: Format, opts: ConvertOptions, workers: int
) -> Generator[tuple[Input, Result]]:
    from concurrent.futures import ProcessPoolExecutor

    # Each entry: the inputs of one task and its future (a list of results, in the same order).
    window: deque[tuple[list[Input], Future[list[Result]]]] = deque()
    in_flight = 0
    limit = workers * WINDOW_PER_JOB
    chunk: list[Input] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    finished = False

    def send() -> None:
        nonlocal chunk
        if chunk:
            paths = tuple(i.path for i in chunk)
            window.append((chunk, pool.submit(convert_paths, paths, fmt, opts)))
            chunk = []

    def oldest() -> Iterator[tuple[Input, Result]]:
        nonlocal in_flight
        items, future = window.popleft()
        in_flight -= len(items)
        return zip(items, future.result(), strict=True)

    try:
        for item in inputs:
            in_flight += 1
            if item.error is not None or item.path == STDIN_NAME:
                # Settled here: an error found while listing, or stdin, which only this
                # process can read. What was gathered before it goes first, to keep the order.
                send()
                window.append(([item], _settled(_run(item, fmt, opts))))
            else:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    send()
            while in_flight >= limit:
                if not window:
                    send()
                yield from oldest()
        send()
        while window:
            yield from oldest()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            # Stopped early (an error, Ctrl-C, a consumer that broke off): drop what is queued
            # and stop the workers rather than wait for them; one may be blocked on a FIFO.
            workers_now = list(getattr(pool, "_processes", {}).values())  # no public handle
            manager = getattr(pool, "_executor_manager_thread", None)
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in workers_now:
                proc.terminate()
            # Let the pool's manager thread see the dead workers and close its wake-up pipe
            # now: left running, it races CPython 3.11's exit hook, which may then write to the
            # pipe as it closes and print "Exception ignored ... Bad file descriptor".
            if manager is not None:
                manager.join(timeout=5)


def convert_many(
    paths: Iterable[str | os.PathLike[str]],
    fmt: Format | str = Format.MD,
    *,
    jobs: int | None = None,
    options: ConvertOptions | None = None,
) -> Iterator[Result]:
    """Convert many files, yielding one ``Result`` per path in the order given.

    Failures are results too (``r.ok`` is false, ``r.error`` says why), so one bad page does not
    end the run. ``jobs`` defaults to the cores; paths are consumed lazily.

    >>> [r.ok for r in convert_many(["no/such/page.txt"], "json", jobs=1)]
    [False]
    """
    inputs = (Input(os.fspath(p), os.fspath(p)) for p in paths)
    for _, result in convert_inputs(inputs, fmt, options, jobs=jobs):
        yield result


# --- writing --------------------------------------------------------------------------------


class AtomicFile:
    """A file that appears whole or not at all: written to a temporary name beside it, then
    renamed. ``replace=False`` publishes with a hard link, which fails if the name exists, so
    even a file created meanwhile by someone else is never replaced.

    Not fsynced: this protects readers of the file from a half-written one, not a power cut, and
    an fsync per file would dominate a run over 100 000 small pages.
    """

    _counter = 0

    def __init__(self, path: str, *, replace: bool = False) -> None:
        self.path = path
        self.replace = replace
        from pathlib import Path

        target = Path(path)
        AtomicFile._counter += 1
        self.tmp = target.with_name(f".{target.name}.{os.getpid()}.{AtomicFile._counter}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL: never write through a name someone else made; 0o666 lets the umask decide.
            fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: {exc.strerror or exc}") from None
        # An fd from os.open, so Path.open cannot be used; closed by commit() or discard().
        self._fh = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, data: str) -> None:
        try:
            self._fh.write(data)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.path}: {exc.strerror or exc}") from None

    def commit(self) -> None:
        """Publish the file under its name; the temporary file is gone either way."""
        try:
            self._fh.close()
            if self.replace:
                self.tmp.replace(self.path)
            else:
                self._link()
        except FileExistsError:
            raise OutputError(f"{self.path}: exists (use --force to replace it)") from None
        except OSError as exc:
            raise OutputError(f"{self.path}: {exc.strerror or exc}") from None
        finally:
            self._remove_tmp()

    def _link(self) -> None:
        try:
            os.link(self.tmp, self.path)
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (some network and FUSE file systems): check, then rename.
            if os.path.lexists(self.path):
                raise FileExistsError(self.path) from None
            self.tmp.replace(self.path)

    def discard(self) -> None:
        """Forget the file: nothing partial is left behind."""
        if not self._fh.closed:
            with contextlib.suppress(OSError):
                self._fh.close()
        self._remove_tmp()

    def _remove_tmp(self) -> None:
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def write_atomic(path: str, data: str, *, replace: bool = False) -> None:
    """Write ``data`` as UTF-8 to ``path`` atomically; an existing file only with ``replace``."""
    with AtomicFile(path, replace=replace) as fh:
        fh.write(data)


__all__ = [
    "AtomicFile",
    "ConvertOptions",
    "Input",
    "Result",
    "convert_data",
    "convert_deferred",
    "convert_inputs",
    "convert_many",
    "convert_one",
    "convert_paths",
    "default_jobs",
    "expand",
    "mirror",
    "output_path",
    "read_list",
    "write_atomic",
]
