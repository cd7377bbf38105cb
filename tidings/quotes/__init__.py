"""Who said it: direct and indirect quotes with their cues and speakers.

Direct quotes come from one regex pass over the quotation marks
(:mod:`.marks`); the parse is consulted only in the few tokens around each
quote to find its cue and speaker (:mod:`.attribution`). Indirect quotes come
from the parse of each sentence (:mod:`.indirect`). Speakers are resolved to
Actors through the actor mentions, short names, pronouns and descriptions
(:mod:`.speakers`).

Conventions (documented choices):

- A quote split by its attribution (``“…,” he said, “…”``) gives **two** Quote
  records with the same cue and speaker; the second has rule
  ``direct:split`` when it takes its speaker from the first.
- A quote running over paragraphs is **one** Quote whose span runs from the
  first opening mark to the last closing mark (rule suffix ``+paragraphs``).
- A quote with no attribution in its own frame takes the speaker of the
  previous attributed quote in the same paragraph (``direct:continued``), or of
  the quote closing the previous paragraph when this paragraph is nothing but
  the quote (``direct:continued-paragraph``); otherwise its speaker is None.
- Short quoted phrases (three words or fewer) with no cue are scare quotes or
  titles, and Title Case phrases next to a possessive, preposition, article or
  a following noun are titles ("ABC’s “Good Morning America”"): neither is
  reported at all.
- A quote closed by a dash and a bare name on its line (``“…” ― Steve Quinlan``)
  takes that name as its speaker (``direct:after-dash``).
- An *according to X* phrase in the attribution's sentence makes X the speaker
  of record (``“…,” Walker said, according to the AP`` → the AP; :mod:`.reported`).
- A digest line ``Topic - Name: “…”`` takes the name before the colon (``direct:dash-lead``).
- A speaker mention is the words of the attribution itself: a pronoun ("he",
  "who") stays the mention, and ``speaker`` holds the Actor it resolves to.
- Quote offsets are those of the content, without the quotation marks.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Mention, Quote
from .attribution import Attribution, after_frame, before_frame, before_tokens, governing_cue
from .neighbours import colon_paragraph, dash_byline, dash_lead, previous_sentence
from .reported import reported_source
from .frames import ArticleIndex
from .indirect import find_indirect
from .lexicon import cue_lexicon
from .marks import QuoteMarks, find_quote_marks
from .speakers import SpeakerResolver

__all__ = ["find_quotes", "find_quote_marks"]

_SHORT_WORDS = 3  # quoted phrases this short need a cue to count as quotes
_TITLE_WORDS = 8  # longest quoted Title Case phrase taken for a title rather than speech
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "&"}
_CONFIDENCE = {
    "direct:after": 0.95, "direct:after-inverted": 0.95, "direct:before": 0.9, "direct:governed": 0.85, "direct:nearest-cue": 0.7, "direct:colon-subject": 0.7, "direct:colon-named": 0.6, "direct:after-dash": 0.8, "direct:dash-lead": 0.8, "direct:possessive-noun": 0.7,
    "direct:colon-paragraph": 0.85, "direct:stance": 0.65, "direct:according-to": 0.85, "direct:split": 0.9,
    "direct:continued": 0.75, "direct:previous-sentence": 0.7, "direct:previous-paragraph": 0.6, "direct:continued-paragraph": 0.6, "direct:unattributed": 0.5,
}


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _is_title(index: ArticleIndex, quote: QuoteMarks) -> bool:
    """A quoted title or name ("ABC’s “Good Morning America”", "the “Jane The Virgin” actress"),
    not speech: Title Case words next to a possessive, preposition, article or a following noun."""
    content = index.text[quote.start:quote.end].strip().rstrip(".,;:")
    words = [w for w in content.split() if any(ch.isalpha() for ch in w)]
    if not words or len(words) > _TITLE_WORDS or content.endswith(("!", "?")):
        return False
    if not all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS or not w[0].isalpha() for w in words):
        return False
    if len(words) == 1:  # "Denver," he answered — an utterance; “Avatar” — a title
        return not (content != index.text[quote.start:quote.end].strip() and index.text[quote.end - 1] == ",")
    doc = index.doc
    inside = index.tokens_between(quote.open, quote.close)
    before = doc[inside.start - 1] if inside.start > 0 else None
    after = doc[inside.end] if inside.end < len(doc) else None
    if before is not None and (before.lower_ in ("’s", "'s", "the", "a", "an") or before.pos_ == "ADP"):
        return True
    return after is not None and after.pos_ in ("NOUN", "PROPN") and not index.text[quote.end:quote.close].strip(" ”\"")


def _attribute(index: ArticleIndex, marks: list[QuoteMarks], i: int) -> Attribution | None:
    lexicon = cue_lexicon()
    quote = marks[i]
    prev_close = marks[i - 1].close if i > 0 else 0
    next_open = marks[i + 1].open if i + 1 < len(marks) else len(index.text)
    byline = dash_byline(index, quote, next_open) or dash_lead(index, quote)
    if byline is not None:
        return byline
    after = after_frame(index, quote, next_open, lexicon)
    if after is not None and after.rule == "direct:after-participle":
        # “…,” adding/claiming …: the participle continues a clause whose own cue governs the quote
        sentence = index.sentence_at(quote.start)
        governed = governing_cue(index, quote, lexicon) if sentence is not None and sentence.parsed else None
        after = governed or after
    elif after is not None and _embedded(index, quote, prev_close):
        # “…” inside a running sentence with no comma to close it off: a cue before it
        # (``vowing to “open up” libel laws, and suggesting``) is the attribution, if any
        after = before_frame(index, quote, prev_close, lexicon) or after
    found = (after
             or before_frame(index, quote, prev_close, lexicon)
             or colon_paragraph(index, quote, lexicon))
    return reported_source(index, quote, found) if found is not None else None


def _embedded(index: ArticleIndex, quote: QuoteMarks, prev_close: int) -> bool:
    """A quoted phrase inside a running sentence: words of the sentence before its opening mark
    and no comma, question or exclamation mark closing it (``to “open up” libel laws``)."""
    if index.text[quote.start:quote.end].rstrip().endswith((",", "?", "!")) or index.text[quote.close:quote.close + 1] == ",":
        return False
    return any(not (t.is_punct or t.is_space) for t in before_tokens(index, quote, prev_close))


def _inherit(index: ArticleIndex, quote: QuoteMarks, previous: tuple[QuoteMarks, Attribution] | None) -> Attribution | None:
    """The previous quote's attribution when this quote continues the same speech."""
    if previous is None:
        return None
    prev_quote, attribution = previous
    para, prev_para = index.paragraph_of(quote.open), index.paragraph_of(prev_quote.close - 1)
    if para == prev_para:
        rule = "direct:split" if _is_split(index, prev_quote, quote) else "direct:continued"
    elif para == prev_para + 1 and _quote_is_paragraph(index, quote, para):
        rule = "direct:continued-paragraph"
    else:
        return None
    return Attribution(attribution.cue, attribution.cue_start, attribution.cue_end, attribution.speaker_start,
                       attribution.speaker_end, attribution.speaker_text, attribution.speaker_head, rule)


