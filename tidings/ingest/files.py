"""Local sources: paths, directories (recursive), globs, gzip variants, standard input.

Files are read one at a time, so a corpus of any size streams through. Inside
a directory only files with an article extension are taken (``.txt``,
``.html``, ``.jsonl``, ``.warc`` … and their ``.gz``); a path named
explicitly is read whatever its name, and rejected with a reason if it is not
text.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import IngestError
from ..models import RawDocument, Rejected
from .decode import decode_bytes
from .detect import looks_like_html

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
_GLOB_CHARS = set("*?[")


def base_suffix(path: Path) -> str:
    """The format suffix, looking through a final ``.gz``: 'a.html.gz' → '.html'."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_gzipped(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes as a stream, decompressed on the fly when it is gzipped."""
    return gzip.open(path, "rb") if is_gzipped(path) else path.open("rb")


def _walk(directory: Path) -> Iterator[Path]:
    """Article files under a directory, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and base_suffix(path) in ARTICLE_SUFFIXES:
                yield path


def expand(source: str) -> Iterator[Path | Rejected]:
    """Files named by one source: a file, a directory (recursively), or a glob pattern."""
    if _GLOB_CHARS & set(source) and not Path(source).exists():
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield Rejected(origin=source, reason="no file matches this pattern")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                yield from _walk(path)
            elif base_suffix(path) in ARTICLE_SUFFIXES | FEED_SUFFIXES:
                yield path
        return
    path = Path(source)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield path
    else:
        yield Rejected(origin=source, reason="no such file or directory")


def read_document_bytes(path: Path) -> bytes:
    """All bytes of one single-article file; IngestError for a corrupt gzip or a huge file."""
    try:
        if not is_gzipped(path) and path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise IngestError(f"file too large for one article ({path.stat().st_size} bytes)")
        with open_binary(path) as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise IngestError(f"unreadable file: {err}") from err
    if len(data) > MAX_DOCUMENT_BYTES:
        raise IngestError(f"file too large for one article (over {MAX_DOCUMENT_BYTES} bytes)")
    return data


def document_from_bytes(data: bytes, origin: str, suffix: str = "", url: str | None = None,
                        published: str | None = None, declared: str | None = None) -> RawDocument:
    """A RawDocument from one article's bytes: decoded, and recognised as HTML or text."""
    content = decode_bytes(data, declared)
    is_html = suffix in HTML_SUFFIXES or looks_like_html(content)
    return RawDocument(origin=origin, content=content, is_html=is_html, url=url, published=published,
                       input_format="html" if is_html else "text")


def read_document(path: Path, published: str | None = None) -> RawDocument | Rejected:
    """One ``.txt``/``.html`` (or unknown-type) file as one document, or why it cannot be."""
    try:
        return document_from_bytes(read_document_bytes(path), str(path), base_suffix(path), published=published)
    except IngestError as err:
        return Rejected(origin=str(path), reason=str(err))


def read_stdin(stream: BinaryIO, published: str | None = None) -> RawDocument | Rejected:
    """Standard input as one document."""
    try:
        return document_from_bytes(stream.read(MAX_DOCUMENT_BYTES), "stdin", published=published)
    except IngestError as err:
        return Rejected(origin="stdin", reason=str(err))
