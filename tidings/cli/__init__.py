"""The ``tidings`` command line: thin typer commands over functions that return data.

Each command group lives in its own module with a ``register(app)`` function;
library errors (``TidingsError``) become one clean line on stderr and exit code 2.
"""

from __future__ import annotations

import sys

import typer

from ..errors import TidingsError
from . import articles, ingest

app = typer.Typer(
    name="tidings",
    help="News in, event data out: who did what to whom, when and where — with the evidence.\n\n"
         "Start with:  tidings ingest ARTICLES...   then   tidings articles / tidings show ID / tidings events",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

for module in (ingest, articles):
    module.register(app)


def _register_optional() -> None:
    """Command groups built by later stages register themselves when present."""
    import importlib

    for name in ("actors_cmd", "query", "explain_cmd", "eval_cmd", "batch_cmd"):
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:
            if err.name and err.name.endswith(name):
                continue
            raise
        module.register(app)


_register_optional()


def main() -> None:
    """Entry point: run the app, turning library errors into clean messages."""
    try:
        app()
    except TidingsError as err:
        typer.echo(f"error: {err}", err=True)
        sys.exit(2)
