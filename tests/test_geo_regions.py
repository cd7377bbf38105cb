"""Regions, water bodies, islands, mountains and disputed areas from tidings/data/geo.

The points below are reference positions from general knowledge, not the data file's
own rows, so a row placed far from the real place fails here.
"""

from __future__ import annotations

import csv
import importlib.resources

import pytest

from tidings.geo import resolve_toponym
from tidings.geo.gazetteer import AREA_FEATURES, COUNTRY_FEATURES, fold, gazetteer
from tidings.geo.resolve import distance_km

NEAR_KM = 300.0
DATA = importlib.resources.files("tidings.data") / "geo"
KNOWN_FEATURES = {"RGN", "CONT", "OCN", "SEA", "GULF", "LK", "STRT", "CNL", "STM", "ISL", "MTS", "MT", "DSRT", "PEN"}
# Region names that knowingly outrank a same-named small subdivision (Gulf Province, PNG;
# Sahel Region, Burkina Faso; Red Sea State, Sudan; Long Island district, Bahamas).
SHADOWS_ALLOWED = {"gulf", "sahel", "red sea", "long island"}


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def _assert_near(name: str, lat: float, lon: float, context=None) -> None:
    place = resolve_toponym(name, context)
    assert place is not None, name
    error = distance_km(lat, lon, place.lat, place.lon)
    assert error <= NEAR_KM, f"{name} -> {place.name} ({place.country}, {place.feature}) {error:.0f} km off"


@pytest.mark.parametrize("name, lat, lon", [
    ("Baltic Sea", 58.0, 20.0),
    ("North Sea", 56.0, 3.0),
    ("Sea of Azov", 46.0, 36.5),
    ("Gulf of Aden", 12.5, 48.0),
    ("Strait of Hormuz", 26.6, 56.3),
    ("Hormuz Strait", 26.6, 56.3),
    ("Bab el-Mandeb", 12.6, 43.3),
    ("Taiwan Strait", 24.0, 119.5),
    ("Bosporus", 41.1, 29.0),
    ("Suez Canal", 30.5, 32.3),
    ("Lake Victoria", -1.0, 33.0),
    ("Dead Sea", 31.5, 35.5),
    ("Euphrates", 35.0, 40.0),
    ("Mekong", 15.0, 105.0),
    ("Gaza Strip", 31.4, 34.4),
    ("Gaza", 31.5, 34.45),
    ("West Bank", 31.95, 35.25),
    ("Nagorno-Karabakh", 39.8, 46.75),
    ("Karabakh", 39.8, 46.75),
    ("South Ossetia", 42.3, 44.0),
    ("Transnistria", 47.2, 29.4),
    ("Sumatra", 0.0, 102.0),
    ("Borneo", 0.5, 114.0),
    ("Mindanao", 7.5, 125.0),
    ("Crete", 35.2, 24.9),
    ("Sicily", 37.5, 14.0),
    ("Svalbard", 78.5, 17.0),
    ("Spratly Islands", 10.0, 114.3),
    ("Senkaku Islands", 25.75, 123.5),
    ("Kuril Islands", 46.5, 151.5),
    ("Himalayas", 28.5, 84.0),
    ("Sahara", 23.0, 12.0),
    ("Korean Peninsula", 38.0, 127.5),
    ("Arabian Peninsula", 23.0, 46.0),
    ("Levant", 33.5, 36.0),
    ("Maghreb", 32.0, 3.0),
    ("Baltic states", 57.0, 24.5),
    ("Northern Europe", 60.0, 15.0),
    ("Western Balkans", 43.0, 20.0),
    ("Baltic", 57.0, 22.0),
])
def test_regions_resolve_near_where_they_are(name: str, lat: float, lon: float) -> None:
    _assert_near(name, lat, lon)


@pytest.mark.skipif(not {"STM", "ISL", "MTS", "PEN"} <= AREA_FEATURES,
                    reason="needs STM/ISL/MTS/PEN in AREA_FEATURES and FEATURE_PRIOR (see geo regions report)")
@pytest.mark.parametrize("name, lat, lon", [
    ("Danube", 45.0, 20.0),   # a hamlet in Minnesota
    ("Thames", 51.5, -0.1),   # a town in New Zealand
    ("Vistula", 52.0, 21.0),  # an alternate name of Toledo, Ohio
    ("Bali", -8.4, 115.2),    # towns in India and Cameroon
    ("Luzon", 16.0, 121.0),   # a village in Mindanao
    ("Andes", -18.0, -68.0),  # a town in Colombia
    ("Iberia", 40.0, -4.0),   # a town in Peru
])
def test_natural_features_beat_same_named_towns(name: str, lat: float, lon: float) -> None:
    _assert_near(name, lat, lon)


@pytest.mark.parametrize("name, country, feature", [
    ("Georgia", "GEO", "PCLI"),
    ("Jordan", "JOR", "PCLI"),
    ("Niger", "NER", "PCLI"),
    ("Congo", "COG", "PCLI"),
    ("Chad", "TCD", "PCLI"),
    ("Guinea", "GIN", "PCLI"),
    ("Papua New Guinea", "PNG", "PCLI"),
    ("Palestine", "PSE", "PCLI"),
    ("Mississippi", "USA", "ADM1"),
    ("Colorado", "USA", "ADM1"),
    ("Tibet", "CHN", "ADM1"),
    ("Hokkaido", "JPN", "ADM1"),
])
def test_countries_and_states_still_win(name: str, country: str, feature: str) -> None:
    place = resolve_toponym(name)
    assert place is not None and (place.country, place.feature) == (country, feature), place


def test_washington_is_still_american() -> None:
    place = resolve_toponym("Washington")
    assert place is not None and place.country == "USA"


def test_state_in_context_still_wins() -> None:
    place = resolve_toponym("Georgia", ["Atlanta", "Savannah"])
    assert place is not None and (place.country, place.feature) == ("USA", "ADM1")


def test_islands_that_are_subdivisions_keep_their_country() -> None:
    for name, country in (("Sumatra", "IDN"), ("Crete", "GRC"), ("Gaza Strip", "PSE"), ("Transnistria", "MDA")):
        place = resolve_toponym(name)
        assert place is not None and place.country == country, (name, place)


def test_region_rows_are_well_formed() -> None:
    names = set()
    for row in _rows("regions.tsv"):
        assert len(row) in (4, 5), row
        name, lat, lon, feature, *country = row
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, row
        assert feature in KNOWN_FEATURES, row
        assert not country or country[0] in gazetteer().countries, row
        assert fold(name) not in names, f"duplicate {name}"
        names.add(fold(name))


def test_aliases_point_at_known_targets() -> None:
    gaz = gazetteer()
    regions = {row[0] for row in _rows("regions.tsv")}
    for name, kind, code in _rows("aliases.tsv"):
        known = {"country": gaz.countries, "admin1": gaz.subdivisions, "capital": gaz.countries,
                 "region": regions, "continent": {"AF", "AS", "EU", "NA", "SA", "OC", "AN"}}[kind]
        assert code in known, (name, kind, code)


def test_regions_do_not_shadow_countries_or_states() -> None:
    """A region row must not take a name that is a country's or a state's own name."""
    gaz = gazetteer()
    for row in _rows("regions.tsv"):
        key = fold(row[0])
        if key in SHADOWS_ALLOWED:
            continue
        clashes = [e.candidate.name for e in gaz.lookup(row[0]) if e.primary and e.candidate.source != "tidings:regions"
                   and (e.candidate.feature in COUNTRY_FEATURES or e.candidate.feature == "ADM1")]
        assert not clashes, (row[0], clashes)
