"""Where bytes come from: a path, or ``-`` for standard input. Knows nothing of encodings.

Owns opening and reading, and turning every way that can fail into one ``InputError`` line: a
missing path, a directory, no permission, a socket, an input over the size cap. Reads in chunks
with a cap, so pipes, FIFOs, character devices and files that grow while being read all stop at
``max_bytes`` instead of exhausting memory, and a generous ``--max-bytes`` costs nothing up front.
Decoding is ``reader.decode``'s business.
"""

from __future__ import annotations

import errno
import os
import stat
import sys

from reader.errors import InputError
from reader.record import Value

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from typing import Final, Protocol

    class Readable(Protocol):
        """A binary stream: a buffered one (stdin), or a raw one that may answer None."""

        def read(self, size: int = ..., /) -> bytes | None: ...

        def fileno(self) -> int: ...


DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024
STDIN_NAME: Final = "-"
# Read size: large enough that a 64 MB page takes a few dozen reads, small enough that a pipe
# holding a few bytes never makes us reserve much more than it delivers.
CHUNK: Final = 1024 * 1024


class RawInput(Value):
    """The bytes of one input and the name it is reported under."""

    data: bytes
    name: str


def _too_large(name: str, max_bytes: int) -> InputError:
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
            raise _too_large(name, max_bytes)
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
) -> RawInput:
    """Read all bytes of a path, or of stdin for ``-``; raise InputError with a one-line reason.

    A FIFO or a pipe is read until its writer closes it (as ``cat`` does: Ctrl-C ends the wait);
    a file that grows while it is read gives the bytes there were at EOF, or the size error.

    >>> read_source("no/such/page.txt")
    Traceback (most recent call last):
    reader.errors.InputError: no/such/page.txt: no such file
    """
    label = os.fspath(name)
    if label == STDIN_NAME:
        return _read_stdin(stdin, max_bytes)
    try:
        st = os.stat(label)
    except OSError as exc:
        raise InputError(f"{label}: {_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{label}: is a directory (convert takes directories; view takes a file)")
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
