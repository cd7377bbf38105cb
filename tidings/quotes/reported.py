"""The outer source of a reported quote: ``“…,” Walker said, according to an AP account``.

News copy often passes on a quote it did not hear itself, naming where it read
it: ``according to CNN``. PolNeAR-style attribution takes that outer source as
the speaker of record (the newspaper can vouch only that CNN reported it), so
an *according to* phrase in the attribution's own sentence, outside the quote,
overrides the inner speaker. The inner speaker stays in the text for readers;
a caller that wants it can still read the cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from .attribution import Attribution, make_attribution
from .frames import ArticleIndex
from .marks import QuoteMarks

_REPORTED = "direct:according-to"


def _according_object(token: Token) -> Token | None:
    """The object X of ``according to X`` when ``token`` is its *according*."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.nbor(1)
    if to.lower_ != "to":
        return None
    for head in (to, token):
        obj = next((c for c in head.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return None


def reported_source(index: ArticleIndex, quote: QuoteMarks, attribution: Attribution) -> Attribution:
    """``attribution`` with its speaker replaced by an *according to* source in the cue's sentence."""
    if attribution.rule.startswith(_REPORTED) or attribution.cue_start is None:
        return attribution
    sentence = index.sentence_at(attribution.cue_start)
    if sentence is None or not sentence.parsed:
        return attribution
    for token in sentence.span:
        if quote.open <= token.idx < quote.close:
            continue
        source = _according_object(token)
        if source is not None and not (quote.open <= source.idx < quote.close):
            return make_attribution(token, source, sentence.span, _REPORTED)
    return attribution
