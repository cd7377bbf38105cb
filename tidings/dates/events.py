"""Each event's own date (placeholder, being built)."""

from __future__ import annotations

from ..models import Event, TimeExpr


def date_events(events: list[Event], timexes: list[TimeExpr], doc, published: str | None) -> None:
    for event in events:
        if event.date is None and published:
            event.date, event.date_granularity, event.date_source = published, "day", "published"
