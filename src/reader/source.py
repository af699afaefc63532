"""Where bytes come from: a path, or ``-`` for standard input. Knows nothing of encodings.

Reads with a size cap so a runaway input fails clearly instead of exhausting memory.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.errors import InputError

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
STDIN_NAME = "-"


@dataclass(frozen=True, slots=True)
class RawInput:
    data: bytes
    name: str


def _read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes:,}-byte limit (see --max-bytes)")
    return data


def read_source(
    name: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> RawInput:
    """Read all bytes of a path, or of stdin for ``-``; raise InputError with a one-line reason."""
    label = os.fspath(name)
    if label == STDIN_NAME:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return RawInput(_read_capped(stream, "<stdin>", max_bytes), STDIN_NAME)
    path = Path(label)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{label}: is a directory (convert takes directories; view takes a file)")
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(
            f"{label}: {st.st_size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)"
        )
    try:
        with path.open("rb") as fh:
            return RawInput(_read_capped(fh, label, max_bytes), label)
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{label}: {exc.strerror or exc}") from None
