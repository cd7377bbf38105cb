"""Build the CAMEO and PLOVER code tables the event coder reads.

Run from the repository root (it reads the public code lists beside the checkout)::

    .venv/bin/python tidings/data/events/build_codes.py [../shared/reference]

Writes ``cameo_codes.json`` (code → name, Goldstein value, PLOVER type, mode,
contexts) and ``plover_types.json`` (type → quad class, PLOVER score, modes and
per-mode scores) next to this script. Both are public code lists, converted.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}


def build_plover(ontology: dict) -> dict:
    """Each PLOVER type with its quad class, score, modes and per-mode scores."""
    scores = ontology["plover_scores"]
    table = {}
    for name, spec in ontology["events"].items():
        mode_scores = {
            key.split(":", 1)[1].lower(): value for key, value in scores.items() if key.startswith(name + ":")
        }
        table[name] = {
            "quad_class": QUADS[spec["quad"]],
            "score": scores.get(name),
            "modes": sorted(spec["modes"]),
            "mode_scores": mode_scores,
            "definition": spec["definition"],
        }
    return table


def build_cameo(reference: Path) -> dict:
    """Each CAMEO code with its name, Goldstein value and PLOVER 2021 mapping."""
    mapping = {}
    with open(reference / "cameo_to_plover_2021.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            mapping[row["cameo"]] = row
    table = {}
    with open(reference / "cameo_codes.jsonl", encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            code = rec["code"]
            row = mapping.get(code, {})
            goldstein = rec.get("goldstein_gdelt")
            if goldstein is None:
                goldstein = rec.get("goldstein_icews_codebook")
            contexts = [c for c in (row.get("plover_context") or "").split(";") if c]
            table[code] = {
                "name": rec.get("name_cameo_1_1b3_gdelt") or rec.get("name_icews_codebook"),
                "goldstein": goldstein,
                "plover": row.get("plover_event") or rec.get("plover_2021"),
                "mode": row.get("plover_mode") or None,
                "contexts": contexts,
            }
    return table


def main(argv: list[str]) -> None:
    reference = Path(argv[1]) if len(argv) > 1 else Path("../shared/reference")
    ontology = json.loads((reference / "plover_ontology.json").read_text(encoding="utf-8"))
    (HERE / "plover_types.json").write_text(json.dumps(build_plover(ontology), indent=1) + "\n", encoding="utf-8")
    (HERE / "cameo_codes.json").write_text(json.dumps(build_cameo(reference), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)
