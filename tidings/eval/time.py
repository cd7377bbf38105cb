"""Time expressions scored the TempEval-3 way (TimeBank / AQUAINT TimeML, as JSON Lines).

Metrics (UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3", section 5):

- **strict span** P/R/F1: a predicted timex counts when its boundaries equal a
  gold timex's exactly;
- **relaxed span** P/R/F1: a predicted timex counts when it overlaps a gold one
  (one-to-one: each gold timex is matched to at most one prediction, the one
  overlapping it most, greedily from the largest overlaps down);
- **value F1** (the official ranking score) and **type F1**: over the relaxed
  matches, an attribute is correct when it equals the gold attribute (values
  compared as upper-case strings without spaces); precision = correct /
  predicted, recall = correct / gold, F1 their harmonic mean. This equals the
  TempEval-3 "attribute F1" = relaxed F1 × attribute accuracy on the matches.
  ``value_accuracy`` and ``type_accuracy`` (on the matches) are reported too.

Each document is tagged the way the pipeline tags an article: parsed by
``parse_article`` (with the pipeline's ``needs_parse``), then
``find_timexes(text, anchor=dct_date, doc=doc)``; ``parse=False`` scores the
parse-free fallback (cue words only). The creation time itself is not scored: gold entries without offsets inside the
text, or marked ``functionInDocument: CREATION_TIME``, are dropped.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..models import TimeExpr

MAX_MISSES = 50


def load_documents(gold_path: str | Path) -> list[dict[str, Any]]:
    """The documents of one ``.jsonl`` file, or of every ``.jsonl`` file in a directory."""
    root = Path(gold_path)
    files = sorted(root.glob("*.jsonl")) if root.is_dir() else [root]
    documents = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    record.setdefault("corpus", path.stem)
                    documents.append(record)
    return documents


def gold_timexes(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The scorable gold timexes: inside the text, not the creation time."""
    text = document["text"]
    kept = []
    for timex in document.get("timex3", []):
        start, end = timex.get("start"), timex.get("end")
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        if timex.get("functionInDocument") == "CREATION_TIME":
            continue
        kept.append(timex)
    return kept


def _norm(value: str | None) -> str:
    return (value or "").replace(" ", "").upper()


def match(gold: list[dict[str, Any]], predicted: list[TimeExpr]) -> tuple[list[tuple[int, int]], int]:
    """One-to-one relaxed matches (gold index, predicted index) and the count of strict matches."""
    pairs = []
    for g, gt in enumerate(gold):
        for p, pt in enumerate(predicted):
            overlap = min(gt["end"], pt.end) - max(gt["start"], pt.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda item: -item[0])
    used_gold, used_pred, matched = set(), set(), []
    for _, g, p in pairs:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            matched.append((g, p))
    strict = {(t["start"], t["end"]) for t in gold} & {(t.start, t.end) for t in predicted}
    return matched, len(strict)


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _score_documents(documents: list[dict[str, Any]], tagger, misses: list[dict[str, Any]]) -> dict[str, Any]:
    counts = dict(gold=0, predicted=0, strict=0, relaxed=0, value=0, type=0)
    for document in documents:
        gold = gold_timexes(document)
        predicted = tagger(document)
        matched, strict = match(gold, predicted)
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        counts["strict"] += strict
        counts["relaxed"] += len(matched)
        matched_gold = {g for g, _ in matched}
        matched_pred = {p for _, p in matched}
        for g, p in matched:
            same_value = _norm(gold[g]["value"]) == _norm(predicted[p].value)
            counts["value"] += same_value
            counts["type"] += gold[g]["type"] == predicted[p].type
            if not same_value:
                _note(misses, document, "value", gold[g], predicted[p])
        for g, timex in enumerate(gold):
            if g not in matched_gold:
                _note(misses, document, "missed", timex, None)
        for p, timex in enumerate(predicted):
            if p not in matched_pred:
                _note(misses, document, "spurious", None, timex)
    return _summary(counts, len(documents))


def _note(misses: list[dict[str, Any]], document: dict[str, Any], kind: str, gold: dict | None, predicted: TimeExpr | None) -> None:
    anchor = gold or {"start": predicted.start, "end": predicted.end}
    text = document["text"]
    misses.append({
        "doc": document.get("doc_id"), "dct": document.get("dct_date"), "kind": kind,
        "gold": None if gold is None else f"{gold['text']} [{gold['type']} {gold['value']}]",
        "predicted": None if predicted is None else f"{predicted.text} [{predicted.type} {predicted.value}] {predicted.rule}",
        "context": text[max(0, anchor["start"] - 60):anchor["end"] + 30].replace("\n", " "),
    })


