"""Attribution from beyond a quote's own sentence: a dash byline closing its line (or a
dash and a name leading into it), a cue-and-colon paragraph before it, or a speech sentence right before a quote that opens
its sentence.

The colon paragraph and previous sentence run only when the quote's own frame
(:mod:`.attribution`) found nothing; the byline runs first.
"""

from __future__ import annotations

import re

from .attribution import (OPEN_MARKS, Attribution, before_frame, before_tokens, cue_lemma, make_attribution,
                          speaker_of)
from .frames import ArticleIndex
from .lexicon import CueLexicon
from .marks import QuoteMarks

_NAME_WORD = r"[A-Z][\w'’.-]*"
# a dash, a name of one to five capitalised words, an optional full stop, then the end of the line
_DASH_BYLINE = re.compile(
    rf"[ \t\xa0]*(?P<dash>[―—–]|--?)[ \t\xa0]*(?P<name>{_NAME_WORD}(?:[ \xa0]+{_NAME_WORD}){{0,4}})[ \t\xa0]*\.?[ \t\xa0]*(?=\n|$)"
)


def dash_byline(index: ArticleIndex, quote: QuoteMarks, next_open: int) -> Attribution | None:
    """``“…” ― Steve Quinlan.``: a dash and a bare capitalised name closing the quote's line.

    Read from the text rather than the tokens: tokenizers glue the dash to the
    closing mark (``”―``) and parsers take the name for the next line's subject.
    """
    if not quote.closed:
        return None
    _, para_end = index.paragraph_span(index.paragraph_of(quote.close - 1))
    match = _DASH_BYLINE.match(index.text, quote.close, min(next_open, para_end))
    if match is None:
        return None
    start, stop = match.span("name")
    head = index.token_at(stop - 1)
    dash = match.start("dash")
    return Attribution(match.group("dash"), dash, match.end("dash"), start, stop, match.group("name"),
                       head, "direct:after-dash")


# a dash, a name of one to five capitalised words and a colon right before the opening mark
_DASH_LEAD = re.compile(
    rf"(?:^|[ \t\xa0])(?:[―—–]|--?)[ \t\xa0]+(?P<name>{_NAME_WORD}(?:[ \xa0]+{_NAME_WORD}){{0,4}})[ \t\xa0]*:[ \t\xa0]*$"
)


def dash_lead(index: ArticleIndex, quote: QuoteMarks) -> Attribution | None:
    """``Pollsters agree - Carl Bialik: “…”``: a digest line naming its source after a dash,
    then a colon and the quote (the mirror of :func:`dash_byline`)."""
    para_start, _ = index.paragraph_span(index.paragraph_of(quote.open))
    line = index.text[para_start:quote.open]
    match = _DASH_LEAD.search(line)
    if match is None:
        return None
    start, stop = para_start + match.start("name"), para_start + match.end("name")
    head = index.token_at(stop - 1)
    colon = index.text.index(":", stop)
    return Attribution(":", colon, colon + 1, start, stop, index.text[start:stop], head, "direct:dash-lead")


def colon_paragraph(index: ArticleIndex, quote: QuoteMarks, lexicon: CueLexicon) -> Attribution | None:
    """``He said:`` closing the previous paragraph introduces a quote that opens this one."""
    para_no = index.paragraph_of(quote.open)
    start, _ = index.paragraph_span(para_no)
    if index.text[start:quote.open].strip() or para_no == 0:
        return None
    prev_start, prev_end = index.paragraph_span(para_no - 1)
    prev_text = index.text[prev_start:prev_end].rstrip()
    if not prev_text.endswith(":"):
        return None
    fake = QuoteMarks(open=prev_start + len(prev_text), close=0, start=quote.start, end=quote.end, mark="")
    tokens = index.tokens_between(prev_start, fake.open)
    if not len(tokens):
        return None
    found = before_frame(index, fake, prev_start, lexicon, governed=False)
    if found is not None:
        found.rule = "direct:colon-paragraph"
    return found


def previous_sentence(index: ArticleIndex, quote: QuoteMarks, lexicon: CueLexicon) -> Attribution | None:
    """``Lynch announced the lawsuit on Monday. “We are seeking …”`` — a quote opening a sentence
    right after a sentence of the same paragraph whose main verb is a speech cue."""
    before = before_tokens(index, quote, 0)
    if any(not (t.is_punct or t.is_space) for t in before):
        return None  # the quote does not open its sentence
    para_no = index.paragraph_of(quote.open)
    para_start, _ = index.paragraph_span(para_no)
    first = before[0].i if before else (index.token_at(quote.open).i if index.token_at(quote.open) else 0)
    if first == 0:
        return None
    rule = "direct:previous-sentence"
    if index.doc[first - 1].idx < para_start:  # the quote opens its paragraph: look at the one before
        if para_no == 0 or index.paragraph_of(index.doc[first - 1].idx) != para_no - 1:
            return None
        rule = "direct:previous-paragraph"
    previous = first - 1
    while previous > 0 and index.doc[previous].is_space:
        previous -= 1
    sentence = index.sentence_at(index.doc[previous].idx)
    if sentence is None or not sentence.parsed:
        return None
    root = sentence.span.root
    if any(t.text in OPEN_MARKS or t.text in ("”", "»") for t in sentence.span):
        return None  # a sentence with its own quote keeps its speaker to that quote
    if cue_lemma(root, lexicon, True, ("speech",)) is None or root.lemma_.lower() in lexicon.adjacent_only:
        return None
    subject = speaker_of(root)
    if subject is None:
        return None
    return make_attribution(root, subject, sentence.span, rule)
