"""The pipeline: raw item → clean Article → NLP stages → Article with everything found.

Pure functions over records. ``analyse_batch`` is what every engine calls (the
CLI's single process, the process pool, the Ray job), so all give the same rows.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache

from spacy.language import Language

from . import actors, dates, events, geo, quotes
from .clean import clean
from .errors import TidingsError
from .ids import raw_hash
from .models import Article, Event, RawDocument, Rejected
from .nlp import parse_article

_WORD = re.compile(r"[a-z]+")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")


_TAG_CLASS = {"V": "verb", "N": "noun", "J": "adj", "M": "aux"}


@lru_cache(maxsize=1)
def _speech_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Word forms of the verbs that report speech, and the cue nouns ("statement")."""
    from .quotes.lexicon import cue_lexicon

    cues = cue_lexicon()
    verbs = frozenset(f for f, lemma in cues.lemma_of.items() if lemma in cues.speech or lemma in cues.naming)
    return verbs, cues.nouns


@lru_cache(maxsize=1)
def parse_words() -> frozenset[str]:
    """The words that make a sentence worth a full parse: event triggers and speech cues."""
    verbs, nouns = _speech_cues()
    return frozenset(events.trigger_terms()) | verbs | nouns


def needs_full_parse(doc) -> bool:
    """Given a tagged sentence: does a word trigger an event in the part of speech it has here
    ("shares" the verb, not the noun), or is a speech verb, a cue noun or a quotation mark there?"""
    triggers = events.trigger_forms_by_pos()
    speech, cue_nouns = _speech_cues()
    for token in doc:
        if token.is_quote:
            return True
        part = _TAG_CLASS.get(token.tag_[:1])
        lower = token.lower_
        if part and part in triggers.get(lower, ()):
            return True
        if (part == "verb" and lower in speech) or (part == "noun" and lower in cue_nouns):
            return True
    return False


def needs_parse(sentence: str) -> bool:
    """Whether a sentence may hold an event or a quote, the two things found over the parse.

    The rest (background, description) is only tokenised: actors, dates and places
    are found in it from the tokens alone, and it costs no parse.
    """
    if _QUOTE_MARK.search(sentence):
        return True
    words = parse_words()
    return any(word in words for word in _WORD.findall(sentence.lower()))


@contextmanager
def _timed(timings: dict | None, stage: str):
    if timings is None:
        yield
        return
    start = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def analyse_batch(articles: list[Article], nlp: Language, kb=None, batch_size: int = 64,
                  timings: dict | None = None) -> list[Article | Rejected]:
    """Run the NLP stages over clean articles, filling their mentions, events, dates, places, quotes.

    An article on which a stage fails comes back as a Rejected with the error, and
    the others go on. ``timings``, when given, accumulates seconds per stage (for benchmarks).
    """
    extras = [_retold(a) for a in articles]
    texts = [a.text for a in articles] + [text for retold in extras for text in retold]
    with _timed(timings, "parse"):
        docs = parse_article(nlp, texts, needs_parse=needs_parse, needs_full_parse=needs_full_parse,
                             batch_size=batch_size)
    extra_docs = iter(docs[len(articles):])
    results: list[Article | Rejected] = []
    for article, doc, retold in zip(articles, docs, extras):
        retold_docs = [next(extra_docs) for _ in retold]
        try:
            analyse_doc(article, doc, kb, timings)
            if retold_docs:
                with _timed(timings, "events"):
                    told_again = [e for d in retold_docs for e in _events_of(d, article.published, kb)]
                    article.events = fold_repeats(article.events, told_again)
        except Exception as err:  # a bug in one stage must cost one article, not the batch
            results.append(Rejected(origin=article.origin, stage="analyse",
                                    reason=f"internal error while analysing: {type(err).__name__}: {err}"))
            continue
        results.append(article)
    return results


def _retold(article: Article) -> list[str]:
    """The dek and the captions: places where a page tells its events a second time."""
    return [t for t in [article.subtitle, *article.captions] if t and t.strip()]


def _events_of(doc, published: str | None, kb) -> list[Event]:
    """Events of a short text (dek, caption), dated from its own time expressions."""
    doc._.tidings_published = published
    mentions = actors.find_mentions(doc, published, kb)
    found = events.code_events(doc, mentions)
    dates.date_events(found, dates.find_timexes(doc.text, published, doc=doc), doc, published)
    return found


def fold_repeats(body: list[Event], retold: list[Event]) -> list[Event]:
    """One event, not five: the same event (same date too) told in the body, the dek and
    captions is kept once, from the body, with ``mentions`` counting every telling.
    Events only the dek or a caption tell are left out: their evidence is not in the body."""
    body_ids = {id(e) for e in body}
    by_date: dict[str | None, list[Event]] = {}
    for event in body + retold:
        by_date.setdefault(event.date, []).append(event)
    kept: list[Event] = []
    for group in by_date.values():
        merged = events.merge_repeated(group, is_body=lambda e: id(e) in body_ids)
        kept += [e for e in merged if id(e) in body_ids]
    return sorted(kept, key=lambda e: (e.sentence_start, e.trigger_start))


def analyse_doc(article: Article, doc, kb=None, timings: dict | None = None) -> Article:
    """The stages, in order, over one parsed article Doc."""
    doc._.tidings_published = article.published
    with _timed(timings, "actors"):
        article.mentions = actors.find_mentions(doc, article.published, kb)
    with _timed(timings, "dates"):
        article.timexes = dates.find_timexes(article.text, article.published, doc=doc)
    with _timed(timings, "geo"):
        article.places = geo.find_places(doc, article.mentions)
    with _timed(timings, "quotes"):
        article.quotes = quotes.find_quotes(doc, article.mentions)
    with _timed(timings, "events"):
        article.events = events.code_events(doc, article.mentions)
    with _timed(timings, "dates"):
        dates.date_events(article.events, article.timexes, doc, article.published)
    with _timed(timings, "geo"):
        geo.place_events(article.events, article.places, doc)
    return article


def clean_all(raws: Iterable[RawDocument | Rejected]) -> Iterable[Article | Rejected]:
    """Clean each raw item; an item that fails becomes a Rejected with its reason."""
    for raw in raws:
        if isinstance(raw, Rejected):
            yield raw
            continue
        try:
            article = clean(raw)
        except TidingsError as err:
            yield Rejected(origin=raw.origin, reason=str(err), stage=err.stage)
            continue
        article.raw_hash = raw_hash_of(raw)
        yield article


def raw_hash_of(raw: RawDocument) -> str:
    return raw_hash(raw.content, raw.url, raw.published)
