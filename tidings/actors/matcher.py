"""Finding knowledge-base surface forms in a Doc with one spaCy PhraseMatcher.

The matcher is built once per (vocab, knowledge-base version) and matches on
lower-cased tokens, so a whole article is scanned in one vectorised pass; case
is then checked per hit (proper names must be capitalised as written, short
all-caps forms such as "US" or "PAN" must match exactly).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .kb import Entry, KnowledgeBase

KIND_PRIORITY = {"person": 0, "org": 1, "country": 2, "demonym": 3, "capital": 4, "surname": 5,
                 "title": 6, "term": 7, "modifier": 8}
CASE_FREE_KINDS = {"title", "term", "modifier"}


@dataclass(slots=True)
class Hit:
    """A matched surface form: token span [start, end) and the entries it may refer to."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


@lru_cache(maxsize=1)
def _pattern_tokenizer():
    """A blank English tokenizer whose lexemes compute only what LOWER matching needs (fast to fill)."""
    import spacy
    from spacy.attrs import LOWER, NORM

    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters = {LOWER: str.lower, NORM: str.lower}
    return nlp.tokenizer


def _pattern_docs(kb: KnowledgeBase) -> list[tuple[str, Doc]]:
    """Every surface form tokenised as written (tokenizer exceptions are case-sensitive: "U.S."), once per KB version.

    PhraseMatcher compares LOWER hashes, so these Docs serve the matcher of any vocab.
    """
    return kb.derived("pattern-docs", _build_pattern_docs)


def _build_pattern_docs(kb: KnowledgeBase) -> list[tuple[str, Doc]]:
    forms = list(kb.forms)
    tokenizer = _pattern_tokenizer()
    docs = list(tokenizer.pipe(forms))
    result = [(form.lower(), doc) for form, doc in zip(forms, docs) if len(doc)]
    for form, doc in zip(forms, docs):  # "gen." vs "Gen.": exceptions are case-sensitive
        if "." in form or "'" in form:
            seen = {tuple(t.lower_ for t in doc)}
            for variant in {form.capitalize(), form.title(), form.lower()} - {form}:
                other = tokenizer(variant)
                if tuple(t.lower_ for t in other) not in seen:
                    seen.add(tuple(t.lower_ for t in other))
                    result.append((form.lower(), other))
    return result


class FormMatcher:
    """A PhraseMatcher over every surface form of a knowledge base, for one vocab."""

    def __init__(self, kb: KnowledgeBase, vocab) -> None:
        self.kb = kb
        self.vocab = vocab
        self.version = kb.version
        self.forms_by_key: dict[str, list[tuple[str, Entry]]] = {}
        for form, entries in kb.forms.items():
            bucket = self.forms_by_key.setdefault(form.lower(), [])
            bucket.extend((form, entry) for entry in entries)
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.key_ids: dict[int, str] = {}
        by_key: dict[str, list[Doc]] = {}
        for key, pattern in _pattern_docs(kb):
            by_key.setdefault(key, []).append(pattern)
        for key, docs in by_key.items():
            self.matcher.add(key, docs)
            self.key_ids[vocab.strings[key]] = key

    def hits(self, doc: Doc, start: int = 0, end: int | None = None) -> list[Hit]:
        """Non-overlapping hits (longest first, then by kind priority) within tokens [start, end)."""
        span = doc[start:end if end is not None else len(doc)]
        found: list[Hit] = []
        for match_id, s, e in self.matcher(span):
            s, e = s + span.start, e + span.start
            text = doc[s:e].text
            entries = [entry for form, entry in self.forms_by_key[self.key_ids[match_id]] if _case_fits(form, entry, text)]
            if entries:
                entries.sort(key=lambda en: (en.secondary, KIND_PRIORITY.get(en.kind, 9)))
                found.append(Hit(s, e, _dedupe(entries)))
        found.sort(key=lambda h: (-(h.end - h.start), KIND_PRIORITY.get(h.kind, 9), h.start))
        taken: set[int] = set()
        chosen: list[Hit] = []
        for hit in found:
            if not taken.intersection(range(hit.start, hit.end)):
                chosen.append(hit)
                taken.update(range(hit.start, hit.end))
        chosen.sort(key=lambda h: h.start)
        return chosen


def _dedupe(entries: list[Entry]) -> list[Entry]:
    seen, out = set(), []
    for entry in entries:
        key = (entry.kind, entry.key, entry.country, entry.sector, entry.plural, entry.secondary)
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def _case_fits(form: str, entry: Entry, text: str) -> bool:
    """Whether the text is written as the form requires: proper names capitalised, acronyms exact."""
    if entry.kind in CASE_FREE_KINDS:
        return True
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return text.replace(" ", "") == form.replace(" ", "")
    if text.isupper() and len(text) > 5:
        return True
    form_words, text_words = form.split(), text.split()
    if len(form_words) != len(text_words):
        return text[:1].isupper() or not form[:1].isupper()
    return all(not fw[:1].isupper() or tw[:1].isupper() for fw, tw in zip(form_words, text_words))


def form_matcher(kb: KnowledgeBase, vocab) -> FormMatcher:
    """The knowledge base's matcher for this vocab, rebuilt only when the KB has changed."""
    cached = kb._matchers.get(id(vocab))
    if cached is None or cached.version != kb.version or cached.vocab is not vocab:
        cached = FormMatcher(kb, vocab)
        kb._matchers[id(vocab)] = cached
    return cached
