"""Who did it to whom: source and target actors read from the dependency parse.

The actor stage gives mentions (character spans resolved to actors); here they
are placed on tokens, and an event's source is its trigger's subject (or the
``by`` agent of a passive), its target the object or a ``with/to/against/on``
prepositional object. Coordinated actors ("Israel and the Palestinians") come
out as lists, as PLOVER codes them.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..models import Actor, EventActor, Mention

TARGET_PREPS = {"with", "to", "against", "on", "at", "into", "toward", "towards", "upon", "from", "for", "over", "in"}
NP_MODIFIER_DEPS = {"poss", "compound", "amod", "nmod", "npadvmod", "nummod", "det"}
NP_PREPS = {"of", "from", "in", "for"}
SUBJECT_DEPS = ("nsubj", "csubj", "expl")
NOUN_TARGET_PREPS = {"with", "to", "against", "on", "toward", "towards", "among", "between", "into", "upon", "over"}


@lru_cache(maxsize=4096)
def _resolve_place(text: str):
    from ..actors import resolve

    return resolve(text)


def warm_up() -> None:
    """Load the actor knowledge the place fallback uses (names, then the city gazetteer) once, up front,
    so that the first article does not pay for it and timings measure coding alone."""
    _resolve_place("Paris")
    _resolve_place("Qwzxville")


class MentionIndex:
    """Mentions placed on token positions (the longest mention wins where they nest)."""

    def __init__(self, doc: Doc, mentions: list[Mention], text: str | None = None):
        self.by_token: dict[int, Mention] = {}
        self.text = text if text is not None else doc.text  # Doc.text is rebuilt on each access: kept once
        self._not_actors: set[int] | None = None  # dateline tokens, found when the place fallback first needs them
        for mention in sorted(mentions, key=lambda m: m.end - m.start):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention

    @property
    def tokens(self) -> set[int]:
        return set(self.by_token)

    def mention_of(self, token: Token) -> Mention | None:
        found = self.by_token.get(token.i)
        if found is None and token.ent_type_ in ("GPE", "LOC") and token.ent_iob_ in ("B", "I"):
            found = self._place(token)
        return found

    def _place(self, token: Token) -> Mention | None:
        """A place name the actor stage left alone ("in Baku"): resolved through tidings.actors.resolve."""
        if self._not_actors is None:
            from ..actors.filters import dateline_tokens

            self._not_actors = dateline_tokens(token.doc, self.text)
        if token.i in self._not_actors:
            return None  # "NAIROBI —": where the story was filed, not who acted
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is None:
            return None
        actor = _resolve_place(ent.text)
        if actor is None or not actor.country:
            return None
        mention = Mention(ent.start_char, ent.end_char, ent.text, "place", actor, rule="events:place-fallback")
        for t in ent:
            self.by_token[t.i] = mention
        return mention

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Distinct mentions on tokens start..end-1, in text order."""
        seen: list[Mention] = []
        for i in range(start, end):
            m = self.by_token.get(i)
            if m is not None and all(m is not s for s in seen):
                seen.append(m)
        return seen


def event_actor(mention: Mention) -> EventActor:
    """An EventActor from a resolved mention (span, name, codes)."""
    actor = mention.actor
    return EventActor(
        text=mention.text, start=mention.start, end=mention.end,
        name=actor.name if actor else None, country=actor.country if actor else None,
        sector=actor.sector if actor else None, role=actor.role if actor else None,
        qid=actor.qid if actor else None,
    )


def np_actors(token: Token, index: MentionIndex) -> list[Mention]:
    """The actors a noun phrase headed by ``token`` names, coordinated ones included."""
    found = _np_actors_one(token, index)
    for conj in token.conjuncts:
        if conj.i > token.i:
            for m in _np_actors_one(conj, index):
                if all(m is not f for f in found):
                    found.append(m)
    return found


def _country(mention: Mention) -> str | None:
    return mention.actor.country if mention.actor else None


