"""Where bytes come from: a path, ``-`` for standard input, or an http(s) URL. Knows nothing of
encodings beyond the charset a server declares, which it passes on.

Owns opening and reading, and turning every way that can fail into one ``InputError`` line: a
missing path, a directory, no permission, a socket, an input over the size cap. Reads in chunks
with a cap, so pipes, FIFOs, character devices and files that grow while being read all stop at
``max_bytes`` instead of exhausting memory, and a generous ``--max-bytes`` costs nothing up front.
A URL is fetched by ``reader.fetch`` and a web archive's records are read by ``reader.warc``, both
imported only when such an input comes (httpx and the WARC reader cost a start dozens of ms).
Decoding is ``reader.decode``'s business.
"""

from __future__ import annotations

import errno
import os
import stat
import sys

from reader.errors import InputError, UsageError
from reader.record import Value

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from typing import Final, Protocol

    from reader.model import Fetched, WarcOrigin

    class Readable(Protocol):
        """A binary stream: a buffered one (stdin), or a raw one that may answer None."""

        def read(self, size: int = ..., /) -> bytes | None: ...

        def fileno(self) -> int: ...


DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024
STDIN_NAME: Final = "-"
# Read size: large enough that a 64 MB page takes a few dozen reads, small enough that a pipe
# holding a few bytes never makes us reserve much more than it delivers.
CHUNK: Final = 1024 * 1024
# Seconds to wait for a server to accept a connection, and then for each read (--timeout).
DEFAULT_TIMEOUT: Final = 30.0
WEB_SCHEMES: Final = ("http", "https")
WARC_SUFFIXES: Final = (".warc", ".warc.gz")
# What counts as a page when a server or an archive says what it sends: HTML and plain text (and
# Markdown, which is plain text to us). A missing type counts too: decoding then tells text from
# binary as it does for files.
PAGE_TYPES: Final = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)


class RawInput(Value):
    """The bytes of one input and the name it is reported under; for a page from the web or an
    archive, also the charset its HTTP header declared and where it came from."""

    data: bytes
    name: str
    charset: str | None = None
    url: str | None = None
    fetched: Fetched | None = None
    warc: WarcOrigin | None = None


def url_scheme(name: str) -> str | None:
    """The scheme of a name written as a URL (``scheme://…``, or ``file:…``), lower-cased; None
    for a path (``notes:2024.txt`` and ``C:\\page.txt`` are paths).

    >>> url_scheme("HTTPS://example.com/a"), url_scheme("file:page.txt"), url_scheme("a:b.txt")
    ('https', 'file', None)
    """
    scheme, colon, rest = name.partition(":")
    if not colon or len(scheme) < 2 or not scheme[0].isascii() or not scheme[0].isalpha():
        return None
    if not all(c.isascii() and (c.isalnum() or c in "+-.") for c in scheme):
        return None
    scheme = scheme.lower()
    return scheme if rest.startswith("//") or scheme == "file" else None


def is_web(name: str) -> bool:
    """Whether ``name`` is an http or https URL, which ``read_source`` fetches."""
    return url_scheme(name) in WEB_SCHEMES


def check_scheme(name: str) -> None:
    """UsageError for a URL that reader cannot fetch: only http and https are read."""
    scheme = url_scheme(name)
    if scheme is not None and scheme not in WEB_SCHEMES:
        raise UsageError(f"{name}: unsupported URL scheme {scheme!r} (only http and https)")


def is_warc(name: str) -> bool:
    """Whether a path names a web archive (``.warc`` or ``.warc.gz``), read record by record."""
    return name.lower().endswith(WARC_SUFFIXES) and url_scheme(name) is None


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """The media type (lower case) and the charset parameter of a ``Content-Type`` header.

    >>> parse_content_type('text/html; Charset="GB2312"')
    ('text/html', 'GB2312')
    """
    if not value:
        return "", None
    mime, *params = value.split(";")
    charset = None
    for param in params:
        key, eq, val = param.partition("=")
        if eq and key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").strip() or None
    return mime.strip().lower(), charset


