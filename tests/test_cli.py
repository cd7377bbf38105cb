"""The command line end to end on real inputs: the seed article and the bundled samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "tidings" / "data" / "samples"


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_has_help_with_examples():
    for command in ("ingest", "articles", "show", "eval", "ray-ingest", "load"):
        assert "Example" in invoke(command, "--help")


def test_ingest_seed_then_show(seed_path, db_path):
    out = invoke("ingest", str(seed_path), "--db", db_path, "--workers", "1", "--quiet")
    assert "1 ingested" in out
    again = invoke("ingest", str(seed_path), "--db", db_path, "--workers", "1", "--quiet")
    assert "0 ingested" in again and "1 unchanged" in again
    listing = json.loads(invoke("articles", "--db", db_path, "--format", "json"))
    assert len(listing) == 1
    shown = json.loads(invoke("show", listing[0]["id"][:8], "--db", db_path, "--format", "json"))
    assert shown["text"].startswith("Israeli President Isaac Herzog met Tuesday")
    assert shown["removed"], "the paywall and sign-up furniture is kept for auditing"
    text_view = invoke("show", listing[0]["id"], "--db", db_path)
    assert "removed from the page" in text_view


def test_ingest_samples_reports_and_stores(db_path):
    if not SAMPLES.exists():
        pytest.skip("samples not built yet")
    out = invoke("ingest", str(SAMPLES), "--db", db_path, "--workers", "1", "--quiet")
    assert "ingested" in out
    assert len(json.loads(invoke("articles", "--db", db_path, "--format", "json"))) >= 8


def test_nothing_readable_exits_non_zero(tmp_path, db_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(app, ["ingest", str(binary), "--db", db_path, "--quiet"])
    assert result.exit_code == 1
    assert "failed" in result.output


def test_unknown_article_is_a_usage_error(db_path, seed_path):
    invoke("ingest", str(seed_path), "--db", db_path, "--workers", "1", "--quiet")
    result = runner.invoke(app, ["show", "nope", "--db", db_path])
    assert result.exit_code == 2


def test_mixed_folder_reports_each_failure_and_reingest_changes_nothing(db_path):
    mixed = Path(__file__).parent / "fixtures" / "ingest" / "mixed"
    out = invoke("ingest", str(mixed), "--db", db_path, "--workers", "1", "--quiet")
    assert "7 ingested" in out and "7 failed" in out
    for reason in ("empty", "binary file", "undecodable", "malformed WARC", "malformed JSONL line 2", "broken or empty HTML"):
        assert reason in " ".join(out.split()), reason
    stored = json.loads(invoke("articles", "--db", db_path, "--format", "json", "--limit", "100"))
    again = invoke("ingest", str(mixed), "--db", db_path, "--workers", "1", "--quiet")
    assert "0 ingested" in again and "7 unchanged" in again
    assert json.loads(invoke("articles", "--db", db_path, "--format", "json", "--limit", "100")) == stored
