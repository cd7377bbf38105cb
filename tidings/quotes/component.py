"""The quote stage as a spaCy component: ``nlp.add_pipe("tidings_quotes")``.

Reads the actor mentions from ``doc._.tidings_mentions`` when an earlier
component set them, and writes the quotes to ``doc._.tidings_quotes``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Quote
from ..nlp.extensions import register_extensions
from . import find_quotes


class QuoteFinder:
    """Finds direct and indirect quotes with their speakers in each Doc."""

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        """The quotes of one Doc; a Doc that cannot be read gets none rather than failing the batch."""
        try:
            return find_quotes(doc, doc._.tidings_mentions or [])
        except (ValueError, IndexError):
            return []

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        doc._.tidings_quotes = quotes


@Language.factory("tidings_quotes", requires=["token.dep", "token.pos"], assigns=["doc._.tidings_quotes"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