def not_a_page(mime: str) -> str | None:
    """The one-line reason a declared media type is no page to read, or None if it is one."""
    if not mime or mime in PAGE_TYPES:
        return None
    return f"not an HTML or text page: {mime}"


def too_large(name: str, max_bytes: int) -> InputError:
    return InputError(f"{name}: larger than the {max_bytes:,}-byte limit (see --max-bytes)")


def read_capped(stream: Readable, name: str, max_bytes: int) -> bytes:
    """All bytes of ``stream`` up to EOF; InputError once more than ``max_bytes`` arrive.

    Reads chunk by chunk rather than ``read(max_bytes + 1)``: a buffered read of that size
    allocates the whole limit before the first byte comes in, which fails for a large limit.

    >>> import io
    >>> read_capped(io.BytesIO(b"abc"), "x", 3)
    b'abc'
    >>> read_capped(io.BytesIO(b"abcd"), "x", 3)
    Traceback (most recent call last):
    reader.errors.InputError: x: larger than the 3-byte limit (see --max-bytes)
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = stream.read(min(CHUNK, max_bytes - total + 1))
        except BlockingIOError:
            chunk = None
        except OSError as exc:
            raise InputError(f"{name}: {_reason(exc)}") from None
        if chunk is None:
            # A descriptor some parent left non-blocking (a pipe from node, say) with nothing in
            # it yet: wait for data rather than take "nothing yet" for the end.
            _wait_readable(stream)
            continue
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise too_large(name, max_bytes)
        chunks.append(chunk)


def _wait_readable(stream: Readable) -> None:
    import select

    select.select([stream.fileno()], [], [])


def _reason(exc: OSError) -> str:
    """The short, lower-case reason of an OS error ("permission denied", "is a directory")."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if exc.errno == errno.ENXIO:
        # What opening a Unix socket gives: "No such device or address" says nothing useful.
        return "not a file that can be read (a socket or a device without a driver)"
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _read_stdin(stdin: Readable | None, max_bytes: int) -> RawInput:
    if stdin is None:
        # ``reader convert - <&-``: with fd 0 closed Python sets sys.stdin to None.
        if sys.stdin is None:
            raise InputError("<stdin>: standard input is closed")
        stdin = sys.stdin.buffer
    return RawInput(read_capped(stdin, "<stdin>", max_bytes), STDIN_NAME)


def read_source(
    name: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: Readable | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> RawInput:
    """Read all bytes of a path, of stdin for ``-``, or of an http(s) URL (fetched, ``timeout``
    seconds to connect and for each read); raise InputError with a one-line reason (UsageError
    for a URL of another scheme).

    A FIFO or a pipe is read until its writer closes it (as ``cat`` does: Ctrl-C ends the wait);
    a file that grows while it is read gives the bytes there were at EOF, or the size error.
    A web archive holds many pages, so it is no single source: ``reader.warc`` reads it.

    >>> read_source("no/such/page.txt")
    Traceback (most recent call last):
    reader.errors.InputError: no/such/page.txt: no such file
    """
    label = os.fspath(name)
    if label == STDIN_NAME:
        return _read_stdin(stdin, max_bytes)
    if url_scheme(label) is not None:
        check_scheme(label)
        from reader.fetch import fetch

        return fetch(label, max_bytes=max_bytes, timeout=timeout)
    try:
        st = os.stat(label)
    except OSError as exc:
        raise InputError(f"{label}: {_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{label}: is a directory (convert takes directories; view takes a file)")
    if is_warc(label):
        raise InputError(f"{label}: a web archive holds many pages: use reader convert")
    if stat.S_ISSOCK(st.st_mode):
        raise InputError(f"{label}: is a socket, not a file")
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        # Refused before reading: no point copying 2 GB to find it is too large.
        raise InputError(
            f"{label}: {st.st_size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)"
        )
    try:
        # Unbuffered: read_capped asks for large chunks anyway, and a second buffer only copies.
        fh = open(label, "rb", buffering=0)  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise InputError(f"{label}: {_reason(exc)}") from None
    with fh:
        return RawInput(read_capped(fh, label, max_bytes), label)
