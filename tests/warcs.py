"""Web archives for the tests, written with warcio (a writer independent of the FastWARC reader
under test) from pages the tests choose, ``samples/`` above all.

    write_warc(path, [response("http://x.test/a", html, "text/html"), request("http://x.test/a")])
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from warcio.recordloader import ArcWarcRecord


def response(
    url: str,
    body: bytes,
    content_type: str | None = "text/html",
    status: str = "200 OK",
    headers: Iterable[tuple[str, str]] = (),
) -> tuple[str, str, bytes, list[tuple[str, str]] | None, str]:
    http = [("Content-Type", content_type)] if content_type else []
    http += [*headers, ("Content-Length", str(len(body)))]
    return ("response", url, body, http, status)


def request(url: str) -> tuple[str, str, bytes, list[tuple[str, str]] | None, str]:
    return ("request", url, f"GET {url} HTTP/1.1\r\nHost: x.test\r\n\r\n".encode(), None, "")


def other(kind: str, url: str, body: bytes = b"note: 1\r\n") -> tuple[str, str, bytes, None, str]:
    """A ``metadata``, ``revisit`` or ``warcinfo`` record."""
    return (kind, url, body, None, "")


def _record(
    writer: WARCWriter,
    kind: str,
    url: str,
    body: bytes,
    http: list[tuple[str, str]] | None,
    status: str,
) -> ArcWarcRecord:
    payload = io.BytesIO(body)
    if kind == "response":
        headers = StatusAndHeaders(status, http or [], protocol="HTTP/1.1")
        return writer.create_warc_record(url, kind, payload=payload, http_headers=headers)
    if kind == "warcinfo":
        return writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"})
    if kind == "revisit":
        return writer.create_revisit_record(url, "sha1:AAAA", url, "2024-05-06T10:00:00Z")
    content_type = (
        "application/http; msgtype=request" if kind == "request" else "application/warc-fields"
    )
    return writer.create_warc_record(url, kind, payload=payload, warc_content_type=content_type)


def write_warc(
    path: Path,
    records: Iterable[tuple[str, str, bytes, list[tuple[str, str]] | None, str]],
    *,
    gzip: bool = True,
) -> bytes:
    """Write the records to ``path`` (per-record gzip unless ``gzip=False``); returns the bytes."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for kind, url, body, http, status in records:
        writer.write_record(_record(writer, kind, url, body, http, status))
    data = buffer.getvalue()
    path.write_bytes(data)
    return data
