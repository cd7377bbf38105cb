"""The actor knowledge base: bundled files + user files + roles learned from the news.

Everything the matcher can find is an ``Entry`` under a surface form; people
carry dated ``Role``s (from the office-holder dictionary, user files and
importers) and dated ``RoleObservation``s (what articles said about them).
``role_at(name, date)`` answers "what was this person at that date", which is
why "Trump" is USA GOV in 2019, USA ELI in 2022 and USA GOV again in 2025.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..models import PIPELINE_VERSION
from .data import OFFICE_TITLES, bundled, bundled_officeholders, inflect_plural, parse_partial, reference_date

PERSON_SECTOR_AFTER_OFFICE = "ELI"
UNDATED_RECENT_DAYS = 5 * 365  # undated lookups: an office left this recently still names the person


@dataclass(slots=True)
class RoleObservation:
    """One dated statement in an article about a person's role ("Israeli President Isaac Herzog")."""

    person: str
    country: str | None
    sector: str | None
    title: str | None
    observed_on: str | None  # ISO date the article says it (its publication date)
    article_id: str | None = None
    start: str | None = None  # role start/end when the text states them
    end: str | None = None
    evidence: str = ""  # the phrase it was read from
    pipeline_version: str = PIPELINE_VERSION


@dataclass(slots=True)
class Role:
    """A role held between two dates (either may be open)."""

    country: str | None
    sector: str | None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""
    qid: str | None = None
    office: str | None = None

    def holds_at(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(slots=True)
class Entry:
    """What a surface form refers to: a country, demonym, capital, organisation, person or agent word."""

    kind: str  # country | demonym | capital | org | person | surname | title | term | modifier
    key: str  # iso3, canonical organisation or person name, or the agent word
    country: str | None = None
    sector: str | None = None
    office: str | None = None
    plural: bool = False
    source: str = ""
    secondary: bool = False  # the less usual reading of a form shared with another country ("Congolese": COG)


@dataclass(slots=True)
class Organization:
    name: str
    country: str | None
    sector: str | None
    kind: str = "organization"
    national: bool = False
    periods: list[dict] = field(default_factory=list)
    source: str = ""
    qid: str | None = None

    def at(self, when: dt.date) -> tuple[str | None, str | None]:
        """(country, sector) at a date, after any dated change (the Taliban taking Kabul)."""
        country, sector = self.country, self.sector
        for period in self.periods:
            start = parse_partial(period.get("start"))
            end = parse_partial(period.get("end"), end=True)
            if (start is None or start <= when) and (end is None or when <= end):
                country = period.get("country", country)
                sector = period.get("sector", sector)
        return country, sector


def fold(text: str) -> str:
    """Text without diacritics ("Khürelsükh" → "Khurelsukh"), for matching names either way."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class KnowledgeBase:
    """Bundled knowledge, user additions and learned observations, with dated lookups."""

    def __init__(self, bundled_data: bool = True, officeholders: str | None = None) -> None:
        self.forms: dict[str, list[Entry]] = {}  # surface form (as written) → entries
        self.countries: dict[str, dict] = {}
        self.organizations: dict[str, Organization] = {}
        self.roles: dict[str, list[Role]] = {}
        self.observations: dict[str, list[RoleObservation]] = {}
        self.surnames: dict[str, set[str]] = {}
        self.person_qids: dict[str, str] = {}
        self.generic_heads: set[str] = set()
        self.pronouns: set[str] = set()
        self.version = 0
        self._matchers: dict = {}
        self._derived: dict[str, tuple[int, object]] = {}
        if bundled_data:
            self.add_countries(bundled("countries").get("countries", []), "bundled:countries")
            self.add_organizations(bundled("organizations").get("organizations", []), "bundled:organizations")
            self.add_organizations(bundled("armed_groups").get("organizations", []), "bundled:armed_groups")
            self.add_agents(bundled("agents"), "bundled:agents")
            self.add_regions(bundled("regions").get("regions", []), "bundled:regions")
            for row in bundled_officeholders(officeholders):
                self.add_officeholder(row, "bundled:officeholders")

    def derived(self, name: str, build):
        """An index built from this knowledge base (``build(self)``), kept until the KB changes."""
        version, value = self._derived.get(name, (-1, None))
        if version != self.version:
            value = build(self)
            self._derived[name] = (self.version, value)
        return value

    # --- building -----------------------------------------------------------------
    def _add_form(self, form: str, entry: Entry) -> None:
        form = " ".join(str(form).split())
        if not form:
            return
        for variant in {form, fold(form)}:
            bucket = self.forms.setdefault(variant, [])
            if entry not in bucket:
                bucket.append(entry)
        self.version += 1

    def add_countries(self, rows: list[dict], source: str) -> None:
        """Countries: names and alternate names, demonyms (with plurals) and capitals."""
        for row in rows:
            iso3 = row["iso3"]
            sector = "PRE" if row.get("status") == "pre" else None
            if sector is None:
                self.countries.setdefault(iso3, {**row, "source": source})
            for form in [row["name"], *(row.get("alt") or [])]:
                self._add_form(form, Entry("country", row["name"], iso3, sector, source=source))
            for dem, secondary in [(d, False) for d in row.get("dem") or []] + [(d, True) for d in row.get("dem2") or []]:
                self._add_form(dem, Entry("demonym", row["name"], iso3, sector, source=source, secondary=secondary))
                plural = inflect_plural(dem, demonym=True)
                if plural:
                    self._add_form(plural, Entry("demonym", row["name"], iso3, sector, plural=True, source=source,
                                                 secondary=secondary))
            for plural in row.get("pl") or []:
                self._add_form(plural, Entry("demonym", row["name"], iso3, sector, plural=True, source=source))
            for cap in row.get("cap") or []:
                self._add_form(cap, Entry("capital", row["name"], iso3, "GOV", source=source))

    def add_regions(self, rows: list[dict], source: str) -> None:
        """Regions give their country, never a government ("Rakhine rebels" → MMR REB)."""
        for row in rows:
            secondary = bool(row.get("secondary"))
            for form in [row["name"], *(row.get("alt") or [])]:
                self._add_form(form, Entry("country", row["name"], row["country"], None, source=source,
                                           secondary=secondary))
            for dem in row.get("dem") or []:
                self._add_form(dem, Entry("demonym", row["name"], row["country"], None, source=source))
                plural = inflect_plural(dem, demonym=True)
                if plural:
                    self._add_form(plural, Entry("demonym", row["name"], row["country"], None, plural=True, source=source))

    def add_organizations(self, rows: list[dict], source: str) -> None:
        for row in rows:
            org = Organization(
                name=row["name"], country=row.get("country"), sector=row.get("sector"),
                kind=row.get("kind", "organization"), national=bool(row.get("national")),
                periods=list(row.get("periods") or []), source=source, qid=row.get("qid"),
            )
            self.organizations[org.name] = org
            for form in [org.name, *(row.get("alt") or [])]:
                self._add_form(form, Entry("org", org.name, org.country, org.sector, source=source))

    def add_agents(self, data: dict, source: str) -> None:
        """Titles, terms and modifiers (with derived plurals), matched case-insensitively."""
        for sector, groups in (data.get("titles") or {}).items():
            for group in groups:
                for word in group["words"]:
                    self._add_form(word.lower(), Entry("title", word.lower(), None, sector, group.get("office"), source=source))
                    plural = inflect_plural(word)
                    if plural:
                        self._add_form(plural.lower(), Entry("title", word.lower(), None, sector, group.get("office"), True, source))
        for sector, words in (data.get("terms") or {}).items():
            for word in words:
                self._add_form(word.lower(), Entry("term", word.lower(), None, sector, source=source))
                plural = inflect_plural(word)
                if plural:
                    self._add_form(plural.lower(), Entry("term", word.lower(), None, sector, plural=True, source=source))
        for word in data.get("weapons") or []:  # MIL terms marked as weapons (office "weapon")
            self._add_form(word.lower(), Entry("term", word.lower(), None, "MIL", "weapon", source=source))
            plural = inflect_plural(word)
            if plural:
                self._add_form(plural.lower(), Entry("term", word.lower(), None, "MIL", "weapon", True, source))
        self.generic_heads.update(w.lower() for w in data.get("generic_heads") or [])
        self.pronouns.update(w.lower() for w in data.get("pronouns") or [])
        for sector, words in (data.get("modifiers") or {}).items():
            for word in words:
                self._add_form(word.lower(), Entry("modifier", word.lower(), None, sector, source=source))

    def add_person_role(self, name: str, role: Role, aliases: list[str] | tuple[str, ...] = ()) -> None:
        """A person with one dated role; their name, aliases and surname become matchable."""
        name = " ".join(name.split())
        roles = self.roles.setdefault(name, [])
        if role not in roles:
            roles.append(role)
        if role.qid:
            self.person_qids.setdefault(name, role.qid)
        self._add_person_forms(name, aliases, role.source)

    def _add_person_forms(self, name: str, aliases, source: str) -> None:
        known = {e.key for e in self.forms.get(name, []) if e.kind == "person"}
        if name in known and not aliases:
            return
        for form in [name, *aliases]:
            if form:
                self._add_form(form, Entry("person", name, source=source))
        parts = name.split()
        titled = any(e.kind == "title" for e in self.forms.get(parts[0].lower(), []))  # "Prince Harry": no surname
        if len(parts) > 1 and len(parts[-1]) > 2 and parts[-1][:1].isupper() and not titled:
            self.surnames.setdefault(parts[-1].lower(), set()).add(name)
            self.surnames.setdefault(fold(parts[-1]).lower(), set()).add(name)
            self._add_form(parts[-1], Entry("surname", parts[-1], source=source))

    def add_officeholder(self, row: dict, source: str) -> None:
        """One row of the office-holder TSV: GOV while in office, ELI after (see ``role_at``)."""
        office = row.get("office") or "other"
        title = row.get("title") or OFFICE_TITLES.get(office)
        role = Role(
            country=row["country"], sector=row.get("sector") or "GOV", title=title,
            start=parse_partial(row.get("start")), end=parse_partial(row.get("end"), end=True),
            source=source, qid=row.get("qid") or None, office=office,
        )
        aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        self.add_person_role(row["name"], role, aliases)

    def add_observations(self, observations) -> None:
        """Roles read from articles (``actors.observe``), kept apart from dictionary roles."""
        for obs in observations:
            bucket = self.observations.setdefault(obs.person, [])
            if obs not in bucket:
                bucket.append(obs)
            self._add_person_forms(obs.person, (), f"learned:{obs.article_id}")

    def add_files(self, paths) -> None:
        """User actor files (YAML/CSV/PETRARCH/ICEWS/Wikidata), by extension and content."""
        from .importers import load_actor_file

        for path in paths:
            load_actor_file(self, Path(path))

    # --- lookups ---------------------------------------------------------------------
    def lookup(self, form: str) -> list[Entry]:
        return self.forms.get(" ".join(form.split()), [])

    def country_name(self, iso3: str | None) -> str | None:
        row = self.countries.get(iso3 or "")
        return row["name"] if row else None

    def is_known_person(self, name: str) -> bool:
        return name in self.roles or name in self.observations

    def surname_candidates(self, surname: str) -> set[str]:
        return self.surnames.get(surname.lower(), set())

    def near_person(self, name: str) -> str | None:
        """The one known person a misspelt name stands for ("Francois Mitterand" → "François Mitterrand").

        Only surnames of seven letters or more, one letter added, dropped or changed; with a first name
        it must match (or its initial); a surname alone must fit one person only. See ``fuzzy.near_surname``.
        """
        from .fuzzy import near_surnames

        parts = fold(name).lower().replace(".", " ").split()
        if not parts or len(parts[-1]) < 7:
            return None
        found = set()
        for surname in near_surnames(parts[-1], self):
            for person in self.surnames.get(surname, ()):
                given = fold(person).lower().split()
                if len(parts) == 1 or given[0] == parts[0] or (len(parts[0]) == 1 and given[0][:1] == parts[0]):
                    found.add(person)
        return found.pop() if len(found) == 1 else None

    def role_at(self, name: str, date=None) -> Role | None:
        """The role a person held at ``date`` (None: today), from dictionary roles and observations.

        A dictionary role covering the date wins; otherwise the latest observation on
        or before the date counts unless a dictionary role ended after it (the person
        has since left office); a person whose last known role ended before the date
        is an elite (ELI) of the same country; failing all, the nearest later evidence
        gives the country without a sector.

        Undated (``date`` None, unlike ``"today"``): a person who left office within
        the last five years (about one term) is read by that office as it was held
        ("Diego Molano" → COL GOV, defence minister), since an undated phrase is most
        likely from the time they were in the news; someone out of office longer is
        known today as a former official ("Tony Blair" → GBR ELI).
        """
        when = reference_date(date)
        roles = self.roles.get(name, [])
        holding = [r for r in roles if r.holds_at(when)]
        if holding:
            return max(holding, key=lambda r: (r.office in OFFICE_TITLES, r.start or dt.date.min))
        observed = self._observation_before(name, when)
        ended = [r for r in roles if r.end and r.end < when]
        last_end = max(ended, key=lambda r: r.end) if ended else None
        if observed and (last_end is None or parse_partial(observed.observed_on) > last_end.end):
            return self._role_from_observation(observed)
        if last_end is not None and date is None and (when - last_end.end).days <= UNDATED_RECENT_DAYS:
            return max(ended, key=lambda r: (r.end, r.office in OFFICE_TITLES))
        if last_end is not None:
            return Role(last_end.country, PERSON_SECTOR_AFTER_OFFICE, f"former {last_end.title or 'official'}",
                        last_end.end, None, last_end.source, last_end.qid, last_end.office)
        later = [r for r in roles if r.start and r.start > when]
        later_obs = sorted(self.observations.get(name, []), key=lambda o: o.observed_on or "")
        if later:
            first = min(later, key=lambda r: r.start)
            return Role(first.country, None, None, None, first.start, first.source, first.qid)
        if later_obs:
            return Role(later_obs[0].country, None, None, source=f"learned:{later_obs[0].article_id}")
        return None

    def _observation_before(self, name: str, when: dt.date) -> RoleObservation | None:
        dated = [(parse_partial(o.observed_on), o) for o in self.observations.get(name, [])]
        before = [(d, o) for d, o in dated if d is not None and d <= when]
        undated = [o for d, o in dated if d is None]
        if before:
            return max(before, key=lambda pair: pair[0])[1]
        return undated[-1] if undated else None

    @staticmethod
    def _role_from_observation(obs: RoleObservation) -> Role:
        return Role(obs.country, obs.sector, obs.title, parse_partial(obs.start), parse_partial(obs.end, end=True),
                    f"learned:{obs.article_id}")

    def organization_at(self, name: str, date=None) -> tuple[Organization, str | None, str | None] | None:
        org = self.organizations.get(name)
        if org is None:
            return None
        country, sector = org.at(reference_date(date))
        return org, country, sector

    def history(self, name: str) -> dict:
        """Everything known about a person, for ``tidings actors show``: roles and observations."""
        return {"name": name, "qid": self.person_qids.get(name),
                "roles": list(self.roles.get(name, [])), "observations": list(self.observations.get(name, []))}


_DEFAULT: KnowledgeBase | None = None


def default_kb() -> KnowledgeBase:
    """The bundled knowledge base, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = KnowledgeBase()
    return _DEFAULT
