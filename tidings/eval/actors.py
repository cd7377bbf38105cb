"""Actor resolution scored on phrases (format of ../shared/gold/actors/dev.jsonl).

Each gold line: ``text``, optional ``context`` and ``date``, and ``expect`` with
``country`` and/or ``sector``. A field absent from ``expect`` is not scored; a
field present as null expects no code. Accuracy = correct / scored, for country,
sector, and both (items where every present field is right).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MAX_MISSES = 50


def load_items(gold_path: str | Path) -> list[dict[str, Any]]:
    with Path(gold_path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _kind(actor) -> str:
    return actor.kind if actor is not None else "none"


def evaluate(gold_path: str, actors_files: tuple[str, ...] = (), **options: Any) -> dict[str, Any]:
    """Country, sector and joint accuracy of ``tidings.actors.resolve`` over a gold file."""
    from ..actors import KnowledgeBase, default_kb, resolve

    kb = default_kb()
    if actors_files:
        kb = KnowledgeBase()
        kb.add_files(actors_files)
    counts = {"country": [0, 0], "sector": [0, 0], "both": [0, 0]}
    by_kind: dict[str, dict[str, int]] = {}
    misses: list[dict[str, Any]] = []
    for item in load_items(gold_path):
        expect = item.get("expect") or {}
        actor = resolve(item["text"], date=item.get("date"), context=item.get("context"), kb=kb)
        got = {"country": actor.country if actor else None, "sector": actor.sector if actor else None}
        right = {field: got[field] == expect[field] for field in ("country", "sector") if field in expect}
        for field, ok in right.items():
            counts[field][0] += ok
            counts[field][1] += 1
        if right:
            counts["both"][0] += all(right.values())
            counts["both"][1] += 1
            kind = by_kind.setdefault(_kind(actor), {"n": 0, "correct": 0})
            kind["n"] += 1
            kind["correct"] += all(right.values())
            if not all(right.values()):
                misses.append({"id": item.get("id"), "text": item["text"], "context": item.get("context"),
                               "date": item.get("date"), "expect": expect, "got": got,
                               "name": actor.name if actor else None, "source": actor.source if actor else None})
    acc = {f"{k}_acc": round(c / n, 4) if n else None for k, (c, n) in counts.items()}
    return {**acc, "n": counts["both"][1], "n_country": counts["country"][1], "n_sector": counts["sector"][1],
            "by_kind": by_kind, "misses": misses[:MAX_MISSES], "miss_count": len(misses)}


def render(result: dict[str, Any], console) -> None:
    """Accuracies, the per-kind table, then the misses."""
    from rich.table import Table

    summary = Table(title="Actor resolution")
    for column in ("country_acc", "sector_acc", "both_acc", "n"):
        summary.add_column(column)
    summary.add_row(*(str(result.get(c)) for c in ("country_acc", "sector_acc", "both_acc", "n")))
    console.print(summary)
    kinds = Table(title="By resolved kind")
    for column in ("kind", "n", "both correct"):
        kinds.add_column(column)
    for kind, row in sorted(result["by_kind"].items()):
        kinds.add_row(kind, str(row["n"]), str(row["correct"]))
    console.print(kinds)
    misses = Table(title=f"Misses ({result['miss_count']})")
    for column in ("text", "context", "date", "expect", "got"):
        misses.add_column(column)
    for miss in result["misses"][:30]:
        misses.add_row(miss["text"], miss["context"] or "", str(miss["date"] or ""),
                       json.dumps(miss["expect"]), json.dumps(miss["got"]))
    console.print(misses)
