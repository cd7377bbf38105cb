"""The date word lists (``tidings/data/dates/lexicon.yaml``), loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "dates"


@dataclass(frozen=True)
class Lexicon:
    """Calendar vocabulary as lookup tables; regex alternations are built from it."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    numbers: dict[str, Any]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, bool, int]]
    frequencies: dict[str, str]
    relative_days: dict[str, int]
    references: dict[str, str]
    holidays: dict[str, str]
    span_modifiers: dict[str, bool]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]


def alternation(words, capitalise: bool = False) -> str:
    """A regex alternation of ``words``, longest first so the regex prefers the longest."""
    forms = sorted(set(words), key=lambda w: (-len(w), w))
    if capitalise:
        forms = [" ".join(part[:1].upper() + part[1:] for part in w.split(" ")) for w in forms]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged lexicon (cached: one read per process)."""
    text = (DATA_DIR / "lexicon.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Lexicon(
        months=data["months"], weekdays=data["weekdays"], seasons=data["seasons"],
        day_parts=data["day_parts"], numbers=data["number_words"], ordinals=data["ordinals"],
        units={k: tuple(v) for k, v in data["units"].items()}, frequencies=data["frequencies"],
        relative_days=data["relative_days"], references=data["references"], holidays=data["holidays"],
        span_modifiers=data["span_modifiers"], future_cues=tuple(data["future_cues"]),
        past_cues=tuple(data["past_cues"]),
    )


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "january")."""
    return load_lexicon().months.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """1 (Monday) to 7 (Sunday) for a weekday name or abbreviation."""
    return load_lexicon().weekdays.get(word.lower().rstrip("."))


def number_value(phrase: str) -> float | str | None:
    """The number a phrase states: "31", "twenty-four", "a couple of", "two and a half", "1 1/2";
    "X" for vague amounts ("several", "a few"); None when it is not a number."""
    words = load_lexicon().numbers
    text = phrase.lower().replace(",", "").strip()
    half = 0.0
    for suffix in (" and a half", " 1/2", "-and-a-half", " ½"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
    if re.fullmatch(r"half\s+an?", text):
        return 0.5  # "half a year"
    text = re.sub(r"\b(?:of|and)\b", " ", text).replace("-", " ")
    tokens = text.split()
    if len(tokens) > 1 and tokens[0] in ("a", "an") and not tokens[1].isdigit() and tokens[1] not in ("hundred", "thousand"):
        tokens = tokens[1:]  # "a couple", "a dozen", "a few"
    if not tokens:
        return half or None
    if any(words.get(t) == "X" for t in tokens):
        return "X"
    total, current = 0.0, 0.0
    for token in tokens:
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current += float(token)
        elif token in ("hundred", "thousand"):
            current = max(current, 1) * (100 if token == "hundred" else 1000)
            if token == "thousand":
                total, current = total + current, 0.0
        elif isinstance(words.get(token), int):
            current += words[token]
        else:
            return None
    return total + current + half
