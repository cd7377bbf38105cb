"""Checks on the bundled office-holder dictionary (tidings/data/actors/officeholders.tsv).

The file is hand-written data; these tests guard its shape (header, codes, dates), its
coverage (a head of state or government for nearly every country on a given day) and a set of
well-known facts the actor resolver relies on (the seed article's people among them).
Fast: plain csv/stdlib, no spaCy.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tidings" / "data" / "actors" / "officeholders.tsv"
WIKIDATA_2022 = REPO.parent / "shared" / "reference" / "wikidata_heads_of_state_gov_2022-10.csv"

HEADER = ["country", "office", "title", "name", "aliases", "qid", "start", "end", "note", "sector"]
SECTORS = {"", "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "OPP", "REB", "PRM", "REL", "PTY", "ELI", "BUS", "MED", "EDU", "CVL", "JRN", "SOC", "CRM"}
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID_RE = re.compile(r"^Q[1-9]\d*$")

# UN members, observers (PSE, VAT), Taiwan, Kosovo (user-assigned XKX) and Western Sahara.
STATES = set(
    """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
    BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP
    CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC
    GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT
    KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO
    MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL
    POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
    GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE PSE VAT TWN XKX ESH""".split()
)
# PLOVER international codes (../shared/reference/plover_ontology.json).
INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def _norm(text: str) -> str:
    """Case- and diacritic-insensitive form, so 'Erdoğan' matches 'Erdogan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=1)
def _load() -> tuple[list[str], list[dict[str, str]]]:
    header: list[str] = []
    rows: list[dict[str, str]] = []
    with DATA.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header:
                header = fields
                continue
            assert len(fields) == len(HEADER), f"line {lineno}: {len(fields)} fields: {line!r}"
            row = dict(zip(HEADER, fields))
            row["_line"] = str(lineno)
            rows.append(row)
    return header, rows


def _date(text: str, end: bool = False) -> dt.date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; partial dates widen to the period's first/last day."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if not end:
            return dt.date(year, month, 1)
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def _in_office(row: dict[str, str], day: dt.date) -> bool:
    start = _date(row["start"])
    end = _date(row["end"], end=True) if row["end"] else dt.date.max
    return start <= day <= end


def _rows_for(name: str, country: str | None = None, office: str | None = None) -> list[dict]:
    _, rows = _load()
    key = _norm(name)
    out = []
    for row in rows:
        names = [row["name"], *[a for a in row["aliases"].split(";") if a]]
        if key not in {_norm(n) for n in names}:
            continue
        if country and row["country"] != country:
            continue
        if office and row["office"] != office:
            continue
        out.append(row)
    return out


def _assert_spell(name: str, country: str, office: str, start: str, end: str = "") -> None:
    spells = _rows_for(name, country, office)
    assert spells, f"no {office} row for {name} ({country})"
    got = [(r["start"], r["end"]) for r in spells]
    assert (start, end) in got, f"{name} {country} {office}: expected {start}–{end or 'open'}, got {got}"


# ---------------------------------------------------------------- shape


def test_header_exact():
    header, rows = _load()
    assert header == HEADER
    assert len(rows) >= 2000


def test_codes_offices_and_fields():
    _, rows = _load()
    for row in rows:
        where = f"line {row['_line']}"
        assert row["country"] in STATES | INTERNATIONAL, f"{where}: country {row['country']}"
        assert row["office"] in OFFICES, f"{where}: office {row['office']}"
        assert row["title"].strip() and row["name"].strip(), where
        assert row["name"] == row["name"].strip(), where
        assert not row["qid"] or QID_RE.match(row["qid"]), f"{where}: qid {row['qid']}"
        assert row["sector"] in SECTORS, f"{where}: sector {row['sector']!r}"
        for alias in row["aliases"].split(";") if row["aliases"] else []:
            assert alias.strip() == alias and alias, f"{where}: alias {alias!r}"


