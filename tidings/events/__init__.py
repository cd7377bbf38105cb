"""What: PLOVER events per sentence. (stub: being built)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Event, Mention


def code_events(doc: Doc, mentions: list[Mention]) -> list[Event]:
    """The events each sentence of ``doc`` reports, with source and target from ``mentions``."""
    return []
