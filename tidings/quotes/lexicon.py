"""The quote stage's word lists, loaded once per process from ``tidings/data/quotes``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue words by lemma and by inflected form (for sentences that were not tagged)."""

    speech: frozenset[str]  # lemmas of speech verbs
    naming: frozenset[str]  # lemmas of naming verbs ("call", "describe")
    cognition: frozenset[str]
    adjacent_only: frozenset[str]  # speech lemmas that are cues only right next to the quote
    lemma_of: dict[str, str]  # any known form (lower case) -> lemma
    prepositions: tuple[str, ...]
    nouns: frozenset[str]
    documents: frozenset[str]  # things a speaker issues ("a statement saying …")
    pronouns: dict[str, str]  # pronoun -> male | female | plural | organization | first
    generic_heads: frozenset[str]
    titles: frozenset[str]


def _regular_forms(lemma: str) -> list[str]:
    """-s, -ed and -ing forms of a regular verb (good enough for a lookup table)."""
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma + "s", lemma + "ed", lemma + "ing"]


def _load_yaml(name: str) -> dict:
    path = resources.files("tidings") / "data" / "quotes" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue and speaker word lists (read once per process)."""
    cues, speakers = _load_yaml("cues.yaml"), _load_yaml("speakers.yaml")
    lemma_of: dict[str, str] = {}
    groups = {}
    for group in ("speech", "naming", "cognition"):
        entries = cues.get(group) or {}
        groups[group] = frozenset(entries)
        for lemma, forms in entries.items():
            for form in [lemma, *_regular_forms(lemma), *(forms or [])]:
                lemma_of.setdefault(form.lower(), lemma)
    return CueLexicon(
        speech=groups["speech"],
        naming=groups["naming"],
        cognition=groups["cognition"],
        adjacent_only=frozenset(cues.get("adjacent_only") or ()),
        lemma_of=lemma_of,
        prepositions=tuple(cues.get("prepositions") or ()),
        nouns=frozenset(cues.get("nouns") or ()),
        documents=frozenset(cues.get("documents") or ()),
        pronouns={k.lower(): v for k, v in (speakers.get("pronouns") or {}).items()},
        generic_heads=frozenset(speakers.get("generic_person_heads") or ()),
        titles=frozenset(speakers.get("titles") or ()),
    )