def _is_split(index: ArticleIndex, first: QuoteMarks, second: QuoteMarks) -> bool:
    between = index.text[first.close:second.open]
    return "." not in between and len(between) < 80


def _quote_is_paragraph(index: ArticleIndex, quote: QuoteMarks, para: int) -> bool:
    start, end = index.paragraph_span(para)
    return not index.text[start:quote.open].strip() and not index.text[quote.close:end].strip()


def _direct_quotes(index: ArticleIndex, resolver: SpeakerResolver) -> list[Quote]:
    marks = find_quote_marks(index.text)
    quotes: list[Quote] = []
    previous: tuple[QuoteMarks, Attribution] | None = None
    for i, quote in enumerate(marks):
        content = index.text[quote.start:quote.end]
        if _is_title(index, quote):
            continue
        attribution = _attribute(index, marks, i)
        if attribution is None and _word_count(content) <= _SHORT_WORDS:
            continue
        if attribution is None:
            attribution = _inherit(index, quote, previous) or previous_sentence(index, quote, cue_lexicon())
        if attribution is not None and attribution.speaker_start is not None:
            previous = (quote, attribution)
        quotes.append(_quote(quote, content, attribution, resolver, direct=True))
    return quotes


def _quote(quote: QuoteMarks, content: str, attribution: Attribution | None, resolver: SpeakerResolver,
           direct: bool) -> Quote:
    rule = attribution.rule if attribution is not None else "direct:unattributed"
    confidence = _CONFIDENCE.get(rule, 0.7)
    if not quote.closed:
        confidence *= 0.8
    if quote.multi_paragraph:
        rule += "+paragraphs"
    record = Quote(start=quote.start, end=quote.end, text=content, direct=direct, rule=rule, confidence=confidence)
    if attribution is not None:
        record.cue, record.cue_start, record.cue_end = attribution.cue, attribution.cue_start, attribution.cue_end
        record.speaker_text = attribution.speaker_text
        record.speaker_start, record.speaker_end = attribution.speaker_start, attribution.speaker_end
        if attribution.speaker_start is not None:
            record.speaker = resolver.resolve(attribution.speaker_start, attribution.speaker_end,
                                              attribution.speaker_head)
    return record


def _inside_direct(start: int, end: int, direct: list[Quote]) -> bool:
    """Whether most of [start, end) lies inside quotation marks already reported."""
    covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in direct)
    return covered * 2 > (end - start)


def _indirect_quotes(index: ArticleIndex, resolver: SpeakerResolver, direct: list[Quote]) -> list[Quote]:
    quotes = []
    for content, attribution in find_indirect(index, cue_lexicon()):
        if _inside_direct(content.start_char, content.end_char, direct):
            continue
        fake = QuoteMarks(open=content.start_char, close=content.end_char, start=content.start_char,
                          end=content.end_char, mark="")
        record = _quote(fake, content.text, attribution, resolver, direct=False)
        record.confidence = 0.8 if attribution.rule == "indirect:speech" else 0.6
        quotes.append(record)
    return quotes


def find_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Direct and indirect quotes in the article with speakers resolved through ``mentions``.

    Never fails on sentences that were only tokenised: they get lexical
    attribution for direct quotes and no indirect quotes.
    """
    index = ArticleIndex(doc)
    resolver = SpeakerResolver(doc, mentions or [], cue_lexicon())
    direct = _direct_quotes(index, resolver)
    indirect = _indirect_quotes(index, resolver, direct)
    return sorted(direct + indirect, key=lambda q: (q.start, not q.direct))
