"""User actor files, public dictionary importers, the store and the `tidings actors` CLI."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.actors import KnowledgeBase, RoleObservation, resolve
from tidings.actors.store import list_actors, load_observations, save_observations, show_actor

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "actors"


def _kb(*files: str) -> KnowledgeBase:
    kb = KnowledgeBase(officeholders=str(FIXTURES / "officeholders_small.tsv"))
    kb.add_files([FIXTURES / f for f in files])
    return kb


def test_petrarch_dictionary_dated_codes_and_aliases():
    kb = _kb("sample.actors.txt")
    assert (kb.role_at("Barack Obama", "2012-01-01").sector, kb.role_at("Barack Obama", "2019-01-01").sector) == ("GOV", "ELI")
    assert resolve("President Obama", "2010-05-05", kb=kb).country == "USA"
    assert resolve("Barack Hussein Obama", "2020-01-01", kb=kb).sector == "ELI"
    assert kb.role_at("Jane Example", "2016-01-01").country == "FRA"


def test_icews_rows():
    kb = _kb("icews_sample.tsv")
    assert (kb.role_at("Olaf Example", "2023-01-01").country, kb.role_at("Olaf Example", "2023-01-01").sector) == ("DEU", "GOV")
    assert kb.role_at("Olaf Example", "2025-06-01").sector == "ELI"
    assert kb.role_at("Maria Sample", "2020-01-01").sector == "LEG"
    assert resolve("O. Example", "2022-01-01", kb=kb).country == "DEU"


def test_wikidata_json_and_csv():
    kb = _kb("wikidata_sample.json", "wikidata_sample.csv")
    role = kb.role_at("Petra Testova", "2020-06-01")
    assert (role.country, role.sector, role.title, role.qid) == ("SVK", "GOV", "Prime Minister", "Q999001")
    assert kb.role_at("Petra Testova", "2022-06-01").sector == "ELI"
    assert kb.role_at("Jana Probna", "2023-01-01").title == "President"
    assert kb.role_at("Ivan Skuska", "2019-06-01").country == "SVK"


def test_user_yaml_and_csv():
    kb = _kb("user_actors.yaml", "user_actors.csv")
    assert resolve("Ada Fictional", "2021-01-01", kb=kb).sector == "GOV"
    assert resolve("Ada Fictional", "2024-01-01", kb=kb).sector == "ELI"
    fjord = resolve("Fjord Watch", kb=kb)
    assert (fjord.country, fjord.sector) == ("NOR", "SOC")
    assert resolve("Bo Madeup", "2023-01-01", kb=kb).country == "SWE"
    assert resolve("NSU", kb=kb).sector == "LAB"


def test_store_round_trip_and_reads(tmp_path):
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    obs = [RoleObservation("Zarina Kulmatova", "KAZ", "GOV", "Foreign Minister", "2024-03-04", "a1",
                           evidence="Kazakh Foreign Minister Zarina Kulmatova")]
    assert save_observations(con, obs) == 1
    assert save_observations(con, obs) == 0
    loaded = load_observations(con)
    assert loaded == obs
    rows = list_actors(con, _kb())
    assert rows[0]["person"] == "Zarina Kulmatova" and rows[0]["observations"] == 1
    shown = show_actor(con, "Kulmatova", _kb())
    assert shown["name"] == "Zarina Kulmatova" and shown["observations"][0]["evidence"].startswith("Kazakh")
    assert shown["now"]["country"] == "KAZ"


def test_show_keeps_dictionary_and_observation_visible(tmp_path):
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    save_observations(con, [RoleObservation("Eli Cohen", "ISR", "GOV", "Energy Minister", "2024-03-01", "a9")])
    shown = show_actor(con, "Eli Cohen", _kb())
    assert shown["roles"][0]["title"] == "Foreign Minister"
    assert shown["observations"][0]["title"] == "Energy Minister"
    assert shown["now"]["title"] == "Energy Minister"


def test_cli_list_and_show(tmp_path):
    from tidings.cli.actors import app

    db = str(tmp_path / "t.duckdb")
    con = duckdb.connect(db)
    save_observations(con, [RoleObservation("Zarina Kulmatova", "KAZ", "GOV", "Foreign Minister", "2024-03-04", "a1")])
    con.close()
    runner = CliRunner()
    listed = runner.invoke(app, ["list", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.output)[0]["person"] == "Zarina Kulmatova"
    shown = runner.invoke(app, ["show", "Kulmatova", "--db", db])
    assert shown.exit_code == 0 and "Zarina Kulmatova" in shown.output and "KAZ" in shown.output


def test_bad_file_is_a_config_error(tmp_path):
    from tidings.errors import ConfigError

    with pytest.raises(ConfigError):
        KnowledgeBase().add_files([tmp_path / "missing.yaml"])
