"""The worker function every engine runs: plain records in, plain records out.

Top-level functions only, so a process pool or a Ray actor can call them; the
spaCy pipeline and the knowledge base are loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import Article, RawDocument, Rejected
from ..nlp import load_model
from ..pipeline import analyse_batch, clean_all


@lru_cache(maxsize=2)
def _knowledge_base(actors_files: tuple[str, ...]):
    from ..actors import KnowledgeBase

    kb = KnowledgeBase()
    kb.add_files(actors_files)
    return kb


def analyse_articles(articles: list[Article], model: str, actors_files: tuple[str, ...] = (),
                     observations: list | None = None, batch_size: int = 64) -> list[Article | Rejected]:
    """Analyse clean articles with the named spaCy pipeline; ``observations`` are learned roles
    (from the store and from earlier batches) that the knowledge base should know."""
    kb = _knowledge_base(tuple(actors_files))
    if observations and kb is not None:
        kb.add_observations(observations)
    return analyse_batch(articles, load_model(model), kb=kb, batch_size=batch_size)


def process_raws(raws: list[RawDocument | Rejected], model: str, actors_files: tuple[str, ...] = (),
                 observations: list | None = None, batch_size: int = 64) -> list[Article | Rejected]:
    """Clean and analyse raw items: what each engine's workers run. Failures come back as Rejected."""
    cleaned = list(clean_all(raws))
    articles = [item for item in cleaned if isinstance(item, Article)]
    rejected = [item for item in cleaned if isinstance(item, Rejected)]
    analysed = analyse_articles(articles, model, actors_files, observations, batch_size) if articles else []
    return rejected + analysed
