"""Pages from the web: an http(s) URL in, a ``RawInput`` out, with a file's limits and manners.

Owns the GET and everything that can go wrong with it, each turned into one ``InputError`` line:
DNS, a refused connection, TLS, a timeout, an HTTP error status, too many redirects, a body that
is no page (checked on the ``Content-Type`` before the body is read). Redirects are followed here
(at most ``MAX_REDIRECTS``) rather than by httpx, so that a loop can be called one. Content
encodings are undone by ``reader.codings`` as the body streams in, a bounded piece at a time, so
``max_bytes`` caps the *decoded* body: a compression bomb stops at the cap. Decoding the text is
``reader.decode``'s, with the header's charset passed on as evidence.

Imported only when a URL is given (``reader.source``): httpx costs a start about 90 ms.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from http import HTTPStatus

import httpx

from reader import __version__
from reader.codings import ACCEPT_ENCODING, codings, decoded_body
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
    from types import TracebackType
    from typing import Final, Self

MAX_REDIRECTS: Final = 10
PER_HOST: Final = 2  # connections at once to one host: a polite crawler's manners
USER_AGENT: Final = f"reader/{__version__} (command-line article reader)"


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
        coding = response.headers.get("content-encoding")
        length = response.headers.get("content-length", "")
        if not codings(coding) and length.isdigit() and int(length) > self.max_bytes:
            raise too_large(url, self.max_bytes)
        return decoded_body(response.iter_raw(CHUNK), coding, url, self.max_bytes)


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
