"""The spaCy edge: loading a pipeline and parsing an article into one Doc.

An article's Doc always covers the whole clean text (so ``token.idx`` is an
offset into ``Article.text``), but only the sentences that may hold an actor,
an event trigger or a quote are run through the full pipeline; the others are
tokenised only. Stages iterate ``sentences(doc)`` and check ``parsed``.
"""

from __future__ import annotations

from .extensions import register_extensions
from .parse import load_model, parse_article, sentences, split_sentences

__all__ = ["load_model", "parse_article", "sentences", "split_sentences", "register_extensions"]
