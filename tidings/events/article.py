"""What the whole article says about its events' actors: its home country, and which events have actors.

A sentence often names its actors generically ("the army", "police", "the
military government") and leaves the country to the article: the dateline
("OUAGADOUGOU —") or the country the article keeps naming. Such actors take the
article's home country (the event's rule says ``+country:article``). An event
whose actors still carry no country on either side names no identified actor,
and PLOVER codes none: it is dropped (``require_actor``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..models import Event, Mention

DOMINANT_MIN_MENTIONS = 3  # a home country from counting needs this many mentions ...
DOMINANT_RATIO = 2.0  # ... and this many times the next country's


def home_country(doc: Doc, text: str, mentions: list[Mention], international: frozenset[str]) -> str | None:
    """The country an article is about: its dateline's, else the one it names far more than any other."""
    dateline = _dateline_country(text)
    if dateline and dateline not in international:  # "BRUSSELS —" files EU news, not Belgian
        return dateline
    counts = Counter(m.actor.country for m in mentions
                     if m.actor and m.actor.country and m.actor.country not in international)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < DOMINANT_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANT_RATIO * ranked[1][1]:
        return None
    return ranked[0][0]


def _dateline_country(text: str) -> str | None:
    """The country of the place at the head of a story ("BELÉM, Brazil —", "NAIROBI —")."""
    from ..actors import resolve
    from ..actors.filters import DATELINE

    match = DATELINE.search(text[:300])
    if match is None:
        return None
    words = [w.strip() for w in match.group(0).rstrip(" \t—–-").split(",")]
    for candidate in [w for w in words[1:2] if w[:1].isupper()] + [words[0].title(), words[0]]:
        actor = resolve(candidate) if candidate else None
        if actor is not None and actor.country and len(actor.country) == 3 and actor.kind != "person":
            return actor.country
    return None


def fill_home_country(events: list[Event], home: str | None) -> None:
    """Actors without a country (a sector or a name, no country) take the article's home country."""
    if not home:
        return
    for event in events:
        filled = False
        for actor in event.source + event.target:
            if actor.country is None and (actor.sector or actor.name):
                actor.country, filled = home, True
        if filled:
            event.rule += "+country:article"
            event.confidence = round(max(0.5, event.confidence - 0.05), 2)


def with_identified_actor(events: list[Event]) -> list[Event]:
    """The events with at least one actor that has a country or international code."""
    return [e for e in events if any(a.country for a in e.source + e.target)]
