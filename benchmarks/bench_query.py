"""Dyad-series latency over synthetic stores, in DuckDB and through the HTTP API.

    python benchmarks/bench_query.py                      # 1M and 10M events
    python benchmarks/bench_query.py --sizes 1000000 --keep /tmp/bench

Targets (issue 6): a dyad series answers in < 100 ms in DuckDB at 10M events
and < 200 ms through the API at 1M. For each size this builds a store
(``synthetic_events.py``), then times ``dyad_series`` by scanning ``events``,
builds the dyad rollup (``tidings rollup``) and times it again, and times the
API in-process (httpx + ASGI, the full FastAPI stack and JSON encoding) with
and without the rollup. Prints one JSON object on one line; medians in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_events import build  # noqa: E402

from tidings import query  # noqa: E402
from tidings.api import create_app  # noqa: E402
from tidings.store import connect  # noqa: E402

PAIRS = [("ISR", "AZE"), ("USA", "RUS"), ("UKR", "POL"), ("IRN", "SAU")]


def _median_ms(run, repeats: int) -> float:
    run()  # warm-up: caches, first-query planning
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def time_duckdb(path: str, repeats: int) -> dict:
    con = query.open_store(path)
    result = {pair[0] + "-" + pair[1]: _median_ms(lambda p=pair: query.dyad_series(con, *p, by="month"), repeats)
              for pair in PAIRS}
    result["by_day"] = _median_ms(lambda: query.dyad_series(con, "ISR", "AZE", by="day"), repeats)
    result["rollup"] = query.rollup_is_fresh(con)
    con.close()
    return result


def time_api(path: str, repeats: int, rollup_over: int | None) -> dict:
    app = create_app(path, rollup_over=rollup_over)

    async def measure() -> dict:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            out = {}
            for a, b in PAIRS:
                url = f"/api/dyads/{a}/{b}/series?by=month"
                assert (await client.get(url)).status_code == 200
                times = []
                for _ in range(repeats):
                    started = time.perf_counter()
                    response = await client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200
                out[f"{a}-{b}"] = round(statistics.median(times), 1)
            return out

    try:
        return asyncio.run(measure()) | {"rollup": query.rollup_is_fresh(app.state.con)}
    finally:
        app.state.con.close()


def reuse(path: str, size: int) -> bool:
    """Keep a store built by an earlier run (same size), without its rollup."""
    if not Path(path).exists():
        return False
    con = connect(path)
    same = con.execute("SELECT count(*) FROM events").fetchall()[0][0] == size
    con.execute("DROP TABLE IF EXISTS dyad_days")
    con.execute("DROP TABLE IF EXISTS dyad_days_meta")
    con.close()
    return same


def bench(size: int, folder: Path, repeats: int, keep_stores: bool = False) -> dict:
    path = str(folder / f"bench_{size}.duckdb")
    built = {"build_s": "reused"} if keep_stores and reuse(path, size) else build(path, size)
    out = {"events": size, "build_s": built["build_s"], "cpus": os.cpu_count()}
    out["duckdb_scan_ms"] = time_duckdb(path, repeats)
    out["api_scan_ms"] = time_api(path, repeats, rollup_over=None)
    writer = connect(path)
    writer.execute("SET enable_progress_bar = false")
    started = time.perf_counter()
    out["rollup_rows"] = query.build_rollup(writer)
    out["rollup_build_s"] = round(time.perf_counter() - started, 2)
    writer.close()
    out["duckdb_rollup_ms"] = time_duckdb(path, repeats)
    out["api_rollup_ms"] = time_api(path, repeats, rollup_over=None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated event counts")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--keep", help="folder for the stores (default: a temporary folder, removed)")
    parser.add_argument("--reuse", action="store_true", help="with --keep: reuse stores of the same size")
    parser.add_argument("--json", action="store_true", help="accepted for run_all.py; the output is always "
                                                               "one JSON line")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        results = [bench(size, Path(args.keep), args.repeats, args.reuse) for size in sizes]
    else:
        with tempfile.TemporaryDirectory(prefix="tidings-bench-") as folder:
            results = [bench(size, Path(folder), args.repeats) for size in sizes]
    print(json.dumps({"benchmark": "dyad_series", "targets_ms": {"duckdb_10M": 100, "api_1M": 200},
                      "results": results}))


if __name__ == "__main__":
    main()
