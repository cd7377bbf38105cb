"""WARC archives (e.g. Common Crawl news): HTML pages from HTTP response records.

Records are streamed with warcio. Requests, metadata, redirects and non-HTML
responses are skipped quietly (they are not articles); a record that cannot be
read becomes a Rejected, and since a broken archive cannot be re-synchronised,
reading that file stops there.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import IngestError
from ..models import RawDocument, Rejected
from .files import document_from_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_RECORD_BYTES = 50 * 1024 * 1024
_READ_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _missing_bytes(record, data: bytes) -> int:
    """How many bytes the record declared but did not deliver (0 for a whole record)."""
    remaining = getattr(record.raw_stream, "limit", 0) or 0
    declared = record.http_headers.get_header("Content-Length")
    short = int(declared) - len(data) if declared and declared.isdigit() and len(data) < MAX_RECORD_BYTES else 0
    return max(remaining, short, 0)


def _record_document(record, origin: str, published: str | None) -> RawDocument | Rejected | None:
    """The HTML page in one response record; None when the record is not an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not status.startswith("2") or not any(t in content_type.lower() for t in HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(MAX_RECORD_BYTES)
    missing = _missing_bytes(record, data)
    if missing:
        return Rejected(origin=origin, reason=f"malformed WARC record: truncated ({missing} bytes missing)")
    try:
        return document_from_bytes(data, origin, ".html", url=url, published=published,
                                   declared=_charset(content_type))
    except IngestError as err:
        return Rejected(origin=origin, reason=f"WARC record: {err}")


def read_warc(path: Path, published: str | None = None) -> Iterator[RawDocument | Rejected]:
    """HTML pages of a ``.warc``/``.warc.gz`` file, one record at a time."""
    with path.open("rb") as handle:
        yield from read_warc_stream(handle, str(path), published)


def read_warc_stream(handle: BinaryIO, name: str, published: str | None = None) -> Iterator[RawDocument | Rejected]:
    """HTML pages of a WARC stream (a file, or bytes a distributed job fetched), one record at a time."""
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            item = _record_document(record, f"{name}#record{number}", published)
            if item is not None:
                yield item
    except _READ_ERRORS as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        yield Rejected(origin=f"{name}#record{number + 1}",
                       reason=f"malformed WARC record {number + 1}: {reason}")
