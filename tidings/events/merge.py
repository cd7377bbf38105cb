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


def _people(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The named people on each side (actors with a role): "Herzog" and "Cohen" are both ISR."""
    def side(actors: list[EventActor]) -> frozenset[str]:
        return frozenset((a.name or a.text).lower() for a in actors if a.role)
    return side(event.source), side(event.target)


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two tellings can be one event unless each names people on a side and none are shared."""
    return not a or not b or bool(a & b)


def merge_repeated(events: list[Event], is_body: Callable[[Event], bool] | None = None) -> list[Event]:
    """Merge events that report the same thing; ``mentions`` counts the reports.

    Same thing: same ``event_key`` and no clash of named people (a visit by the president
    and one by the foreign minister of the same country stay two events). The kept event
    is the first body report (``is_body``) when there is one, else the report naming the
    most actors, else the earliest; its evidence sentence and trigger are that report's.
    """
    groups: list[tuple[tuple, list[frozenset[str]], list[Event]]] = []
    by_key: dict[tuple, list[int]] = {}
    for event in events:
        key, people = event_key(event), _people(event)
        for gi in by_key.get(key, []):
            _, seen, group = groups[gi]
            if _compatible(seen[0], people[0]) and _compatible(seen[1], people[1]):
                seen[0], seen[1] = seen[0] | people[0], seen[1] | people[1]
                group.append(event)
                break
        else:
            by_key.setdefault(key, []).append(len(groups))
            groups.append((key, [people[0], people[1]], [event]))
    merged = []
    for _, _, group in groups:
        def rank(e: Event) -> tuple:
            return (not (is_body(e) if is_body else False), -(len(e.source) + len(e.target)), group.index(e))
        keep = min(group, key=rank)
        keep.mentions = sum(e.mentions for e in group)
        keep.confidence = max(e.confidence for e in group)
        merged.append(keep)
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(merged, key=lambda e: order[id(e)])
