"""Exports: POLECAT and GDELT/CAMEO column sets, tidings' own formats, partitioned Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webstore import build_store  # noqa: E402

from tidings import query  # noqa: E402
from tidings.export import (GDELT_COLUMNS, POLECAT_COLUMNS, ExportError, export, export_frame,  # noqa: E402
                            read_polecat)
from tidings.query import EventFilter  # noqa: E402

POLECAT_DOCUMENTED = ["Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
                      "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
                      "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
                      "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
                      "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
                      "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
                      "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
                      "Version"]
GDELT_2_EVENTS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
                  + [f"Actor{n}{c}" for n in (1, 2) for c in
                     ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                      "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]
                  + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                     "NumMentions", "NumSources", "NumArticles", "AvgTone"]
                  + [f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in
                     ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
                  + ["DATEADDED", "SOURCEURL"])


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    build_store(path)
    con = query.open_store(path)
    yield con
    con.close()


def test_polecat_reloads_with_columns_and_types(con, tmp_path):
    out = tmp_path / "polecat.tsv"
    result = export(con, "polecat", out, EventFilter.build(dyad="ISR,AZE"))
    assert result.rows == 4 and result.file_type == "tsv"
    df = read_polecat(out)
    assert list(df.columns[:len(POLECAT_DOCUMENTED)]) == POLECAT_DOCUMENTED
    assert list(df.columns) == list(POLECAT_COLUMNS)
    assert pd.api.types.is_datetime64_any_dtype(df["Event Date"])
    assert pd.api.types.is_datetime64_any_dtype(df["Publication Date"])
    for column in ("Intensity", "Latitude", "Longitude"):
        assert pd.api.types.is_float_dtype(df[column]), column
    assert str(df["GeoNames ID"].dtype) == "Int64"
    visit = df[df["Event Mode"] == "visit"].set_index("Event Date").sort_index().iloc[-1]
    assert visit["Event Type"] == "CONSULT" and visit["Quad Code"] == "VERBAL COOPERATION"
    assert visit["Actor Name"] == "Isaac Herzog" and visit["Actor Country"] == "ISR"
    assert visit["Recipient Country"] == "AZE" and visit["Placename"] == "Baku" and visit["Country"] == "AZE"
    assert visit["Actor Title"] == "President" and visit["Wikipedia Actor ID"] == "Q1136290"
    assert visit["Story People"] == "Ilham Aliyev;Isaac Herzog"
    assert visit["Source"].startswith("https://news.example.org/")


def test_polecat_parquet_keeps_types(con, tmp_path):
    export(con, "polecat", tmp_path / "p.parquet")
    df = pd.read_parquet(tmp_path / "p.parquet")
    assert len(df) == 12 and df["Intensity"].dtype == "float64"
    assert pd.api.types.is_datetime64_any_dtype(df["Event Date"]) or df["Event Date"].dtype == object


def test_cameo_export_has_gdelt_columns(con, tmp_path):
    out = tmp_path / "events.csv"
    export(con, "cameo", out, EventFilter.build(types="ASSAULT"))
    df = pd.read_csv(out, dtype={"EventCode": str, "EventRootCode": str, "EventBaseCode": str})
    assert list(df.columns) == GDELT_2_EVENTS == list(GDELT_COLUMNS)
    row = df.iloc[0]
    assert row["SQLDATE"] == 20230304 and row["MonthYear"] == 202303 and row["Year"] == 2023
    assert row["Actor1CountryCode"] == "RUS" and row["Actor2Code"] == "UKRGOV"
    assert row["EventCode"] == "195" and row["EventRootCode"] == "19" and row["QuadClass"] == 4
    assert row["GoldsteinScale"] == -10.0 and row["SOURCEURL"].startswith("https://")
    kyiv = pd.read_csv(_export(con, tmp_path, "cameo", "g.tsv", text="sabotage"), sep="\t")
    assert kyiv.iloc[0]["ActionGeo_CountryCode"] == "UP"  # FIPS, as GDELT writes it
    assert kyiv.iloc[0]["ActionGeo_FeatureID"] == 703448


def _export(con, tmp_path, fmt, name, **filters):
    out = tmp_path / name
    export(con, fmt, out, EventFilter.build(**filters))
    return out


def test_native_formats(con, tmp_path):
    lines = _export(con, tmp_path, "jsonl", "e.jsonl", actor="RUS").read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 4 and all(isinstance(r["source"], list) for r in rows)
    csv = pd.read_csv(_export(con, tmp_path, "csv", "e.csv"))
    assert len(csv) == 12 and {"sentence", "url", "plover_type", "article_id"} <= set(csv.columns)
    parquet = pd.read_parquet(_export(con, tmp_path, "parquet", "e.parquet", since="2023-03"))
    assert len(parquet) == 9


def test_partitioned_parquet(con, tmp_path):
    result = export(con, "parquet", tmp_path / "parts", partition=True)
    assert result.partitioned and result.rows == 12
    assert (tmp_path / "parts" / "year=2023" / "month=5").is_dir()
    assert (tmp_path / "parts" / "year=1991" / "month=1").is_dir()
    back = pd.read_parquet(tmp_path / "parts")
    assert len(back) == 12
    with pytest.raises(ExportError):
        export(con, "csv", tmp_path / "x.csv", partition=True)


def test_bad_format(con, tmp_path):
    with pytest.raises(ExportError):
        export(con, "xml", tmp_path / "x.xml")
    assert len(export_frame(con, "polecat", EventFilter.build(actor="IRN"))) == 3
