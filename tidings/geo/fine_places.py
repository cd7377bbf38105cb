"""Places finer than GeoNames' towns: US counties and small towns, and airports.

Local news names counties ("the Plymouth County Sheriff's Office"), villages of a
few hundred people and airports ("London's Heathrow"); GeoNames' city lists stop at
500 people and carry neither. Two PyPI data packages fill the gap offline:

- ``zipcodes``: every US ZIP code with its town, county, state and a point. A county
  is placed at the mean of its ZIP points, a town missing from GeoNames at the mean
  of its own; neither has a population, so both yield to any known place of the
  same name unless the article's context points at them.
- ``airportsdata``: every airport with an IATA code, its name, city and point. An
  airport is indexed under its full name, its name without the city ("Heathrow
  Airport") and its bare distinctive word(s) ("Heathrow"), the last as an
  alternate name so that a town of that name still wins without context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from statistics import fmean

AIRPORT_WORDS = re.compile(r"\s+(?:international\s+|regional\s+|municipal\s+|intercontinental\s+)?"
                           r"(?:airport|airfield|air\s+base|aerodrome)$")
_INTERNATIONAL = re.compile(r"\s+(?:international|regional|municipal)$")
MIN_CORE_LENGTH = 4  # bare airport words shorter than this ("Ely") are too easily other things


def us_counties_and_towns(add: Callable, new_candidate: Callable, known_town: Callable[[str, str], bool],
                          state_names: dict[str, str]) -> int:
    """Index US counties and the ZIP towns GeoNames lacks; returns how many places were added.

    ``add(name, candidate, primary)`` indexes a name, ``new_candidate(...)`` makes a
    Candidate, ``known_town(folded_name, state_name)`` says whether the gazetteer
    already has that town in that state.
    """
    import zipcodes

    counties: dict[tuple[str, str], list[tuple[float, float]]] = {}
    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for record in zipcodes.list_all():
        state = state_names.get(record.get("state") or "")
        try:
            point = (float(record["lat"]), float(record["long"]))
        except (KeyError, TypeError, ValueError):
            continue
        if not state:
            continue
        if record.get("county"):
            counties.setdefault((record["county"], state), []).append(point)
        if record.get("city") and record.get("zip_code_type") != "MILITARY":
            towns.setdefault((record["city"], state), []).append(point)
    added = 0
    for (county, state), points in counties.items():
        candidate = new_candidate(county, _mean(points), state, "ADM2", "zipcodes")
        add(county, candidate, True)
        short = re.sub(r"\s+County$", " Co", county)
        if short != county:
            add(short, candidate, False)
        added += 1
    for (town, state), points in towns.items():
        if known_town(town, state):
            continue
        add(town, new_candidate(town, _mean(points), state, "PPL", "zipcodes"), True)
        added += 1
    return added


def airports(add: Callable, new_candidate: Callable, fold: Callable[[str], str],
             taken: Callable[[str], bool]) -> int:
    """Index every airport with an IATA code under its names; returns how many.

    A bare word that already names a country, state or city ("Arkansas" of "Arkansas
    International Airport") is not given to the airport: ``taken(key)`` says so.
    """
    import airportsdata

    added = 0
    for record in airportsdata.load("IATA").values():
        name, city = record.get("name") or "", record.get("city") or ""
        if not name or record.get("lat") is None:
            continue
        candidate = new_candidate(name, (float(record["lat"]), float(record["lon"])), record.get("country"))
        for key, primary in airport_keys(name, city, fold):
            if primary or not taken(key):
                add(key, candidate, primary)
        added += 1
    return added


def airport_keys(name: str, city: str, fold: Callable[[str], str]) -> list[tuple[str, bool]]:
    """The folded names an airport goes by: "London Heathrow Airport" → "london heathrow
    airport", "heathrow airport", "london heathrow" and, as an alternate, "heathrow"."""
    full = fold(name)
    keys = {full: True}
    without_city = full
    for prefix in {fold(city), fold(city).split(" ")[0] if city else ""}:
        if prefix and full.startswith(prefix + " "):
            without_city = full[len(prefix) + 1:]
            keys[without_city] = True
    core = AIRPORT_WORDS.sub("", without_city)
    if core != without_city:
        keys.setdefault(AIRPORT_WORDS.sub("", full), False)
        bare = _INTERNATIONAL.sub("", core)
        if bare and len(bare) >= MIN_CORE_LENGTH and bare != fold(city):
            keys.setdefault(bare, False)
            keys.setdefault(bare + " airport", True)
            keys.setdefault(bare + " international airport", True)
    return [(key, primary) for key, primary in keys.items() if key]


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return round(fmean(p[0] for p in points), 5), round(fmean(p[1] for p in points), 5)
