"""Library errors and the exit codes they map to, in one place (the CLI prints them, never tracebacks)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


class ReaderError(Exception):
    """Base of every error `reader` reports to a user; ``str(err)`` is the one-line message."""

    exit_code: ExitCode = ExitCode.INPUT_FAILED


class InputError(ReaderError):
    """The input could not be read: missing, a directory, unreadable, too large."""


class BinaryInputError(InputError):
    """The bytes are not text (NUL bytes, a known binary signature)."""


class DecodeError(InputError):
    """The bytes could not be decoded with the encoding asked for."""


class OutputError(ReaderError):
    """The output could not be written; nothing partial is left behind."""


class UsageError(ReaderError):
    """The command line asks for something impossible (exit 2, like a parse error)."""

    exit_code = ExitCode.USAGE
