"""Resolving a speaker mention ("he", "Aliyev", "the Azerbaijani president") to an Actor.

The article's named people are collected once, in order, from spaCy's PERSON
entities and from the actor mentions: each with its full name, the title words
written around it ("Azerbaijani President Ilham Aliyev" → {azerbaijani,
president}) and whether it was a clause subject. A speaker mention is then
resolved to the nearest earlier fitting person:

- an actor mention over the speaker's head wins when it names a person;
- a short name ("Aliyev") takes the latest earlier full name ending in it;
- a pronoun takes the latest person that was a subject (else any person);
- a description takes the latest person whose title words include its head
  (or whose head is generic: "leader", "official") and its modifiers
  ("Israeli"), or whose actor's country matches a demonym mention inside it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Actor, Mention
from .lexicon import CueLexicon

_SUBJECTS = {"nsubj", "nsubjpass"}
_PRONOUN_REACH = 2000  # characters back that a pronoun may reach for its antecedent
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(slots=True)
class NamedPerson:
    start: int
    end: int
    name: str  # full name as first written
    titles: set[str] = field(default_factory=set)
    subject: bool = False
    actor: Actor | None = None


def _strip_possessive(name: str) -> str:
    for suffix in _POSSESSIVE:
        if name.endswith(suffix):
            return name[: -len(suffix)].strip()
    return name.strip()


def _title_words(doc: Doc, start: int, end: int) -> set[str]:
    """Words that describe a name: the modifiers just before it and an appositive after it."""
    words: set[str] = set()
    i = start - 1
    while i >= 0 and doc[i].pos_ in ("PROPN", "ADJ", "NOUN") and not doc[i].ent_type_ == "PERSON" and start - i <= 4:
        words.add(doc[i].lower_)
        i -= 1
    root = doc[end - 1]
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            words.update(t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ"))
    return words


class SpeakerResolver:
    """Resolves speaker mentions of one article to Actors (build once per Doc)."""

    def __init__(self, doc: Doc, mentions: list[Mention], lexicon: CueLexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.mentions = sorted((m for m in mentions if m.actor is not None), key=lambda m: m.start)
        self.people = self._collect_people()
        self._starts = [p.start for p in self.people]

    def _collect_people(self) -> list[NamedPerson]:
        people: dict[tuple[int, int], NamedPerson] = {}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _strip_possessive(ent.text)
            if not name or not name[0].isupper():
                continue
            person = NamedPerson(ent.start_char, ent.end_char, name, _title_words(self.doc, ent.start, ent.end),
                                 ent.root.dep_ in _SUBJECTS)
            person.actor = self._mention_actor(ent.start_char, ent.end_char, person_only=True)
            people[(ent.start_char, ent.end_char)] = person
        for mention in self.mentions:
            if mention.actor.kind == "person" and (mention.start, mention.end) not in people:
                people[(mention.start, mention.end)] = NamedPerson(
                    mention.start, mention.end, mention.actor.name, set(), False, mention.actor)
        ordered = sorted(people.values(), key=lambda p: p.start)
        self._expand_short_names(ordered)
        return ordered

    @staticmethod
    def _expand_short_names(people: list[NamedPerson]) -> None:
        """Give "Aliyev" the full name of the latest earlier "… Aliyev" (and its titles)."""
        latest: dict[str, NamedPerson] = {}
        for person in people:
            parts = person.name.split()
            if len(parts) == 1 and parts[0] in latest:
                full = latest[parts[0]]
                person.name = full.name
                person.titles |= full.titles
                person.actor = person.actor or full.actor
            elif len(parts) > 1:
                earlier = latest.get(parts[-1])
                if earlier is not None and earlier.name == person.name:
                    person.actor = person.actor or earlier.actor
                    person.titles |= earlier.titles
                latest[parts[-1]] = person

    def _mention_actor(self, start: int, end: int, person_only: bool = False) -> Actor | None:
        for mention in self.mentions:
            if mention.start >= end:
                break
            if mention.end > start and (not person_only or mention.actor.kind == "person"):
                return mention.actor
        return None

    def resolve(self, start: int, end: int, head: Token | None) -> Actor | None:
        """The Actor a speaker mention at [start, end) refers to, or None when unsure."""
        actor = self._mention_actor(start, end, person_only=True)
        if actor is not None:
            return actor
        person = self._resolve_person(start, end, head)
        if person is not None:
            return person.actor or Actor(name=person.name, kind="person", source="rule:quotes-speaker")
        if head is not None and head.pos_ != "PRON":
            return self._mention_actor(start, end)
        return None

    def _resolve_person(self, start: int, end: int, head: Token | None) -> NamedPerson | None:
        if head is None:
            return None
        here = bisect_left(self._starts, start)
        if here < len(self.people) and self.people[here].start < end:
            return self.people[here]  # the speaker is itself a named person
        earlier = self.people[:here]
        if not earlier:
            return None
        kind = self.lexicon.pronouns.get(head.lower_)
        if head.pos_ == "PRON" or kind is not None:
            if kind not in ("male", "female"):
                return None
            return self._antecedent(earlier, start)
        if head.pos_ == "PROPN" or head.text[:1].isupper():
            name = _strip_possessive(head.text)
            return next((p for p in reversed(earlier) if p.name.split()[-1] == name), None)
        return self._described(earlier, start, end, head)

    def _antecedent(self, earlier: list[NamedPerson], start: int) -> NamedPerson | None:
        """The latest earlier person that was a clause subject, within the last few paragraphs."""
        recent = [p for p in earlier if start - p.start < _PRONOUN_REACH]
        subjects = [p for p in recent if p.subject]
        return (subjects or recent or [None])[-1]

    def _described(self, earlier: list[NamedPerson], start: int, end: int, head: Token) -> NamedPerson | None:
        """"the Azerbaijani president" → the latest person titled president and called Azerbaijani."""
        head_word = head.lemma_.lower() or head.lower_
        generic = head_word in self.lexicon.generic_heads
        if not generic and head_word not in self.lexicon.titles:
            return None
        doc = self.doc
        modifiers = {t.lower_ for t in doc[head.left_edge.i:head.i] if t.pos_ in ("ADJ", "PROPN") or t.ent_type_ == "NORP"}
        countries = {m.actor.country for m in self.mentions if m.start >= start and m.end <= end and m.actor.country}
        for person in reversed(earlier):
            if not generic and head_word not in person.titles:
                continue
            country = person.actor.country if person.actor else None
            if modifiers and not (modifiers <= person.titles or (country and country in countries)):
                continue
            return person
        return None
