"""Actor mentions in an article Doc: matched phrases, named people, and later short references.

One PhraseMatcher pass over the whole Doc finds every knowledge-base form;
sentences group them into phrases (``compose``); spaCy's PERSON entities (in
parsed sentences) add people the knowledge base does not know yet; a last pass
links short references to the people already named: "Herzog", "the Israeli
leader", "his Azerbaijani counterpart".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import ENT_TYPE, IS_TITLE, LENGTH, POS
from spacy.tokens import Doc

from ..models import Actor, Mention
from ..nlp import sentences
from .compose import Phrase, Reading, build_phrases, read_phrase
from .filters import PLACE_KINDS, dateline_tokens, plausible_hits
from .fuzzy import near_place
from .kb import KnowledgeBase, default_kb, fold
from .matcher import Hit, form_matcher

CREDIT_LINE = re.compile(
    r"(?im)\b(?:photos?|photograph|image|picture|video|footage|credit|courtesy|illustration)\s*(?:by|:|credit:?|courtesy of)[^\n]*"
)
REPORTING_VERBS = {"said", "says", "warned", "warns", "announced", "stated", "declared", "accused", "denied",
                   "rejected", "urged", "demanded", "threatened", "insisted", "responded", "condemned", "called"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
PERSON_MENTION_KINDS = {"person", "alias", "coref"}
OBSERVING_RULES = {"title-name", "counterpart-name", "appositive"}


@dataclass(slots=True)
class Found:
    """A mention under construction, with the phrase and reading it came from."""

    mention: Mention
    phrase: Phrase
    reading: Reading
    sentence: int


def find_mentions(doc: Doc, date: str | None = None, kb: KnowledgeBase | None = None) -> list[Mention]:
    """Every actor mention in the article Doc, resolved as of ``date`` (the publication date)."""
    kb = kb or default_kb()
    text = doc.text  # built from the tokens on each access: read once
    excluded = _credit_tokens(doc, text) | dateline_tokens(doc, text)
    all_sents = list(sentences(doc))
    ents = list(doc.ents) if any(parsed for _, parsed in all_sents) else []
    matched = form_matcher(kb, doc.vocab).hits(doc)
    misspelt = _misspelt_places(doc, matched, kb)  # before filtering: a dropped match is no misspelling
    hits = _prefer_named_countries(sorted(plausible_hits(doc, matched) + misspelt, key=lambda h: h.start))
    starts = [h.start for h in hits]
    found: list[Found] = []
    persons, person_starts = None, []  # PERSON entities, read once
    for index, (sent, parsed) in enumerate(all_sents):
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        sent_hits = [h for h in hits[lo:hi] if h.end <= sent.end and h.start not in excluded]
        phrases = build_phrases(doc, sent_hits, parsed, sent.start, sent.end)
        if parsed:
            if persons is None:
                persons = [e for e in ents if e.label_ == "PERSON"]
                person_starts = [e.start for e in persons]
            lo_e, hi_e = bisect.bisect_left(person_starts, sent.start), bisect.bisect_left(person_starts, sent.end)
            phrases += _entity_phrases(persons[lo_e:hi_e], phrases, excluded)
        for phrase in sorted(phrases, key=lambda p: p.start):
            reading = read_phrase(doc, phrase, kb, date)
            mention = _to_mention(doc, phrase, reading, parsed)
            if mention is not None:
                found.append(Found(mention, phrase, reading, index))
    found.sort(key=lambda f: f.mention.start)
    _link_references(doc, found, kb, date, excluded, text)
    return [f.mention for f in sorted(found, key=lambda f: f.mention.start)]


def _credit_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens inside photo credits ("Photo by Haim Zach/GPO"): never actors."""
    tokens: set[int] = set()
    for match in CREDIT_LINE.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def _misspelt_places(doc: Doc, hits: list[Hit], kb: KnowledgeBase) -> list[Hit]:
    """Proper nouns no form matched that are one letter from a country or demonym ("Ethopia").

    Candidates are picked from attribute arrays (capitalised, six letters or more, a place entity or an
    untagged proper noun), so only a few tokens per article are looked at one by one; tokens of
    unparsed sentences have no tags and are never candidates.
    """
    if not len(doc):
        return []
    covered = {i for h in hits for i in range(h.start, h.end)}
    place_types = {doc.vocab.strings[label] for label in ("GPE", "NORP")}
    propn = doc.vocab.strings["PROPN"]
    array = doc.to_array([IS_TITLE, LENGTH, ENT_TYPE, POS])
    extra = []
    for i in numpy.flatnonzero((array[:, 0] == 1) & (array[:, 1] >= 6)):
        ent_type, pos = int(array[i, 2]), int(array[i, 3])
        if int(i) in covered or not (ent_type in place_types or (pos == propn and ent_type == 0)):
            continue
        entry = near_place(doc[int(i)].text, kb)
        if entry is not None:
            extra.append(Hit(int(i), int(i) + 1, [entry]))
    return extra


