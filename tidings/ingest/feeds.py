"""RSS and Atom feeds: each item's link is fetched; its title and date travel along.

The item's date is the publisher's own statement of when the article came out,
so it is passed as the document's ``published`` (an explicit ``--published``
still wins).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx

from ..errors import IngestError
from ..models import RawDocument, Rejected
from .web import fetch, page_document


def _item_date(entry) -> str | None:
    """The item's publication (else update) date as an ISO date."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def parse_feed(content: bytes, origin: str):
    """The parsed feed; IngestError when the content is not a feed with items."""
    feed = feedparser.parse(content)
    if not feed.entries:
        problem = getattr(feed, "bozo_exception", None)
        detail = f": {problem}" if problem else ""
        raise IngestError(f"not a feed, or a feed without items{detail}")
    return feed


def read_feed(content: bytes, origin: str, client: httpx.Client,
              published: str | None = None) -> Iterator[RawDocument | Rejected]:
    """Fetch the page of every item of a feed, one at a time."""
    try:
        feed = parse_feed(content, origin)
    except IngestError as err:
        yield Rejected(origin=origin, reason=str(err))
        return
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        item_origin = link or f"{origin}#item{number}"
        if not link:
            yield Rejected(origin=item_origin, reason="feed item without a link")
            continue
        try:
            fetched = fetch(client, link)
            yield page_document(fetched, link, title=entry.get("title"),
                                published=published or _item_date(entry), input_format="feed")
        except IngestError as err:
            yield Rejected(origin=item_origin, reason=str(err))


def read_feed_file(path: Path, client: httpx.Client, published: str | None = None) -> Iterator[RawDocument | Rejected]:
    """A feed saved as a local file: its items' links are fetched like a feed URL's."""
    try:
        content = path.read_bytes()
    except OSError as err:
        yield Rejected(origin=str(path), reason=f"unreadable file: {err}")
        return
    yield from read_feed(content, str(path), client, published)
