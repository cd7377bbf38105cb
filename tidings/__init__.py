"""tidings: news in, event data out — who did what to whom, when and where, with the evidence.

>>> import tidings
>>> article = tidings.process("Israeli President Isaac Herzog met Tuesday with ...", published="2023-05-30")
>>> article.events[0].plover_type
"""

from __future__ import annotations

from .models import PIPELINE_VERSION, Actor, Article, Event, Mention, Place, Quote, TimeExpr

__version__ = PIPELINE_VERSION
__all__ = ["process", "Article", "Event", "Actor", "Mention", "TimeExpr", "Place", "Quote", "__version__"]


def process(text_or_html: str, url: str | None = None, published: str | None = None,
            model: str | None = None, kb=None) -> Article:
    """Clean and analyse one article without a database; returns the typed Article record.

    HTML is recognised by its markup; ``published`` (ISO date) wins over any date found in the page.
    """
    from .clean import clean
    from .ingest.detect import looks_like_html
    from .errors import TidingsError
    from .models import RawDocument, Rejected
    from .nlp import load_model
    from .pipeline import analyse_batch
    from .settings import DEFAULT_MODEL

    is_html = looks_like_html(text_or_html)
    raw = RawDocument(origin=url or "<string>", content=text_or_html, is_html=is_html, url=url,
                      published=published, input_format="html" if is_html else "text")
    result = analyse_batch([clean(raw)], load_model(model or DEFAULT_MODEL), kb=kb)[0]
    if isinstance(result, Rejected):
        raise TidingsError(result.reason)
    return result
