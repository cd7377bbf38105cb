"""Misspelt country names and demonyms ("Kazahks", "Afganistan"), a last resort for ``resolve``.

Only long words (six letters or more) are tried, only against country, demonym
and region forms, and only one edit away (a letter added, dropped, changed, or
two neighbours swapped): short names ("Iran"/"Iraq", "Mali"/"Bali") are one
edit from each other, long ones almost never are. A word one edit from forms of
two different countries is left alone. Articles are not searched this way:
``find_mentions`` matches exact forms only.
"""

from __future__ import annotations

from .kb import Entry, KnowledgeBase

MIN_LENGTH = 6
# real names one letter from a country form, never a misspelling of it
NOT_MISSPELT = frozenset({"Indiana", "Romana", "Mariana", "Marianas"})
PLACE_KINDS = ("country", "demonym")


def _place_forms(kb: KnowledgeBase) -> dict[str, list[tuple[str, Entry]]]:
    """Single-word country/demonym forms (lower-case) under themselves and each one-letter deletion,
    kept on the KB per version: a lookup costs a few dictionary probes, not a scan."""
    return kb.derived("fuzzy-places", _build_place_forms)


def _build_place_forms(kb: KnowledgeBase) -> dict[str, list[tuple[str, Entry]]]:
    index: dict[str, list[tuple[str, Entry]]] = {}
    for form, entries in kb.forms.items():
        if " " in form or len(form) < MIN_LENGTH - 1 or not form[:1].isupper():
            continue
        for entry in entries:
            if entry.kind in PLACE_KINDS and entry.country:
                key = form.lower()
                for variant in deletion_keys(key):
                    index.setdefault(variant, []).append((key, entry))
    return index


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def near_place(word: str, kb: KnowledgeBase) -> Entry | None:
    """The one country/demonym form a capitalised word is a misspelling of (None: none or several)."""
    if len(word) < MIN_LENGTH or not word[:1].isupper() or not word.isalpha() or word in NOT_MISSPELT:
        return None
    key = word.lower()
    index = _place_forms(kb)
    found = [e for variant in deletion_keys(key) for f, e in index.get(variant, ()) if one_edit(key, f)]
    if len({e.country for e in found}) != 1:
        return None
    return found[0]


def deletion_keys(word: str) -> set[str]:
    """A word and each one-letter deletion of it: two words one edit apart share a key."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _surname_index(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Known surnames (folded, lower-case) under themselves and every one-letter deletion; rebuilt only
    when surnames were added (learning a role bumps the KB version without touching most surnames)."""
    cached = getattr(kb, "_surname_cache", None)
    if cached and cached[0] == len(kb.surnames):
        return cached[1]
    index: dict[str, set[str]] = {}
    for surname in kb.surnames:
        if len(surname) >= MIN_LENGTH and surname.isascii():
            for key in deletion_keys(surname):
                index.setdefault(key, set()).add(surname)
    kb._surname_cache = (len(kb.surnames), index)
    return index


def near_surnames(word: str, kb: KnowledgeBase) -> set[str]:
    """Known surnames one edit from ``word`` (added, dropped or changed letter), ``word`` excluded."""
    index = _surname_index(kb)
    found: set[str] = set()
    for key in deletion_keys(word):
        found |= {s for s in index.get(key, ()) if s != word and one_edit(word, s)}
    return found
