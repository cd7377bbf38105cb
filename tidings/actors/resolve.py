"""Resolving one actor phrase outside an article: ``resolve("Chile's Ministry of Mines")``.

The phrase is tokenised (no parse needed), matched and read like a phrase in an
article. When it reads as several phrases ("FSB, Russia's security service",
"professor ... at the University of St. Andrews in Scotland") the first that
names a sector is the actor and the first country written anywhere is its
country; a city ("Shanghai police") or the context ("Mexican") fills a missing
country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Actor
from .compose import build_phrases, read_phrase
from .kb import KnowledgeBase, default_kb, fold
from .matcher import form_matcher
from .mentions import kb_surname
from .fuzzy import near_place
from .places import city_country

# An unknown person named without a title or organisation: a private individual (PLOVER CVL).
UNKNOWN_PERSON_SECTOR = "CVL"
PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: (?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|bin|al|de|van|von)){1,3}")
FUNCTION_WORDS = {"the", "a", "an", "of", "in", "across", "on", "at", "from", "to", "for", "and", "or", "by", "with",
                  "near", "around", "throughout", "over", "into", "s"}


@lru_cache(maxsize=1)
def _tokenizer_nlp():
    import spacy

    return spacy.blank("en")


def resolve(text: str, date=None, context: str | None = None, kb: KnowledgeBase | None = None) -> Actor | None:
    """Resolve one actor phrase to an Actor (country, sector, role) as of ``date`` (None: today)."""
    kb = kb or default_kb()
    actor = _resolve_phrase(text, date, kb)
    if actor is None and fold(text) != text:
        actor = _resolve_phrase(fold(text), date, kb)
    if actor is not None and actor.country is None:
        actor.country = _city_in(text) if actor.kind != "person" else None
        if actor.country is None and context:
            found = _resolve_phrase(context, date, kb)
            actor.country = found.country if found else _city_in(context)
    if actor is None:
        actor = _fallback(text, kb)
    return actor


def _fallback(text: str, kb: KnowledgeBase) -> Actor | None:
    """Nothing matched: a city's people, a misspelt country, an unknown person, or an unidentified actor."""
    words = text.split()
    stripped = text.strip(" .,;")
    country = city_country(stripped) if words and words[0][:1].isupper() else None
    if country:
        return Actor(name=text.strip(), country=country, sector="CVL", kind="group", source="rule:city")
    near = near_place(stripped, kb) if len(words) == 1 else None
    if near is not None:
        sector = "PRE" if near.sector == "PRE" else None
        return Actor(name=near.key, country=near.country, sector=sector, kind="state", source="rule:spelling")
    if words and words[0].lower() in kb.pronouns and (len(words) == 1 or not words[1][:1].isupper()):
        return Actor(name=text.strip(), country=None, sector="UNK", kind="group", source="rule:unidentified")
    if text.strip().lower() == text.strip():
        return Actor(name=text.strip(), country=None, sector="UNK", kind="group", source="rule:unidentified")
    if PERSON_NAME.fullmatch(stripped):
        return Actor(name=stripped, country=None, sector=UNKNOWN_PERSON_SECTOR, kind="person", source="rule:unknown-name")
    return None


def _unnamed_thing(doc, hits, main) -> bool:
    """"Syrian island", "regions across Indonesia": a place word plus a noun that names no actor (UNK)."""
    if main.kind not in ("country", "demonym") or main.sector is not None:
        return False
    covered = {i for h in hits for i in range(h.start, h.end)}
    return any(t.is_alpha and t.is_lower and t.lower_ not in FUNCTION_WORDS for t in doc if t.i not in covered)


def _resolve_phrase(text: str, date, kb: KnowledgeBase) -> Actor | None:
    nlp = _tokenizer_nlp()
    doc = nlp.make_doc(text)
    hits = form_matcher(kb, nlp.vocab).hits(doc)
    phrases = build_phrases(doc, hits, False, 0, len(doc))
    readings = [read_phrase(doc, p, kb, date) for p in phrases if set(p.kinds()) != {"modifier"} or p.name_start]
    if not readings:
        return None
    main = next((r for r in readings if r.kind == "person" or r.org or r.sector), readings[0])
    if main.kind == "person" and not main.known_person and main.person and len(main.person.split()) == 1:
        by_surname = kb_surname(main.person, kb, date)
        if by_surname is not None:
            return by_surname
    country = main.country or next((r.country for r in readings if r.country), None)
    if main.kind in ("country", "demonym", "capital") and main.sector is None and len(readings) == 1:
        sector = "GOV" if main.kind == "capital" else ("UNK" if _unnamed_thing(doc, hits, main) else None)
    else:
        sector = main.sector
    return Actor(name=main.name or text.strip(), country=country, sector=sector,
                 kind={"country": "state", "demonym": "state", "capital": "state"}.get(main.kind, main.kind
                       if main.kind in ("person", "igo", "organization", "group") else "group"),
                 role=main.role, qid=main.qid, source=main.source or f"rule:{main.rule}")


def _city_in(text: str) -> str | None:
    """The country of a city the phrase starts with ("Shanghai police", "Kano State government")."""
    words = [w.strip(".,;:'’\"()") for w in text.split()]
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return None
    for candidate in (" ".join(words[:2]), words[0]):
        country = city_country(candidate)
        if country:
            return country
    return None
