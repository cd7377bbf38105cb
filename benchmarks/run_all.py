"""``make bench``: throughput vs bare spaCy, stage costs, peak memory, worker scaling, query latency.

Every figure is measured in one run on this machine; ratios (tidings vs bare
spaCy on the same texts, 2 workers vs 1) are what to compare across machines.
Results go to bench_out/results.json and are printed as Markdown rows for BENCHMARKS.md.

    python benchmarks/run_all.py [--only throughput,memory,scaling,query] [--memory-sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

from tidings.batch.ray_job import record_to_raw  # noqa: E402
from tidings.batch.worker import process_raws  # noqa: E402
from tidings.models import Article  # noqa: E402
from tidings.nlp import load_model  # noqa: E402
from tidings.pipeline import analyse_batch, clean_all  # noqa: E402
from tidings.settings import DEFAULT_MODEL  # noqa: E402
from tidings.store import Store  # noqa: E402

OUT = Path("bench_out")


def _raws(rows: list[dict]):
    return [record_to_raw(r, r["url"]) for r in rows]


def throughput(rows: list[dict], label: str, repeats: int = 2) -> dict:
    """End-to-end tidings (clean → all stages → store) vs bare ``nlp.pipe`` on the same clean texts."""
    import spacy

    bare = spacy.load(DEFAULT_MODEL)  # the stock pipeline, exactly as a user would run it
    nlp = load_model(DEFAULT_MODEL)
    texts = [a.text for a in clean_all(_raws(rows)) if isinstance(a, Article)]
    words = sum(len(t.split()) for t in texts)
    spacy_times, tidings_times = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=64):
            pass
        spacy_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
            start = time.perf_counter()
            for i in range(0, len(rows), 64):
                results = process_raws(_raws(rows[i:i + 64]), DEFAULT_MODEL)
                store.write([a for a in results if isinstance(a, Article)])
            tidings_times.append(time.perf_counter() - start)
    timings: dict = {}
    articles = [a for a in clean_all(_raws(rows)) if isinstance(a, Article)]
    analyse_batch(articles, nlp, timings=timings)
    spacy_s, tidings_s = min(spacy_times), min(tidings_times)
    return {
        "corpus": label, "articles": len(texts), "words": words,
        "spacy_s": round(spacy_s, 2), "tidings_s": round(tidings_s, 2),
        "spacy_articles_per_s": round(len(texts) / spacy_s, 1), "tidings_articles_per_s": round(len(texts) / tidings_s, 1),
        "spacy_words_per_s": round(words / spacy_s), "tidings_words_per_s": round(words / tidings_s),
        "ratio_tidings_vs_spacy": round(spacy_s / tidings_s, 2),
        "stage_seconds": {k: round(v, 3) for k, v in timings.items()},
        "stage_share_of_spacy": {k: round(v / spacy_s, 3) for k, v in timings.items() if k != "parse"},
    }


def _write_jsonl(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")


def _run_ingest(jsonl: Path, workers: int, db: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB, largest process) of one `tidings ingest` in a fresh interpreter."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            f"subprocess.run([sys.executable, '-m', 'tidings.cli', 'ingest', {str(jsonl)!r}, '--db', {str(db)!r}, "
            f"'--workers', '{workers}', '--quiet'], check=True, stdout=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) // 1024


def memory(base: list[dict], sizes: list[int]) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"corpus_{n}.jsonl"
            _write_jsonl(corpus.synthetic_articles(n, base), path)
            seconds, peak = _run_ingest(path, 1, Path(tmp) / f"mem_{n}.duckdb")
            results[str(n)] = {"peak_rss_mib": peak, "seconds": round(seconds, 1), "articles_per_s": round(n / seconds, 1)}
    if len(sizes) >= 2:
        small, large = results[str(sizes[0])]["peak_rss_mib"], results[str(sizes[-1])]["peak_rss_mib"]
        results["growth"] = round(large / small - 1, 3)
    return results


def scaling(base: list[dict], n: int) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scaling.jsonl"
        _write_jsonl(corpus.synthetic_articles(n, base), path)
        for workers in (1, 2):
            seconds, _ = _run_ingest(path, workers, Path(tmp) / f"scale_{workers}.duckdb")
            results[f"workers_{workers}"] = {"seconds": round(seconds, 1), "articles_per_s": round(n / seconds, 1)}
    results["speedup"] = round(results["workers_1"]["seconds"] / results["workers_2"]["seconds"], 2)
    return results


def query() -> dict:
    script = Path(__file__).with_name("bench_query.py")
    if not script.exists():
        return {"skipped": "benchmarks/bench_query.py missing"}
    out = subprocess.run([sys.executable, str(script), "--json"], capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else {"error": out.stderr[-500:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="throughput,memory,scaling,query")
    parser.add_argument("--memory-sizes", default="1000,10000")
    parser.add_argument("--scaling-articles", type=int, default=600)
    args = parser.parse_args()
    if not corpus.available():
        print("../shared/gold is absent: nothing to benchmark")
        return
    only = set(args.only.split(","))
    news = corpus.news_texts()
    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.node()} {platform.machine()} "
                     f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}"}
    if "throughput" in only:
        results["throughput_news"] = throughput(news, "TimeBank+AQUAINT texts")
        results["throughput_html"] = throughput(corpus.html_pages(), "AEB HTML pages", repeats=1)
    if "memory" in only:
        results["memory"] = memory(news, [int(s) for s in args.memory_sizes.split(",")])
    if "scaling" in only:
        results["scaling"] = scaling(news, args.scaling_articles)
    if "query" in only:
        results["query"] = query()
    OUT.mkdir(exist_ok=True)
    path = OUT / "results.json"
    merged = json.loads(path.read_text()) if path.exists() else {}
    merged.update(results)  # a partial run (--only) keeps the other sections of the last full one
    path.write_text(json.dumps(merged, indent=1))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
