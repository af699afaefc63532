"""Many pages in, one result per page out, in input order: conversion at scale, as a library.

Owns: turning names (files, directories, URLs, ``--files-from`` lists) into inputs in a stable
order; a web archive's pages as inputs of their own (``unpack``); fetching URLs ahead, several at a
time, in this process (``prefetched``); converting inputs
in worker processes with a bounded window, so memory stays flat however many inputs there are;
where each output goes under ``--out-dir``; writing files atomically. Leaves reading, decoding and
parsing to ``reader.api``, the HTTP to ``reader.fetch``, formats to ``reader.render``, and
printing, exit codes and the progress bar to the command (``reader.runner``).

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
from reader.source import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    STDIN_NAME,
    WARC_SUFFIXES,
    RawInput,
    check_scheme,
    is_warc,
    url_scheme,
)

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext
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
# URLs fetched at once (each host also limited, see reader.fetch.PER_HOST), and how many inputs
# the fetching may run ahead of the one next in order: pages wait in memory for their turn.
FETCHES: Final = 8
FETCH_AHEAD: Final = 2 * FETCHES


# Values, not dataclasses (see reader.record): this module is on every command's start-up path.
class Input(Value):
    """One input: its path (or URL), the relative name its output gets under ``--out-dir``, an
    error found while listing or fetching it (an unreadable directory, a directory with no
    matching file, a 404), and its bytes when they were read here (a fetched page, an archive's
    record) rather than by the worker that converts it."""

    path: str
    rel: str
    error: str | None = None
    raw: RawInput | None = None


class ConvertOptions(Value):
    """How to read each input; one object travels to every worker (cf. black's ``Mode``)."""

    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    parse: ParseOptions | None = None
    tracebacks: bool = False  # keep the traceback text of unexpected errors (``--debug``)
    timeout: float = DEFAULT_TIMEOUT  # for URLs: seconds to connect, and for each read


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


def url_hash(url: str) -> str:
    """The name of a page by its URL: the first 16 hex digits of the URL's SHA-256, the same in
    every run. Two URLs share one with odds of one in 2^64 a pair, so an archive of a million
    pages has about one chance in 40 million of a clash (which ``--out-dir`` would then report
    as a second input writing the same file, never overwrite).

    >>> url_hash("https://example.com/news/a.html")
    '23559625808d933d'
    """
    import hashlib

    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def url_name(url: str) -> str:
    """The relative name of a page from the web under ``--out-dir``: its host, then ``url_hash``.

    >>> url_name("https://Example.com:8080/news/a.html?id=1")
    'example.com/03307e7e6543b9bb'
    """
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or "web"
    except ValueError:  # a malformed address still needs a name; fetching it will fail
        host = "web"
    return os.path.join(mirror(host), url_hash(url))


def expand(names: Iterable[str], glob: str = "*") -> Iterator[Input]:
    """Inputs for names, lazily: ``-`` is stdin, a URL is fetched later (named under
    ``--out-dir`` by ``url_name``), a directory gives its matching files (named relative to it),
    anything else is a file (named as ``mirror`` says). A directory with no matching file is an
    input with an error, so a mistyped ``--glob`` is not a silent no-op; so is a URL of a scheme
    other than http and https.

    >>> [i.rel for i in expand(["-", "notes/page.txt"])]
    ['stdin', 'notes/page.txt']
    """
    for name in names:
        if name == STDIN_NAME:
            yield Input(name, "stdin")
        elif url_scheme(name) is not None:
            yield Input(name, url_name(name), error=_scheme_problem(name))
        elif os.path.isdir(name):
            empty = True
            for found in _walk(name, "", glob):
                empty = False
                yield found
            if empty:
                yield Input(name, mirror(name), error=f"no files matching {glob!r}")
        else:
            yield Input(name, mirror(name))


def _scheme_problem(name: str) -> str | None:
    try:
        check_scheme(name)
    except ReaderError as exc:
        return _reason(exc, name)
    return None


def unpack(
    inputs: Iterable[Input],
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: dict[str, int] | None = None,
) -> Iterator[Input]:
    """The inputs, each web archive among them replaced by its pages, in archive order.

    A page is named under ``--out-dir`` by the archive's name without its suffix, then
    ``url_hash`` of its URL (``crawl.warc.gz`` → ``crawl/23559625808d933d.json``), and ``-2``, ``-3``…
    for the same URL stored again later in the archive. A page that fails alone (over
    ``max_bytes``) is an input with an error, reported under the archive's name; a damaged
    archive ends with one such input for the whole file. ``skipped``, if given, gathers the
    counts of records that are no page, by kind.
    """
    for item in inputs:
        if item.error is None and item.raw is None and is_warc(item.path):
            yield from _pages(item, max_bytes, skipped if skipped is not None else {})
        else:
            yield item


def _pages(archive: Input, max_bytes: int, skipped: dict[str, int]) -> Iterator[Input]:
    from reader.warc import Archive, Failure

    stem = _without_suffix(archive.rel)
    seen: dict[str, int] = {}  # URL hash → pages so far under it (a crawl may store a URL twice)
    pages = Archive(archive.path, max_bytes=max_bytes)
    try:
        for page in pages:
            digest = url_hash(page.url or "")
            seen[digest] = count = seen.get(digest, 0) + 1
            rel = os.path.join(stem, digest if count == 1 else f"{digest}-{count}")
            if isinstance(page, Failure):
                yield Input(archive.path, rel, error=f"{page.label}: {page.reason}")
            else:
                yield Input(archive.path, rel, raw=page)
    except ReaderError as exc:
        yield Input(archive.path, archive.rel, error=_reason(exc, archive.path))
    finally:
        for kind, count in pages.skipped.items():
            skipped[kind] = skipped.get(kind, 0) + count


def _without_suffix(name: str) -> str:
    """An archive's name without ``.warc`` or ``.warc.gz`` (any case)."""
    for suffix in sorted(WARC_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


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
    return _render(read, fmt, opts)


def convert_raw(raw: RawInput, fmt: Format | str, options: ConvertOptions | None = None) -> Result:
    """Convert an input already read (a fetched page, an archive's record), keeping its origin:
    the unit of work for inputs read in the parent process. A failure is a ``Result``."""
    opts = options or ConvertOptions()
    read = _read(raw, opts)
    if isinstance(read, Result):
        return read
    return _render(read, fmt, opts)


def _render(article: Article, fmt: Format | str, opts: ConvertOptions) -> Result:
    path = article.path or ""
    try:
        return Result(path, render(article, fmt))
    except ReaderError as exc:
        return Result(path, error=_reason(exc, path))
    except Exception as exc:  # as in convert_data
        return _internal(path, exc, opts)


def _read(source: str | RawInput, opts: ConvertOptions) -> Article | Result:
    """The article of one input (a path, a URL, or bytes read already), or the failure
    ``Result`` (as ``convert_one`` reports it). A record of an archive is reported under the
    archive's name, its failure saying which page (by URL) failed."""
    from reader.api import read_article, read_raw

    path = source if isinstance(source, str) else source.name
    record = None  # how an archive's page is named in its error: by URL, else by record
    if isinstance(source, RawInput) and source.warc is not None:
        record = source.url or f"record {source.warc.record_id}"
    try:
        if isinstance(source, str):
            return read_article(
                source,
                encoding=opts.encoding,
                options=opts.parse,
                max_bytes=opts.max_bytes,
                timeout=opts.timeout,
            )
        return read_raw(source, encoding=opts.encoding, options=opts.parse)
    except ReaderError as exc:
        reason = _reason(exc, path)
        return Result(path, error=f"{record}: {reason}" if record else reason)
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
    if item.raw is not None:
        return convert_raw(item.raw, fmt, options)
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
    read = _read(item.raw or item.path, options)
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
    """``convert_one`` for each path, in order."""
    return [convert_one(path, fmt, options) for path in paths]


def convert_items(items: tuple[Input, ...], fmt: Format, options: ConvertOptions) -> list[Result]:
    """Each input's result, in order: one task for a worker (see CHUNK). A path is read by the
    worker; a page fetched or an archive's record travels with its bytes."""
    return [_run(item, fmt, options) for item in items]


def _pool_context() -> BaseContext | None:
    """How to start the workers: the platform's way, unless threads run here already (fetching
    URLs), when forking could copy a lock one of them holds into a worker; then a fork server,
    started clean, forks them."""
    import threading

    if threading.active_count() == 1:
        return None
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


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
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_ignore_sigint, mp_context=_pool_context()
    )
    finished = False

    def send() -> None:
        nonlocal chunk
        if chunk:
            window.append((chunk, pool.submit(convert_items, tuple(chunk), fmt, opts)))
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


def prefetched(inputs: Iterable[Input], options: ConvertOptions | None = None) -> Iterator[Input]:
    """The inputs in order, each URL among them fetched ahead in this process: ``FETCHES`` at a
    time, at most ``reader.fetch.PER_HOST`` to one host, never more than ``FETCH_AHEAD`` inputs
    ahead of the next one out. A URL comes out with its page (``raw``) or its error.

    Fetching is waiting, not computing, so threads here do it and the workers only parse; httpx
    and the threads start with the first URL (a run of files never pays for them).
    """
    opts = options or ConvertOptions()
    window: deque[tuple[Input, Future[RawInput] | None]] = deque()
    fetching = None
    try:
        for item in inputs:
            future = None
            if item.error is None and item.raw is None and url_scheme(item.path) is not None:
                fetching = fetching or _Fetching(opts)
                future = fetching.submit(item.path)
            window.append((item, future))
            while window and (len(window) > FETCH_AHEAD or _ready(window[0][1])):
                yield _fetched(*window.popleft(), opts)
        while window:
            yield _fetched(*window.popleft(), opts)
    finally:
        if fetching is not None:
            fetching.close()


def _ready(future: Future[RawInput] | None) -> bool:
    return future is None or future.done()


class _Fetching:
    """The threads and the HTTP client of one ``prefetched`` run."""

    def __init__(self, opts: ConvertOptions) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from reader.fetch import Fetcher

        self.fetcher = Fetcher(timeout=opts.timeout, max_bytes=opts.max_bytes)
        self.pool = ThreadPoolExecutor(FETCHES, thread_name_prefix="reader-fetch")

    def submit(self, url: str) -> Future[RawInput]:
        return self.pool.submit(self.fetcher.fetch, url)

    def close(self) -> None:
        # Stopped early (Ctrl-C, a closed pipe): queued fetches are dropped, running ones end
        # within the timeout; their connections close with the client.
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.fetcher.close()


def _fetched(item: Input, future: Future[RawInput] | None, opts: ConvertOptions) -> Input:
    """The input with its fetched page or the reason it failed."""
    if future is None:
        return item
    try:
        return item.replace(raw=future.result())
    except ReaderError as exc:
        return item.replace(error=_reason(exc, item.path))
    except Exception as exc:  # a bug in one fetch must not end the run, as in convert_data
        failed = _internal(item.path, exc, opts)
        return item.replace(error=failed.error)


def convert_warc(
    path: str, fmt: Format | str = Format.JSONL, options: ConvertOptions | None = None
) -> Iterator[Result]:
    """Convert every page of one web archive, in archive order, here: one ``Result`` per page
    (failures too, named after the archive), then a failed one if the archive is damaged.

    The unit of work for a cluster that gives each worker an archive (examples/dask_convert.py).
    """
    opts = options or ConvertOptions()
    fmt = Format(fmt)
    for item in unpack([Input(path, mirror(path))], opts.max_bytes):
        yield _run(item, fmt, opts)


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
    "convert_items",
    "convert_many",
    "convert_one",
    "convert_paths",
    "convert_raw",
    "convert_warc",
    "default_jobs",
    "expand",
    "mirror",
    "output_path",
    "prefetched",
    "read_list",
    "unpack",
    "url_hash",
    "url_name",
    "write_atomic",
]
