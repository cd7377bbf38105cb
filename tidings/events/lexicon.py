"""The event knowledge, loaded from data files: trigger lexicon, modality words, code tables.

Everything here is read once per process from ``tidings/data/events/`` (and from
any extra lexicon files a user names in ``TIDINGS_EVENT_LEXICONS``, separated by
``os.pathsep``), and indexed by lemma so that coding a sentence is one dictionary
look-up per token.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
_PLURAL_EXTRA = {"talks", "ties", "relations", "sanctions", "hostilities", "games"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a trigger lemma with the PLOVER/CAMEO coding and its constraints."""

    lemma: str
    pos: str  # verb | noun | adj | aux
    type: str | None  # PLOVER type; None for no_event entries (appeals, statements)
    cameo: str | None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    governs: bool = False
    no_event: bool = False
    claim: bool = False
    predicative: bool = False
    needs_clause: bool = False
    no_object: bool = False
    object: frozenset[str] = frozenset()
    object_actor: bool = False
    object_person: bool = False
    particle: str | None = None
    prep: frozenset[str] = frozenset()
    clause: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    subject_of: frozenset[str] = frozenset()
    prep_head: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    not_modifier: frozenset[str] = frozenset()
    noun_of: frozenset[str] = frozenset()
    source_file: str = "lexicon.yaml"
    line: int = 0

    @property
    def specificity(self) -> int:
        """How many constraints the entry sets: the most specific matching entry wins."""
        return sum(
            bool(x)
            for x in (self.object, self.object_actor, self.object_person, self.particle, self.prep, self.clause,
                      self.light, self.subject_of, self.prep_head, self.modifier, self.noun_of, self.predicative)
        )

    @property
    def rule(self) -> str:
        """The rule name recorded on events: file, entry lemma and part of speech."""
        label = self.type or "NO_EVENT"
        return f"lexicon:{self.source_file}:{self.line}:{self.pos}:{self.lemma}:{label}"


@dataclass(slots=True)
class Lexicon:
    """The indexed lexicon plus the modality words and type transforms."""

    by_lemma: dict[str, list[Entry]] = field(default_factory=dict)
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    transforms: dict[str, Any] = field(default_factory=dict)
    people_nouns: frozenset[str] = frozenset()
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    forms: set[str] = field(default_factory=set)
    form_pos: dict[str, set[str]] = field(default_factory=dict)  # word form -> parts of speech it triggers as

    def lookup(self, lemma: str, lower: str) -> list[Entry]:
        """Entries for a token, by lemma and by its lower-cased form."""
        found = self.by_lemma.get(lemma, [])
        if lower != lemma:
            extra = self.by_lemma.get(lower)
            if extra:
                found = found + [e for e in extra if e not in found]
        return found


def _as_set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value.lower()])
    return frozenset(str(v).lower() for v in value)


def _entries_from(raw: dict, source_file: str) -> list[Entry]:
    entries = []
    for index, spec in enumerate(raw.get("entries", []) or []):
        lemmas = spec["lemma"] if isinstance(spec["lemma"], list) else [spec["lemma"]]
        for lemma in lemmas:
            entries.append(Entry(
                lemma=str(lemma).lower(), pos=spec.get("pos", "verb"), type=spec.get("type"),
                cameo=spec.get("cameo"), mode=spec.get("mode"), contexts=tuple(spec.get("context", []) or []),
                governs=bool(spec.get("governs")), no_event=bool(spec.get("no_event")),
                claim=bool(spec.get("claim")), predicative=bool(spec.get("predicative")),
                needs_clause=bool(spec.get("needs_clause")), no_object=bool(spec.get("no_object")), object=_as_set(spec.get("object")),
                object_actor=bool(spec.get("object_actor")), object_person=bool(spec.get("object_person")),
                particle=spec.get("particle"), prep=_as_set(spec.get("prep")), clause=_as_set(spec.get("clause")),
                light=_as_set(spec.get("light")), subject_of=_as_set(spec.get("subject_of")),
                prep_head=_as_set(spec.get("prep_head")), modifier=_as_set(spec.get("modifier")),
                not_modifier=_as_set(spec.get("not_modifier")), noun_of=_as_set(spec.get("noun_of")),
                source_file=source_file, line=index + 1,
            ))
    return entries


def _inflections(word: str, pos: str) -> set[str]:
    """Regular word forms of a lemma (over-generating is harmless: it only selects sentences to parse)."""
    forms = {word}
    if pos == "noun":
        forms |= {word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else word}
        return forms
    stem = word[:-1] if word.endswith("e") else word
    forms |= {word + "s", word + "es", word + "d", word + "ed", stem + "ing", stem + "ed",
              word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ied", word[:-1] + "ies"}
    return forms


def _paths() -> list[Path]:
    paths = [DATA_DIR / "lexicon.yaml"]
    extra = os.environ.get("TIDINGS_EVENT_LEXICONS", "")
    paths += [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    return paths


def _add_forms(lexicon: Lexicon, forms: set[str], pos: str) -> None:
    lexicon.forms |= forms
    for form in forms:
        lexicon.form_pos.setdefault(form, set()).add(pos)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and index every lexicon file (once per process)."""
    lexicon = Lexicon()
    for path in _paths():
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in _entries_from(raw, path.name):
            lexicon.by_lemma.setdefault(entry.lemma, []).append(entry)
            _add_forms(lexicon, _inflections(entry.lemma, entry.pos), entry.pos)
        for spec in raw.get("entries", []) or []:
            _add_forms(lexicon, {str(f).lower() for f in spec.get("forms", []) or []}, spec.get("pos", "verb"))
        for key, words in (raw.get("modality") or {}).items():
            lexicon.modality[key] = lexicon.modality.get(key, frozenset()) | _as_set(words)
        for key, table in (raw.get("transforms") or {}).items():
            lexicon.transforms.setdefault(key, {}).update(table)
        lexicon.people_nouns |= _as_set(raw.get("people_nouns"))
        for key, words in (raw.get("roles") or {}).items():
            lexicon.roles[key] = lexicon.roles.get(key, frozenset()) | frozenset(str(w).upper() for w in words or [])
    lexicon.forms |= _PLURAL_EXTRA
    return lexicon


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, dict]:
    """CAMEO code → name, Goldstein value, PLOVER type, mode, contexts (built by build_codes.py)."""
    return json.loads((DATA_DIR / "cameo_codes.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def plover_types() -> dict[str, dict]:
    """PLOVER type → quad class, score, modes, per-mode scores (built by build_codes.py)."""
    return json.loads((DATA_DIR / "plover_types.json").read_text(encoding="utf-8"))


def trigger_forms_by_pos() -> dict[str, set[str]]:
    """Word form → the parts of speech (verb, noun, adj, aux) it can trigger an event as, so a
    tagged sentence can be judged worth a parse ("shares" the noun is not "shares" the verb)."""
    return load_lexicon().form_pos


def trigger_terms() -> set[str]:
    """Lower-cased word forms and lemmas that may trigger an event (for choosing sentences to parse)."""
    lexicon = load_lexicon()
    terms = set(lexicon.forms) | set(lexicon.by_lemma)
    return terms
