"""Generate a store of synthetic events for benchmarks, fast, entirely in SQL.

    python benchmarks/synthetic_events.py --events 1000000 --out /tmp/bench_1m.duckdb

The rows follow the real schema (tidings/store/schema.py): 40 countries with a
skewed (Zipf-like) popularity, the 16 PLOVER types with their quad classes,
dates spread over ten years, one article per ten events. Values are
deterministic (hash of the row number), so two runs build the same store.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tidings.store import connect

COUNTRIES = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "AZE", "TUR", "GBR", "FRA", "DEU", "IND", "PAK", "SAU",
             "EGY", "SYR", "IRQ", "AFG", "JPN", "KOR", "PRK", "BRA", "MEX", "ZAF", "NGA", "ETH", "KEN", "ARM",
             "GEO", "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "VNM", "PHL", "QAT", "ARE", "LBN"]
TYPES = [("AGREE", 1, 2.5, "030"), ("CONSULT", 1, 2.5, "040"), ("SUPPORT", 1, 3.0, "051"),
         ("CONCEDE", 2, 5.0, "080"), ("COOPERATE", 2, 4.0, "060"), ("AID", 2, 6.0, "070"),
         ("RETREAT", 2, 5.0, "087"), ("REQUEST", 1, 1.0, "020"), ("ACCUSE", 3, -2.0, "112"),
         ("REJECT", 3, -4.0, "120"), ("THREATEN", 3, -5.0, "130"), ("PROTEST", 4, -6.0, "140"),
         ("SANCTION", 4, -7.0, "163"), ("MOBILIZE", 4, -6.0, "150"), ("COERCE", 4, -8.0, "170"),
         ("ASSAULT", 4, -9.0, "190")]
SECTORS = ["GOV", "MIL", "GOV", "GOV", "COP", "BUS", "CVL", "GOV"]


def build(path: str, n_events: int) -> dict:
    """Create (or replace) the store at ``path`` with ``n_events`` events; returns timings."""
    Path(path).unlink(missing_ok=True)
    con = connect(path)
    started = time.perf_counter()
    con.execute("CREATE TEMP TABLE c AS SELECT * FROM (SELECT unnest(?::VARCHAR[]) AS code, "
                "generate_subscripts(?::VARCHAR[], 1) - 1 AS i)", [COUNTRIES, COUNTRIES])
    con.execute("CREATE TEMP TABLE t AS SELECT * FROM (SELECT unnest(?::VARCHAR[]) AS plover, unnest(?::INT[]) AS quad, "
                "unnest(?::DOUBLE[]) AS score, unnest(?::VARCHAR[]) AS cameo, "
                "generate_subscripts(?::VARCHAR[], 1) - 1 AS i)",
                [[t[0] for t in TYPES], [t[1] for t in TYPES], [t[2] for t in TYPES], [t[3] for t in TYPES],
                 [t[0] for t in TYPES]])
    n_articles = max(1, n_events // 10)
    con.execute("""
        INSERT INTO articles (id, url, title, published, text, content_hash, n_words, pipeline_version)
        SELECT printf('a%015d', range), printf('https://example.org/news/%d', range),
               printf('Synthetic article %d', range), DATE '2015-01-01' + CAST(hash(range, 'd') % 3650 AS INTEGER),
               'Synthetic article body.', printf('h%d', range), 3, 'bench'
        FROM range(?)""", [n_articles])
    n = len(COUNTRIES)
    con.execute(f"""
        INSERT INTO events (id, article_id, plover_type, mode, contexts, source_country, source_sector, source_name,
            target_country, target_sector, target_name, source, target, cameo_code, goldstein, intensity, quad_class,
            negated, modality, date, date_value, date_granularity, date_source, historical,
            sentence, sentence_start, sentence_end, trigger, trigger_start, trigger_end, mentions,
            rule, confidence, pipeline_version)
        WITH r AS (
            SELECT range AS k,
                   CAST(floor(pow((hash(range, 's') % 1000000) / 1000000.0, 2.2) * {n}) AS INTEGER) AS si,
                   CAST(floor(pow((hash(range, 'g') % 1000000) / 1000000.0, 2.2) * {n}) AS INTEGER) AS gi,
                   CAST(hash(range, 't') % 16 AS INTEGER) AS ti,
                   CAST(hash(range, 'd') % 3650 AS INTEGER) AS di
            FROM range(?)
        ), j AS (
            SELECT r.k, s.code AS src, CASE WHEN r.gi = r.si THEN g2.code ELSE g.code END AS tgt, t.*, r.di
            FROM r JOIN c s ON s.i = r.si JOIN c g ON g.i = r.gi JOIN c g2 ON g2.i = (r.gi + 1) % {n}
                   JOIN t ON t.i = r.ti
        )
        SELECT printf('e%015d', k), printf('a%015d', k // 10), plover, NULL, ['diplomatic'],
               src, 'GOV', src, tgt, 'GOV', tgt,
               json_array(json_object('text', src, 'country', src, 'sector', 'GOV')),
               json_array(json_object('text', tgt, 'country', tgt, 'sector', 'GOV')),
               cameo, score, score, quad, FALSE, 'asserted',
               DATE '2015-01-01' + di, NULL, 'day', 'published', FALSE,
               'Synthetic sentence.', 0, 19, 'met', 10, 13, 1, 'bench', 0.9, 'bench'
        FROM j""", [n_events])
    con.execute("CHECKPOINT")
    elapsed = time.perf_counter() - started
    count = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.close()
    return {"path": path, "events": count, "articles": n_articles, "build_s": round(elapsed, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", default="bench_events.duckdb")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.events)))


if __name__ == "__main__":
    main()
