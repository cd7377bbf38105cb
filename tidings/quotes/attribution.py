"""Who said a quoted span, and with which cue: the attribution frame around the marks.

A direct quote is attributed from the words right around its marks:

- after the closing mark, up to the end of the sentence: ``“…,” Aliyev said``,
  ``“…,” said Aliyev``, ``“…,” the Azerbaijani president concluded his remarks``;
  the frame must *start* with the speaker or the cue, so a later clause of the
  sentence ("…” The crowd left and said nothing) never attributes it;
- before the opening mark, back to the previous sentence end or quote:
  ``He told reporters: “…”``, ``Herzog called his visit “a dream come true”``,
  ``X said that the plan was “a disaster”`` — the quote must depend on the cue in
  the parse, or follow it closely after a colon, comma or *that*;
- a paragraph that ends in a colon after a cue introduces a quote that opens the
  next paragraph.

When the parse links the quote to its cue, the outermost speech verb wins
(``X said Y called it “…”``) except across a relative clause (``Obama, who called
it “unfit”``), whose own cue keeps the quote; a cognition verb whose complement
holds the quote (``Pew found that “…”``) is the last resort (``direct:stance``).
A relative pronoun subject is itself the speaker mention (PolNeAR's convention,
like a personal pronoun); its antecedent is what the speaker resolves to.

Frames are cut at sentence-final punctuation in the text, not at the parser's
sentence boundaries, which often fall inside quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .frames import ArticleIndex
from .lexicon import CueLexicon
from .marks import QuoteMarks
from .subjects import (OPEN_MARKS, RELATIVE, SUBJECT_DEPS, lost_subject, nominal_before, noun_phrase,
                       positional_subject, speaker_of)

_SENTENCE_FINAL = {".", "!", "?", "...", "…"}
_FRAME_SKIP = {",", "—", "–", "―", "-", "--", ":", ";", "(", ")"}
_SUBORDINATORS = {"when", "as", "while", "because", "after", "before", "if", "since", "until", "though", "although"}
_INNER_CLAUSE_DEPS = {"relcl"}  # clauses whose cue the quote keeps even under another speech verb
_MAX_AFTER_PREFIX = 30  # tokens between the closing mark and the cue ("Dottie Deans, the chairwoman of …, said")
_MAX_BEFORE_GAP = 8  # tokens between the cue and the opening mark ("told reporters on Tuesday:")
@dataclass(slots=True)
class Attribution:
    """A cue and the speaker mention it points to (character offsets into the text)."""

    cue: str
    cue_start: int
    cue_end: int
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_head: Token | None
    rule: str


def cue_lemma(token: Token, lexicon: CueLexicon, parsed: bool, groups: tuple[str, ...],
              loose: bool = False) -> str | None:
    """The cue lemma of ``token`` when it is a verb of one of ``groups`` (speech, naming, cognition).

    ``loose`` also accepts a known verb form the tagger took for a noun or name
    ("Bozell answers.", "Tweeted"), for positions right next to a quote.
    """
    if parsed:
        if token.pos_ in ("VERB", "AUX"):
            lemma = token.lemma_.lower()
        elif (loose or token.lower_.endswith("ed")) and token.pos_ in ("PROPN", "NOUN") and not _after_determiner(token):
            lemma = lexicon.lemma_of.get(token.lower_)
        else:
            return None
    else:
        lemma = lexicon.lemma_of.get(token.lower_)
    if lemma is None:
        return None
    particles = [c.lower_ for c in token.children if c.dep_ in ("prt", "advmod") and c.i > token.i] if parsed else []
    for candidate in [lemma + " " + p for p in particles] + [lemma]:
        for group in groups:
            if candidate is not None and candidate in getattr(lexicon, group):
                return candidate
    return None


def _after_determiner(token: Token) -> bool:
    return token.i > 0 and token.nbor(-1).pos_ in ("DET", "PRON", "ADJ", "NUM") and token.nbor(-1).lower_ not in ("he", "she", "they", "it", "we", "i")


def make_attribution(cue: Token, head: Token | None, frame: Span, rule: str) -> Attribution:
    if head is None:
        return Attribution(cue.text, cue.idx, cue.idx + len(cue), None, None, None, None, rule)
    if _is_relative_subject(head):  # the mention is "who"; its antecedent resolves it
        return Attribution(cue.text, cue.idx, cue.idx + len(cue), head.idx, head.idx + len(head), head.text,
                           head.head.head, rule)
    left, right = noun_phrase(head, frame.start, frame.end)
    doc = cue.doc
    if not (left <= head.i < right):
        left, right = head.i, head.i + 1
    span = doc[left:right]
    return Attribution(cue.text, cue.idx, cue.idx + len(cue), span.start_char, span.end_char, span.text, head, rule)


def _is_relative_subject(token: Token) -> bool:
    return token.lower_ in RELATIVE and token.dep_ in SUBJECT_DEPS and token.head.dep_ == "relcl"


def _cut_at_sentence_end(tokens: list[Token]) -> list[Token]:
    for n, token in enumerate(tokens):
        if token.text in _SENTENCE_FINAL or token.text in OPEN_MARKS or "\n" in token.text:
            return tokens[:n]
    return tokens


def after_frame(index: ArticleIndex, quote: QuoteMarks, next_open: int, lexicon: CueLexicon) -> Attribution | None:
    """``“…,” he said`` / ``“…,” said Aliyev``: the frame right after the closing mark."""
    if not quote.closed:
        return None
    para = index.paragraph_span(index.paragraph_of(quote.close - 1))
    tokens = list(index.tokens_between(quote.close, min(next_open, para[1])))
    glued = index.token_at(quote.close - 1)
    if glued is not None and glued.idx < quote.close < glued.idx + len(glued):
        tokens.insert(0, glued)  # ”Clinton said: the closing mark glued to the next word
    full = len(tokens)
    tokens = _cut_at_sentence_end(tokens)
    if index.text[quote.start:quote.end].rstrip().endswith(".") and (len(tokens) > 5 or len(tokens) == full):
        return None  # “… .” The next words start a new sentence, unless it is just “Trump said.”
    while tokens and tokens[0].text in _FRAME_SKIP:
        tokens = tokens[1:]
    if not tokens:
        return None
    frame = index.doc[tokens[0].i : tokens[-1].i + 1]
    sentence = index.sentence_at(tokens[0].idx)
    parsed = bool(sentence and sentence.parsed)
    for n, token in enumerate(tokens[: _MAX_AFTER_PREFIX + 1]):
        if cue_lemma(token, lexicon, parsed, ("speech",), loose=n > 0 and _np_like(tokens[:n])) is None:
            continue
        if not parsed:
            return _unparsed_after(tokens, n, frame)
        if n > 0 and token.tag_ == "VBG" and token.dep_ == "acl":
            return None  # "a Donald Trump tweet attacking …": a modifier, not the attribution
        subject = speaker_of(token)
        if n == 0 and token.tag_ == "VBG":  # “…,” adding that … / the quote, saying “…”
            if subject is None or subject.i >= token.i:
                return None
            return make_attribution(token, subject, index.doc[subject.left_edge.i : subject.right_edge.i + 1], "direct:after-participle")
        if n == 0:  # inverted: “…,” said Aliyev
            if subject is None or not (frame.start <= subject.i < frame.end):
                subject = _first_nominal(tokens[1:6])
            return make_attribution(token, subject, frame, "direct:after-inverted")
        if (subject is None or subject.i >= token.i or subject.i < frame.start) and _np_like(tokens[:n]):
            subject = _first_nominal(tokens[:n])
            if subject is not None:
                return make_attribution(token, subject, frame, "direct:after")
        if subject is not None and frame.start <= subject.i < token.i and (
            _only_subject_before(tokens[:n], subject, token) or _np_like(tokens[:n])
            or subject.left_edge.i == tokens[0].i
        ):
            return make_attribution(token, subject, frame, "direct:after")
        return None  # the first verb of the frame is not a cue of this quote
    return None


def _np_like(tokens: list[Token]) -> bool:
    """Whether ``tokens`` can be a speaker phrase: names, nouns, titles, appositions, no verbs."""
    if not tokens or tokens[0].pos_ not in ("PROPN", "PRON", "NOUN", "DET", "ADJ"):
        return False
    return all(t.pos_ in ("PROPN", "PRON", "NOUN", "DET", "ADJ", "ADP", "PUNCT", "NUM", "CCONJ", "PART", "ADV", "SPACE")
               for t in tokens)


def _only_subject_before(prefix: list[Token], subject: Token, cue: Token) -> bool:
    """Every token before the cue belongs to the subject or modifies the cue itself
    (``“…” at the convention, he said``)."""
    left, right = subject.left_edge.i, subject.right_edge.i
    for token in prefix:
        if token.lower_ in _SUBORDINATORS:
            return False  # “…,” when Clinton blasted him: another clause, not the attribution
        if left <= token.i <= right or token.is_punct or token.dep_ in ("advmod", "aux", "neg", "npadvmod"):
            continue
        if _modifier_of(token, cue):
            continue
        return False
    return True


def _modifier_of(token: Token, cue: Token) -> bool:
    node = token
    for _ in range(8):
        if node.head.i == cue.i:
            return node.dep_ in ("prep", "npadvmod", "advmod", "punct", "aux", "neg", "advcl")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _first_nominal(tokens: list[Token]) -> Token | None:
    for token in tokens:
        if token.pos_ in ("PROPN", "NOUN", "PRON") or (not token.pos_ and token.text[:1].isupper()):
            # the head of a PROPN run is its last token
            while token.i + 1 < len(token.doc) and token.nbor(1).pos_ == "PROPN" and token.pos_ == "PROPN":
                token = token.nbor(1)
            return token
    return None


def _unparsed_after(tokens: list[Token], n: int, frame: Span) -> Attribution | None:
    """Lexical fallback for a sentence the parser skipped: ``he said`` / ``said Smith``."""
    cue = tokens[n]
    if n == 0:
        words = [t for t in tokens[1:5] if t.text[:1].isupper()]
        head = words[-1] if words else None
        return make_attribution(cue, head, frame, "direct:after-inverted-lexical") if head is not None else None
    before = tokens[:n]
    if len(before) <= 4 and (before[-1].text[:1].isupper() or before[-1].lower_ in ("he", "she", "they", "i", "we")):
        return make_attribution(cue, before[-1], frame, "direct:after-lexical")
    return None


def before_tokens(index: ArticleIndex, quote: QuoteMarks, prev_close: int) -> list[Token]:
    """Tokens from the last sentence end (or previous quote, or paragraph start) to the opening mark."""
    para = index.paragraph_span(index.paragraph_of(quote.open))
    tokens = list(index.tokens_between(max(prev_close, para[0]), quote.open))
    while tokens and tokens[-1].is_space:  # "continues:\xa0“…”": a no-break space before the mark
        tokens.pop()
    for n in range(len(tokens) - 1, -1, -1):
        if tokens[n].text in _SENTENCE_FINAL:
            return tokens[n + 1 :]
    return tokens


def before_frame(index: ArticleIndex, quote: QuoteMarks, prev_close: int, lexicon: CueLexicon,
                 governed: bool = True) -> Attribution | None:
    """``He said: “…”``, ``called his visit “a dream come true”``: the frame before the opening mark.

    ``governed=False`` skips the parse path from the quote to its cue (for a frame in
    another paragraph, whose sentence the quote does not share).
    """
    tokens = before_tokens(index, quote, prev_close)
    opening = index.sentence_at(quote.start)
    if governed and opening is not None and opening.parsed:
        found = governing_cue(index, quote, lexicon)
        if found is not None:
            return found
    if not tokens:
        return None
    frame = index.doc[tokens[0].i : tokens[-1].i + 1]
    sentence = index.sentence_at(tokens[-1].idx)
    parsed = bool(sentence and sentence.parsed)
    found = _introducing_cue(tokens, frame, parsed, lexicon)
    if found is None and parsed and tokens[-1].text == ":":
        found = _colon_named(tokens, frame)
    if found is None and parsed:
        found = _nearest_cue(tokens, frame, lexicon)
    return found


def _nearest_cue(tokens: list[Token], frame: Span, lexicon: CueLexicon) -> Attribution | None:
    """A cue earlier in the sentence with no other clause verb before the quote, for parses
    that lost the link (``Trump blasted Disney for its “outrageous practices”``)."""
    for n in range(len(tokens) - 1, -1, -1):
        token = tokens[n]
        if cue_lemma(token, lexicon, True, ("speech", "naming")) is None:
            if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return None  # another finite verb between: its own clause
            continue
        if token.lemma_.lower() in lexicon.adjacent_only:
            return None
        subject = speaker_of(token) or positional_subject(tokens[:n])
        if subject is None or subject.i > token.i:
            return None
        return make_attribution(token, subject, frame, "direct:nearest-cue")
    return None


def _quote_root(index: ArticleIndex, quote: QuoteMarks) -> Token | None:
    """The first token of the quote whose syntactic head lies outside it."""
    inside = index.tokens_between(quote.start, quote.end)
    if not len(inside):
        return None
    for token in inside:
        if not (inside.start <= token.head.i < inside.end):
            return token
    return inside[0]


def governing_cue(index: ArticleIndex, quote: QuoteMarks, lexicon: CueLexicon) -> Attribution | None:
    """A cue before the quote that the quote depends on, or a parenthetical cue beside it.

    Among several (``X said Y called it “…”``) the outermost with a subject wins:
    inner verbs are often part of the reported content itself.
    """
    root = _quote_root(index, quote)
    if root is None:
        return None
    sentence = index.sentence_at(root.idx)
    if sentence is None or not sentence.parsed:
        return None
    frame = sentence.span
    lo, hi = frame.start, frame.end
    inside = index.tokens_between(quote.open, quote.close)
    according: Attribution | None = None
    candidates: list[Token] = []
    stances: list[Token] = []  # cognition verbs whose complement clause holds the quote
    node, seen = root, set()
    while node.i not in seen and len(seen) < 16:
        seen.add(node.i)
        around = [node] + [c for c in node.children if c.dep_ == "parataxis" and c.i < inside.start]
        for child in node.children:
            source = _preposition_cue(child, lexicon) if lo <= child.i < inside.start else None
            if source is not None:
                according = make_attribution(child, source, frame, "direct:according-to")
        if node.pos_ == "NOUN" and node.lemma_.lower() in lexicon.nouns and not (inside.start <= node.i < inside.end):
            owner = next((c for c in node.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "our", "your", "my")), None)
            if owner is not None and according is None:
                according = make_attribution(node, owner, frame, "direct:possessive-noun")
        for token in around:
            outside = lo <= token.i < hi and not (inside.start <= token.i < inside.end)
            if outside and cue_lemma(token, lexicon, True, ("speech", "naming")):
                if token.lemma_.lower() not in lexicon.adjacent_only:
                    candidates.append(token)
        if node.dep_ in ("ccomp", "xcomp") and lo <= node.head.i < inside.start:
            if cue_lemma(node.head, lexicon, True, ("cognition",)):
                stances.append(node.head)
        if node.head.i == node.i or (candidates and node.dep_ in _INNER_CLAUSE_DEPS):
            break  # "Obama, who called it “unfit”": a relative clause's own cue is not reported by the main one
        node = node.head
    for cue in reversed(candidates):
        subject = speaker_of(cue) or lost_subject(cue)
        if subject is not None and not (quote.open <= subject.idx < quote.close):
            return make_attribution(cue, subject, frame, "direct:governed")
    if according is not None:
        return according
    for cue in stances:  # "Pew found that “…”": a stance, attributed when nothing says more
        subject = speaker_of(cue)
        if subject is not None and subject.i < cue.i:
            return make_attribution(cue, subject, frame, "direct:stance")
    return None


def _introducing_cue(tokens: list[Token], frame: Span, parsed: bool, lexicon: CueLexicon) -> Attribution | None:
    """``He told reporters: “…”`` — the nearest speech cue right before the quote."""
    colon = tokens[-1].text == ":"
    for n in range(len(tokens) - 1, -1, -1):
        token = tokens[n]
        preposition = _preposition_cue(token, lexicon) if parsed else None
        lemma = cue_lemma(token, lexicon, parsed, ("speech",))
        if lemma is None and preposition is None:
            continue
        gap = tokens[n + 1 :]
        if not (colon or (len(gap) <= _MAX_BEFORE_GAP and (not gap or gap[-1].text in (",", "that")))):
            return None
        if preposition is not None:
            return make_attribution(token, preposition, frame, "direct:according-to")
        if not parsed:
            head = next((t for t in reversed(tokens[:n]) if t.text[:1].isupper() or t.lower_ in lexicon.pronouns), None)
            return make_attribution(token, head, frame, "direct:before-lexical") if head is not None else None
        subject = speaker_of(token) or nominal_before(tokens[:n])
        if subject is None and n == 0 or (subject is not None and subject.i > token.i):
            subject = _first_nominal(tokens[n + 1 : n + 5])  # Continued Stone: “…”
            return make_attribution(token, subject, frame, "direct:before-inverted") if subject is not None else None
        if subject is not None:
            return make_attribution(token, subject, frame, "direct:before")
        return None
    return None


def _colon_named(tokens: list[Token], frame: Span) -> Attribution | None:
    """``She then addressed the supporters again: “…”`` / ``Here’s Clinton in 1992: “…”`` — a colon
    after a clause whose subject is a person (or after a named person or organisation) with no cue."""
    colon = tokens[-1]
    verbs = [t for t in tokens[:-1] if t.pos_ == "VERB"]
    if verbs:
        subject = speaker_of(verbs[-1])
        if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they", "i", "we")):
            return make_attribution(verbs[-1], subject, frame, "direct:colon-subject")
    for token in reversed(tokens[:-1]):
        if token.ent_type_ in ("PERSON", "ORG") and token.pos_ == "PROPN":
            while token.head.i != token.i and token.dep_ in ("compound", "flat") and token.head.ent_type_ == token.ent_type_:
                token = token.head
            attribution = make_attribution(colon, token, frame, "direct:colon-named")
            return attribution
    return None


def _preposition_cue(token: Token, lexicon: CueLexicon) -> Token | None:
    """``according to X``: the object X when ``token`` is the *to* of such a phrase."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return obj
    return None


