"""``http(s)://`` sources: a page becomes one document, a feed becomes its items' pages.

Fetching uses httpx with the timeout and user agent from the settings; every
failure (network, HTTP status, decoding) comes back as a Rejected naming the URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from ..errors import IngestError
from ..models import RawDocument, Rejected
from ..settings import Settings
from .files import MAX_DOCUMENT_BYTES, document_from_bytes

FEED_TYPES = ("rss", "atom", "application/xml", "text/xml", "application/feed")


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def make_client(settings: Settings) -> httpx.Client:
    """One HTTP client for a whole run (connection reuse), configured from the settings."""
    return httpx.Client(timeout=settings.fetch_timeout, follow_redirects=True,
                        headers={"User-Agent": settings.user_agent})


def fetch(client: httpx.Client, url: str) -> Fetched:
    """The body of a URL; IngestError with the HTTP status or network error otherwise."""
    try:
        response = client.get(url)
    except httpx.HTTPError as err:
        raise IngestError(f"fetch failed: {type(err).__name__}: {err}") from err
    if response.status_code >= 400:
        raise IngestError(f"fetch failed: HTTP {response.status_code}")
    if len(response.content) > MAX_DOCUMENT_BYTES:
        raise IngestError("fetch failed: response too large for one article")
    return Fetched(str(response.url), response.content, response.headers.get("content-type", ""))


def looks_like_feed(fetched: Fetched) -> bool:
    """RSS/Atom by content type, or by the document's first element."""
    kind = fetched.content_type.lower()
    if "html" in kind:
        return False
    if any(t in kind for t in FEED_TYPES):
        return True
    head = fetched.content[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")


def page_document(fetched: Fetched, origin: str, title: str | None = None,
                  published: str | None = None, input_format: str | None = None) -> RawDocument:
    """A fetched page as a RawDocument (IngestError when it cannot be decoded)."""
    raw = document_from_bytes(fetched.content, origin, url=fetched.url, published=published,
                              declared=fetched.charset)
    raw.title = title
    if input_format:
        raw.input_format = input_format
    return raw


def read_url(url: str, settings: Settings, client: httpx.Client,
             published: str | None = None) -> Iterator[RawDocument | Rejected]:
    """A page URL yields one document; a feed URL yields one per item."""
    from .feeds import read_feed

    try:
        fetched = fetch(client, url)
        if looks_like_feed(fetched):
            yield from read_feed(fetched.content, url, client, published)
            return
        yield page_document(fetched, url, published=published)
    except IngestError as err:
        yield Rejected(origin=url, reason=str(err))
