"""Web archives (WARC, ``.warc`` or ``.warc.gz``): the pages a crawler stored, one by one.

Owns reading an archive record by record in archive order, holding one record's page at a time
(memory stays flat whatever the archive's size), and deciding what is a page: a ``response``
record with a 2xx HTTP status and an HTML or text payload (its ``Content-Type``, as for a URL).
Every other record (``request``, ``metadata``, ``revisit``, ``warcinfo``…, a redirect, an image)
is skipped and counted by kind, for the command to report. A page's HTTP headers travel with it:
their charset is evidence for ``reader.decode``, their content coding is undone here under the
same ``max_bytes`` cap as a fetched page (``reader.codings``).

The WARC format is parsed by FastWARC (``benchmarks/warc.py`` has the figures that chose it over
warcio), which reads a cut-off archive without complaint. So damage is looked for here: a record
without its ``WARC-Date`` or ``Content-Length`` (headers cut off), a block shorter than its
``Content-Length``, and, for a compressed archive, a last gzip member that never ends. The pages
before the damage are given; then iterating raises ``DamagedArchiveError`` (an ``InputError``).
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from reader.codings import decoded_body
from reader.errors import InputError
from reader.model import WarcOrigin
from reader.record import Value
from reader.source import (
    CHUNK,
    DEFAULT_MAX_BYTES,
    RawInput,
    not_a_page,
    parse_content_type,
    too_large,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import BinaryIO

    from fastwarc.warc import WarcRecord


class DamagedArchiveError(InputError):
    """The archive ends or breaks off inside a record: no record after this one can be read."""


class Failure(Value):
    """A page record that cannot be read alone (over the size cap, a broken content coding):
    the archive goes on."""

    url: str | None
    reason: str
    record_id: str | None = None

    @property
    def label(self) -> str:
        """How an error line names the page: its URL, else its record."""
        return self.url or f"record {self.record_id}"


class Archive:
    """One web archive, read by iterating: a ``RawInput`` per page (named after the archive, with
    the record's URL, ``WarcOrigin`` and HTTP charset), a ``Failure`` per page that fails alone,
    and ``InputError`` once the archive is found damaged or unreadable. ``skipped`` counts the
    records that are no page, by kind."""

    def __init__(self, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.skipped: dict[str, int] = {}
        self.read = 0  # records read whole so far: where damage is said to be

    def __iter__(self) -> Iterator[RawInput | Failure]:
        try:
            fh = Path(self.path).open("rb")  # noqa: SIM115 (closed below)
        except OSError as exc:
            raise InputError(f"{self.path}: {exc.strerror or exc}") from None
        with fh:
            yield from self._records(fh)

    def _records(self, fh: BinaryIO) -> Iterator[RawInput | Failure]:
        self.read = 0
        last = 0  # where the last record starts (for a .warc.gz, its gzip member)
        try:
            for record in ArchiveIterator(fh, parse_http=True):
                last = record.stream_pos
                page = self._record(record)
                self.read += 1
                if page is not None:
                    yield page
        except OSError as exc:  # what FastWARC raises for data it cannot read
            raise self._damaged(str(exc)) from None
        if self.path.lower().endswith(".gz"):
            self._check_gzip_end(last)
        if self.read == 0 and _size(fh):
            raise InputError(f"{self.path}: not a WARC file (no record found)")

    def _record(self, record: WarcRecord) -> RawInput | Failure | None:
        """The page a record holds, the reason it fails, or None for a record that is no page."""
        headers = record.headers
        if headers.get("WARC-Date") is None or headers.get("Content-Length") is None:
            raise self._damaged("a record's headers are cut off")
        kind = _kind(record)
        if kind is not None:
            self._skip(kind, record)
            return None
        url = (headers.get("WARC-Target-URI") or "").strip("<>") or None
        origin = WarcOrigin(self.path, record.record_id, headers.get("WARC-Date"))
        http = record.http_headers
        coding = http.get("Content-Encoding")
        payload = _Payload(record, self._damaged("a record ends before its Content-Length"))
        try:
            if record.content_length > self.max_bytes and not coding:
                raise too_large(url or "", self.max_bytes)
            data = decoded_body(payload, coding, url or "", self.max_bytes)
        except DamagedArchiveError:
            raise
        except InputError as exc:
            payload.skip_rest()
            reason = str(exc).removeprefix(f"{url or ''}: ")
            return Failure(url, reason, record.record_id)
        charset = parse_content_type(http.get("Content-Type"))[1]
        return RawInput(data, self.path, charset, url, warc=origin)

    def _skip(self, kind: str, record: WarcRecord) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + 1
        _Payload(record, self._damaged("a record ends before its Content-Length")).skip_rest()

    def _check_gzip_end(self, start: int) -> None:
        """Damage unless every gzip member from the last record's on is complete: FastWARC ends
        quietly where the file does, even inside a member (a crawl cut off by a full disk)."""
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
        inside = False  # within a member that has not ended yet
        with Path(self.path).open("rb") as fh:
            fh.seek(start)
            while chunk := fh.read(CHUNK):
                while chunk.strip(b"\0") if not inside else chunk:  # zeros between members: padding
                    inside = True
                    try:
                        decoder.decompress(chunk, CHUNK)
                    except zlib.error as exc:
                        raise self._damaged(f"gzip: {exc}") from None
                    chunk = decoder.unconsumed_tail
                    if decoder.eof:
                        chunk = decoder.unused_data
                        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
                        inside = False
        if inside:
            raise self._damaged("the last gzip member is cut off")

    def _damaged(self, detail: str) -> DamagedArchiveError:
        return DamagedArchiveError(
            f"{self.path}: truncated or damaged after {self.read:,} records ({detail})"
        )


class _Payload:
    """A record's payload in chunks, counting what is left of it: ``damage`` is raised if it ends
    before its ``Content-Length`` (the archive was cut off inside it)."""

    def __init__(self, record: WarcRecord, damage: DamagedArchiveError) -> None:
        self.record = record
        self.left = record.content_length
        self.damage = damage

    def __iter__(self) -> Iterator[bytes]:
        while self.left > 0:
            chunk = self.record.reader.read(min(CHUNK, self.left))
            if not chunk:
                raise self.damage
            self.left -= len(chunk)
            yield chunk

    def skip_rest(self) -> None:
        """Pass over what is left (FastWARC would, but without telling that it was all there)."""
        if self.record.consume() < self.left:
            raise self.damage


def _kind(record: WarcRecord) -> str | None:
    """Why a record is no page ("request", "metadata", "redirect", "image/png"…), or None."""
    if record.record_type != WarcRecordType.response:
        return str(record.record_type)
    if not record.is_http:
        return "response without HTTP"
    status = record.http_headers.status_code or 0
    if not 200 <= status < 300:
        return "redirect" if 300 <= status < 400 else f"HTTP {status}"
    mime, _ = parse_content_type(record.http_headers.get("Content-Type"))
    return mime if not_a_page(mime) else None


def _size(fh: BinaryIO) -> int:
    return os.fstat(fh.fileno()).st_size
