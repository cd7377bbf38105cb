"""Stable identifiers: the same article always gets the same id, in any process."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_|fbclid|gclid|mc_|ref$|cmpid)")


def canonical_url(url: str) -> str:
    """The URL without fragment, tracking parameters, or a trailing slash; host lower-cased."""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&") if q and not _TRACKING.match(q.split("=")[0]))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def normalise_text(text: str) -> str:
    """Text reduced to what identifies content: NFKC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def article_id(url: str | None, text: str) -> str:
    """An id from the canonical URL when there is one, else from the normalised content."""
    key = "url:" + canonical_url(url) if url else "text:" + normalise_text(text)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def short_hash(*parts: object) -> str:
    """A short stable id for a derived row (event, quote) from the values that define it."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def raw_hash(content: str, url: str | None, published: str | None) -> str:
    """Hash of an input item exactly as read (with what the source said about it)."""
    return hashlib.sha1("\x1f".join((url or "", published or "", content)).encode("utf-8")).hexdigest()
