"""Who said it: direct and indirect quotes with their speakers. (stub: being built)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Mention, Quote


def find_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Direct and indirect quotes in the article with speakers resolved through ``mentions``."""
    return []
