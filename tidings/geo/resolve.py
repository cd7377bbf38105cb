"""Toponym resolution: pick, among the places a name may mean, the one the article means.

A candidate's score adds up what a reader would weigh: the kind of place (a bare
"Georgia" is more often a country than a town), its size, whether the name is its
main name, how much the article is about the candidate's country (and, for counties
and villages, its state), whether a state or country is written after it ("Paris,
Texas"), and whether it lies near the other places the article names or could name.
Resolution runs in two passes over an article: the first collects the countries the
article is about, the second decides every name with that distribution and the
places the first pass settled (one sense per name per article). docs/places.md
explains each rule with examples.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Place
from .gazetteer import AREA_FEATURES, COUNTRY_FEATURES, Candidate, Entry, Gazetteer, fold, gazetteer

FEATURE_PRIOR = {"PCLI": 5.0, "CONT": 5.0, "RGN": 4.0, "OCN": 4.0, "SEA": 4.0, "GULF": 3.5, "LK": 3.5,
                 "STRT": 3.5, "CNL": 3.5, "STM": 3.0, "ISL": 3.5, "MTS": 3.5, "MT": 3.0, "DSRT": 3.5, "PEN": 3.5,
                 "PPLC": 2.0, "ADM1": -0.5, "ADM2": 0.5, "PPL": 0.0}
# Per decade of population (towns, cities and ADM1s, whose population is that of their
# cities): with ADM1's prior of -0.5 a state outweighs a same-named city of its own only
# when it holds about five times the people ("California", not "New York").
POPULATION_WEIGHT = 0.75
PRIMARY_NAME_BONUS = 1.0
# A place reached only through an alternate name ("Mexico" for Mexico City) yields to a
# country or region whose own name it is.
BORROWED_NAME_PENALTY = 3.0
CONTEXT_WEIGHT = 6.0  # times the share of the article's country distribution
# Counties and towns without a population are told apart by the state the article is in:
ADMIN1_CONTEXT_WEIGHT = 3.0  # times the share of the article's placed names in the candidate's state
NEAR_KM, NEAR_BONUS = 150.0, 2.0
REGION_KM, REGION_BONUS = 500.0, 1.0
ADMIN_RADIUS_SCALE = 3.0  # a state "is near" the places inside it
CONTAINER_BONUS = 6.0
# Names that may all lie within a few kilometres of each other most likely do
# ("Edmonton" and "Enfield" in London, not in Alberta and Connecticut):
COHESION_KM, COHESION_BONUS, COHESION_MAX = 50.0, 1.5, 2
COHESION_CANDIDATES = 40  # per name, the most populous, to keep the comparison small
COHESION_CHUNK = 256  # candidate points compared at once
VOTING_TOWN_POPULATION = 5000
NAMESAKE_PENALTY = 4.0  # a town named after a country or an ocean needs its container to win ("Mexico, Missouri")
MIN_FALLBACK_POPULATION = 1000  # a name found only inside a longer one must be a town of some size

_GENERIC_SUFFIX = re.compile(
    r"\s+(county|province|state|region|district|city|municipality|prefecture|governorate|oblast|"
    r"international airport|airport|township|parish|territory)$"
)
_GENERIC_PREFIX = re.compile(r"^(city of|state of|province of|county of|republic of|greater|downtown|central)\s+")
_DIRECTION = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|"
                        r"north east|north west|south east|south west|northeast|northwest|southeast|southwest|"
                        r"northeastern|northwestern|southeastern|southwestern|mid)\s+")


@dataclass(slots=True)
class GeoContext:
    """What the article says about where it is: country weights and already placed points."""

    countries: Counter = field(default_factory=Counter)  # ISO alpha-3 → weight
    anchors: list[tuple[str, float, float]] = field(default_factory=list)  # (folded name, lat, lon)
    admin1s: Counter = field(default_factory=Counter)  # states and provinces the placed names lie in
    neighbours: dict[tuple[str, float, float], int] = field(default_factory=dict)  # (name, point) → names near

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(country, 0) / total if total and country else 0.0

    def admin1_share(self, admin1: str | None) -> float:
        total = sum(self.admin1s.values())
        return self.admin1s.get(admin1, 0) / total if total and admin1 else 0.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def candidates(text: str, gaz: Gazetteer | None = None) -> tuple[list[Entry], str]:
    """The entries a toponym may mean, and how they were found (rule suffix).

    Demonyms ("Turkish") mean their country; a name not in the gazetteer is retried
    without generic words ("Kabul International Airport" → "Kabul").
    """
    gaz = gaz or gazetteer()
    key = fold(text)
    entries = list(gaz.names.get(key, ()))
    if key in gaz.demonyms and gaz.demonyms[key] in gaz.countries:
        entries.insert(0, Entry(gaz.countries[gaz.demonyms[key]], True))
        return entries, "demonym"
    if entries:
        if len(key) <= 2 and not text.isupper() and "." not in text:
            return [], "none"
        return entries, "name"
    for pattern, how in ((_GENERIC_SUFFIX, "generic"), (_GENERIC_PREFIX, "generic"), (_DIRECTION, "direction")):
        stripped = pattern.sub("", key)
        if stripped != key and (found := _sizeable(gaz.names.get(stripped, ()))):
            return found, how
        if stripped != key and stripped in gaz.demonyms and gaz.demonyms[stripped] in gaz.countries:
            return [Entry(gaz.countries[gaz.demonyms[stripped]], True)], how
    words = key.split()
    for size in range(len(words) - 1, 0, -1):
        part = " ".join(words[:size])
        if len(part) > 3 and not _DIRECTION.match(part + " x"):
            if found := _sizeable(e for e in gaz.names.get(part, ()) if e.primary):
                return found, "part"
    return [], "none"


def _sizeable(entries: Iterable[Entry]) -> list[Entry]:
    """Entries worth reaching through part of a name: areas, admin units, towns of some size."""
    return [e for e in entries if e.candidate.population >= MIN_FALLBACK_POPULATION
            or e.candidate.feature in AREA_FEATURES or e.candidate.feature == "ADM1"]


def is_region(candidate: Candidate) -> bool:
    """A country or a state/province: what may contain a place written before it ("Paris, Texas")."""
    return candidate.feature in COUNTRY_FEATURES or candidate.feature == "ADM1"


def score(entry: Entry, context: GeoContext, key: str = "") -> float:
    """How likely the article means this candidate (higher is likelier)."""
    candidate = entry.candidate
    total = FEATURE_PRIOR.get(candidate.feature, 0.0)
    if candidate.population and candidate.feature not in COUNTRY_FEATURES:
        total += POPULATION_WEIGHT * math.log10(candidate.population + 1)
    if entry.primary:
        total += PRIMARY_NAME_BONUS
    total += CONTEXT_WEIGHT * context.share(candidate.country)
    if candidate.feature == "ADM2" or not candidate.population:  # counties and unranked towns
        total += ADMIN1_CONTEXT_WEIGHT * context.admin1_share(candidate.admin1)
    total += COHESION_BONUS * min(context.neighbours.get((key, candidate.lat, candidate.lon), 0), COHESION_MAX)
    if candidate.feature not in AREA_FEATURES and context.anchors:
        nearest = min((distance_km(candidate.lat, candidate.lon, lat, lon)
                       for name, lat, lon in context.anchors if name != key), default=None)
        scale = ADMIN_RADIUS_SCALE if candidate.feature == "ADM1" else 1.0
        if nearest is not None and nearest <= NEAR_KM * scale:
            total += NEAR_BONUS
        elif nearest is not None and nearest <= REGION_KM * scale:
            total += REGION_BONUS
    return total


def best(entries: list[Entry], context: GeoContext, key: str = "", container: Candidate | None = None
         ) -> tuple[Candidate | None, float]:
    """The best-scoring candidate and a confidence from its margin over the runner-up."""
    if not entries:
        return None, 0.0
    scored = []
    own_name = any(entry.primary and entry.candidate.feature in AREA_FEATURES for entry in entries)
    named_countries = {e.candidate.country for e in entries if e.candidate.feature in COUNTRY_FEATURES}
    for entry in entries:
        value = score(entry, context, key)
        if own_name and not entry.primary:
            value -= BORROWED_NAME_PENALTY
        if own_name and entry.candidate.feature.startswith("PPL"):
            value -= NAMESAKE_PENALTY  # "Russia", "Pacific": not Russia, Ohio, or Pacific, Missouri, unless written so
        if entry.candidate.country in named_countries and entry.candidate.feature not in COUNTRY_FEATURES:
            value -= BORROWED_NAME_PENALTY  # "Mexico": the country, not its state or capital
        if container is not None and _inside(entry.candidate, container):
            value += CONTAINER_BONUS
        scored.append((value, entry.candidate))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].population, pair[1].name, pair[1].lat, pair[1].lon))
    if len(scored) == 1:
        return scored[0][1], 0.95
    margin = scored[0][0] - scored[1][0]
    return scored[0][1], round(min(0.95, 0.5 + margin / 8), 3)


def _inside(candidate: Candidate, container: Candidate) -> bool:
    """Whether a place lies in a larger one ("Paris" in "Texas"); places of the same
    rank never contain each other ("Indiana, Ohio, Wisconsin" is a list)."""
    if candidate is container or candidate.country is None or candidate.country != container.country:
        return False
    if container.feature in COUNTRY_FEATURES:
        return candidate.feature not in COUNTRY_FEATURES
    if container.feature != "ADM1" or candidate.feature in AREA_FEATURES or candidate.feature == "ADM1":
        return False
    if candidate.admin1 is not None and container.admin1 is not None:
        return candidate.admin1 == container.admin1
    return distance_km(candidate.lat, candidate.lon, container.lat, container.lon) < 600


def country_votes(names: Iterable[str], gaz: Gazetteer | None = None,
                  readings: dict[str, tuple[list[Entry], str]] | None = None) -> Counter:
    """First pass: the countries the names point at without context. Countries, demonyms
    and names whose candidates all lie in one country vote; ambiguous names do not.
    ``readings`` holds ``candidates`` already looked up, by name."""
    gaz = gaz or gazetteer()
    votes: Counter = Counter()
    for name in names:
        entries, _ = readings[name] if readings and name in readings else candidates(name, gaz)
        if not entries:
            continue
        top, _ = best(entries, GeoContext())
        if top is None or top.country is None:
            continue
        if top.feature not in COUNTRY_FEATURES and len({e.candidate.country for e in entries}) > 1:
            continue  # an ambiguous name must not vote for its own most popular reading
        if top.feature.startswith("PPL") and top.population < VOTING_TOWN_POPULATION:
            continue  # "Crescent": a few hamlets of one country are no evidence of it
        votes[top.country] += 1.0
    return votes


def resolve_names(names: list[str], countries: Counter | None = None, containers: dict[str, str] | None = None,
                  gaz: Gazetteer | None = None, towns: set[str] | None = None
                  ) -> dict[str, tuple[Candidate, float, str]]:
    """Resolve an article's distinct names together: name → (candidate, confidence, rule).

    ``countries`` adds context from elsewhere (actor mentions); ``containers`` maps a
    name to the name written right after it ("Paris" → "Texas" in "Paris, Texas");
    ``towns`` are names the text calls a town or city ("the city of Turkey").
    """
    gaz = gaz or gazetteer()
    distinct = list(dict.fromkeys([*names, *(containers or {}).values()]))
    found = {name: candidates(name, gaz) for name in distinct}
    context = GeoContext(country_votes(names, gaz, found) + (countries or Counter()))
    for name in set(distinct) - set(names):  # written only as a container: a state or a country
        entries, how = found[name]
        found[name] = (_regions(entries), how)
    for name in set(towns or ()) & set(found):
        entries, how = found[name]
        found[name] = ([e for e in entries if e.candidate.feature.startswith("PPL")] or entries, how)
    context.neighbours = cohesion({fold(name): entries for name, (entries, _) in found.items()})
    result: dict[str, tuple[Candidate, float, str]] = {}
    for _ in range(2):
        for name in distinct:
            entries, how = found[name]
            container = None
            if containers and containers.get(name) in found:
                container = best(_regions(found[containers[name]][0]), context, fold(containers[name]))[0]
                container = None if container is None or _same_rank(entries, container) else container
            top, confidence = best(entries, context, fold(name), container)
            if top is not None:
                result[name] = (top, confidence if how in ("name", "demonym") else confidence / 2, how)
        placed = [c for c, conf, _ in result.values() if conf >= 0.6]
        context.anchors = [(fold(n), c.lat, c.lon) for n, (c, conf, _) in result.items()
                           if c.feature not in AREA_FEATURES and conf >= 0.6]
        context.admin1s = Counter(c.admin1 for c in placed if c.admin1)
    return result


def cohesion(readings: dict[str, list[Entry]]) -> dict[tuple[str, float, float], int]:
    """For each candidate point of an open name, how many of the other names have a
    candidate within ``COHESION_KM`` of it (towns, counties, airports; countries and
    states are too big). A name with a well-known reading (a country, a state, a
    capital) is not open: that reading stands unless the context says otherwise."""
    import numpy as np

    points, owners, open_flags = [], [], []
    keys = list(readings)
    for number, entries in enumerate(readings.values()):
        open_name = not _well_known_reading(entries)
        local = sorted({e.candidate for e in entries if e.candidate.feature not in AREA_FEATURES
                        and e.candidate.feature != "ADM1"}, key=lambda c: (-c.population, c.lat, c.lon))
        for candidate in local[:COHESION_CANDIDATES]:
            points.append((candidate.lat, candidate.lon))
            owners.append(number)
            open_flags.append(open_name)
    if len(set(owners)) < 2 or not any(open_flags):
        return {}
    lat, lon = np.radians(np.array(points, dtype=np.float32)).T
    owner = np.array(owners)
    by_name = np.zeros((len(points), len(readings)), dtype=np.int32)
    by_name[np.arange(len(points)), owner] = 1
    found: dict[tuple[str, float, float], int] = {}
    rows = [i for i, keep in enumerate(open_flags) if keep]  # only open names are scored
    for start in range(0, len(rows), COHESION_CHUNK):  # bounded memory on long articles
        chunk = np.array(rows[start:start + COHESION_CHUNK])
        dy = lat[chunk, None] - lat[None, :]
        dx = (lon[chunk, None] - lon[None, :]) * np.cos((lat[chunk, None] + lat[None, :]) / 2)
        reached = ((np.hypot(dx, dy) * 6371.0 <= COHESION_KM).astype(np.int32) @ by_name) > 0
        reached[np.arange(len(chunk)), owner[chunk]] = False
        for i, n in zip(chunk, reached.sum(axis=1)):
            if n:
                found[(keys[owners[i]], *points[i])] = int(n)
    return found


def _well_known_reading(entries: list[Entry]) -> bool:
    return any(e.primary and (e.candidate.feature in AREA_FEATURES or e.candidate.feature in ("ADM1", "PPLC"))
               for e in entries)


def _regions(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if is_region(e.candidate)]


def _same_rank(entries: list[Entry], container: Candidate) -> bool:
    """Whether a name is itself what its container is: "Georgia, Oklahoma, ..." is a list of
    states, not Georgia in Oklahoma; "Mexico, Missouri" is a town in a state."""
    if container.feature in COUNTRY_FEATURES:
        return any(e.primary and e.candidate.feature in COUNTRY_FEATURES for e in entries)
    return any(e.primary and e.candidate.feature == container.feature and e.candidate.country == container.country
               for e in entries)


def fallback_place(context_result: dict[str, tuple[Candidate, float, str]]) -> Candidate | None:
    """For a name the gazetteer lacks: the article's most named non-country place, else its main country."""
    counts = Counter(c for c, _, _ in context_result.values() if c.feature not in AREA_FEATURES)
    if counts:
        return counts.most_common(1)[0][0]
    countries = Counter(c for c, _, _ in context_result.values() if c.feature in COUNTRY_FEATURES)
    return countries.most_common(1)[0][0] if countries else None


def to_place(start: int, end: int, text: str, candidate: Candidate, confidence: float, rule: str) -> Place:
    return Place(start=start, end=end, text=text, name=candidate.name, geonameid=candidate.geonameid,
                 lat=candidate.lat, lon=candidate.lon, country=candidate.country, admin1=candidate.admin1,
                 feature=candidate.feature, rule=f"geo:{rule}", confidence=confidence)


def resolve_toponym(text: str, context: GeoContext | Iterable[str] | None = None) -> Place | None:
    """Resolve one toponym as written; ``context`` is a GeoContext or other names in the article."""
    gaz = gazetteer()
    if context is not None and not isinstance(context, GeoContext):
        names = list(context)
        resolved = resolve_names([text, *names], gaz=gaz)
        if text not in resolved:
            return None
        candidate, confidence, how = resolved[text]
        return to_place(0, len(text), text, candidate, confidence, how)
    entries, how = candidates(text, gaz)
    top, confidence = best(entries, context or GeoContext(), fold(text))
    return to_place(0, len(text), text, top, confidence, how) if top else None
