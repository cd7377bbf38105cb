"""``tidings ingest`` on one machine: stream sources → (clean + analyse in N processes) → store.

Memory stays flat: sources are read lazily, at most ``2 × workers`` batches are
in flight, and each batch is written in one transaction as soon as it is done.
An item read before exactly as it is now (same bytes, URL and date) is skipped
before any work; the store's own check catches the same content under another name.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from ..actors import observe
from ..actors.store import load_observations, save_observations
from ..errors import TidingsError
from ..models import Article, RawDocument, Rejected
from ..pipeline import raw_hash_of
from ..settings import Settings
from ..store import Store
from .worker import process_raws


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did: counts by status and every failure with its reason."""

    run_id: str
    counts: Counter = field(default_factory=Counter)  # ingested | replaced | unchanged | failed
    failures: list[Rejected] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def read_anything(self) -> bool:
        return sum(self.counts.values()) > self.counts["failed"]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def worker_count(requested: int) -> int:
    """``requested`` processes, or the cores this process may use when 0."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def ingest(raws: Iterable[RawDocument | Rejected], settings: Settings,
           on_item: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Clean, analyse and store every raw item; ``on_item(origin, status)`` is called per item."""
    summary = IngestSummary(run_id=uuid.uuid4().hex[:12])
    notify = on_item or (lambda origin, status: None)
    workers = worker_count(settings.workers)
    with Store(settings.db) as store:
        observations = _stored_observations(store)
        pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        try:
            pending: list = []
            for batch in _batches(raws, settings.batch_size):
                fresh = _skip_known(batch, store, summary, notify)
                if fresh:
                    pending.append(_submit(pool, fresh, settings, observations))
                while len(pending) >= 2 * workers or (pending and pool is None):
                    _finish(pending.pop(0), store, summary, notify, observations)
            for job in pending:
                _finish(job, store, summary, notify, observations)
        finally:
            if pool:
                pool.shutdown(cancel_futures=True)
        store.log(summary.run_id, _log_entries(summary))
        if summary.counts["ingested"] or summary.counts["replaced"]:
            store.refresh_rollup()
    return summary


def _skip_known(batch: list, store: Store, summary: IngestSummary, notify) -> list:
    """Items read exactly as before count as unchanged and are dropped; the rest go on."""
    hashes = {id(item): raw_hash_of(item) for item in batch if isinstance(item, RawDocument)}
    known = store.known_raw_hashes(list(hashes.values()))
    fresh = []
    for item in batch:
        if isinstance(item, RawDocument) and hashes[id(item)] in known:
            summary.counts["unchanged"] += 1
            notify(item.origin, "unchanged")
        else:
            fresh.append(item)
    return fresh


def _submit(pool, items: list, settings: Settings, observations: "Observations"):
    args = (items, settings.model, settings.actors_files, list(observations.values()), settings.batch_size)
    return process_raws(*args) if pool is None else pool.submit(process_raws, *args)


def _finish(job, store: Store, summary: IngestSummary, notify, observations: "Observations") -> None:
    try:
        results = job.result() if isinstance(job, Future) else job
    except TidingsError as err:
        summary.counts["failed"] += 1
        summary.failures.append(Rejected(origin="<batch>", reason=str(err), stage=err.stage))
        return
    articles = [item for item in results if isinstance(item, Article)]
    for item in results:
        if isinstance(item, Rejected):
            summary.counts["failed"] += 1
            summary.failures.append(item)
            notify(item.origin, "failed")
    for outcome in store.write(articles):
        summary.counts[outcome.status] += 1
        summary.article_ids.append(outcome.article_id)
        notify(outcome.origin, outcome.status)
    _learn(store, articles, observations)


class Observations(dict):
    """What the news taught about roles so far: the latest observation per (person, role),
    so what travels to the workers grows with the people seen, not with the corpus."""

    def add(self, observations) -> None:
        for obs in observations:
            self[(obs.person, obs.country, obs.sector, obs.title)] = obs


def _stored_observations(store: Store) -> Observations:
    known = Observations()
    known.add(load_observations(store.con))
    return known


def _learn(store: Store, articles: list[Article], known: Observations) -> None:
    """Dated role observations from the articles just written, saved for later runs."""
    found = [obs for article in articles for obs in observe(article)]
    if found:
        save_observations(store.con, found)
        known.add(found)


def _log_entries(summary: IngestSummary):
    for failure in summary.failures:
        yield failure.origin, "failed", failure.reason, failure.stage, None
