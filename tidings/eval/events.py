"""Event coding scored against sentence-level PLOVER gold (the ../shared/gold/events format).

Each gold sentence is parsed whole, its actors found by ``tidings.actors`` and
its events coded by ``tidings.events``; then, per sentence, the SET of predicted
PLOVER types is compared with the gold set.

Definitions (also in docs/events.md):

- Which predicted events count: ``count="reported"`` (default) takes every
  event that is not negated and not merely hypothetical: asserted, future and
  conditional events count, because the gold codes what a sentence reports
  (PLOVER codes intentions as AGREE and conditional coercion as THREATEN, which
  the coder already does). ``count="asserted"`` takes asserted events only;
  ``count="all"`` everything but negated events.
- ``micro_*``: true/false positives and false negatives of types summed over
  sentences. ``macro_*``: the mean over the types present in gold or predictions.
- ``no_event_precision``: over the gold sentences with no event (CAMEO 01/02
  statements and appeals), the share for which the coder predicts no event,
  i.e. the precision of the coder on those sentences, where any event is a
  false positive. ``no_event_decision_precision`` is the other reading: among
  sentences where the coder predicts nothing, the share with no gold event.
- ``source_country_acc`` / ``target_country_acc``: over ``plover_gsr`` gold
  events whose type was predicted, the share where the set of country codes of
  the predicted event of that type equals the gold set. When several predicted
  events have that type, the one naming the most actors is compared (chosen
  without looking at the gold). An empty gold side (PLOVER codes symmetric
  events such as "X and Y agreed" with both in source and no target, and many
  events with no target) is matched only by an empty predicted side; a
  predicted actor without a country code adds nothing to its set, so an
  unresolved actor counts as missing. Codes are compared at the gold's level:
  PLOVER's specific IGO codes UNO (UN system) and EUR (EU) count as ``IGO``,
  the one code the gold uses for every intergovernmental body.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from typing import Any

MAX_MISSES = 50
COUNT_POLICIES = ("reported", "asserted", "all")


def _counted(event, policy: str) -> bool:
    if event.negated:
        return False
    if policy == "asserted":
        return event.modality == "asserted"
    if policy == "reported":
        return event.modality != "hypothetical"
    return True


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# The gold (PLOVER GSR) codes every intergovernmental body with the generic class code IGO, where
# tidings' actor knowledge uses PLOVER's specific codes for the UN system (UNO) and the EU (EUR).
# Both say the same thing: the actor is an IGO, not a country. Compared at the gold's level.
GOLD_CODE_CLASS = {"UNO": "IGO", "EUR": "IGO"}


def _countries(actors) -> set[str]:
    codes = {a.country if hasattr(a, "country") else a.get("code") for a in actors} - {None}
    return {GOLD_CODE_CLASS.get(c, c) for c in codes}


def _load(gold_path: str, limit: int | None) -> list[dict]:
    with open(gold_path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def code_records(records: list[dict], model: str | None = None) -> tuple[list[list], dict[str, float]]:
    """Parse, find actors and code events for each record; also the seconds each step took."""
    from .. import actors, events
    from ..nlp import load_model, parse_article

    nlp = load_model(model) if model else load_model()
    events.load_lexicon()  # load the data files before timing: coding cost is per sentence, not per process
    events.warm_up()
    timings = {"parse": 0.0, "actors": 0.0, "events": 0.0}
    started = time.perf_counter()
    docs = parse_article(nlp, [r["text"] for r in records])
    timings["parse"] = time.perf_counter() - started
    results = []
    for record, doc in zip(records, docs):
        t0 = time.perf_counter()
        mentions = actors.find_mentions(doc, record.get("date"))
        t1 = time.perf_counter()
        results.append(events.code_events(doc, mentions))
        timings["actors"] += t1 - t0
        timings["events"] += time.perf_counter() - t1
    return results, timings


def evaluate(gold_path: str, count: str = "reported", limit: int | None = None, model: str | None = None,
             **_: Any) -> dict:
    """Score the coder on a gold file; see the module docstring for every definition."""
    if count not in COUNT_POLICIES:
        raise ValueError(f"count must be one of {COUNT_POLICIES}")
    records = _load(gold_path, limit)
    predicted, timings = code_records(records, model)
    return score(records, predicted, count, timings)


def score(records: list[dict], predicted: list[list], count: str = "reported", timings: dict | None = None) -> dict:
    """The scores of already-coded records (split out so other counting policies can be compared)."""
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: Counter = Counter()
    no_event_gold = no_event_ok = predicted_none = predicted_none_ok = 0
    actor_checks = {"source": [0, 0], "target": [0, 0]}
    misses = []
    for record, events in zip(records, predicted):
        counted = [e for e in events if _counted(e, count)]
        gold_types = {e["type"] for e in record["events"]}
        pred_types = {e.plover_type for e in counted}
        for t in gold_types & pred_types:
            per_type[t]["tp"] += 1
        for t in pred_types - gold_types:
            per_type[t]["fp"] += 1
        for t in gold_types - pred_types:
            per_type[t]["fn"] += 1
        for g in gold_types - pred_types:
            for p in (pred_types - gold_types) or {"NONE"}:
                confusion[(g, p)] += 1
        if not gold_types:
            for p in pred_types:
                confusion[("NONE", p)] += 1
            no_event_gold += 1
            no_event_ok += not pred_types
        if not pred_types:
            predicted_none += 1
            predicted_none_ok += not gold_types
        wrong_actors = _score_actors(record, counted, actor_checks)
        if (gold_types != pred_types or wrong_actors) and len(misses) < MAX_MISSES:
            misses.append(_miss(record, gold_types, pred_types, events, wrong_actors))
    return _summary(per_type, confusion, len(records), no_event_gold, no_event_ok, predicted_none,
                    predicted_none_ok, actor_checks, misses, count, timings or {})


def _score_actors(record: dict, counted: list, checks: dict) -> list[str]:
    """Compare source/target country sets of matched plover_gsr events; the sides that were wrong."""
    wrong = []
    if record.get("origin") != "plover_gsr":
        return wrong
    for gold in record["events"]:
        same = [e for e in counted if e.plover_type == gold["type"]]
        if not same:
            continue
        best = max(same, key=lambda e: len(e.source) + len(e.target))
        for side in ("source", "target"):
            ok = _countries(getattr(best, side)) == _countries(gold.get(side, []))
            checks[side][0] += ok
            checks[side][1] += 1
            if not ok:
                wrong.append(f"{side}: gold {sorted(_countries(gold.get(side, [])))} "
                             f"predicted {sorted(_countries(getattr(best, side)))}")
    return wrong


def _miss(record: dict, gold_types: set, pred_types: set, events: list, wrong_actors: list[str]) -> dict:
    return {
        "id": record["id"], "text": record["text"], "gold": sorted(gold_types), "predicted": sorted(pred_types),
        "actors": wrong_actors,
        "events": [f"{e.plover_type}{' (negated)' if e.negated else ''} [{e.modality}] '{e.trigger}' "
                   f"{[a.country for a in e.source]}→{[a.country for a in e.target]} {e.rule}" for e in events],
    }


def _summary(per_type, confusion, n, no_event_gold, no_event_ok, predicted_none, predicted_none_ok,
             actor_checks, misses, count, timings) -> dict:
    table = {}
    tp = fp = fn = 0
    for t, c in sorted(per_type.items()):
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        table[t] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "precision": p, "recall": r, "f1": f}
        tp, fp, fn = tp + c["tp"], fp + c["fp"], fn + c["fn"]
    micro_p, micro_r, micro_f = _prf(tp, fp, fn)
    f1s = [row["f1"] for row in table.values()]
    ps = [row["precision"] for row in table.values()]
    rs = [row["recall"] for row in table.values()]
    src, tgt = actor_checks["source"], actor_checks["target"]
    coding = timings.get("events", 0.0)
    return {
        "n": n, "count": count,
        "micro_precision": micro_p, "micro_recall": micro_r, "micro_f1": micro_f,
        "macro_precision": sum(ps) / len(ps) if ps else 0.0, "macro_recall": sum(rs) / len(rs) if rs else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "no_event_precision": no_event_ok / no_event_gold if no_event_gold else 1.0,
        "no_event_sentences": no_event_gold,
        "no_event_decision_precision": predicted_none_ok / predicted_none if predicted_none else 1.0,
        "source_country_acc": src[0] / src[1] if src[1] else 0.0,
        "target_country_acc": tgt[0] / tgt[1] if tgt[1] else 0.0,
        "matched_events": src[1],
        "per_type": table,
        "confusion": [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusion.most_common()],
        "timings": timings,
        "coding_vs_parse": coding / timings["parse"] if timings.get("parse") else None,
        "misses": misses,
    }


def render(result: dict, console) -> None:
    """Rich tables: headline scores, per-type table, top confusions, misses."""
    from rich.table import Table

    head = Table(title=f"Event coding — {result['n']} sentences (counting: {result['count']})")
    head.add_column("metric")
    head.add_column("value", justify="right")
    for key in ("micro_precision", "micro_recall", "micro_f1", "macro_f1", "no_event_precision",
                "no_event_decision_precision", "source_country_acc", "target_country_acc", "coding_vs_parse"):
        value = result.get(key)
        head.add_row(key, "-" if value is None else f"{value:.3f}")
    console.print(head)
    types = Table(title="Per PLOVER type")
    for col in ("type", "tp", "fp", "fn", "P", "R", "F1"):
        types.add_column(col, justify="right" if col != "type" else "left")
    for t, row in result["per_type"].items():
        types.add_row(t, str(row["tp"]), str(row["fp"]), str(row["fn"]), f"{row['precision']:.2f}",
                      f"{row['recall']:.2f}", f"{row['f1']:.2f}")
    console.print(types)
    conf = Table(title="Confusions (gold → predicted)")
    for col in ("gold", "predicted", "count"):
        conf.add_column(col)
    for row in result["confusion"][:20]:
        conf.add_row(row["gold"], row["predicted"], str(row["count"]))
    console.print(conf)
    for miss in result["misses"][:20]:
        console.print(f"[bold]{miss['id']}[/] gold {miss['gold']} predicted {miss['predicted']} {miss['actors']}\n"
                      f"  {miss['text'][:160]}")
