"""The query commands end to end: events, quotes, dyad (+ plot), partners, network, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webstore import build_store  # noqa: E402

from tidings.cli import app  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store.duckdb"
    build_store(path)
    return str(path)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_events_formats(db, tmp_path):
    rows = [json.loads(line) for line in run("events", "--db", db, "--dyad", "ISR,IRN", "--type", "ACCUSE",
                                             "--since", "2023-01", "--format", "jsonl").splitlines()]
    assert len(rows) == 1 and rows[0]["source_name"] == "Isaac Herzog" and rows[0]["target_country"] == "IRN"
    assert "4 of 4 events" in run("events", "--db", db, "--actor", "ISR", "--type", "CONSULT,AGREE,SUPPORT")
    out = tmp_path / "e.parquet"
    run("events", "--db", db, "--format", "parquet", "--out", str(out))
    assert len(pd.read_parquet(out)) == 12
    csv = run("events", "--db", db, "--format", "csv", "--country", "UKR")
    assert csv.splitlines()[0].startswith("id,article_id,date") and len(csv.splitlines()) == 2


def test_quotes_by_speaker(db):
    rows = [json.loads(line) for line in run("quotes", "--db", db, "--speaker", "Herzog", "--format", "jsonl")
            .splitlines()]
    assert [r["speaker_name"] for r in rows] == ["Isaac Herzog"]


def test_dyad_partners_network_with_plots(db, tmp_path):
    rows = [json.loads(line) for line in run("dyad", "ISR", "AZE", "--db", db, "--by", "month",
                                             "--format", "jsonl", "--plot", str(tmp_path / "d.png")).splitlines()
            if line.startswith("{")]
    assert {r["period"]: r["events"] for r in rows} == {"2023-04-01": 2, "2023-05-01": 1}
    assert (tmp_path / "d.png").stat().st_size > 1000
    assert "AZE" in run("partners", "ISR", "--db", db)
    run("network", "--db", db, "--plot", str(tmp_path / "n.svg"))
    assert (tmp_path / "n.svg").read_text().startswith("<?xml")


def test_export_and_errors(db, tmp_path):
    out = tmp_path / "gdelt.tsv"
    assert "wrote 12 events as cameo" in run("export", "--db", db, "--format", "cameo", "--out", str(out))
    assert pd.read_csv(out, sep="\t").columns[-1] == "SOURCEURL"
    run("export", "--db", db, "--format", "polecat", "--out", str(tmp_path / "parts.parquet"), "--partition")
    assert len(pd.read_parquet(tmp_path / "parts.parquet")) == 12
    bad = runner.invoke(app, ["events", "--db", db, "--type", "BOGUS"])
    assert bad.exit_code != 0


def test_events_near_a_place_or_point(db, tmp_path):
    near_baku = run("events", "--db", db, "--format", "csv", "--near", "Baku", "--within", "50")
    assert len(near_baku.splitlines()) == 3  # header + the two meetings placed in Baku
    assert len(run("events", "--db", db, "--format", "csv", "--near", "50.45,30.52").splitlines()) == 2
    out = tmp_path / "near.parquet"
    run("export", "--db", db, "--format", "parquet", "--out", str(out), "--near", "Baku")
    assert len(pd.read_parquet(out)) == 2
    for args in (["--near", "Xqzzyville"], ["--near", "Baku", "--within", "0"], ["--near", "95,10"]):
        bad = runner.invoke(app, ["events", "--db", db, *args])
        assert bad.exit_code != 0
