"""Organisation names in another transliteration ("Jabhat al Nusrah", "Ahlu Sunnah Waljama").

Arabic, Persian, Somali or Pashto names reach English news in many spellings:
doubled or dropped vowels, "-ah"/"-a", "al-"/"el-"/"ul-", words run together or
hyphened. A name's consonant skeleton (letters folded, vowels, "y" and a word's inner "h"
dropped, doubled letters collapsed, "q" as "k") stays much the same across them. A phrase that
matched nothing is compared with the skeletons of every organisation form: equal, or
one "l" or "w" more or less (an article) when the skeleton is long enough, with the same first letter, and
one organisation the best such match. A last resort for ``resolve``; articles
match exact forms only.
"""

from __future__ import annotations

import re

from .fuzzy import deletion_keys
from .kb import KnowledgeBase, Organization, fold

MIN_SKELETON = 5  # shorter skeletons ("snn", "hzb") are shared by too many names
MIN_SKELETON_ONE_EDIT = 6  # one letter apart only for longer ones
ARTICLE_LETTERS = frozenset("lw")  # what "al-", "wa-", "wal-" leave in a skeleton
_WORDS = re.compile(r"[a-z]+")
_DROPPED = re.compile(r"[aeiouy]|(?<=.)h")  # vowels, and "h" inside a word ("Ahl", "Jabhat", "Sunnah")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(name: str) -> str:
    """The consonant skeleton of a name: "Ahlu Sunnah Wal Jama'a" → "lsnwljm", "Hayat Tahrir al-Sham" → "htrlsm"."""
    words = _WORDS.findall(fold(name).lower().replace("q", "k"))
    return _DOUBLED.sub(r"\1", "".join(_DROPPED.sub("", w) for w in words))


def _index(kb: KnowledgeBase) -> dict[str, list[tuple[str, str, str, bool]]]:
    """Skeleton (and each one-letter deletion of it) → (skeleton, first letter, organisation, whether the
    form is the organisation's own name), per KB version."""
    return kb.derived("translit", _build_index)


def _build_index(kb: KnowledgeBase) -> dict[str, list[tuple[str, str, str, bool]]]:
    index: dict[str, list[tuple[str, str, str, bool]]] = {}
    for form, entries in kb.forms.items():
        orgs = {e.key for e in entries if e.kind == "org"}
        key = skeleton(form)
        if not orgs or len(key) < MIN_SKELETON or not form[:1].isalpha():
            continue
        first = fold(form)[:1].lower()
        for variant in deletion_keys(key):
            index.setdefault(variant, []).extend((key, first, org, org == form) for org in orgs)
    return index


def transliterated_org(text: str, kb: KnowledgeBase) -> Organization | None:
    """The one organisation whose name ``text`` spells differently (None: none, or several).

    Equal skeletons beat skeletons one letter apart; among several organisations, one
    whose own name it spells beats those it names only as an alias.
    """
    name = text.strip(" .,;:\"'()")
    if not name[:1].isupper() or len(name.split()) > 8:
        return None
    key, first = skeleton(name), fold(name)[:1].lower()
    if len(key) < MIN_SKELETON:
        return None
    found: dict[str, tuple[bool, bool]] = {}  # organisation → (equal skeleton, own name)
    index = _index(kb)
    for variant in deletion_keys(key):
        for form_key, form_first, org, own in index.get(variant, ()):
            equal = form_key == key
            if form_first == first and (equal or (len(key) >= MIN_SKELETON_ONE_EDIT and _one_letter_more(key, form_key))):
                was = found.get(org, (False, False))
                found[org] = (was[0] or equal, was[1] or own)
    if not found:
        return None
    best = max(found.values())
    chosen = [org for org, rank in found.items() if rank == best]
    return kb.organizations.get(chosen[0]) if len(chosen) == 1 else None


def _one_letter_more(a: str, b: str) -> bool:
    """Whether one skeleton is the other with one "l" or "w" added: an article or conjunction written
    apart or not at all ("wal Jama'a"/"wa-Jama", "Hizb ul-"/"Hizbul"); any other letter makes another
    name ("Petr Nečas" is no "Petronas", "Moïse Katumbi" no "Mai-Mai Yakutumba")."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return long_[i] in ARTICLE_LETTERS and short[i:] == long_[i + 1:]
