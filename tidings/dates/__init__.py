"""When: TIMEX3 time expressions and each event's own date. (stub: being built)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Event, TimeExpr


def find_timexes(text: str, anchor: str | None = None) -> list[TimeExpr]:
    """Time expressions in ``text``, normalised against the ``anchor`` date (ISO)."""
    return []


def date_events(events: list[Event], timexes: list[TimeExpr], doc: Doc, published: str | None) -> None:
    """Give each event its own date (in place)."""
    for event in events:
        if event.date is None and published:
            event.date, event.date_granularity, event.date_source = published, "day", "published"
