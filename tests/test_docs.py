"""The docs keep up with the code: every command is in the README with an example in its --help,
and every table of the store is described in docs/schema.md."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from tidings.cli import app
from tidings.store.schema import migrate

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
SCHEMA_DOC = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_group(app)
    return sorted(group.commands)


def test_readme_starts_with_the_two_setup_commands():
    setup = README.split("## Set-up", 1)[1].split("##", 1)[0]
    assert "make demo" in setup and "make test" in setup
    assert "make test" in (REPO / ".ci" / "run").read_text()


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme_and_has_examples(command):
    assert re.search(rf"tidings {re.escape(command)}\b", README), f"README does not show `tidings {command}`"
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output, result.output


def test_every_table_is_documented():
    con = duckdb.connect()
    migrate(con)
    tables = [row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    for table in tables:
        if table != "schema_migrations":
            assert f"## {table}" in SCHEMA_DOC or f"`{table}`" in SCHEMA_DOC or f"{table}" in SCHEMA_DOC, table
    for column in [r[0] for r in con.execute("DESCRIBE events").fetchall()]:
        assert column in SCHEMA_DOC, f"events.{column} is not described in docs/schema.md"
