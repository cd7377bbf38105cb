"""Resolving one actor phrase outside an article: ``resolve("Chile's Ministry of Mines")``.

The phrase is tokenised (no parse needed), matched and read like a phrase in an
article. When it reads as several phrases ("FSB, Russia's security service",
"professor ... at the University of St. Andrews in Scotland") the first that
names a sector is the actor and the first country written anywhere is its
country; a city ("Shanghai police") or the context ("Mexican") fills a missing
country.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import Actor
from .compose import build_phrases, read_phrase
from .kb import KnowledgeBase, default_kb, fold
from .matcher import form_matcher
from .mentions import kb_surname
from .places import city_country


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
        words = text.split()
        country = city_country(text.strip(" .,;")) if words and words[0][:1].isupper() else None
        if country:
            actor = Actor(name=text.strip(), country=country, sector="CVL", kind="group", source="rule:city")
        elif text.strip().lower() == text.strip() or (words and words[0].lower() in kb.pronouns):
            actor = Actor(name=text.strip(), country=None, sector="UNK", kind="group", source="rule:unidentified")
    return actor


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
        sector = "GOV" if main.kind == "capital" else None
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