def _prefer_named_countries(hits: list[Hit]) -> list[Hit]:
    """A place word shared by countries ("Congolese", "Tripoli") means the one the article names
    unambiguously elsewhere; failing that, the first listed (the usual reading in the news)."""
    ambiguous = [h for h in hits if len({e.country for e in h.entries if e.kind in PLACE_KINDS}) > 1]
    if not ambiguous:
        return hits
    named = {h.entries[0].country for h in hits if h.kind in PLACE_KINDS
             and len({e.country for e in h.entries if e.kind in PLACE_KINDS}) == 1}
    for hit in ambiguous:
        choices = [e for e in hit.entries if e.kind in PLACE_KINDS and e.country in named]
        if len({e.country for e in choices}) == 1 and choices[0] is not hit.entries[0]:
            hit.entries = [choices[0]] + [e for e in hit.entries if e is not choices[0]]
    return hits


def _entity_phrases(ents, phrases: list[Phrase], excluded: set[int]) -> list[Phrase]:
    """PERSON entities of one sentence that no phrase covers: people the knowledge base does not know."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    extra = []
    for ent in ents:
        if ent.label_ != "PERSON" or covered.intersection(range(ent.start, ent.end)) or ent.start in excluded:
            continue
        end = ent.end
        while end > ent.start and not ent.doc[end - 1].is_alpha:
            end -= 1
        if end > ent.start and ent.doc[ent.start].text[:1].isupper():
            extra.append(Phrase([], ent.start, end, name_start=ent.start, name_end=end))
    return extra


def _to_mention(doc: Doc, phrase: Phrase, r: Reading, parsed: bool) -> Mention | None:
    kinds = set(phrase.kinds())
    if kinds and kinds <= {"modifier"}:
        return None
    if kinds == {"capital"} and not _acts_as_government(doc, phrase, parsed):
        return None
    if kinds == {"demonym"} and not phrase.hits[0].entry.plural and phrase.start and doc[phrase.start - 1].lower_ == "in":
        return None  # "in English": a language
    if kinds == {"surname"} and not _may_be_person(doc[phrase.start], parsed):
        return None
    if not (r.explicit_country or r.org or phrase.has_name) and _not_an_agent_here(doc, phrase, parsed):
        return None
    span = doc[phrase.start:phrase.end]
    kind = _mention_kind(r, kinds)
    actor = Actor(name=r.name or span.text, country=r.country, sector=r.sector,
                  kind=_actor_kind(r), role=r.role, qid=r.qid, source=r.source or f"rule:{r.rule}")
    confidence = 0.95 if r.explicit_country or r.org or r.known_person else 0.7
    if kind == "demonym" and not r.sector:
        confidence = 0.6
    return Mention(span.start_char, span.end_char, span.text, kind, actor, rule=r.rule, confidence=confidence)


def _not_an_agent_here(doc: Doc, phrase: Phrase, parsed: bool) -> bool:
    """A bare weapon ("fired a ballistic missile") or an agent word used as an adjective ("a general strike",
    "medical teams", "military equipment"): no actor without a country or name to go with it."""
    heads = [h for h in phrase.hits if h.kind in ("title", "term")]
    if heads and all(h.entry.office == "weapon" for h in heads):
        return True
    if parsed and len(heads) == 1 and heads[0].end - heads[0].start == 1 and phrase.end == heads[0].end:
        return doc[heads[0].start].pos_ == "ADJ"
    return False


def _may_be_person(tok, parsed: bool) -> bool:
    """A known surname is a person only where it reads as one ("May 30" is a date, "Park" may be a place)."""
    from .compose import NOT_NAMES

    if tok.text in NOT_NAMES:
        return False
    if parsed and tok.ent_type_:
        return tok.ent_type_ == "PERSON"
    return not tok.is_sent_start if parsed else True


def _acts_as_government(doc: Doc, phrase: Phrase, parsed: bool) -> bool:
    """A capital stands for its government when it acts: "Baku said", "Moscow's decision"."""
    last = doc[phrase.end - 1]
    if parsed and last.dep_:
        return last.dep_ in SUBJECT_DEPS
    following = doc[phrase.end] if phrase.end < len(doc) else None
    return following is not None and (following.lower_ in REPORTING_VERBS or following.text in ("'s", "’s"))


def _mention_kind(r: Reading, kinds: set[str]) -> str:
    if r.kind == "person":
        return "person"
    if r.kind in ("country", "demonym", "capital", "igo"):
        return r.kind
    if r.org:
        return "group"
    return "agent"


def _actor_kind(r: Reading) -> str:
    return {"country": "state", "demonym": "state", "capital": "state", "igo": "igo", "person": "person",
            "organization": "organization", "group": "group"}.get(r.kind, "group")


def _link_references(doc: Doc, found: list[Found], kb: KnowledgeBase, date, excluded: set[int], text: str) -> None:
    """Short references to people named elsewhere in the article, in text order."""
    people = [f for f in found if f.reading.kind == "person" and f.reading.person and len(f.reading.person.split()) > 1]
    _counterparts(found)
    _appositives(text, found)
    _coordinated(text, found)
    for f in found:
        if f.reading.kind == "person" and f.reading.person and len(f.reading.person.split()) == 1:
            target = _by_surname(f.reading.person, f.mention.start, people) or kb_surname(f.reading.person, kb, date)
            if target is not None and not _title_fits(f.reading, target):
                target = None  # "General Smith" is not the foreign minister called Smith
            if target is not None:
                f.mention.actor = replace(target) if isinstance(target, Actor) else target
                f.mention.kind, f.mention.rule = "alias", "surname"
        elif _is_definite_description(f):
            target = _by_country(f, people)
            if target is not None:
                f.mention.actor = replace(target.mention.actor)
                f.mention.kind, f.mention.rule = "coref", "coref-title"
    _bare_surnames(doc, found, people, excluded)


def _title_fits(reading: Reading, target: Actor) -> bool:
    """A title before a surname must fit the person's role: a general is MIL, a senator LEG; any
    government title fits a former official ("President Reagan")."""
    title = reading.title_hit
    if title is None or not title.entry.sector or not target.sector:
        return True
    return title.entry.sector == target.sector or (title.entry.sector == "GOV" and target.sector == "ELI")


def _counterparts(found: list[Found]) -> None:
    """"his Azerbaijani counterpart Ilham Aliyev": the same office as the other leader in the sentence."""
    for i, f in enumerate(found):
        title = f.reading.title_hit
        if not (title and title.entry.key == "counterpart" and f.reading.kind == "person"):
            continue
        before = [g for g in found[:i] if g.sentence == f.sentence and g.reading.kind == "person"
                  and g.mention.actor.role and g.mention.actor.country != f.mention.actor.country]
        if before:
            f.mention.actor.role = before[-1].mention.actor.role
            f.mention.actor.sector = before[-1].mention.actor.sector or "GOV"
            if f.reading.explicit_country:
                f.mention.rule = "counterpart-name"


def _appositives(text: str, found: list[Found]) -> None:
    """"Harry Tseng, Taiwan's deputy foreign minister": the title describes the name before it."""
    for f, g in zip(found, found[1:]):
        if f.reading.kind != "person" or g.reading.kind == "person" or not g.reading.title_hit:
            continue
        between = text[f.mention.end:g.mention.start].strip()
        if between == "," and g.reading.explicit_country and not g.reading.title_hit.entry.plural:
            actor = f.mention.actor
            actor.country, actor.sector, actor.role = g.reading.country, g.reading.sector, g.reading.role
            f.mention.rule = "appositive"
            f.mention.end, f.mention.text = g.mention.end, text[f.mention.start:g.mention.end]


def _coordinated(text: str, found: list[Found]) -> None:
    """"Azerbaijan's deputy prime minister, deputy foreign minister, and the ambassadors": one country for the list."""
    for f, g in zip(found, found[1:]):
        if g.reading.explicit_country or g.mention.actor.country or not g.reading.title_hit and g.mention.kind != "agent":
            continue
        between = text[f.mention.end:g.mention.start].strip().lower()
        if between in (",", "and", ", and", "or", ", or") and f.mention.actor.country and f.reading.explicit_country:
            if f.mention.actor.kind != "person" and g.mention.kind == "agent":
                g.mention.actor.country = f.mention.actor.country
                g.mention.rule += "+coordinated"
                g.reading.explicit_country = True


def _surname(name: str) -> str:
    return fold(name.split()[-1]).lower()


def _by_surname(surname: str, position: int, people: list[Found]) -> Actor | None:
    key = fold(surname).lower()
    matches = [p for p in people if _surname(p.reading.person) == key]
    before = [p for p in matches if p.mention.start < position]
    chosen = before[-1] if before else (matches[0] if matches else None)
    return chosen.mention.actor if chosen else None


def kb_surname(surname: str, kb: KnowledgeBase, date) -> Actor | None:
    """A surname alone, known to the KB: the one person of that name holding a role at the date."""
    candidates = kb.surname_candidates(surname)
    active = []
    for name in candidates:
        role = kb.role_at(name, date)
        if role and role.sector:
            active.append((role.sector != "ELI", name, role))
    active.sort(reverse=True, key=lambda a: (a[0], a[1]))
    if not active:
        return None
    tied = [a for a in active if a[0] == active[0][0]]
    if len({(r.country, r.sector) for _, _, r in tied}) > 1:
        return None  # two people of that name could be meant
    _, name, role = active[0]
    if len(tied) > 1:  # "Gandhi", "Botha": same country and sector, whichever person is meant
        return Actor(name=surname, country=role.country, sector=role.sector, kind="person", source=role.source)
    return Actor(name=name, country=role.country, sector=role.sector, kind="person", role=role.title,
                 qid=role.qid or kb.person_qids.get(name), source=role.source)


def _is_definite_description(f: Found) -> bool:
    """"the Israeli leader", "the Azerbaijani president", "Israel's president": a country and a singular title."""
    title = f.reading.title_hit
    return (f.reading.kind != "person" and title is not None and not title.entry.plural
            and f.reading.explicit_country and f.reading.sector in ("GOV", "ELI", "MIL"))


def _by_country(f: Found, people: list[Found]) -> Found | None:
    country, key = f.mention.actor.country, f.reading.title_hit.entry.key
    same = [p for p in people if p.mention.actor.country == country and p.mention.actor.sector == f.mention.actor.sector]
    if key not in ("leader", "counterpart"):
        role = (f.mention.actor.role or "").lower()
        same = [p for p in same if (p.mention.actor.role or "").lower() in (role, key)]
    before = [p for p in same if p.mention.start < f.mention.start]
    if before:
        return before[-1]
    return same[0] if same else None


def _bare_surnames(doc: Doc, found: list[Found], people: list[Found], excluded: set[int]) -> None:
    """Capitalised words equal to a named person's surname, not yet a mention: "Herzog called"."""
    if not people:
        return
    surnames = {_surname(p.reading.person) for p in people}
    covered = set()
    for f in found:
        span = doc.char_span(f.mention.start, f.mention.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    for tok in doc:
        if tok.i in covered or tok.i in excluded or not tok.is_title or fold(tok.text).lower() not in surnames:
            continue
        actor = _by_surname(tok.text, tok.idx, people)
        if actor is not None:
            mention = Mention(tok.idx, tok.idx + len(tok.text), tok.text, "alias", replace(actor), rule="surname",
                              confidence=0.85)
            found.append(Found(mention, Phrase([], tok.i, tok.i + 1), Reading(kind="person", person=actor.name), -1))
