"""Reading the bundled actor knowledge: countries, organisations, agent words, office holders.

The files live in ``tidings/data/actors/`` and are parsed once per process
(``lru_cache``); a KnowledgeBase builds its own indexes from the parsed data,
so user files and learned roles never leak between knowledge bases.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
OFFICEHOLDER_COLUMNS = ("country", "office", "title", "name", "aliases", "qid", "start", "end", "note", "sector")
OFFICE_TITLES = {
    "head_of_state": "President",
    "head_of_government": "Prime Minister",
    "foreign_minister": "Foreign Minister",
    "defence_minister": "Defence Minister",
}
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def read_yaml(path: str | Path) -> dict:
    """A YAML file as a dict; a broken file is a ConfigError naming the file."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: {err}") from err


@lru_cache(maxsize=None)
def bundled(name: str) -> dict:
    """One bundled YAML file (countries, organizations, agents), parsed once per process."""
    return read_yaml(DATA_DIR / f"{name}.yaml")


def read_officeholders(path: str | Path) -> list[dict]:
    """Rows of an office-holder TSV (header ``country office title name aliases qid start end note [sector]``).

    ``sector`` is optional (empty: GOV); it gives non-executive offices their PLOVER
    sector: MIL for army chiefs, LEG for speakers, SPY for intelligence chiefs, REB
    for armed-group leaders, OPP for opposition leaders, REL for popes. Lines starting with ``#`` are comments; rows without a name or country are skipped.
    """
    rows: list[dict] = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            if row.get("name") and row.get("country"):
                rows.append(row)
    return rows


@lru_cache(maxsize=4)
def bundled_officeholders(path: str | None = None) -> tuple[dict, ...]:
    """The bundled office-holder dictionary (empty while it does not exist yet)."""
    target = Path(path) if path else DATA_DIR / "officeholders.tsv"
    if not target.exists():
        return ()
    return tuple(read_officeholders(target))


def parse_partial(value: str | None, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a date: the first day, or the last when ``end``."""
    if not value:
        return None
    match = _PARTIAL_DATE.match(str(value).strip())
    if not match:
        return None
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    if month is None:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    month_n = max(1, min(12, int(month)))
    if day is None:
        if not end:
            return dt.date(year, month_n, 1)
        following = dt.date(year + (month_n == 12), month_n % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    try:
        return dt.date(year, month_n, int(day))
    except ValueError:
        return None


def reference_date(value: str | dt.date | None) -> dt.date:
    """The date a role is looked up at: an ISO (or partial, or written) date; None or "today" is today."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or str(value).strip().lower() in ("", "today", "now"):
        return dt.date.today()
    parsed = parse_partial(value)
    if parsed and re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", str(value).strip()):
        return parsed
    try:
        from dateutil import parser as date_parser

        return date_parser.parse(str(value), default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return parsed or dt.date.today()


def inflect_plural(word: str, demonym: bool = False) -> str | None:
    """The English plural of an agent noun or demonym by the regular rules (None: no distinct plural).

    Demonyms in -ese/-ish/-ch/-ss/-sh/-i... keep their form ("the Chinese", "the French");
    nouns take -es, -ies, -men or -s ("churches", "militias", "policemen").
    """
    lower = word.lower()
    last = lower.split()[-1] if lower.split() else lower
    if not last[-1:].isalpha() or last.endswith(("men", "people", "police", "staff")):
        return None
    if demonym:
        if last.endswith(("ese", "ish", "ch", "ss", "sh", "s", "x", "z")):
            return None
        if last.endswith("man"):
            return word[:-3] + "men"
        return word + "s"
    if last.endswith(("s", "x", "ch", "sh")):
        return None if last.endswith(("ss", "ics")) is False and last.endswith("s") else word + "es"
    if last.endswith("man"):
        return word[:-3] + "men"
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"
