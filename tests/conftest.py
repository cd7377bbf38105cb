"""Shared fixtures: the spaCy pipeline (loaded once), the seed article and gold data paths."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_8042253118dc0e93.txt"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def nlp():
    from tidings.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("seed article ../shared/seed is absent")
    return SEED


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.exists():
        pytest.skip("gold data ../shared/gold is absent")
    return GOLD


@pytest.fixture()
def db_path(tmp_path) -> str:
    return str(tmp_path / "test.duckdb")
