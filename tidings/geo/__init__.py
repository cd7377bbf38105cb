"""Where: toponyms resolved offline, and each event's place. (stub: being built)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Event, Mention, Place


def find_places(doc: Doc, mentions: list[Mention]) -> list[Place]:
    """Toponyms in the article, resolved with the article's context."""
    return []


def place_events(events: list[Event], places: list[Place], doc: Doc) -> None:
    """Attach to each event the place where it happened, when the sentence says so (in place)."""
