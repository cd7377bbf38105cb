"""Choosing an event's source and target among the sentence's actors.

The subject is the source and the object the target, but news sentences often
name the other party elsewhere: in a preposition ("complained *to* the UN *over*
Israeli raids"), on a non-actor object ("broke relations *with* Russia"), in a
that-clause ("demanded that *Hamas* renounce ..."), in a condition ("threatened
to ... unless *the Kremlin* ..."), or only as the place it happened ("lifted the
emergency *in West Darfur*"). The places to look are tried in order, per event
type (the type lists are data: ``roles:`` in the lexicon); the first that names
an actor with a country wins, else the first that names any actor.

An actor the actor stage could not give a country ("rebels", "President X"
unknown to the knowledge base) takes the country its sentence is about when
that is unambiguous: the one country named besides the event's other actors,
or the only country named at all. The event's rule says so (``+country:sentence``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..models import Mention
from .lexicon import Lexicon
from .match import Candidate
from .roles import (TARGET_PREPS, MentionIndex, actors_of, clause_subject_tokens, condition_subject_tokens,
                    location_tokens, noun_agent_tokens, noun_prep_tokens, object_tokens, relative_object_tokens,
                    is_passive, subject_tokens, with_country)

PRONOUNS = {"he", "she", "they", "it", "we", "him", "her", "them", "us", "i", "you", "who", "which", "that"}
NOUN_TARGET_PREPS = {"on", "against", "with", "to", "into", "at", "of", "toward", "towards"}

Resolver = Callable[[list[Token], list[Mention]], list[Mention]]


def _country(m: Mention) -> str | None:
    return m.actor.country if m.actor else None


def _same(a: Mention, b: Mention) -> bool:
    return a is b or (a.start == b.start and a.end == b.end)


def _without(found: list[Mention], drop: list[Mention]) -> list[Mention]:
    return [m for m in found if not any(_same(m, d) for d in drop)]


def _object_nouns(tokens: list[Token], index: MentionIndex) -> list[Token]:
    """Objects that are things, not actors ("relations", "a suspension"): their phrases may name the target."""
    return [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and index.mention_of(t) is None]


def source_of(cand: Candidate, index: MentionIndex, resolve: Resolver, lexicon: Lexicon) -> list[Mention]:
    """The subject (or passive agent); a noun trigger's possessor or "by" agent; an unattributed attack's place."""
    verb, token, entry = cand.verb, cand.token, cand.entry
    source = [] if entry.pos == "noun" and verb.i == token.i else resolve(subject_tokens(verb), [])
    if entry.pos == "noun" and not source:
        source = actors_of([c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")], index)
        if not source:
            source = actors_of([p for a in token.children if a.dep_ == "prep" and a.lower_ == "by"
                                for p in a.children if p.dep_ == "pobj"], index)
    if not source and entry.governs and is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children):
        # "Vietnam is committed to ...", "X is prepared to ...": a stance of the passive subject
        source = resolve([c for c in verb.children if c.dep_ == "nsubjpass"], [])
    if not source and entry.type in lexicon.roles.get("location_source_types", ()):
        nouns = _object_nouns(object_tokens(verb), index) + ([token] if entry.pos == "noun" else [])
        source = [m for m in actors_of(_places(verb, nouns, lexicon), index) if _country(m)]
    return source


def _places(verb: Token, nouns: list[Token], lexicon: Lexicon) -> list[Token]:
    """Where: "in X", "near X", "outside (of) X" on the verb or its nouns, X a place name or place noun."""
    found = location_tokens(verb, nouns)
    for head in [verb, *nouns]:  # "outside of the Iraqi city": a preposition under a preposition
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("outside", "near", "inside"):
                found += [p for q in prep.children if q.dep_ == "prep" for p in q.children if p.dep_ == "pobj"]
    place_nouns = lexicon.roles.get("place_nouns", frozenset())
    return [t for t in found if _is_place(t, place_nouns)
            or any(_is_place(p, place_nouns) for q in t.children if q.dep_ == "prep" and q.lower_ == "of"
                   for p in q.children if p.dep_ == "pobj")]  # "a sector of eastern Beirut"


def _is_place(token: Token, place_nouns: frozenset[str]) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.upper() in place_nouns


def target_of(cand: Candidate, source: list[Mention], index: MentionIndex, resolve: Resolver,
              lexicon: Lexicon) -> list[Mention]:
    """The first place that names an actor with a country (see the module docstring), minus the source.

    Parties named together as the subject ("X and Y agreed ...") act on each other: as PLOVER
    codes it, both are the source and only a direct object can be a target.
    """
    fallback: list[Mention] = []
    mutual = len({_country(m) for m in source} - {None}) > 1
    for tokens in _target_places(cand, index, lexicon):
        found = _without(actors_of(tokens, index) if tokens else [], source)
        if not found and tokens and tokens[0].lower_ in PRONOUNS:
            found = _without(resolve(tokens[:1], source), source)
        with_country = [m for m in found if _country(m)]
        if with_country:
            return with_country
        fallback = fallback or found
        if mutual:
            break
    return fallback


def _target_places(cand: Candidate, index: MentionIndex, lexicon: Lexicon):
    """Token lists that may name the target, most direct first (a generator: later ones are rarely needed)."""
    verb, token, entry = cand.verb, cand.token, cand.entry
    roles, type_ = lexicon.roles, entry.type
    is_noun = entry.pos == "noun"
    direct = object_tokens(verb) if verb.i != token.i or not is_noun else []
    if is_noun:
        direct = [t for t in direct if t.i != token.i]
        direct += [p for a in token.children if a.dep_ == "prep" and a.lower_ in NOUN_TARGET_PREPS
                   for p in a.children if p.dep_ == "pobj"]
    if type_ in roles.get("audience_types", ()):  # "complained to the UN over X": X first
        yield object_tokens(verb, TARGET_PREPS - {"to"}) if not is_noun else direct
    yield direct
    if type_ in roles.get("direct_target_types", ()):
        return
    nouns = _object_nouns(direct, index) + ([token] if is_noun else [])
    if type_ in roles.get("agent_target_types", ()):
        yield noun_agent_tokens(nouns)
    if type_ in roles.get("clause_target_types", ()):  # "demanded that X ...", "insisted on its demands that X ..."
        heads = [token if is_noun else verb] + [a.token for a in cand.absorbed if a.entry.pos == "noun"]
        yield [t for head in heads for t in clause_subject_tokens(head)]
    yield noun_prep_tokens(nouns)
    if is_noun:
        yield relative_object_tokens(token)
    # complements only: an absorbed "as/while/because ..." clause tells another event, not this one's target
    clauses = [v for v in [a.verb for a in cand.absorbed] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
               if v.dep_ in ("xcomp", "ccomp") or (v.dep_ == "advcl" and not any(m.dep_ == "mark" for m in v.children))]
    for clause in clauses:
        objs = object_tokens(clause)
        yield objs
        yield noun_prep_tokens(_object_nouns(objs, index))
    if type_ in roles.get("condition_target_types", ()):
        yield condition_subject_tokens(verb, lexicon.modality.get("conditional_marks", frozenset()))
    if type_ in roles.get("location_target_types", ()):
        yield _places(verb, nouns, lexicon)
        for clause in clauses:
            yield _places(clause, _object_nouns(object_tokens(clause), index), lexicon)


def sentence_countries(sent: Span, index: MentionIndex, lexicon: Lexicon, trigger: Token) -> list[str]:
    """The national countries the sentence's actors name, in order; international codes and the
    teller of the report ("..., the Albanian embassy said") left out."""
    international = lexicon.roles.get("international_codes", frozenset())
    speech = lexicon.modality.get("speech_verbs", frozenset())
    teller: set[int] = set()
    for token in sent:
        if token.lemma_.lower() in speech and token.i != trigger.i:
            for subj in subject_tokens(token):
                teller |= {t.i for t in subj.subtree}
    seen: list[str] = []
    for m in index.in_span(sent.start, sent.end):
        c = _country(m)
        if c and c not in international and c not in seen and not (teller and _tokens_in(m, index, sent) & teller):
            seen.append(c)
    return seen


def _tokens_in(m: Mention, index: MentionIndex, sent: Span) -> set[int]:
    return {i for i in range(sent.start, sent.end) if index.by_token.get(i) is m}


def place_country(cand: Candidate, index: MentionIndex, lexicon: Lexicon) -> str | None:
    """The country of the place the event happened in ("blocked streets in Hong Kong"), if one is named."""
    nouns = _object_nouns(object_tokens(cand.verb), index) + ([cand.token] if cand.entry.pos == "noun" else [])
    for m in actors_of(_places(cand.verb, nouns, lexicon), index):
        if _country(m) and _country(m) not in lexicon.roles.get("international_codes", frozenset()):
            return _country(m)
    return None


def fill_countries(source: list[Mention], target: list[Mention], countries: list[str], place: str | None = None):
    """Give country-less actors the country of the event's place, else the sentence's country where
    that is unambiguous; True if any was given."""
    used = {_country(m) for m in source + target} - {None}
    remaining = [c for c in countries if c not in used]
    if place:
        guess = place
    elif len(remaining) == 1:
        guess = remaining[0]
    elif not remaining and len(countries) == 1:
        guess = countries[0]
    else:
        return source, target, False
    filled = False

    def fill(side: list[Mention]) -> list[Mention]:
        nonlocal filled
        out = []
        for m in side:
            if _country(m) is None:
                m, filled = with_country(m, guess, "country:sentence"), True
            out.append(m)
        return out

    return fill(source), fill(target), filled
