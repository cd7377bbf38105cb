"""``tidings explain "sentence"``: code one sentence and show the reasoning."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    app.command(name="explain", short_help="Code one sentence and show why each event was (or was not) coded.",
                help="Code one sentence and show the parse, the actors found, the lexicon entries that fired, "
                     "and why each event was or was not coded (negation, modality, claims).\n\n"
                     "Examples:\n\n  tidings explain \"Israeli President Isaac Herzog met Azerbaijani President "
                     "Ilham Aliyev in Baku.\"\n\n  tidings explain \"Iran did not attack Israel.\" --date 2024-04-01")(explain_command)


def explain_command(
    sentence: Annotated[str, typer.Argument(help="The sentence to code.")],
    date: Annotated[Optional[str], typer.Option(help="Date the sentence is read at (YYYY-MM-DD): roles depend on it.")] = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline.")] = None,
) -> None:
    from .explain import explain

    explain(sentence, date, Console(), model=model)
