"""Clean: main text and metadata out of HTML or furniture-laden plain text. (stub: being built)"""

from __future__ import annotations

from ..models import Article, RawDocument


def clean(raw: RawDocument) -> Article:
    """Turn one raw item into an Article with clean text and metadata (no NLP yet)."""
    from ..ids import article_id, content_hash

    text = raw.content.strip()
    return Article(id=article_id(raw.url, text), text=text, url=raw.url, origin=raw.origin,
                   input_format=raw.input_format, title=raw.title, published=raw.published,
                   published_source="explicit" if raw.published else None, content_hash=content_hash(text))
