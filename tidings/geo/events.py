"""The place of an event: a toponym in a locative phrase governed by the event's trigger.

"met Tuesday with … in Baku", "in the capital Baku", "at the airport in Baku": the
place hangs from a locative preposition (in, at, near, outside, inside) attached to
the trigger, or to a noun inside the trigger's own clause. A person's origin
("Azerbaijani President") or an event's target country ("visited Turkey") is not
where the event happened. Sentences without a parse fall back to the words right
after the trigger ("… in Baku").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..models import Event, Place

LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
_NOUN_PATH_DEPS = frozenset({"pobj", "appos", "compound", "prep", "npadvmod", "dobj", "attr", "conj", "nmod"})
MAX_PATH = 6
_LOCATIVE_WINDOW = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}$")


def place_events(events: list[Event], places: list[Place], doc: Doc) -> None:
    """Attach to each event the place where it happened, when the sentence says so (in place)."""
    located = [p for p in places if p.lat is not None and not p.rule.endswith("demonym")]
    if not located:
        return
    for event in events:
        in_sentence = [p for p in located if event.sentence_start <= p.start and p.end <= event.sentence_end]
        if not in_sentence:
            continue
        place = _parsed_place(event, in_sentence, doc) if doc.has_annotation("DEP") else None
        if place is None:
            place = _window_place(event, in_sentence, doc.text)
        if place is not None:
            event.place = place


def _trigger_token(event: Event, doc: Doc) -> Token | None:
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _parsed_place(event: Event, places: list[Place], doc: Doc) -> Place | None:
    trigger = _trigger_token(event, doc)
    if trigger is None or trigger.dep_ == "" and trigger.head is trigger and len(list(trigger.children)) == 0:
        return None
    for place in sorted(places, key=lambda p: abs(p.start - event.trigger_start)):
        span: Span | None = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and _governed_by(span.root, trigger):
            return place
    return None


def _governed_by(token: Token, trigger: Token) -> bool:
    """Whether the toponym sits in a locative phrase of the trigger's clause."""
    seen_locative = False
    current = token
    for _ in range(MAX_PATH):
        head = current.head
        if head is current:
            return False
        if current.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
            seen_locative = True
        if head == trigger:
            return seen_locative or (current.dep_ == "prep" and current.lower_ in LOCATIVE_PREPOSITIONS)
        if head.pos_ in ("VERB", "AUX") and head != trigger:
            return False
        if current.dep_ not in _NOUN_PATH_DEPS and current.dep_ != "pobj":
            return False
        current = head
    return False


def _window_place(event: Event, places: list[Place], text: str) -> Place | None:
    """Unparsed fallback: the first place after the trigger introduced by a locative preposition."""
    for place in sorted(places, key=lambda p: p.start):
        if place.start < event.trigger_end or place.start - event.trigger_end > 80:
            continue
        if _LOCATIVE_WINDOW.search(text[max(event.trigger_end, place.start - 40):place.start]):
            return place
    return None
