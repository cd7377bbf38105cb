"""The article as the quote stage sees it: sentences, paragraphs and token lookups.

Built once per Doc, so every quote looks up its sentence and paragraph by
bisection instead of scanning the article again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp import sentences

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(slots=True)
class Sentence:
    start: int  # char offsets
    end: int
    span: Span
    parsed: bool


class ArticleIndex:
    """Sentence and paragraph lookup by character offset over one article Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.sentences: list[Sentence] = [
            Sentence(span.start_char, span.end_char, span, parsed) for span, parsed in sentences(doc)
        ]
        self._sentence_starts = [s.start for s in self.sentences]
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(self.text)]
        self._token_starts = [t.idx for t in doc]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding the character at ``offset``."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return None
        return self.sentences[i]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        """The paragraph number of ``offset`` (paragraphs are separated by line breaks)."""
        return bisect_right(self.paragraph_starts, offset) - 1

    def paragraph_span(self, index: int) -> tuple[int, int]:
        start = self.paragraph_starts[index]
        end = self.paragraph_starts[index + 1] if index + 1 < len(self.paragraph_starts) else len(self.text)
        return start, end

    def token_at(self, offset: int) -> Token | None:
        """The token covering (or starting right after) character ``offset``."""
        if not self._token_starts:
            return None
        i = bisect_right(self._token_starts, offset) - 1
        i = max(i, 0)
        token = self.doc[i]
        if token.idx + len(token) <= offset and i + 1 < len(self.doc):
            token = self.doc[i + 1]
        return token

    def tokens_between(self, start: int, end: int) -> Span:
        """The tokens lying wholly inside characters [start, end)."""
        first = bisect_right(self._token_starts, start - 1)
        last = bisect_right(self._token_starts, end - 1)
        while last > first and self.doc[last - 1].idx + len(self.doc[last - 1]) > end:
            last -= 1
        return self.doc[first:last]
