"""Pages from the web: an http(s) URL in, a ``RawInput`` out, with a file's limits and manners.

Owns the GET and everything that can go wrong with it, each turned into one ``InputError`` line:
DNS, a refused connection, TLS, a timeout, an HTTP error status, too many redirects, a body that
is no page (checked on the ``Content-Type`` before the body is read). Redirects are followed here
(at most ``MAX_REDIRECTS``) rather than by httpx, so that a loop can be called one. Content
encodings (gzip, deflate, and br when the ``brotli`` package is installed) are undone here too, a
bounded piece at a time, so ``max_bytes`` caps the *decoded* body as it streams in: a compression
bomb stops at the cap instead of filling memory. Decoding the text is ``reader.decode``'s, with the
header's charset passed on as evidence.

Imported only when a URL is given (``reader.source``): httpx costs a start about 60 ms.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
import zlib
from http import HTTPStatus

import httpx

from reader import __version__
from reader.errors import InputError
from reader.model import Fetched
from reader.source import (
    CHUNK,
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    WEB_SCHEMES,
    RawInput,
    not_a_page,
    parse_content_type,
    too_large,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import TracebackType
    from typing import Final, Self

MAX_REDIRECTS: Final = 10
PER_HOST: Final = 2  # connections at once to one host: a polite crawler's manners
USER_AGENT: Final = f"reader/{__version__} (command-line article reader)"
# Decoded output per step: what one piece of a compression bomb can cost before the cap stops it.
STEP: Final = 256 * 1024


def _brotli_decoder() -> Callable[[Iterator[bytes]], Iterator[bytes]] | None:
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


class _BadEncodingError(Exception):
    """A body that does not decode as its declared content encoding."""


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


def _decoders() -> dict[str, Callable[[Iterator[bytes]], Iterator[bytes]]]:
    found: dict[str, Callable[[Iterator[bytes]], Iterator[bytes]]] = {
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


class Fetcher:
    """One HTTP client for many fetches: connections kept alive, safe to share between threads,
    never more than ``PER_HOST`` requests at once to one host."""

    def __init__(
        self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = httpx.URL(url).host
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(PER_HOST))

    def fetch(self, url: str) -> RawInput:
        """The page at ``url``: its body decoded from its content encoding (not its charset),
        the charset its header declares, the final URL and how the server answered."""
        try:
            with self._host_slot(url):
                return self._fetch(url)
        except httpx.InvalidURL as exc:
            raise InputError(f"{url}: not a valid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise InputError(f"{url}: {_transport_reason(exc, self.timeout)}") from None
        except _BadEncodingError as exc:
            raise InputError(f"{url}: the body is not valid {exc} data") from None

    def _fetch(self, url: str) -> RawInput:
        response = self._follow(url)
        try:
            status = response.status_code
            if not 200 <= status < 300:
                reason = response.reason_phrase or _phrase(status)
                raise InputError(f"{url}: HTTP {status} {reason}".rstrip())
            content_type = response.headers.get("content-type")
            mime, charset = parse_content_type(content_type)
            if problem := not_a_page(mime):
                raise InputError(f"{url}: {problem}")
            arrived = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            data = self._body(url, response)
        finally:
            response.close()
        fetched = Fetched(status, content_type, arrived)
        return RawInput(data, url, charset, str(response.url), fetched)

    def _follow(self, url: str) -> httpx.Response:
        """The response at the end of the redirects, open for its body to be streamed."""
        chain = [url]
        request = self._client.build_request("GET", url)
        while True:
            response = self._client.send(request, stream=True)
            if response.next_request is None:
                return response
            response.close()
            request = response.next_request
            target = str(request.url)
            if request.url.scheme not in WEB_SCHEMES:
                raise InputError(f"{url}: redirected to a URL reader cannot fetch: {target}")
            if len(chain) > MAX_REDIRECTS:
                if target in chain:
                    raise InputError(f"{url}: redirect loop (gave up after {MAX_REDIRECTS})")
                raise InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")
            chain.append(target)

    def _body(self, url: str, response: httpx.Response) -> bytes:
        """The body, decoded from its content encodings a bounded piece at a time, refused as
        soon as it passes ``max_bytes`` (before reading, when its declared length says so)."""
        header = response.headers.get("content-encoding", "")
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        length = response.headers.get("content-length", "")
        if not codings and length.isdigit() and int(length) > self.max_bytes:
            raise too_large(url, self.max_bytes)
        pieces: Iterator[bytes] = response.iter_raw(CHUNK)
        for coding in reversed(codings):  # the last applied is the first to undo
            if coding not in DECODERS:
                raise InputError(f"{url}: unsupported content encoding {coding!r}")
            pieces = DECODERS[coding](pieces)
        body = bytearray()
        for piece in pieces:
            body += piece
            if len(body) > self.max_bytes:
                raise too_large(url, self.max_bytes)
        return bytes(body)


def fetch(
    url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
) -> RawInput:
    """Fetch one page (see ``Fetcher.fetch``); InputError with a one-line reason on failure."""
    with Fetcher(timeout=timeout, max_bytes=max_bytes) as fetcher:
        return fetcher.fetch(url)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _transport_reason(exc: httpx.HTTPError, timeout: float) -> str:
    """What went wrong on the way, in a few words: the cause of the cause tells DNS, a refused
    connection and TLS apart, which httpx reports alike as a ``ConnectError``."""
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out (nothing for {timeout:g} s; see --timeout)"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"could not resolve the host name ({cause.strerror or cause})"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ssl.SSLError):
            return f"TLS failure: {cause.reason or cause}"
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke off the answer ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({exc})"
    return str(exc) or type(exc).__name__
