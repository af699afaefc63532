"""HTTP content codings (gzip, deflate, br) undone a bounded piece at a time, under a size cap.

Shared by the two sources whose bodies can arrive compressed: pages fetched over HTTP
(``reader.fetch``) and HTTP responses stored in web archives (``reader.warc``). Each decoder turns
an iterator of compressed chunks into one of decoded pieces of at most ``STEP`` bytes, so the cap
on the *decoded* size is checked every ``STEP`` bytes: a few hundred bytes of brotli that expand to
gigabytes stop at ``max_bytes``, having cost no more than that. br needs the ``brotli`` package,
1.2 or later (the first with a bounded output); without it br is not offered to servers.
"""

from __future__ import annotations

import zlib

from reader.errors import InputError
from reader.source import too_large

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Final

    Decoder = Callable[[Iterator[bytes]], Iterator[bytes]]

# Decoded output per step: what one piece of a compression bomb can cost before the cap stops it.
STEP: Final = 256 * 1024


class _BadEncodingError(Exception):
    """A body that does not decode as its declared content encoding."""


def _brotli_decoder() -> Decoder | None:
    """The br decoder when a ``brotli`` with bounded output (1.2+) is installed, else None: an
    unbounded one would let one small chunk expand to gigabytes before any cap could look."""
    try:
        import brotli
    except ImportError:
        return None
    try:
        brotli.Decompressor().process(b"", output_buffer_limit=STEP)
    except TypeError:
        return None

    def unbrotli(chunks: Iterator[bytes]) -> Iterator[bytes]:
        decoder = brotli.Decompressor()
        for chunk in chunks:
            try:
                yield decoder.process(chunk, output_buffer_limit=STEP)
                while not decoder.can_accept_more_data():
                    yield decoder.process(b"", output_buffer_limit=STEP)
            except brotli.error:
                raise _BadEncodingError("br") from None

    return unbrotli


def _inflate(chunks: Iterator[bytes], wbits: int | None, name: str) -> Iterator[bytes]:
    """zlib's formats, at most ``STEP`` bytes out per piece. ``wbits`` None is deflate, whose
    header servers get wrong (raw deflate sent as zlib): told apart on its first two bytes. After
    the end of the stream only another gzip member is read; padding or junk is ignored."""
    decoder: zlib._Decompress | None = None
    ended = False
    for chunk in chunks:
        data = chunk
        while data:
            if decoder is None:
                if ended and not (wbits == _GZIP and data.startswith(b"\x1f\x8b")):
                    break
                decoder = zlib.decompressobj(_deflate_wbits(data) if wbits is None else wbits)
            try:
                out = decoder.decompress(data, STEP)
                yield out
                while len(out) == STEP and not decoder.unconsumed_tail and not decoder.eof:
                    out = decoder.decompress(b"", STEP)  # output held back: drain it
                    yield out
            except zlib.error:
                raise _BadEncodingError(name) from None
            data = decoder.unconsumed_tail
            if decoder.eof:
                data, decoder, ended = decoder.unused_data, None, True


_GZIP: Final = 47  # zlib's wbits for a gzip stream, or a zlib one sent as gzip


def _deflate_wbits(head: bytes) -> int:
    """15 for a zlib stream (what "deflate" means), -15 for raw deflate (what servers send)."""
    zlib_header = len(head) > 1 and head[0] & 0x0F == 8 and int.from_bytes(head[:2]) % 31 == 0
    return 15 if zlib_header else -15


def _decoders() -> dict[str, Decoder]:
    found: dict[str, Decoder] = {
        "gzip": lambda chunks: _inflate(chunks, _GZIP, "gzip"),
        "x-gzip": lambda chunks: _inflate(chunks, _GZIP, "gzip"),
        "deflate": lambda chunks: _inflate(chunks, None, "deflate"),
    }
    br = _brotli_decoder()
    if br is not None:
        found["br"] = br
    return found


DECODERS: Final = _decoders()
ACCEPT_ENCODING: Final = ", ".join(e for e in ("gzip", "deflate", "br") if e in DECODERS)


def codings(header: str | None) -> list[str]:
    """The content codings a ``Content-Encoding`` header lists, in the order applied.

    >>> codings("gzip, identity"), codings(None)
    (['gzip'], [])
    """
    found = [c.strip().lower() for c in (header or "").split(",")]
    return [c for c in found if c and c != "identity"]


def decoded_body(chunks: Iterable[bytes], header: str | None, name: str, max_bytes: int) -> bytes:
    """A body undone from the codings its ``Content-Encoding`` header lists; InputError past
    ``max_bytes`` decoded bytes (no more than that is ever decoded), for a coding this module does
    not know, or for data that is not what its coding says."""
    pieces = iter(chunks)
    for coding in reversed(codings(header)):  # the last applied is the first to undo
        if coding not in DECODERS:
            raise InputError(f"{name}: unsupported content encoding {coding!r}")
        pieces = DECODERS[coding](pieces)
    body = bytearray()
    try:
        for piece in pieces:
            body += piece
            if len(body) > max_bytes:
                raise too_large(name, max_bytes)
    except _BadEncodingError as exc:
        raise InputError(f"{name}: the body is not valid {exc} data") from None
    return bytes(body)
