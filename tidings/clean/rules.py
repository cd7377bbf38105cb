"""The cleaning rules, loaded once per process from ``tidings/data/clean/*.yaml``.

Patterns are data so that they can be read, reviewed and extended without
touching code; this module only compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "clean"


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Compiled furniture and metadata patterns."""

    furniture: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, pattern), in file order
    credit: tuple[re.Pattern[str], ...]
    publisher: tuple[re.Pattern[str], ...]
    not_publisher: frozenset[str]
    byline: tuple[re.Pattern[str], ...]
    published_line: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    stopwords: dict[str, frozenset[str]]
    max_furniture_words: int
    max_caption_words: int
    max_title_words: int
    max_title_chars: int
    max_dek_words: int

    def furniture_reason(self, line: str) -> str | None:
        """The reason a line is page furniture, or None when it may be body text."""
        if len(line.split()) > self.max_furniture_words:
            return None
        for reason, pattern in self.furniture:
            if pattern.search(line):
                return reason
        return None


def _read_yaml(name: str) -> dict[str, Any]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError(f"tidings/data/clean/{name}: expected a mapping")
    return data


def _compile(patterns: list[str], flags: int = 0) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


@lru_cache(maxsize=1)
def load_rules() -> CleanRules:
    """Read and compile the cleaning data files (cached: once per process)."""
    furniture = _read_yaml("furniture.yaml")
    meta = _read_yaml("metadata.yaml")
    try:
        compiled = tuple((reason, re.compile(p, re.I)) for reason, patterns in furniture.items()
                         for p in patterns)
        return CleanRules(
            furniture=compiled,
            credit=_compile(meta["credit"]),
            publisher=_compile(meta["publisher"]),
            not_publisher=frozenset(meta.get("not_publisher", [])),
            byline=_compile(meta["byline"]),
            published_line=_compile(meta["published_line"]),
            dateline=re.compile(meta["dateline"]),
            stopwords={lang: frozenset(words) for lang, words in meta.get("stopwords", {}).items()},
            max_furniture_words=int(meta.get("max_furniture_words", 80)),
            max_caption_words=int(meta.get("max_caption_words", 60)),
            max_title_words=int(meta.get("max_title_words", 25)),
            max_title_chars=int(meta.get("max_title_chars", 200)),
            max_dek_words=int(meta.get("max_dek_words", 40)),
        )
    except (KeyError, re.error) as err:
        raise ConfigError(f"tidings/data/clean: bad pattern file: {err}") from err
