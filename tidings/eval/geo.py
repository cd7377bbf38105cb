"""Toponym resolution scored with the gold spans given (TR-News / GeoVirus JSON Lines).

Each gold toponym is resolved in its article's context, as ``find_places`` would: the
other gold toponyms of the article (their text only), the countries the article text
names, a state or country written after it ("Paris, Texas") and cues such as "the city
of". Metrics, as in Gritta et al. (2019) "A Pragmatic Guide to Geoparsing Evaluation":

- ``acc_161km``: share of toponyms resolved within 161 km (100 miles) of the gold point
  (an unresolved toponym counts as wrong);
- ``exact_id``: share with the gold GeoNames id, over the toponyms that have one;
- ``mean_error_km`` over the resolved toponyms, and ``auc`` of the error curve
  (area under log(1 + error) / log(20039), lower is better).
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..geo.gazetteer import gazetteer
from ..geo.places import containers, countries_in_text, town_cues
from ..geo.resolve import distance_km, fallback_place, resolve_names

MAX_MISSES = 50
ACCURACY_KM = 161.0
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0


def load_articles(gold_path: str | Path) -> list[dict[str, Any]]:
    with Path(gold_path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def resolve_article(article: dict[str, Any], use_text: bool = True, fallback: bool = True) -> list[dict[str, Any]]:
    """Predictions for each gold toponym of one article: (gold, candidate or None, rule)."""
    gaz = gazetteer()
    toponyms = [t for t in article.get("toponyms", []) if t.get("lat") is not None]
    names = [t["text"] for t in toponyms]
    context = countries_in_text(article["text"], gaz) if use_text else Counter()
    spans = sorted((t["start"], t["end"], t["text"]) for t in toponyms)
    resolved = resolve_names(names, context, containers(spans, article["text"], gaz), gaz,
                             towns=town_cues(spans, article["text"]))
    guess = fallback_place(resolved) if fallback else None
    rows = []
    for gold in toponyms:
        candidate, rule = None, "none"
        if gold["text"] in resolved:
            candidate, _, rule = resolved[gold["text"]]
        elif guess is not None:
            candidate, rule = guess, "fallback-context"
        rows.append({"gold": gold, "candidate": candidate, "rule": rule})
    return rows


def evaluate(gold_path: str, use_text: bool = True, fallback: bool = True, **_: Any) -> dict[str, Any]:
    """Score toponym resolution on one gold file; returns the metrics and up to 50 misses."""
    started = time.perf_counter()
    gazetteer()
    build_s = time.perf_counter() - started
    n = within = with_id = exact = resolved = 0
    errors: list[float] = []
    by_feature: dict[str, Counter] = {}
    misses: list[dict[str, Any]] = []
    articles = load_articles(gold_path)
    for article in articles:
        for row in resolve_article(article, use_text, fallback):
            gold, candidate = row["gold"], row["candidate"]
            n += 1
            feature = gold.get("fcode") or "?"
            stats = by_feature.setdefault(feature, Counter())
            stats["n"] += 1
            error = None
            if candidate is not None:
                resolved += 1
                error = distance_km(gold["lat"], gold["lon"], candidate.lat, candidate.lon)
                errors.append(error)
            ok = error is not None and error <= ACCURACY_KM
            within += ok
            stats["within"] += ok
            if gold.get("geonameid"):
                with_id += 1
                exact += candidate is not None and str(candidate.geonameid) == str(gold["geonameid"])
            if not ok and len(misses) < MAX_MISSES:
                misses.append(_miss(article, gold, candidate, error, row["rule"]))
    curve = [math.log1p(e) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) for e in errors]
    curve += [1.0] * (n - len(errors))
    return {
        "gold": str(gold_path), "n": n, "articles": len(articles), "resolved": resolved,
        "acc_161km": round(within / n, 4) if n else 0.0,
        "exact_id": round(exact / with_id, 4) if with_id else None, "n_with_id": with_id,
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else None,
        "auc": round(sum(curve) / len(curve), 4) if curve else None,
        "by_feature": {k: {"n": v["n"], "acc_161km": round(v["within"] / v["n"], 3)}
                       for k, v in sorted(by_feature.items(), key=lambda kv: -kv[1]["n"])},
        "gazetteer_build_s": round(build_s, 2), "seconds": round(time.perf_counter() - started, 2),
        "misses": misses,
    }


def _miss(article, gold, candidate, error, rule) -> dict[str, Any]:
    text = article["text"]
    return {
        "doc_id": article.get("doc_id"), "text": gold["text"], "gold_name": gold.get("name"),
        "gold_feature": gold.get("fcode"), "gold": [gold["lat"], gold["lon"]],
        "predicted": None if candidate is None else f"{candidate.name} ({candidate.country}, {candidate.feature})",
        "error_km": None if error is None else round(error), "rule": rule,
        "context": text[max(0, gold["start"] - 50):gold["end"] + 50].replace("\n", " "),
    }


def render(result: dict[str, Any], console) -> None:
    """The scores, accuracy by gold feature code, then the first misses."""
    from rich.table import Table

    table = Table(title=f"Toponym resolution, gold spans given ({result['gold']})")
    for column in ("toponyms", "acc@161km", "exact id", "mean error km", "AUC", "seconds"):
        table.add_column(column)
    exact = "-" if result["exact_id"] is None else f"{result['exact_id']:.3f}"
    table.add_row(str(result["n"]), f"{result['acc_161km']:.3f}", exact, str(result["mean_error_km"]),
                  str(result["auc"]), str(result["seconds"]))
    console.print(table)
    features = Table(title="By gold feature code")
    for column in ("feature", "n", "acc@161km"):
        features.add_column(column)
    for feature, stats in list(result["by_feature"].items())[:15]:
        features.add_row(feature, str(stats["n"]), f"{stats['acc_161km']:.3f}")
    console.print(features)
    misses = Table(title="Misses (first 20)")
    for column in ("toponym", "gold", "predicted", "km", "context"):
        misses.add_column(column)
    for miss in result["misses"][:20]:
        misses.add_row(miss["text"], f"{miss['gold_name']} {miss['gold_feature'] or ''}", miss["predicted"] or "-",
                       str(miss["error_km"]), miss["context"])
    console.print(misses)
