"""Matched words that do not name an actor where they stand, and text that is never an actor.

A dictionary match is only a candidate: "Friday" is a weekday before it is a
Caribbean prime minister's surname, "Ahmed" in "Ahmed Ben Bella" is a first
name, "Syria" in "anti-Syria journalist" is what the journalist opposes, and
"BAKU —" at the head of a story is a dateline. These checks run once per
article over the matcher's hits, before phrases are built.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .matcher import Hit

# "BAKU, Sept. 12, 2023 —", "NEW DELHI (Reuters) -", "BELÉM, Brazil —": the place a story was filed from
DATELINE = re.compile(
    r"(?m)^[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{1,40}(?:\([^)\n]{1,30}\))?(?:,[^\n—–]{1,40}?)?[ \t]*(?:—|–|--|-)[ \t]")
PLACE_KINDS = {"country", "demonym", "capital"}
# "anti-Syria journalist", "Iranian-backed militias": the place is opposed or a sponsor, not the actor's
NOT_OWN_PREFIXES = {"anti", "pro", "non", "ex"}
NOT_OWN_SUFFIXES = {"backed", "sponsored", "funded", "supported", "allied", "aligned", "trained", "armed",
                    "friendly", "leaning", "inspired", "bound", "occupied"}
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "Sen.", "Rep.",
              "Gen.", "Col.", "Capt.", "Lt.", "Maj.", "Prof.", "Rev."}
CALENDAR_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                  "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"}
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "del", "da", "dos", "van", "von", "der", "den", "la", "le", "abu",
                  "abd", "ben", "bint", "du", "di", "ter", "y"}


def dateline_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens of datelines at the head of a line ("OUAGADOUGOU, March 4, 2024 —"): never actors."""
    tokens: set[int] = set()
    for match in DATELINE.finditer(text):
        head = match.group(0)
        place = re.sub(r"\([^)]*\)", "", head).split(",")[0]
        if not re.match(r"\s*[A-ZÀ-Þ]{2}", place) or any(c.islower() for c in place):
            continue  # the place itself is written in capitals
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def plausible_hits(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """The hits that may name an actor where they stand (see the module docstring)."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    kept = []
    for hit in hits:
        one_word_name = hit.kind == "person" and hit.end - hit.start == 1  # "Deng" in "Deng Alor"
        if (hit.kind == "surname" or one_word_name) and not _surname_stands_alone(doc, hit, covered):
            others = [e for e in hit.entries if e.kind not in ("surname", "person")]
            if not others:
                continue
            hit.entries = others  # "Major General": the rank, not John Major
        if hit.kind in PLACE_KINDS and _not_own_place(doc, hit):
            continue
        kept.append(hit)
    return kept


def _is_name_word(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and tok.text not in CALENDAR_WORDS


def _surname_stands_alone(doc: Doc, hit: Hit, covered: set[int]) -> bool:
    """A known surname names that person only as a whole name's last word, not as a weekday, a first
    name ("Ahmed Ben Bella", "Paul Nitze") or another person's or place's name ("Second Thomas Shoal")."""
    first = doc[hit.start]
    if first.text in CALENDAR_WORDS:
        return False
    if hit.end < len(doc):
        after = doc[hit.end]
        if _is_name_word(after) and hit.end not in covered:
            return False
        if after.lower_ in NAME_PARTICLES and hit.end + 1 < len(doc) and doc[hit.end + 1].text[:1].isupper():
            return False
    if hit.start > 0 and not first.is_sent_start:
        before = doc[hit.start - 1]
        if _is_name_word(before) and hit.start - 1 not in covered and before.text not in HONORIFICS:
            return False
    return True


def _not_own_place(doc: Doc, hit: Hit) -> bool:
    """"anti-Syria", "pro-Iranian", "US-backed": a place joined by a hyphen to what it is not the actor of."""
    s, e = hit.start, hit.end
    if s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and doc[s - 2].lower_ in NOT_OWN_PREFIXES:
        return True
    if s >= 1 and doc[s - 1].lower_.rstrip("-") in NOT_OWN_PREFIXES and doc[s - 1].lower_.endswith("-"):
        return True
    if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in NOT_OWN_SUFFIXES:
        return True
    return False
