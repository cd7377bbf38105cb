"""Settings precedence and the model option."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.errors import ConfigError
from tidings.nlp import load_model
from tidings.settings import load_settings


def test_precedence_defaults_file_env_overrides(tmp_path, monkeypatch):
    config = tmp_path / "tidings.toml"
    config.write_text('[tidings]\ndb = "from-file.duckdb"\nbatch_size = 8\nworkers = 3\n')
    monkeypatch.setenv("TIDINGS_WORKERS", "2")
    settings = load_settings(config, batch_size=16)
    assert (settings.db, settings.workers, settings.batch_size) == ("from-file.duckdb", 2, 16)


def test_unknown_setting_is_an_error(tmp_path):
    config = tmp_path / "tidings.toml"
    config.write_text('[tidings]\ncolour = "blue"\n')
    with pytest.raises(ConfigError, match="colour"):
        load_settings(config)


def test_a_pipeline_that_is_not_installed_gets_a_clear_error(seed_path, db_path):
    with pytest.raises(ConfigError, match="not installed"):
        load_model("en_core_web_trf_missing")
    result = CliRunner().invoke(app, ["ingest", str(seed_path), "--db", db_path, "--model", "en_core_web_trf_missing",
                                      "--workers", "1", "--quiet"])
    assert result.exit_code != 0
