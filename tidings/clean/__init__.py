"""Clean: the article's own text and metadata out of an HTML page or furniture-laden plain text.

``clean`` is pure (a RawDocument in, an Article out, no I/O). What it takes out
of the body is kept in ``Article.removed`` with the reason, so that a user can
audit it; when nothing usable remains it raises ``CleanError``.
"""

from __future__ import annotations

from typing import Any

from ..errors import CleanError
from ..ids import article_id, content_hash
from ..models import Article, RawDocument
from .found import Cleaned
from .html import clean_html
from .metadata import guess_language, normalise_iso, publisher_from_url
from .text import clean_text

__all__ = ["clean", "clean_html", "clean_text"]

MIN_WORDS = 5  # fewer words than this is not an article


def _published(explicit: str | None, found: str | None, found_source: str | None) -> tuple[str | None, str | None]:
    """An explicit date always wins; else what the page said, with where it said it."""
    if explicit:
        value = normalise_iso(explicit)
        if value is None:
            raise CleanError(f"the given publication date is not a date: {explicit!r}")
        return value, "explicit"
    return (found, found_source) if found else (None, None)


def _article(raw: RawDocument, found: Cleaned) -> Article:
    """An Article from what a cleaner found. A page's own title beats the one the source gave;
    for plain text the source's title is the better one."""
    text = "\n\n".join(found.paragraphs)
    published, source = _published(raw.published, found.published, found.published_source)
    title = (found.title or raw.title) if raw.is_html else (raw.title or found.title)
    return Article(
        id="", text=text, url=raw.url, origin=raw.origin, input_format=raw.input_format,
        title=title, subtitle=found.subtitle, author=found.author,
        publisher=found.publisher or publisher_from_url(raw.url), description=found.description,
        language=found.language or guess_language(text), published=published, published_source=source,
        captions=found.captions, credits=found.credits, removed=found.removed,
    )


def clean(raw: RawDocument, **options: Any) -> Article:
    """Turn one raw item into an Article with clean text and metadata (no NLP yet).

    ``options`` reach the HTML extractor (e.g. ``strip_furniture=False``) and
    exist for evaluation; the defaults are the tuned ones.
    """
    if not raw.content or not raw.content.strip():
        raise CleanError("empty page: no text at all")
    found = (clean_html(raw.content, url=raw.url, **options) if raw.is_html
             else clean_text(raw.content, known_title=raw.title))
    article = _article(raw, found)
    words = len(article.text.split())
    if words < MIN_WORDS:
        kind = "broken or empty HTML page" if raw.is_html else "no article in the text"
        raise CleanError(f"{kind}: only {words} word(s) of article text after cleaning")
    article.id = article_id(raw.url, article.text)
    article.content_hash = content_hash(article.text)
    return article
