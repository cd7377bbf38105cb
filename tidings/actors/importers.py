"""User actor files and the common public dictionary formats, read into a KnowledgeBase.

Formats (see docs/actors.md):
- tidings YAML (``people``/``organizations``/``countries``/``agents``) and CSV
  (``name,country,sector,title,start,end,aliases,qid,kind``);
- PETRARCH/Phoenix ``.actors.txt``: ``BARACK_OBAMA_ [USAGOV 090120-170120] [USAELI 170120-]``
  with ``+ALIAS`` lines;
- ICEWS actor dictionaries (tab or comma separated: name, country, sector, start, end);
- Wikidata query results: SPARQL JSON, or CSV with ``officeholderLabel``/``positionLabel`` columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from ..errors import ConfigError
from .data import bundled, parse_partial, read_yaml
from .kb import KnowledgeBase, Role

_PETRARCH_CODE = re.compile(r"\[\s*([A-Z]{3})([A-Z]{3})?[A-Z]*\s*([<>]?\d{6})?\s*(-\s*(\d{6})?)?\s*\]")
_SPACE = re.compile(r"\s+")


def load_actor_file(kb: KnowledgeBase, path: Path) -> None:
    """Read one actor file into ``kb``, choosing the format by extension and header."""
    if not path.exists():
        raise ConfigError(f"actors file not found: {path}")
    source = f"user:{path.name}"
    name = path.name.lower()
    text = path.read_text(encoding="utf-8-sig")
    if name.endswith((".yaml", ".yml")):
        load_user_yaml(kb, read_yaml(path), source)
    elif name.endswith(".json"):
        load_wikidata_json(kb, json.loads(text), source)
    elif name.endswith((".actors.txt", ".txt")) and "[" in text:
        load_petrarch(kb, text, source)
    elif name.endswith((".csv", ".tsv", ".tab", ".txt")):
        rows = _read_table(text)
        header = {h.lower() for h in (rows[0].keys() if rows else [])}
        if "officeholderlabel" in header or "positionlabel" in header:
            load_wikidata_rows(kb, rows, source)
        elif "office" in header and "qid" in header:
            for row in rows:
                kb.add_officeholder(row, source)
        elif header & {"actor name", "sectors", "actor_name", "sector name"}:
            load_icews(kb, rows, source)
        else:
            load_user_rows(kb, rows, source)
    else:
        raise ConfigError(f"{path}: unknown actors file format (use .yaml, .csv, .tsv, .json or .actors.txt)")


def _read_table(text: str) -> list[dict]:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    delimiter = "\t" if lines[0].count("\t") > lines[0].count(",") else ","
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def _get(row: dict, *names: str) -> str:
    lowered = {k.lower().replace(" ", "_"): v for k, v in row.items()}
    for name in names:
        value = lowered.get(name)
        if value:
            return value
    return ""


def load_user_yaml(kb: KnowledgeBase, data: dict, source: str) -> None:
    """tidings YAML: ``people`` with dated ``roles``, plus bundled-style countries/organisations/agents."""
    for person in data.get("people") or []:
        aliases = list(person.get("aliases") or [])
        for role in person.get("roles") or [{}]:
            kb.add_person_role(person["name"], Role(
                country=role.get("country", person.get("country")), sector=role.get("sector", person.get("sector")),
                title=role.get("title", person.get("title")), start=parse_partial(_str(role.get("start"))),
                end=parse_partial(_str(role.get("end")), end=True), source=source, qid=person.get("qid"),
                office=role.get("office")), aliases)
    if data.get("countries"):
        kb.add_countries(data["countries"], source)
    if data.get("organizations"):
        kb.add_organizations(data["organizations"], source)
    if data.get("agents"):
        kb.add_agents(data["agents"], source)


def _str(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value not in (None, "") else None)


def load_user_rows(kb: KnowledgeBase, rows: list[dict], source: str) -> None:
    """tidings CSV: one role (person) or one organisation a row."""
    for row in rows:
        name = _get(row, "name")
        if not name:
            continue
        aliases = [a.strip() for a in re.split(r"[;|]", _get(row, "aliases")) if a.strip()]
        if _get(row, "kind") in ("organization", "org", "group", "igo"):
            kb.add_organizations([{"name": name, "alt": aliases, "country": _get(row, "country") or None,
                                   "sector": _get(row, "sector") or None, "kind": _get(row, "kind")}], source)
            continue
        kb.add_person_role(name, Role(
            country=_get(row, "country") or None, sector=_get(row, "sector") or None, title=_get(row, "title") or None,
            start=parse_partial(_get(row, "start")), end=parse_partial(_get(row, "end"), end=True),
            source=source, qid=_get(row, "qid") or None), aliases)


def _petrarch_date(value: str | None) -> dt.date | None:
    """PETRARCH dates are YYMMDD; years before 50 are 20xx."""
    if not value:
        return None
    year = int(value[:2])
    try:
        return dt.date(2000 + year if year < 50 else 1900 + year, int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None


def _petrarch_name(raw: str) -> str:
    words = raw.strip().strip("+").rstrip("_").replace("_", " ").split()
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def load_petrarch(kb: KnowledgeBase, text: str, source: str) -> None:
    """PETRARCH/Phoenix actor dictionary: a name line with dated codes, then ``+ALIAS`` lines."""
    current: tuple[str, list[Role]] | None = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "=")):
            continue
        stripped = line.strip()
        if stripped.startswith("+") and current:
            alias = _petrarch_name(stripped.split("[", 1)[0])
            for role in current[1]:
                kb.add_person_role(current[0], role, [alias])
            continue
        head = stripped.split("[", 1)[0]
        roles = []
        for match in _PETRARCH_CODE.finditer(stripped):
            country, sector, first, dash, second = match.groups()
            start = end = None
            if first and first.startswith("<"):
                end = _petrarch_date(first[1:])
            elif first and first.startswith(">"):
                start = _petrarch_date(first[1:])
            else:
                start = _petrarch_date(first)
                end = _petrarch_date(second) if dash else (start if first else None)
            roles.append(Role(country=country, sector=sector, start=start, end=end, source=source))
        if not roles or not head.strip():
            current = None
            continue
        name = _petrarch_name(head)
        for role in roles:
            kb.add_person_role(name, role)
        current = (name, roles)


def _sector_names() -> dict[str, str]:
    return {k.lower(): v for k, v in (bundled("sector_names").get("sectors") or {}).items()}


def _country_code(kb: KnowledgeBase, value: str) -> str | None:
    """An ISO3 code from a code or a country name ("United States" → USA)."""
    value = value.strip()
    if re.fullmatch(r"[A-Z]{3}", value):
        return value
    for entry in kb.lookup(value):
        if entry.kind in ("country", "demonym"):
            return entry.country
    return None


def _plover_sector(value: str) -> str | None:
    names = _sector_names()
    for part in re.split(r"[,;/|]", value):
        part = part.strip()
        if re.fullmatch(r"[A-Z]{3}", part):
            return part
        if part.lower() in names:
            return names[part.lower()]
        for word, code in names.items():
            if word in part.lower():
                return code
    return None


def load_icews(kb: KnowledgeBase, rows: list[dict], source: str) -> None:
    """ICEWS actor dictionary rows: name, country (name or code), sector(s), start and end dates."""
    for row in rows:
        name = _get(row, "actor_name", "name")
        if not name:
            continue
        aliases = [a.strip() for a in re.split(r"[;|]", _get(row, "aliases")) if a.strip()]
        kb.add_person_role(name, Role(
            country=_country_code(kb, _get(row, "country", "country_name")),
            sector=_plover_sector(_get(row, "sectors", "sector", "sector_name")),
            title=_get(row, "title", "role") or None,
            start=parse_partial(_get(row, "start_date", "start", "from")),
            end=parse_partial(_get(row, "end_date", "end", "to"), end=True), source=source), aliases)


def _position_title(label: str) -> str:
    """"President of Albania" → "President"."""
    return re.split(r"\s+of\s+(?:the\s+)?[A-Z]", label, maxsplit=1)[0].strip() or label


def _office(title: str) -> str:
    lower = title.lower()
    if "prime minister" in lower or "chancellor" in lower or "premier" in lower:
        return "head_of_government"
    if "president" in lower or "king" in lower or "queen" in lower or "emir" in lower or "monarch" in lower:
        return "head_of_state"
    return "other"


def load_wikidata_rows(kb: KnowledgeBase, rows: list[dict], source: str) -> None:
    """Wikidata office holders as CSV (``country, positionLabel, officeholder, officeholderLabel, start_year, end_year``)."""
    for row in rows:
        name = _get(row, "officeholderlabel", "personlabel", "itemlabel")
        country = _country_code(kb, _get(row, "iso3", "countryiso", "country_iso", "countrylabel", "country"))
        if not name or not country:
            continue
        title = _position_title(_get(row, "positionlabel", "position"))
        qid = _get(row, "officeholder", "person", "item").rsplit("/", 1)[-1] or None
        kb.add_person_role(name, Role(
            country=country, sector="GOV", title=title,
            start=parse_partial(_get(row, "start", "start_year", "start_time", "starttime")),
            end=parse_partial(_get(row, "end", "end_year", "end_time", "endtime"), end=True),
            source=source, qid=qid if qid and qid.startswith("Q") else None, office=_office(title)))


def load_wikidata_json(kb: KnowledgeBase, data: dict, source: str) -> None:
    """A SPARQL endpoint's JSON result (``head.vars``, ``results.bindings``) of office holders."""
    bindings = (data.get("results") or {}).get("bindings") or []
    rows = [{var: cell.get("value", "") for var, cell in binding.items()} for binding in bindings]
    for row in rows:
        for key in list(row):
            if re.search(r"(start|end)", key, re.I) and "T" in row[key]:
                row[key] = row[key].split("T", 1)[0]
    load_wikidata_rows(kb, rows, source)
