"""One event, not five: the same event told in the dek, a caption and the body is one event."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Event, EventActor


def _side(actors: list[EventActor]) -> frozenset[str]:
    return frozenset((a.country or a.name or a.text or "").lower() for a in actors)


def event_key(event: Event) -> tuple:
    """What makes two event reports the same event: type, mode, modality, both sides' actors."""
    source, target = _side(event.source), _side(event.target)
    anchor = "" if (source or target) else event.trigger.lower()
    return (event.plover_type, event.cameo_code, event.mode, event.negated, event.modality, source, target, anchor)


def merge_repeated(events: list[Event], is_body: Callable[[Event], bool] | None = None) -> list[Event]:
    """Merge events that report the same thing; ``mentions`` counts the reports.

    The kept event is the first body report (``is_body``) when there is one, else
    the report naming the most actors, else the earliest; its evidence sentence
    and trigger are that report's.
    """
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        groups.setdefault(event_key(event), []).append(event)
    merged = []
    for group in groups.values():
        def rank(e: Event) -> tuple:
            return (not (is_body(e) if is_body else False), -(len(e.source) + len(e.target)), group.index(e))
        keep = min(group, key=rank)
        keep.mentions = sum(e.mentions for e in group)
        keep.confidence = max(e.confidence for e in group)
        merged.append(keep)
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(merged, key=lambda e: order[id(e)])
