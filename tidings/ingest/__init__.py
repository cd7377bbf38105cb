"""Ingest: read every form users have articles in, one item at a time.

``read_sources`` is a generator over any mix of sources — paths, directories,
globs, ``-`` for standard input, page and feed URLs — yielding a RawDocument
for every article read and a Rejected (with its reason) for every item that
could not be; it never holds the corpus in memory and never stops on a bad item.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..models import RawDocument, Rejected
from ..settings import Settings
from .files import FEED_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES, base_suffix, expand, read_document, read_stdin
from .jsonl import read_jsonl
from .warc import read_warc
from .web import is_url, make_client, read_url

__all__ = ["read_sources", "read_path"]


def read_path(path: Path, published: str | None = None, client=None) -> Iterator[RawDocument | Rejected]:
    """The documents in one local file, by its format."""
    suffix = base_suffix(path)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published)
    elif suffix in WARC_SUFFIXES:
        yield from read_warc(path, published)
    elif suffix in FEED_SUFFIXES and client is not None:
        from .feeds import read_feed_file
        yield from read_feed_file(path, client, published)
    else:
        yield read_document(path, published)


def read_sources(sources: list[str], published: str | None = None,
                 settings: Settings | None = None) -> Iterator[RawDocument | Rejected]:
    """Every article in the given sources, streamed; ``published`` overrides each source's date."""
    settings = settings or Settings()
    client = None
    try:
        for source in sources:
            if source == "-":
                yield read_stdin(sys.stdin.buffer, published)
            elif is_url(source):
                client = client or make_client(settings)
                yield from read_url(source, settings, client, published)
            else:
                for item in expand(source):
                    if isinstance(item, Rejected):
                        yield item
                        continue
                    if base_suffix(item) in FEED_SUFFIXES:
                        client = client or make_client(settings)
                    yield from read_path(item, published, client)
    finally:
        if client is not None:
            client.close()
