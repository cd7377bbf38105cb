"""``tidings eval NAME --gold PATH [--json]``: score a stage against a gold file.

Each scorer lives in ``tidings.eval.<name>`` with ``evaluate(path) -> dict`` and
``render(result, console)``; this module only wires them to the terminal.
"""

import importlib
import json
from typing import Annotated, Optional

import typer
from rich.console import Console

GOLD_DEFAULTS = {
    "extract": "../shared/gold/extract/scrapinghub_aeb",
    "actors": "../shared/gold/actors/dev.jsonl",
    "events": "../shared/gold/events/dev.jsonl",
    "time": "../shared/gold/time",
    "quotes": "../shared/gold/quotes/polnear_dev.articles.jsonl",
    "geo": "../shared/gold/geo/trnews.jsonl",
}
WHAT = {
    "extract": "main-text extraction from HTML (AEB format: DIR with ground_truth.jsonl and html/): shingle P/R/F1",
    "actors": "actor resolution (country, sector) on actor phrases",
    "events": "PLOVER event types per sentence, source/target countries",
    "time": "TIMEX3 time expressions (TimeBank format): strict/relaxed span F1, value F1",
    "quotes": "direct quotes with speakers (PolNeAR articles format)",
    "geo": "toponym resolution with gold spans (TR-News format): within 161 km, exact GeoNames id",
}

eval_app = typer.Typer(help="Score tidings against human-annotated gold data.\n\n"
                       "Example:  tidings eval events --gold ../shared/gold/events/dev.jsonl --json",
                       no_args_is_help=True)


def _command(name: str):
    gold_help = f"Gold file or folder (default {GOLD_DEFAULTS[name]})."

    def command(
        gold: Annotated[Optional[str], typer.Option(help=gold_help)] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
        limit: Annotated[Optional[int], typer.Option(help="Score only the first N items (quick look).")] = None,
    ) -> None:
        module = importlib.import_module(f"tidings.eval.{name}")
        options = {"limit": limit} if limit else {}
        result = module.evaluate(gold or GOLD_DEFAULTS[name], **options)
        if as_json:
            typer.echo(json.dumps(result, default=str))
        else:
            module.render(result, Console())

    command.__doc__ = f"Score {WHAT[name]}."
    return command


for _name in GOLD_DEFAULTS:
    eval_app.command(name=_name, help=f"Score {WHAT[_name]}.\n\nExample:  tidings eval {_name} --json")(_command(_name))


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
