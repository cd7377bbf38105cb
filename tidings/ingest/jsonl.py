"""JSON Lines: one article a line — ``url``, ``title``, ``published`` and ``text`` or ``html``.

Lines are read one by one (never the whole file); a malformed line becomes a
Rejected naming its line number, and reading goes on with the next one.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..models import RawDocument, Rejected
from .detect import looks_like_html
from .files import open_binary

TEXT_KEYS = ("text", "content", "body")
HTML_KEYS = ("html", "raw_html")


def record_document(record: dict, origin: str, published: str | None = None) -> RawDocument | Rejected:
    """The article in one record (a JSONL line, a Parquet row), or why the record holds none."""
    html = next((record[k] for k in HTML_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    content = html or text
    if content is None:
        return Rejected(origin=origin, reason="JSONL line has no 'text' or 'html' field with content")
    date = published or record.get("published") or record.get("date")
    is_html = html is not None or looks_like_html(content)
    return RawDocument(origin=origin, content=content, is_html=is_html,
                       url=record.get("url") if isinstance(record.get("url"), str) else None,
                       title=record.get("title") if isinstance(record.get("title"), str) else None,
                       published=_iso_date(date), input_format="jsonl")


def _iso_date(value) -> str | None:
    """A date from a record as ISO text (a Parquet row may hold a date or timestamp object)."""
    if not value:
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


def parse_line(raw: bytes, origin: str, number: int, published: str | None) -> RawDocument | Rejected | None:
    """One JSONL line: a document, a Rejected with the line number, or None for a blank line."""
    if not raw.strip():
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        return Rejected(origin=origin, reason=f"malformed JSONL line {number}: not UTF-8 ({err.reason})")
    except json.JSONDecodeError as err:
        return Rejected(origin=origin, reason=f"malformed JSONL line {number}: {err.msg} (column {err.colno})")
    if not isinstance(record, dict):
        return Rejected(origin=origin, reason=f"malformed JSONL line {number}: not a JSON object")
    return record_document(record, origin, published)


def read_jsonl(path: Path, published: str | None = None) -> Iterator[RawDocument | Rejected]:
    """Articles of a ``.jsonl``/``.jsonl.gz`` file, streamed line by line."""
    number = items = 0
    try:
        with open_binary(path) as handle:
            for number, raw in enumerate(handle, start=1):
                item = parse_line(raw, f"{path}:{number}", number, published)
                if item is not None:
                    items += 1
                    yield item
    except (OSError, EOFError, zlib.error) as err:
        yield Rejected(origin=f"{path}:{number + 1}", reason=f"unreadable JSONL after line {number}: {err}")
        return
    if items == 0:
        yield Rejected(origin=str(path), reason="empty: the JSONL file has no lines")