def _summary(counts: dict[str, int], n_documents: int) -> dict[str, Any]:
    strict = _prf(counts["strict"], counts["predicted"], counts["gold"])
    relaxed = _prf(counts["relaxed"], counts["predicted"], counts["gold"])
    value = _prf(counts["value"], counts["predicted"], counts["gold"])
    kind = _prf(counts["type"], counts["predicted"], counts["gold"])
    matched = counts["relaxed"] or 1
    return {
        "strict_f1": strict["f1"], "relaxed_f1": relaxed["f1"], "value_f1": value["f1"], "type_f1": kind["f1"],
        "strict": strict, "relaxed": relaxed, "value": value,
        "value_accuracy": round(counts["value"] / matched, 4), "type_accuracy": round(counts["type"] / matched, 4),
        "n": {"documents": n_documents, "timexes": counts["gold"], "predicted": counts["predicted"]},
    }


def _parsed_docs(documents: list[dict[str, Any]], model: str | None) -> dict[int, Any]:
    """One spaCy Doc per document, made the way the pipeline makes them (``parse_article``)."""
    from ..nlp import load_model, parse_article
    from ..pipeline import needs_parse

    nlp = load_model(model) if model else load_model()
    docs = parse_article(nlp, [d["text"] for d in documents], needs_parse=needs_parse)
    return {id(d): doc for d, doc in zip(documents, docs)}


def evaluate(gold_path: str, narrative: bool = True, parse: bool = True, model: str | None = None,
             **options: Any) -> dict[str, Any]:
    """Score ``find_timexes`` on a TimeML JSONL file or a directory of them, per corpus and combined.

    Each document goes through the pipeline's own call: ``find_timexes(text, anchor=dct, doc=doc)``
    with the Doc from ``parse_article`` (``parse=False`` skips spaCy and scores the cue-word
    fallback alone, as for sentences the pipeline leaves unparsed).
    """
    from ..dates import find_timexes

    documents = load_documents(gold_path)
    started = time.perf_counter()
    docs = _parsed_docs(documents, model) if parse else {}

    def tagger(document: dict[str, Any]) -> list[TimeExpr]:
        return find_timexes(document["text"], document.get("dct_date"), narrative=narrative, doc=docs.get(id(document)))

    misses: list[dict[str, Any]] = []
    by_corpus: dict[str, list[dict[str, Any]]] = {}
    for document in documents:
        by_corpus.setdefault(document.get("corpus") or "gold", []).append(document)
    corpora = {name: _score_documents(docs, tagger, []) for name, docs in sorted(by_corpus.items())}
    result = _score_documents(documents, tagger, misses)
    result["corpora"] = corpora
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["parsed"] = parse
    ranked = sorted(misses, key=lambda m: {"value": 0, "missed": 1, "spurious": 2}[m["kind"]])
    result["misses"] = ranked[:MAX_MISSES]
    result["miss_counts"] = {k: sum(1 for m in misses if m["kind"] == k) for k in ("value", "missed", "spurious")}
    return result


def render(result: dict[str, Any], console) -> None:
    """Per-corpus and combined scores, then a few misses."""
    from rich.table import Table

    table = Table(title="Time expressions (TempEval-3 metrics)")
    for column in ("corpus", "docs", "timexes", "strict F1", "relaxed F1", "value F1", "type acc"):
        table.add_column(column)
    rows = list(result.get("corpora", {}).items()) + [("combined", result)]
    for name, scores in rows:
        table.add_row(name, str(scores["n"]["documents"]), str(scores["n"]["timexes"]),
                      f"{scores['strict_f1']:.3f}", f"{scores['relaxed_f1']:.3f}",
                      f"{scores['value_f1']:.3f}", f"{scores['type_accuracy']:.3f}")
    console.print(table)
    misses = Table(title="Misses (first 20)")
    for column in ("kind", "gold", "predicted", "context"):
        misses.add_column(column)
    for miss in result.get("misses", [])[:20]:
        misses.add_row(miss["kind"], miss["gold"] or "", miss["predicted"] or "", miss["context"])
    console.print(misses)
