"""Indirect (reported) speech: "X said that …", "He cited …", "according to X, …".

Read from the dependency parse of parsed sentences only: a speech or
cognition verb with a subject and a clausal complement (``ccomp``), a *cite*
verb with its object, or an *according to* phrase. The content is the
complement's subtree; the speaker its verb's subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .attribution import Attribution, cue_lemma, make_attribution, speaker_of
from .frames import ArticleIndex
from .lexicon import CueLexicon

_OBJECT_CUES = {"cite", "quote"}  # verbs whose reported content is their object
_MIN_CONTENT_TOKENS = 3


def _trim(span: Span) -> Span:
    """Drop punctuation and spaces at both ends of a content span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _content_of(cue: Token, lemma: str) -> Span | None:
    for child in cue.children:
        if child.dep_ == "ccomp" or (lemma in _OBJECT_CUES and child.dep_ == "dobj"):
            return _trim(cue.doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def _according_to(token: Token) -> tuple[Token, Span] | None:
    """``according to X, …``: the speaker X and the rest of the sentence as content."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.nbor(1).lower_ != "to":
        return None
    to = token.nbor(1)
    speaker = next((c for c in to.children if c.dep_ == "pobj"), None)
    if speaker is None:
        return None
    sentence = token.sent
    phrase_start, phrase_end = token.i, max(token.right_edge.i, to.right_edge.i) + 1
    before = sentence.doc[sentence.start:phrase_start]
    after = sentence.doc[phrase_end:sentence.end]
    content = _trim(after if len(after) >= len(before) else before)
    return speaker, content


def find_indirect(index: ArticleIndex, lexicon: CueLexicon) -> Iterator[tuple[Span, Attribution]]:
    """Every reported-speech clause of the parsed sentences, with its attribution."""
    for sentence in index.sentences:
        if not sentence.parsed:
            continue
        for token in sentence.span:
            found = _according_to(token)
            if found is not None:
                speaker, content = found
                if len(content) >= _MIN_CONTENT_TOKENS:
                    yield content, make_attribution(token, speaker, sentence.span, "indirect:according-to")
                continue
            lemma = cue_lemma(token, lexicon, True, ("speech", "cognition"))
            if lemma is None:
                continue
            content = _content_of(token, lemma)
            subject = speaker_of(token)
            if content is None or subject is None or len(content) < _MIN_CONTENT_TOKENS:
                continue
            if content.start <= subject.i < content.end:
                continue
            rule = "indirect:cognition" if lemma in lexicon.cognition else "indirect:speech"
            yield content, make_attribution(token, subject, sentence.span, rule)
