"""Finding toponyms in an article Doc and resolving them together.

Parsed sentences give toponyms through spaCy's named entities (GPE, LOC; FAC and
NORP only when the gazetteer knows them as a place or a demonym). Sentences that
were only tokenised are scanned for capitalised names the gazetteer knows well
(countries, capitals, states and provinces, large cities), so nothing is lost
when the parse was skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..models import Mention, Place
from ..nlp import sentences
from .gazetteer import AREA_FEATURES, COUNTRY_FEATURES, Gazetteer, fold, gazetteer
from .resolve import candidates, fallback_place, is_region, resolve_names, to_place

PLACE_LABELS = frozenset({"GPE", "LOC"})
CHECKED_LABELS = frozenset({"FAC", "NORP", "ORG"})  # kept only when the gazetteer knows them
WELL_KNOWN_POPULATION = 100_000
# Capitalised runs of up to four words ("New York", "Bosnia and Herzegovina", "U.S.").
_CAPITALISED = re.compile(
    r"(?<![\w.])(?:[A-Z][\w’'.-]*|[A-Z]\.(?:[A-Z]\.)+)(?:\s+(?:and|of|de|du|la|el|al|upon|on)?\s*[A-Z][\w’'.-]*){0,3}"
)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Capitalised words that are places only by accident (months, titles, "Reading")."""
    from importlib.resources import files

    path = files("tidings.data") / "geo" / "not_places.txt"
    words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return frozenset(fold(w) for w in words if w and not w.startswith("#"))


def well_known(name: str, gaz: Gazetteer) -> bool:
    """Whether a bare capitalised name is safe to read as a place without a parser."""
    key = fold(name)
    if key in _common_words():
        return False
    entries, how = candidates(name, gaz)
    if how not in ("name", "demonym") or not entries:
        return False
    top = entries[0].candidate if how == "demonym" else max(
        (e.candidate for e in entries if e.primary), key=lambda c: c.population, default=None)
    if top is None:
        return False
    return (top.feature in AREA_FEATURES or top.feature in ("PPLC", "ADM1")
            or top.population >= WELL_KNOWN_POPULATION)


def scan_names(text: str, offset: int = 0, gaz: Gazetteer | None = None) -> list[tuple[int, int, str]]:
    """Well-known place names and demonyms in plain text, as (start, end, text)."""
    gaz = gaz or gazetteer()
    found = []
    for match in _CAPITALISED.finditer(text):
        words = match.group(0)
        span = _longest_known(words, gaz)
        if span:
            start, end = match.start() + span[0], match.start() + span[1]
            found.append((offset + start, offset + end, text[start:end]))
    return found


def _longest_known(words: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """The longest leading run of a capitalised sequence that is a well-known place."""
    ends = [m.end() for m in re.finditer(r"\S+", words)]
    for end in reversed(ends):
        piece = words[:end].rstrip(".,’'") if not words[:end].endswith(".") or len(words[:end]) > 4 else words[:end]
        piece = re.sub(r"[’']s$", "", piece)
        if piece and well_known(piece, gaz):
            return 0, len(piece)
    return None


def countries_in_text(text: str, gaz: Gazetteer | None = None) -> Counter:
    """How often each country is named in a text (its name, demonym or capital)."""
    gaz = gaz or gazetteer()
    votes: Counter = Counter()
    for _, _, name in scan_names(text, gaz=gaz):
        entries, how = candidates(name, gaz)
        top = entries[0].candidate if entries else None
        if top is not None and (how == "demonym" or top.feature in COUNTRY_FEATURES or top.feature == "PPLC"):
            votes[top.country] += 1
    return votes


def _entity_toponyms(sent: Span, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    spans = []
    for ent in sent.ents:
        text = re.sub(r"^(?:the|The)\s+", "", ent.text)
        text = re.sub(r"[’']s$", "", text)
        start = ent.start_char + ent.text.index(text)
        if ent.label_ in PLACE_LABELS or (ent.label_ in CHECKED_LABELS and well_known(text, gaz)):
            if ent.label_ in PLACE_LABELS or candidates(text, gaz)[1] in ("name", "demonym"):
                spans.append((start, start + len(text), text))
    return spans


_QUALIFIER = re.compile(r",\s*(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
                        r"((?:(?:[A-Z]\.)+|[A-Z][\w’'-]*\.?)(?:\s+[A-Z][\w’'-]*\.?){0,2})")


def containers(spans: list[tuple[int, int, str]], text: str, gaz: Gazetteer | None = None) -> dict[str, str]:
    """ "Paris, Texas", "Churchill, Man.", "Redding, northern California": a state or
    country written after a place name and a comma contains it. Returns name → container."""
    gaz = gaz or gazetteer()
    found: dict[str, str] = {}
    for _, end, name in spans:
        match = _QUALIFIER.match(text, end)
        if not match or name in found:
            continue
        words = match.group(1).split()
        written = (" ".join(words[:size]) for size in range(len(words), 0, -1))
        qualifier = next((q for w in written for q in dict.fromkeys((w, w.rstrip(".")))
                          if any(is_region(e.candidate) for e in gaz.lookup(q))), None)
        if qualifier:
            found[name] = qualifier
    return found


_TOWN_CUE = re.compile(r"\b(?:city|town|village|hamlet|township)\s+of\s+$", re.IGNORECASE)


def town_cues(spans: list[tuple[int, int, str]], text: str) -> set[str]:
    """Names written at least once as "the city of X" or "the town of X": towns, whatever
    else they may name ("the city of Turkey" is not the country)."""
    return {name for start, _, name in spans if _TOWN_CUE.search(text, max(0, start - 20), start)}


def find_places(doc: Doc, mentions: list[Mention], fallback: bool = False) -> list[Place]:
    """Toponyms in the article, resolved together with the article's context.

    Actor mentions resolved to a country add to the context; ``fallback`` places a
    name the gazetteer lacks at the article's main place (low confidence).
    """
    gaz = gazetteer()
    spans: list[tuple[int, int, str]] = []
    for sent, parsed in sentences(doc):
        if parsed and doc.has_annotation("ENT_IOB"):
            spans.extend(_entity_toponyms(sent, gaz))
        else:
            spans.extend(scan_names(sent.text, sent.start_char, gaz))
    spans.sort()
    context = Counter(m.actor.country for m in mentions if m.actor is not None and m.actor.country
                      and len(m.actor.country) == 3 and m.kind in ("country", "demonym", "capital"))
    resolved = resolve_names([t for _, _, t in spans], context, containers(spans, doc.text, gaz), gaz,
                             towns=town_cues(spans, doc.text))
    places = []
    for start, end, text in spans:
        if text in resolved:
            candidate, confidence, how = resolved[text]
            places.append(to_place(start, end, text, candidate, confidence, how))
        elif fallback and (guess := fallback_place(resolved)) is not None:
            places.append(to_place(start, end, text, guess, 0.2, "fallback-context"))
    return places
