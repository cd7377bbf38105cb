"""What a sentence really asserts about a trigger: negation, future, hypothesis, condition, claim.

Read from the trigger's verb and the verbs above it: ``not``/``never`` make an
event negated; ``will`` or an intent verb ("plans to", "is set to") make it
future; ``could``/``might`` hypothetical; an ``if``/``unless`` clause
conditional. A speech verb above it ("X said ...") or quotation marks make it
someone's claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Lexicon

OPEN_QUOTES = ("“", '"', "‘", "'", "«")


@dataclass(slots=True)
class Reading:
    """The modality of one trigger and the speech verb it is reported under, if any."""

    negated: bool = False
    modality: str = "asserted"
    speech_verb: Token | None = None
    in_quote: bool = False
    why: str = ""


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _negated(verb: Token, trigger: Token, words: frozenset[str]) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no",) for c in trigger.children) and trigger.i != verb.i


def speech_verb_above(verb: Token, lexicon: Lexicon) -> Token | None:
    """The nearest speech verb whose clause contains ``verb`` (``X said [that ...]``), or None."""
    speech = lexicon.modality.get("speech_verbs", frozenset())
    node = verb
    for _ in range(6):
        if node.lemma_.lower() in speech and node.i != verb.i:
            return node
        for child in node.children:
            if child.dep_ in ("parataxis",) and child.lemma_.lower() in speech:
                return child
        if node.head.i == node.i:
            break
        if node.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis"):
            if node.lemma_.lower() in speech:
                return node
            break
        node = node.head
    if node.lemma_.lower() in speech and node.i != verb.i:
        return node
    for child in node.children:  # "…, the ministry said" attached as a sibling clause
        if child.dep_ in ("parataxis", "advcl", "ccomp") and child.lemma_.lower() in speech and child.i > verb.i:
            return child
    return None


def read(verb: Token, trigger: Token, sent: Span, lexicon: Lexicon) -> Reading:
    """The modality of a trigger whose tense-carrying verb is ``verb``."""
    words = lexicon.modality
    reading = Reading(negated=_negated(verb, trigger, words.get("negators", frozenset())))
    clause_verb = verb
    while clause_verb.pos_ not in ("VERB", "AUX") and clause_verb.head.i != clause_verb.i:
        clause_verb = clause_verb.head
    reading.speech_verb = speech_verb_above(clause_verb, lexicon)
    reading.in_quote = sent.text.lstrip().startswith(OPEN_QUOTES)
    node, why = verb, []
    for _ in range(4):
        aux = _aux_words(node)
        if aux & words.get("future_aux", frozenset()):
            reading.modality, why = "future", why + [f"auxiliary '{next(iter(aux))}'"]
            break
        if aux & words.get("hypothetical_aux", frozenset()):
            would_reported = "would" in aux and reading.speech_verb is not None
            reading.modality = "future" if would_reported else "hypothetical"
            why.append("'would' in reported speech" if would_reported else f"auxiliary '{sorted(aux)[0]}'")
            break
        if aux & words.get("obligation_aux", frozenset()) and trigger.dep_ not in ("aux", "auxpass"):
            reading.modality = "hypothetical"
            why.append(f"obligation '{sorted(aux & words['obligation_aux'])[0]}'")
            break
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in words.get("obligation_heads", frozenset()):
            reading.modality = "hypothetical"
            why.append(f"obligation '{node.head.text} to'")
            break
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in words.get("intent_heads", frozenset()):
            reading.modality = "future"
            why.append(f"intent verb '{node.head.text}'")
            if _negated(node.head, node.head, frozenset()):
                reading.negated = True
            node = node.head
            continue
        break
    marks = words.get("conditional_marks", frozenset())
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
            reading.modality = "conditional"
            why.append("an if/unless clause")
    reading.why = ", ".join(why)
    return reading