def test_dates_parse_and_are_ordered():
    _, rows = _load()
    for row in rows:
        where = f"line {row['_line']}: {row['name']}"
        assert DATE_RE.match(row["start"]), f"{where}: start {row['start']!r}"
        start = _date(row["start"])
        if row["end"]:
            assert DATE_RE.match(row["end"]), f"{where}: end {row['end']!r}"
            assert start <= _date(row["end"], end=True), f"{where}: start after end"
        assert start <= dt.date(2026, 12, 31), where


def test_no_duplicate_rows():
    _, rows = _load()
    keys = Counter(tuple(r[h] for h in HEADER) for r in rows)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, dups[:5]


def test_qid_is_one_person():
    """A QID names one person: every row carrying it has the same name."""
    _, rows = _load()
    names: dict[str, set[str]] = {}
    for row in rows:
        if row["qid"]:
            names.setdefault(row["qid"], set()).add(row["name"])
    clashes = {q: n for q, n in names.items() if len(n) > 1}
    assert not clashes, clashes


# ---------------------------------------------------------------- coverage


def test_heads_in_office_on_2022_10_01():
    _, rows = _load()
    day = dt.date(2022, 10, 1)
    heads = {"head_of_state", "head_of_government"}
    countries = {r["country"] for r in rows if r["office"] in heads and r["country"] in STATES and _in_office(r, day)}
    assert len(countries) >= 190, sorted(STATES - countries)


def test_every_state_has_a_current_head():
    _, rows = _load()
    day = dt.date(2025, 6, 1)
    heads = {"head_of_state", "head_of_government"}
    countries = {r["country"] for r in rows if r["office"] in heads and _in_office(r, day)}
    missing = sorted(STATES - countries)
    assert len(missing) <= 3, missing


def test_coverage_against_wikidata_2022():
    """Share of the Wikidata 2022 (country, officeholder) pairs whose holder we name."""
    if not WIKIDATA_2022.exists():
        pytest.skip("reference CSV absent")
    _, rows = _load()
    known = set()
    for row in rows:
        known.add(_norm(row["name"]))
        known.update(_norm(a) for a in row["aliases"].split(";") if a)
    with WIKIDATA_2022.open(encoding="utf-8", newline="") as fh:
        pairs = {(r["country"], r["officeholderLabel"]) for r in csv.DictReader(fh)}
    hits = sum(1 for _, holder in pairs if _norm(holder) in known)
    share = hits / len(pairs)
    print(f"wikidata 2022 coverage: {hits}/{len(pairs)} = {share:.3f}")
    assert share >= 0.8


# ---------------------------------------------------------------- must-have facts


def test_seed_article_people():
    _assert_spell("Isaac Herzog", "ISR", "head_of_state", "2021-07-07")
    _assert_spell("Reuven Rivlin", "ISR", "head_of_state", "2014-07-24", "2021-07-07")
    _assert_spell("Shimon Peres", "ISR", "head_of_state", "2007-07-15", "2014-07-24")
    assert len(_rows_for("Shimon Peres", "ISR", "head_of_government")) >= 2
    _assert_spell("Ilham Aliyev", "AZE", "head_of_state", "2003-10-31")
    heydar = _rows_for("Heydar Aliyev", "AZE", "head_of_state")
    assert [(r["start"][:4], r["end"]) for r in heydar] == [("1993", "2003-10-31")]
    _assert_spell("Eli Cohen", "ISR", "foreign_minister", "2023-01-02", "2024-01-01")


def test_israeli_foreign_and_defence_ministers():
    _assert_spell("Israel Katz", "ISR", "foreign_minister", "2024-01-01", "2024-11")
    _assert_spell("Gideon Sa'ar", "ISR", "foreign_minister", "2024-11")
    _assert_spell("Israel Katz", "ISR", "defence_minister", "2024-11")
    _assert_spell("Yoav Gallant", "ISR", "defence_minister", "2022-12-29", "2024-11-05")


