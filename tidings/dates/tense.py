"""Tense from a parse: does the verb that governs a time expression point to the past or the future?

"met Tuesday" is the past Tuesday, "meet Monday" (a present tense in a news
report) and "will meet on Thursday" the coming one. With a spaCy ``Doc`` the
governing verb is found by walking up the dependency tree from the
expression; its tag, its auxiliaries and, for an infinitive, the verb it
depends on decide. Without a parse (or in a sentence that was only tokenised)
the answer is ``None`` and the caller falls back to cue words.
"""

from __future__ import annotations

MAX_HOPS = 6
FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "would"})
PLANNING = frozenset({"plan", "schedule", "expect", "intend", "hope", "aim", "set", "slate", "due", "prepare", "agree",
                      "promise", "vow", "threaten", "want", "propose", "ready", "likely", "able", "poised"})
NOUN_MODIFIER = frozenset({"poss", "compound", "amod", "nmod", "appos"})
REPORTING = frozenset({"say", "tell", "report", "announce", "add", "state", "confirm", "disclose", "note"})
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
SCHEDULING = frozenset({"schedule", "slate", "reschedule", "postpone"})  # "scheduled a news conference Thursday"
PAST_AUX = frozenset({"was", "were"})


def _token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    return root if root.dep_ else None


def _is_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")


def _governing_verb(token):
    """The verb the expression modifies directly ("met Tuesday", "meet on Thursday"), else None.

    An expression inside a noun phrase ("Friday's purchases", "warnings on
    Thursday") says nothing reliable about the verb's tense."""
    for _ in range(MAX_HOPS):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    if token.dep_ in NOUN_MODIFIER:
        return None
    head = token.head
    if token.dep_ == "pobj":
        head = head.head
    return head if _is_verb(head) and head.i != token.i else None


def _auxiliaries(verb) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def verb_direction(verb, depth: int = 0) -> int:
    """-1 past, 1 future, 0 undecided, for one verb and its auxiliaries."""
    aux = _auxiliaries(verb)
    lemma = verb.lemma_.lower()
    if "had" in aux or (verb.lower_ == "had" and any(c.tag_ == "VBN" for c in verb.children)):
        return -1
    if any(a in FUTURE_MODALS for a in aux) or "going" in aux:
        return 1
    if "to" in aux and verb.tag_ == "VB":  # an infinitive: "planned to leave", "had been due to expire"
        return _infinitive_direction(verb, depth)
    if lemma in SCHEDULING:
        return 1
    if any(a in ("did", "has", "have", "'ve") for a in aux):
        return -1
    tag = verb.tag_
    if tag == "VBD":
        return -1
    if tag == "VBN":
        if any(a in PAST_AUX for a in aux):
            return -1
        if any(a in PRESENT_AUX for a in aux):
            return 1
        return 0
    if tag == "VBG":
        if any(a in PAST_AUX for a in aux):
            return -1
        return 1 if any(a in PRESENT_AUX for a in aux) else 0
    if tag in ("VBP", "VBZ"):
        return 0 if lemma in REPORTING else 1
    if tag == "VB" and any(a in ("do", "does") for a in aux):
        return 1
    return 0


def _infinitive_direction(verb, depth: int) -> int:
    """An infinitive looks ahead of the verb it depends on: "planned to leave Thursday" is the coming
    Thursday, unless that verb is a pluperfect ("had been due to expire Friday")."""
    head, planning = verb.head, False
    for _ in range(3):
        planning = planning or head.lemma_.lower() in PLANNING
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.i == verb.i or depth >= 3:
        return 1
    aux = _auxiliaries(head)
    if "had" in aux or (head.lower_ == "had"):
        return -1
    governing = verb_direction(head, depth + 1)
    return 1 if planning or governing >= 0 else 0


def doc_direction(doc, start: int, end: int) -> int | None:
    """The tense of the verb governing ``doc.text[start:end]``: -1, 1, 0, or None without a parse."""
    if doc is None:
        return None
    try:
        token = _token(doc, start, end)
    except (ValueError, IndexError):
        return None
    if token is None:
        return None
    verb = _governing_verb(token)
    if verb is None:
        return None
    return verb_direction(verb)