def _modifier_mentions(token: Token, index: MentionIndex, skip: Mention | None = None) -> list[Mention]:
    """Mentions inside the modifiers of a head noun ("Hungarian and Romanian officials")."""
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ in NP_MODIFIER_DEPS or child.dep_ == "appos":
            for t in child.subtree:
                m = index.mention_of(t)
                if m is not None and m is not skip and all(m is not f for f in found):
                    found.append(m)
    return found


def with_country(mention: Mention, country: str, why: str) -> Mention:
    """A copy of ``mention`` whose actor takes ``country`` (read from its phrase or sentence)."""
    actor = replace(mention.actor, country=country) if mention.actor else Actor(mention.text, country)
    return Mention(mention.start, mention.end, mention.text, mention.kind, actor,
                   rule=f"{mention.rule}+{why}", confidence=mention.confidence)


def _np_actors_one(token: Token, index: MentionIndex) -> list[Mention]:
    own = index.mention_of(token)
    mods = _modifier_mentions(token, index, own)
    if own is not None:
        if _country(own) is None:
            inner = [m for m in mods if _country(m)] or _of_actors(token, index)
            countries = {_country(m) for m in inner} - {None}
            if len(countries) == 1:  # "U.N. Secretary-General Kofi Annan", "opposition groups in Zimbabwe"
                return [with_country(own, countries.pop(), "np-country")]
            return [own]
        # coordinated nationalities on one head: "Hungarian and Romanian officials" -> both; and a titled
        # person the parser hung under the next one ("Japanese Prime Minister X and South Korean President Y")
        others = [m for m in mods if _country(m) and _country(m) != _country(own)
                  and (any(t.conjuncts for t in _tokens_of(m, token)) or _coordinated_person(m, own, token))]
        return [own] + others if others else [own]
    # a head that is no actor itself: its modifiers name the actor only when they carry a country
    # ("Israeli intelligence", not "military" in "military intelligence")
    found = [m for m in mods if _country(m)]
    return found or _of_actors(token, index)


def _coordinated_person(m: Mention, own: Mention, head: Token) -> bool:
    """A named person before the head's own mention, joined to it by "and"."""
    if m.kind not in ("person", "alias") or m.end > own.start:
        return False
    between = head.doc.char_span(m.end, own.start, alignment_mode="expand")
    return between is not None and between.text.strip().lower() in ("and", ", and")


def _tokens_of(mention: Mention, head: Token) -> list[Token]:
    return [t for t in head.subtree if mention.start <= t.idx < mention.end]


def _of_actors(token: Token, index: MentionIndex) -> list[Mention]:
    """"supporters of X", "opposition groups in X", "workers from X": the actor behind the phrase."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in NP_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return np_actors(pobj, index)
    return []


def _children(token: Token, deps: tuple[str, ...] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_tokens(verb: Token) -> list[Token]:
    """The verb's subject, climbing through conj/xcomp/advcl/acl when it has none of its own."""
    node, came_by = verb, ""
    for _ in range(6):
        if is_passive(node):
            if came_by == "conj" and not is_passive(verb):  # "X has been indicted ... and will resign"
                return _children(node, ("nsubjpass",))
            return [p for a in _children(node, ("agent",)) for p in a.children if p.dep_ == "pobj"]
        subj = _children(node, SUBJECT_DEPS)
        if subj:
            return subj
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = node.head
            cop = _copular_subject(head)
            if cop:
                return cop
            if not _thing_governed_by_verb(node, head):
                return [head]
            node, came_by = head.head, "acl"  # "X issued a declaration demanding ..." -> X
            continue
        if node.head.i == node.i:
            return []
        if node.dep_ == "xcomp":
            objs = _children(node.head, ("dobj", "dative"))
            if objs:
                return objs
        node, came_by = node.head, node.dep_
    return []


def _thing_governed_by_verb(clause: Token, head: Token) -> bool:
    """True for an -ing clause on a non-actor object noun ("issued a declaration demanding ...")."""
    return (clause.dep_ == "acl" and clause.tag_ == "VBG" and head.pos_ == "NOUN" and not head.ent_type_
            and head.dep_ == "dobj" and head.head.pos_ == "VERB")