def test_israeli_prime_ministers():
    for start, end in [("1996-06-18", "1999-07-06"), ("2009-03-31", "2021-06-13"), ("2022-12-29", "")]:
        _assert_spell("Benjamin Netanyahu", "ISR", "head_of_government", start, end)
    assert _rows_for("Bibi", "ISR", "head_of_government"), "alias Bibi"
    _assert_spell("Naftali Bennett", "ISR", "head_of_government", "2021-06-13", "2022-06-30")
    _assert_spell("Yair Lapid", "ISR", "head_of_government", "2022-07-01", "2022-12-29")


def test_us_presidents():
    _assert_spell("George W. Bush", "USA", "head_of_state", "2001-01-20", "2009-01-20")
    _assert_spell("Barack Obama", "USA", "head_of_state", "2009-01-20", "2017-01-20")
    _assert_spell("Donald Trump", "USA", "head_of_state", "2017-01-20", "2021-01-20")
    _assert_spell("Joe Biden", "USA", "head_of_state", "2021-01-20", "2025-01-20")
    _assert_spell("Donald Trump", "USA", "head_of_state", "2025-01-20")
    _assert_spell("Marco Rubio", "USA", "foreign_minister", "2025-01-21")


def test_russia():
    for start, end in [("1999-12-31", "2008-05-07"), ("2012-05-07", "")]:
        _assert_spell("Vladimir Putin", "RUS", "head_of_state", start, end)
    _assert_spell("Vladimir Putin", "RUS", "head_of_government", "2008-05-08", "2012-05-07")
    _assert_spell("Dmitry Medvedev", "RUS", "head_of_state", "2008-05-07", "2012-05-07")
    _assert_spell("Sergey Lavrov", "RUS", "foreign_minister", "2004-03-09")
    assert _rows_for("Sergei Lavrov", "RUS"), "alias Sergei Lavrov"


@pytest.mark.parametrize(
    ("name", "country", "office"),
    [
        ("Xi Jinping", "CHN", "head_of_state"),
        ("Wang Yi", "CHN", "foreign_minister"),
        ("Volodymyr Zelensky", "UKR", "head_of_state"),
        ("Zelenskyy", "UKR", "head_of_state"),
        ("Emmanuel Macron", "FRA", "head_of_state"),
        ("Friedrich Merz", "DEU", "head_of_government"),
        ("Keir Starmer", "GBR", "head_of_government"),
        ("Narendra Modi", "IND", "head_of_government"),
        ("Recep Tayyip Erdoğan", "TUR", "head_of_state"),
        ("Recep Tayyip Erdogan", "TUR", "head_of_state"),
        ("Masoud Pezeshkian", "IRN", "head_of_government"),
        ("Ali Khamenei", "IRN", "head_of_state"),
        ("Mohammed bin Salman", "SAU", "head_of_government"),
        ("MBS", "SAU", "head_of_government"),
        ("Javier Milei", "ARG", "head_of_state"),
        ("Lula", "BRA", "head_of_state"),
        ("Antonio Guterres", "UNO", "other"),
    ],
)
def test_current_holders(name, country, office):
    rows = _rows_for(name, country, office)
    assert rows, f"{name} missing"
    assert any(_in_office(r, dt.date(2025, 11, 1)) for r in rows), f"{name} not in office 2025-11"


@pytest.mark.parametrize(
    ("name", "country", "office", "start", "end"),
    [
        ("Olaf Scholz", "DEU", "head_of_government", "2021-12-08", "2025-05-06"),
        ("Rishi Sunak", "GBR", "head_of_government", "2022-10-25", "2024-07-05"),
        ("Ebrahim Raisi", "IRN", "head_of_government", "2021-08-03", "2024-05-19"),
        ("Hassan Rouhani", "IRN", "head_of_government", "2013-08-03", "2021-08-03"),
        ("Angela Merkel", "DEU", "head_of_government", "2005-11-22", "2021-12-08"),
    ],
)
def test_past_holders(name, country, office, start, end):
    _assert_spell(name, country, office, start, end)


def test_khamenei_is_supreme_leader():
    (row,) = _rows_for("Ali Khamenei", "IRN", "head_of_state")
    assert row["title"] == "Supreme Leader"
