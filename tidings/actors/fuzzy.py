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
PLACE_KINDS = ("country", "demonym")


def _place_forms(kb: KnowledgeBase) -> dict[int, list[tuple[str, Entry]]]:
    """Single-word country/demonym forms by length, cached on the KB per version."""
    cached = getattr(kb, "_fuzzy_cache", None)
    if cached and cached[0] == kb.version:
        return cached[1]
    by_length: dict[int, list[tuple[str, Entry]]] = {}
    for form, entries in kb.forms.items():
        if " " in form or len(form) < MIN_LENGTH - 1 or not form[:1].isupper():
            continue
        for entry in entries:
            if entry.kind in PLACE_KINDS and entry.country:
                by_length.setdefault(len(form), []).append((form.lower(), entry))
    kb._fuzzy_cache = (kb.version, by_length)
    return by_length


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
    if len(word) < MIN_LENGTH or not word[:1].isupper() or not word.isalpha():
        return None
    key = word.lower()
    forms = _place_forms(kb)
    found = [e for n in (len(key) - 1, len(key), len(key) + 1) for f, e in forms.get(n, []) if one_edit(key, f)]
    if len({e.country for e in found}) != 1:
        return None
    return found[0]