def _copular_subject(noun: Token) -> list[Token]:
    """For "Israel was one of the first countries ...", the subject of the copula (Israel)."""
    node = noun
    for _ in range(4):
        if node.dep_ in ("attr", "acomp") and node.head.lemma_ == "be":
            return _children(node.head, ("nsubj",))
        if node.dep_ not in ("pobj", "prep", "attr"):
            return []
        node = node.head
    return []


def object_tokens(verb: Token, preps: set[str] = TARGET_PREPS) -> list[Token]:
    """The verb's direct object (or passive subject), else its prepositional objects."""
    if is_passive(verb):
        objs = _children(verb, ("nsubjpass",))
    else:
        objs = _children(verb, ("dobj", "dative", "obj"))
    objs = [p for o in objs for p in (_pobjs(o) if o.pos_ == "ADP" else [o])]  # "provide X to/dative Y"
    if not objs:  # "allowed X to take part", parsed as a clause with X its subject
        objs = [s for c in _children(verb, ("ccomp",)) if any(a.lower_ == "to" for a in _children(c, ("aux",)))
                for s in _children(c, ("nsubj",))]
    if not objs and verb.dep_ in ("acl",) and verb.tag_ == "VBN":
        objs = [verb.head]
    for prep in _children(verb, ("prep",)):
        if prep.lower_ in preps and prep.lower_ != "in":
            objs += _pobjs(prep)
    return objs


def _pobjs(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ == "pobj"]


def noun_prep_tokens(nouns: list[Token], preps: set[str] = NOUN_TARGET_PREPS) -> list[Token]:
    """Whom a non-actor object noun is about: "relations *with* Russia", "suspension of links *with* Serbia"."""
    found: list[Token] = []
    for noun in nouns:
        for n in [noun, *noun.conjuncts]:
            for prep in _children(n, ("prep",)):
                if prep.lower_ in preps:
                    found += _pobjs(prep)
                elif prep.lower_ == "of":  # one level down through "of"
                    for pobj in _pobjs(prep):
                        found += [p for q in _children(pobj, ("prep",)) if q.lower_ in preps for p in _pobjs(q)]
    return found


def noun_agent_tokens(nouns: list[Token]) -> list[Token]:
    """Who did what a noun names: "crimes *by* X", "crimes committed *by* X" (the accused)."""
    found: list[Token] = []
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                found += _pobjs(child)
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                found += [p for a in _children(child, ("agent",)) for p in _pobjs(a)]
            elif child.dep_ == "prep" and child.lower_ in ("into", "of", "on"):  # "investigation into crimes by X"
                found += noun_agent_tokens(_pobjs(child))
    return found


def clause_subject_tokens(verb: Token) -> list[Token]:
    """The subject of the verb's (or noun's) that-clause: "demanded that *Hamas* renounce ..."."""
    return [s for c in _children(verb, ("ccomp", "acl")) if c.pos_ in ("VERB", "AUX")
            for s in _children(c, ("nsubj", "nsubjpass"))]


def relative_object_tokens(noun: Token) -> list[Token]:
    """What a noun's relative clause acts on: "a strike that shut down *the capital*"."""
    return [o for c in _children(noun, ("relcl",)) for o in object_tokens(c)]


def condition_subject_tokens(verb: Token, marks: frozenset[str]) -> list[Token]:
    """Who a condition is on: "threatened to ... unless *the Kremlin* closed its base"."""
    found: list[Token] = []
    for node in [verb, *_children(verb, ("xcomp",))]:
        for clause in _children(node, ("advcl",)):
            if any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
                found += _children(clause, ("nsubj", "nsubjpass"))
    return found


def location_tokens(verb: Token, nouns: list[Token] = ()) -> list[Token]:
    """Objects of "in/at" attached to the verb or its object nouns: where it happened."""
    return [p for head in [verb, *nouns] for prep in _children(head, ("prep",))
            if prep.lower_ in ("in", "inside", "at", "near", "outside") for p in _pobjs(prep)]


def actors_of(tokens: list[Token], index: MentionIndex) -> list[Mention]:
    found: list[Mention] = []
    for token in tokens:
        for m in np_actors(token, index):
            if all(m is not f for f in found):
                found.append(m)
    return found
