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
from .data import reference_date
from .fuzzy import near_place
from .kb import KnowledgeBase, default_kb, fold
from .matcher import form_matcher
from .mentions import kb_surname
from .places import PLACE_CONNECTORS, city_country, place_reading
from .translit import transliterated_org

# An unknown person named without a title or organisation: a private individual (PLOVER CVL).
UNKNOWN_PERSON_SECTOR = "CVL"
PERSON_PLACE_POPULATION = 100_000  # a phrase that reads as a person's name is a place only when the place is big
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
        actor = _fallback(text, kb, date)
    return actor


def _fallback(text: str, kb: KnowledgeBase, date=None) -> Actor | None:
    """Nothing matched: a city's people, an organisation spelt another way, a misspelt country, the
    people of a town or province, an unknown person, or an unidentified actor."""
    words = text.split()
    stripped = text.strip(" .,;")
    country = city_country(stripped) if words and words[0][:1].isupper() else None
    if country:
        return Actor(name=text.strip(), country=country, sector="CVL", kind="group", source="rule:city")
    org = transliterated_org(stripped, kb)
    if org is not None:
        country, sector = org.at(reference_date(date))
        return Actor(name=org.name, country=country, sector=sector, kind=_org_kind(org),
                     qid=org.qid, source=f"rule:transliteration {org.source}")
    near = near_place(stripped, kb) if len(words) == 1 else None
    if near is not None:
        sector = "PRE" if near.sector == "PRE" else None
        return Actor(name=near.key, country=near.country, sector=sector, kind="state", source="rule:spelling")
    place = place_reading(stripped, misspelt=True)
    if place is not None and _name_like(stripped, kb) and place.population < PERSON_PLACE_POPULATION:
        place = None  # "Pedro Sánchez" the person, not the Dominican village
    if place is not None:
        return Actor(name=place.name, country=place.country, sector="CVL", kind="group",
                     source=_place_source(place))
    if words and words[0].lower() in kb.pronouns and (len(words) == 1 or not words[1][:1].isupper()):
        return Actor(name=text.strip(), country=None, sector="UNK", kind="group", source="rule:unidentified")
    if text.strip().lower() == text.strip():
        return Actor(name=text.strip(), country=None, sector="UNK", kind="group", source="rule:unidentified")
    if PERSON_NAME.fullmatch(stripped):
        return Actor(name=stripped, country=None, sector=UNKNOWN_PERSON_SECTOR, kind="person", source="rule:unknown-name")
    return None


def _org_kind(org) -> str:
    """An Actor's kind for an organisation: igo for intergovernmental bodies, else organization/group."""
    return "igo" if org.kind == "igo" else ("group" if org.kind == "group" else "organization")


def _place_source(place) -> str:
    """``rule:place`` (or ``rule:place-spelling``) with the gazetteer id it was read from."""
    rule = "rule:place-spelling" if place.misspelt else "rule:place"
    return f"{rule} geonames:{place.geonameid}" if place.geonameid else rule


def _name_like(text: str, kb: KnowledgeBase) -> bool:
    """Whether a phrase reads as a person's name: it starts with a given name or ends with a surname
    of someone the knowledge base knows (towns are named after people: "Thabo Mbeki", "Francis")."""
    words = text.split()
    return bool(words) and (words[0].lower() in _given_names(kb) or words[-1].lower() in kb.surnames)


def _given_names(kb: KnowledgeBase) -> frozenset[str]:
    """First words of known people's full names ("pedro", "thabo", "liu"), kept per KB version."""
    return kb.derived("given-names",
                      lambda kb: frozenset(n.split()[0].lower() for n in kb.roles if len(n.split()) > 1))


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
    """The country of a city the phrase starts with ("Shanghai police", "Kano State government"),
    else of a town or province the gazetteer knows anywhere in it ("Djugu villagers")."""
    words = [w.strip(".,;:'’\"()") for w in text.split()]
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    for candidate in (" ".join(words[:2]), words[0]) if words[0][:1].isupper() else ():
        country = city_country(candidate)
        if country:
            return country
    for run in _capitalised_runs(words):  # "Djugu villagers", "residents of Cabo Delgado"
        place = place_reading(run)
        if place is not None:
            return place.country
    return None


def _capitalised_runs(words: list[str]) -> list[str]:
    """Runs of capitalised words in a phrase, with the small words inside names ("Rio de Janeiro")."""
    runs, current = [], []
    for word in [*words, ""]:
        if word[:1].isupper() or (current and word.lower() in PLACE_CONNECTORS):
            current.append(word)
            continue
        while current and not current[-1][:1].isupper():
            current.pop()
        if current:
            runs.append(" ".join(current))
        current = []
    return runs
