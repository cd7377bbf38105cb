"""``tidings actors``: actors with their roles over time and the evidence (the sub-app lives in cli/actors.py)."""

from __future__ import annotations

import typer

from .actors import app as actors_app


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors", help="Actors with their roles over time and the evidence.\n\n"
                  "Examples:\n\n  tidings actors\n\n  tidings actors show Herzog --json")
