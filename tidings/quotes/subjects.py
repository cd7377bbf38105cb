"""The speaker mention of a cue: its subject in the parse, or the name before it when the
parse lost it, widened to the noun phrase a reader would call the speaker.

Datelines ("LONDON (Reuters) - Donald Trump said"), party tags ("John Kasich (R-OH)"),
passive agents ("was asked by X") and documents ("X issued a statement saying") are
looked through to the person or organisation that speaks.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import cue_lexicon

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_PASSIVE_SPEAKER = {"quote", "hear", "record", "overhear"}  # "X was quoted as saying": X speaks
_CLIMB_DEPS = {"conj", "xcomp", "advcl", "pcomp", "prep"}  # "stood and said", "went on to say", "by saying"
RELATIVE = {"who", "that", "which", "whom"}
_BASE_NP_LEFT = {"det", "compound", "amod", "poss", "nmod", "nummod", "case", "quantmod", "predet", "advmod"}
_BASE_NP_RIGHT_PREPS = {"for", "of", "at", "to", "with", "from"}
_MAX_SPEAKER_TOKENS = 14
OPEN_MARKS = {'"', "“", "„", "«", "»", "‘", "'"}


def speaker_of(cue: Token) -> Token | None:
    """The subject of a cue verb, following conjunctions, xcomps and relative clauses upward."""
    verb = cue
    for _ in range(4):
        child = _subject_child(verb)
        if child is not None:
            if child.dep_ == "nsubjpass":  # "was asked by X": the asker is the agent
                return _agent_of(verb) or (child if verb.lemma_.lower() in _PASSIVE_SPEAKER else None)
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return child  # "Obama, who called …": the mention is the relative pronoun
            return _outside_parentheses(_past_dateline(child, cue))
        if verb.dep_ in _CLIMB_DEPS and verb.head.i != verb.i:
            verb = verb.head
            continue
        if _issued_document(verb):  # "X issued a statement saying …": X speaks
            verb = verb.head.head
            continue
        break
    return None


def _issued_document(verb: Token) -> bool:
    """A participle on the object of another verb, when that object is a document
    (``issued a statement saying``, ``released an ad calling it``)."""
    noun = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "dobj" and noun.head.i != noun.i
            and noun.lemma_.lower() in cue_lexicon().documents)


def _subject_child(verb: Token) -> Token | None:
    """The verb's subject: a nominal one nearest the verb when the parse gave it several
    (a quoted clause's verb taken for a second subject: "…,” Viguerie notes)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        nominal = [c for c in subjects if c.pos_ not in ("VERB", "AUX", "ADJ", "ADV")]
        subjects = nominal or subjects
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    return subjects[0] if subjects else None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((obj for obj in child.children if obj.dep_ == "pobj"), None)
    return None


def _past_dateline(subject: Token, cue: Token) -> Token:
    """``LONDON (Reuters) - Donald Trump said``: the subject after a dateline's dash, not the city."""
    if subject.i >= cue.i:
        return subject
    doc = subject.doc
    tokens = doc[subject.i : cue.i]
    # a spaced dash only: "Ted Cruz (R-Texas) Wednesday, saying" has no dateline
    dash = next((t for t in tokens if t.text in ("—", "–", "-", "--") and doc[t.i - 1].whitespace_), None)
    if dash is None or subject.i - subject.sent.start > 3:
        return subject
    names = []  # the first name after the dash, not a later date ("— Gov. Mike Pence on Thursday blamed")
    for token in doc[dash.i + 1 : cue.i]:
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            names.append(token)
        elif names:
            break
    return names[-1] if names else subject


def _outside_parentheses(subject: Token) -> Token:
    """``Gov. John Kasich (R-OH), said``: the name before the parenthesis, not the party tag."""
    doc = subject.doc
    for i in range(subject.i - 1, max(subject.i - 4, -1), -1):
        if doc[i].text == ")":
            return subject
        if doc[i].text == "(":
            names = [t for t in doc[max(0, i - 4):i] if t.pos_ == "PROPN"]
            return names[-1] if names else subject
    return subject


def nominal_before(tokens: list[Token]) -> Token | None:
    """The noun or pronoun right before a cue (skipping adverbs), for parses that lost the subject."""
    for token in reversed(tokens):
        if token.pos_ in ("ADV", "AUX", "PART") or token.is_space:
            continue
        return token if token.pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def noun_phrase(head: Token, limit_start: int, limit_end: int) -> tuple[int, int]:
    """The speaker mention around ``head`` as token indices, kept inside [limit_start, limit_end).

    The whole subject phrase with its appositions ("Dave Gorab, the chairman of X")
    when that is short and stays inside the frame; else the base noun phrase.
    """
    left, right = head.left_edge.i, head.right_edge.i + 1
    doc = head.doc
    if left >= limit_start and right <= limit_end and right - left <= _MAX_SPEAKER_TOKENS and not any(
        t.dep_ in ("relcl", "acl") or t.text in OPEN_MARKS or "\n" in t.text for t in doc[left:right]
    ):
        return _strip_punct(doc, left, right)
    left = head.i
    for child in head.lefts:
        if child.dep_ in _BASE_NP_LEFT and child.i >= limit_start:
            left = min(left, child.left_edge.i if child.left_edge.i >= limit_start else child.i)
    right = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _BASE_NP_RIGHT_PREPS and child.right_edge.i < limit_end:
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ in ("compound", "flat") and child.i < limit_end:
            right = max(right, child.i + 1)
    left, right = _strip_punct(head.doc, left, right)
    return max(left, limit_start), min(right, limit_end)


def _strip_punct(doc, left: int, right: int) -> tuple[int, int]:
    while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    return left, right


def positional_subject(tokens: list[Token]) -> Token | None:
    """The name or pronoun before a cue, skipping adverbs and a comma-set phrase (``Trump, in Kentucky, said``)."""
    i = len(tokens) - 1
    while i >= 0 and (tokens[i].pos_ in ("ADV", "AUX", "PART") or tokens[i].is_space):
        i -= 1
    if i >= 0 and tokens[i].text == ",":
        j = i - 1
        while j >= 0 and tokens[j].text != "," and i - j <= 6:
            j -= 1
        i = j - 1 if j >= 0 and tokens[j].text == "," else i
    if i >= 0 and tokens[i].pos_ in ("PROPN", "PRON") and tokens[i].lower_ not in RELATIVE:
        return tokens[i]
    return None


def lost_subject(cue: Token) -> Token | None:
    """A finite cue the parser left without a subject (``And Skelly called Braynard “…”`` with
    *Skelly* tagged an adverb; ``Sanders, meanwhile, who sits at …, said``): the name before it,
    past adverbs and comma-set phrases, when nothing else of the clause stands between."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in cue.children):
        return None
    sentence = cue.sent
    i = cue.i - 1
    for _ in range(3):  # up to three comma-set phrases
        while i > sentence.start and (cue.doc[i].pos_ in ("ADV", "AUX", "PART") and not cue.doc[i].text[:1].isupper()
                                       or cue.doc[i].is_space):
            i -= 1
        if cue.doc[i].text != ",":
            break
        j = i - 1
        while j > sentence.start and cue.doc[j].text != "," and i - j <= 10:
            j -= 1
        if cue.doc[j].text != ",":
            break
        i = j - 1
    token = cue.doc[i] if i >= sentence.start else None
    if token is None or token.lower_ in RELATIVE or token.is_punct:
        return None
    if token.pos_ in ("PROPN", "PRON") or (token.text[:1].isupper() and token.pos_ in ("NOUN", "ADV", "ADJ")):
        return token
    return None
