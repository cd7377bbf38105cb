"""Score quote attribution against PolNeAR-style articles (``*.articles.jsonl``).

Each gold line is a whole article (``text``) with its ``attributions``: each
has ``source`` spans (the speaker mention), ``cue`` spans, ``content`` spans
and ``has_quote_marks``. PolNeAR's conventions, which the metrics respect:
content spans include the quotation marks, a quote split by its attribution or
spread over sentences is one attribution with several content spans, and an
indirect clause that contains a quoted fragment ("called it “a disaster”")
counts as a quoted attribution. So matching is by overlap, never exact spans.

Metrics (all over the whole file):

- ``direct_recall_speaker``: of the gold attributions with quote marks, the
  share for which some predicted direct quote overlaps one of its content
  spans *and* that quote's speaker mention (``speaker_start``/``speaker_end``)
  overlaps one of its source spans (the issue's headline number);
- ``direct_recall_found``: the same without the speaker condition;
- ``direct_precision``: of the predicted direct quotes that have a speaker
  mention, the share that overlap the content of some gold attribution;
- ``direct_precision_speaker``: of the same, the share whose speaker also
  overlaps the source of a gold attribution whose content they overlap;
- ``indirect_recall_found`` / ``indirect_recall_speaker`` /
  ``indirect_precision``: the same for gold attributions without quote marks
  and predicted indirect quotes;
- ``n``: gold attributions with quote marks; ``misses``: up to 50 examples.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..actors import find_mentions
from ..models import Quote
from ..nlp import load_model, parse_article
from ..quotes import find_quotes
from ..settings import DEFAULT_MODEL

_MAX_MISSES = 50


def _overlaps(start: int, end: int, spans: list[dict]) -> bool:
    return any(start < s["end"] and s["start"] < end for s in spans)


def _speaker_overlaps(quote: Quote, spans: list[dict]) -> bool:
    if quote.speaker_start is None or quote.speaker_end is None:
        return False
    return _overlaps(quote.speaker_start, quote.speaker_end, spans)


def _excerpt(text: str, start: int, end: int, width: int = 160) -> str:
    snippet = text[start:end]
    return snippet if len(snippet) <= width else snippet[: width - 1] + "…"


class _Tally:
    """Counts for one article set, filled article by article."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.rules_correct: Counter[str] = Counter()
        self.misses: list[dict[str, Any]] = []

    def miss(self, **item: Any) -> None:
        self.counts["miss:" + item["kind"]] += 1
        if len(self.misses) < _MAX_MISSES:
            self.misses.append(item)

    def score_gold(self, article: dict, quotes: list[Quote]) -> None:
        text = article["text"]
        for gold in article["attributions"]:
            direct = bool(gold.get("has_quote_marks"))
            kind = "direct" if direct else "indirect"
            predicted = [q for q in quotes if q.direct == direct]
            hits = [q for q in predicted if _overlaps(q.start, q.end, gold["content"])]
            right = [q for q in hits if _speaker_overlaps(q, gold["source"])]
            self.counts[f"{kind}_gold"] += 1
            self.counts[f"{kind}_found"] += bool(hits)
            self.counts[f"{kind}_speaker"] += bool(right)
            if direct and not right:
                first = gold["content"][0]
                self.miss(kind="direct-not-found" if not hits else "direct-wrong-speaker", doc_id=article["doc_id"],
                          gold_content=_excerpt(text, first["start"], first["end"]),
                          gold_source=[s["text"] for s in gold["source"]],
                          predicted_speaker=[q.speaker_text for q in hits][:3],
                          predicted_rule=[q.rule for q in hits][:3])

    def score_predicted(self, article: dict, quotes: list[Quote]) -> None:
        text = article["text"]
        golds = article["attributions"]
        for quote in quotes:
            if quote.speaker_start is None:
                continue
            kind = "direct" if quote.direct else "indirect"
            matching = [g for g in golds if _overlaps(quote.start, quote.end, g["content"])]
            speaker_right = any(_speaker_overlaps(quote, g["source"]) for g in matching)
            self.counts[f"{kind}_predicted"] += 1
            self.counts[f"{kind}_correct"] += bool(matching)
            self.counts[f"{kind}_correct_speaker"] += speaker_right
            self.rules[quote.rule] += 1
            self.rules_correct[quote.rule] += speaker_right
            if quote.direct and not matching:
                self.miss(kind="direct-false-positive", doc_id=article["doc_id"],
                          predicted_content=_excerpt(text, quote.start, quote.end),
                          predicted_speaker=quote.speaker_text, predicted_rule=quote.rule)


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def _load(gold_path: str, limit: int | None) -> list[dict]:
    articles = []
    with Path(gold_path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                articles.append(json.loads(line))
            if limit is not None and len(articles) >= limit:
                break
    return articles


def evaluate(gold_path: str, model: str = DEFAULT_MODEL, limit: int | None = None, **options: Any) -> dict:
    """Run parse → actors → quotes over each gold article and score direct and indirect quotes."""
    articles = _load(gold_path, limit)
    nlp = load_model(model)
    docs = parse_article(nlp, [a["text"] for a in articles])
    tally = _Tally()
    for article, doc in zip(articles, docs):
        mentions = find_mentions(doc, article.get("publication_date"), None)
        quotes = find_quotes(doc, mentions)
        tally.score_gold(article, quotes)
        tally.score_predicted(article, quotes)
    c = tally.counts
    return {
        "direct_recall_speaker": _ratio(c["direct_speaker"], c["direct_gold"]),
        "direct_recall_found": _ratio(c["direct_found"], c["direct_gold"]),
        "direct_precision": _ratio(c["direct_correct"], c["direct_predicted"]),
        "direct_precision_speaker": _ratio(c["direct_correct_speaker"], c["direct_predicted"]),
        "indirect_recall_found": _ratio(c["indirect_found"], c["indirect_gold"]),
        "indirect_recall_speaker": _ratio(c["indirect_speaker"], c["indirect_gold"]),
        "indirect_precision": _ratio(c["indirect_correct"], c["indirect_predicted"]),
        "n": c["direct_gold"],
        "n_indirect": c["indirect_gold"],
        "n_articles": len(articles),
        "predicted_direct": c["direct_predicted"],
        "predicted_indirect": c["indirect_predicted"],
        "by_rule": {rule: {"predicted": n, "speaker_correct": tally.rules_correct[rule]}
                    for rule, n in tally.rules.most_common()},
        "miss_counts": {k[5:]: v for k, v in c.items() if k.startswith("miss:")},
        "misses": tally.misses,
    }


def render(result: dict, console) -> None:
    """Print the headline metrics and the per-rule table with rich."""
    from rich.table import Table

    table = Table(title=f"Quotes: {result['n']} quoted gold attributions in {result['n_articles']} articles")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key in ("direct_recall_speaker", "direct_recall_found", "direct_precision", "direct_precision_speaker",
                "indirect_recall_found", "indirect_recall_speaker", "indirect_precision", "n", "n_indirect"):
        table.add_row(key, str(result[key]))
    console.print(table)
    rules = Table(title="Predicted quotes with a speaker, by rule")
    rules.add_column("rule")
    rules.add_column("predicted", justify="right")
    rules.add_column("speaker correct", justify="right")
    for rule, row in result["by_rule"].items():
        rules.add_row(rule, str(row["predicted"]), str(row["speaker_correct"]))
    console.print(rules)
    if result["misses"]:
        console.print(f"misses (first {len(result['misses'])}): {result['miss_counts']}")
        for miss in result["misses"][:15]:
            console.print(miss)
