"""From matched words to actor phrases, and from a phrase to country, sector and role.

A phrase is a run of hits joined by what English puts between the parts of one
actor: nothing ("Israeli troops"), a possessive ("Azerbaijan's deputy prime
minister"), "of"/"in" ("Ministry of Mines", "Muslim leaders in France") or a
few adjectives ("Azerbaijan's late president"). A title may be followed by a
name ("President Ilham Aliyev"). The last agent word is the head and gives the
sector; a person's first title gives theirs; modifiers (former, opposition,
ordinary, Jewish) adjust it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .kb import KnowledgeBase
from .matcher import Hit

POSSESSIVE = {"'s", "’s", "'", "’"}
OF_WORDS = {"of", "for", "of the", "for the"}
IN_WORDS = {"in", "at", "in the", "at the", "from", "from the"}
BREAK_WORDS = {"and", "or", "but", "to", "with", "by", "is", "was", "are", "were", "has", "have", "had", "will",
               "would", "said", "says", "that", "which", "who", "as", "on", "after", "before", "than", "the", "a",
               "an", "his", "her", "their", "its", "our", "this", "these", "those", "not", "also"}
GAP_POS = {"ADJ", "NOUN", "ADV", "NUM", "PROPN"}
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "del", "da", "dos", "van", "von", "der", "den", "la", "le", "abu",
                  "abd", "du", "di", "ter", "-"}
# "Vietnamese-led forces", "London-based group": the place is the actor's own
OWN_PLACE_SUFFIXES = {"led", "based", "run", "controlled", "owned", "dominated", "ruled", "registered", "flagged"}
NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "An", "In",
             "On", "At", "He", "She", "It", "They", "We", "I", "This", "That", "But", "And", "Photo", "January",
             "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
             "December", "Mr", "Mrs", "Ms", "Mr.", "Mrs.", "Ms.", "Dr", "Dr."}
ENTITY_KINDS = {"country", "demonym", "capital", "org"}
# bodies active across borders: a country written with them names the national branch ("Kenya Red Cross",
# "Iraq's al-Qaeda"); intergovernmental codes (IGO, UNO, EUR) are not among them
TRANSNATIONAL_CODES = {"NGO", "IMG", "MNC", "ISM"}
NON_STATE_CODES = TRANSNATIONAL_CODES | {"IGO", "UNO", "EUR"}


@dataclass(slots=True)
class Phrase:
    """Hits that together name one actor, plus a name read after a title."""

    hits: list[Hit]
    start: int  # token span
    end: int
    name_start: int | None = None  # a person's name tokens, when there is one
    name_end: int | None = None
    joins: list[str] = field(default_factory=list)  # the gap word before each hit after the first

    def kinds(self) -> list[str]:
        return [h.kind for h in self.hits]

    def first(self, *kinds: str) -> Hit | None:
        return next((h for h in self.hits if h.kind in kinds), None)

    def last(self, *kinds: str) -> Hit | None:
        return next((h for h in reversed(self.hits) if h.kind in kinds), None)

    @property
    def has_name(self) -> bool:
        return self.name_start is not None or self.first("person", "surname") is not None


def _gap_kind(doc: Doc, start: int, end: int, parsed: bool) -> str | None:
    """What joins two hits: "" (adjacent), "poss", "of", "in", "adj" — or None (they are two actors)."""
    if start == end:
        return ""
    words = [t.text for t in doc[start:end]]
    text = " ".join(words).lower()
    if all(w in POSSESSIVE for w in words):
        return "poss"
    if text in OF_WORDS:
        return "of"
    if text in IN_WORDS:
        return "in"
    if len(words) == 2 and words[0] == "-" and words[1].lower() in OWN_PLACE_SUFFIXES:
        return "adj"
    if len(words) <= 2 and all(_is_adjective_gap(tok, parsed) for tok in doc[start:end]):
        return "adj"
    if len(words) <= 3 and all(_is_name_gap(tok) for tok in doc[start:end]):
        return "name"
    if len(words) <= 3 and words[0] in POSSESSIVE and all(_is_adjective_gap(t, parsed) for t in doc[start + 1:end]):
        return "poss"
    return None


def _is_name_gap(tok) -> bool:
    """A capitalised word inside an organisation's name ("Montenegro *Municipality* Association")."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.text not in NOT_NAMES and not tok.is_sent_start


def _is_adjective_gap(tok, parsed: bool) -> bool:
    if not tok.is_alpha or tok.lower_ in BREAK_WORDS or tok.text[:1].isupper():
        return False
    return tok.pos_ in GAP_POS if parsed and tok.pos_ else True


def _joinable(prev: Hit, nxt: Hit, gap: str | None, phrase: Phrase, doc: Doc) -> bool:
    if gap is None:
        return False
    pk, nk = prev.kind, nxt.kind
    if gap == "name":  # "Montenegro Municipality Association": a named body of that country
        return pk in ("country", "demonym") and nk == "term" and doc[nxt.start].text[:1].isupper()
    if gap == "":
        if pk in ("country", "capital") and nk == "org" and nxt.entry.country in TRANSNATIONAL_CODES:
            return True
        return not (pk in ("country", "capital") and nk in ("country", "capital", "org")) and not (pk == nk == "org")
    if gap == "poss":
        if pk == nk == "term" and doc[prev.start].text[:1].isupper() and doc[nxt.start].text[:1].isupper():
            return True  # "Serbian Workers' Union": one body's name
        return pk in ENTITY_KINDS | {"person"} and nk in ("title", "term", "modifier", "org")
    if gap == "of":
        return pk in ("title", "term", "org") and nk in ENTITY_KINDS | {"term", "title"}
    if gap == "in":
        has_country = any(h.kind in ("country", "demonym", "capital") for h in phrase.hits)
        return pk in ("title", "term") and nk in ("country", "capital") and not has_country
    return pk in ENTITY_KINDS | {"modifier", "title", "term"} and nk in ("title", "term", "modifier")


def build_phrases(doc: Doc, hits: list[Hit], parsed: bool, sent_start: int, sent_end: int) -> list[Phrase]:
    """Group the hits of one sentence into phrases, then read names after titles."""
    phrases: list[Phrase] = []
    current: Phrase | None = None
    for hit in hits:
        if current is not None and hit.start < current.end:
            if hit.kind == "title" and hit.start == current.name_start and hit.end < (current.name_end or 0):
                current.hits.append(hit)  # "Minister of Defense Colonel-General Andrei Kartapolov": a second title
                current.joins.append("")
                current.name_start = hit.end
            continue  # inside a name read after a title
        if current is not None:
            gap = _gap_kind(doc, current.end, hit.start, parsed)
            if current.name_start is None and _joinable(current.hits[-1], hit, gap, current, doc):
                current.hits.append(hit)
                current.joins.append(gap or "")
                current.end = hit.end
                _read_name(doc, current, sent_end)
                continue
            phrases.append(current)
        current = Phrase([hit], hit.start, hit.end)
        _read_name(doc, current, sent_end)
    if current is not None:
        phrases.append(current)
    phrases = [p for p in phrases if not _abbreviation_of_previous(doc, p)]
    for phrase in phrases:
        _extend_proper_name(doc, phrase, sent_start)
        _extend_name_of(doc, phrase, sent_end)
    for phrase in phrases:
        if phrase.name_start is None and phrase.hits[-1].kind in ("title",) and not phrase.hits[-1].entry.plural:
            _read_name(doc, phrase, sent_end)
    return phrases


def _abbreviation_of_previous(doc: Doc, phrase: Phrase) -> bool:
    """"Montenegro Municipality Association (AKK)": an acronym in brackets after a name abbreviates it;
    a known organisation's acronym stays (it names the body), anything else it matched is dropped."""
    s, e = phrase.start, phrase.end
    if e - s != 1 or s == 0 or e >= len(doc) or doc[s - 1].text != "(" or doc[e].text != ")":
        return False
    return phrase.hits[0].kind != "org" and doc[s].is_upper and s >= 2 and doc[s - 2].text[:1].isupper()


def _extend_name_of(doc: Doc, phrase: Phrase, sent_end: int) -> None:
    """"Association of African Jurists": a capitalised head term followed by "of"/"for" and capitalised
    words is a named body; its name runs to the last of them."""
    last = phrase.hits[-1]
    if last.kind != "term" or phrase.end != last.end or not doc[last.start].text[:1].isupper():
        return
    i = phrase.end
    if i + 1 >= sent_end or doc[i].lower_ not in ("of", "for"):
        return
    j = i + 1
    while j < sent_end and j - i <= 4 and (_is_name_gap(doc[j]) or (doc[j].lower_ in ("and", "the") and j > i + 1)):
        j += 1
    while j > i + 1 and not _is_name_gap(doc[j - 1]):
        j -= 1
    if j > i + 1:
        phrase.end = j


def _extend_proper_name(doc: Doc, phrase: Phrase, floor: int) -> None:
    """"the Or Avner Chabad school": capitalised words before a leading agent word name the body."""
    if phrase.hits and phrase.hits[0].kind not in ("term",):
        return
    i = phrase.start
    while i - 1 >= floor and phrase.start - i < 4:
        tok = doc[i - 1]
        if not tok.is_title or tok.text in NOT_NAMES or i - 1 == floor:
            break
        i -= 1
    phrase.start = i


def _read_name(doc: Doc, phrase: Phrase, sent_end: int) -> None:
    """After a singular title ("President", "counterpart"), the capitalised words that follow are a name."""
    last = phrase.hits[-1]
    if last.kind != "title" or last.entry.plural:
        return
    i = phrase.end
    names: list[int] = []
    while i < sent_end and sum(doc[k].is_alpha for k in names) < 5:
        tok = doc[i]
        if tok.text in NOT_NAMES and not names:
            break
        if tok.is_title or (tok.is_upper and tok.is_alpha and len(tok) > 1 and names) or (
            names and tok.lower_ in NAME_PARTICLES and i + 1 < sent_end and doc[i + 1].text[:1].isupper()
        ) or (names and tok.text == "-" and not tok.whitespace_):
            if tok.text in NOT_NAMES:
                break
            names.append(i)
            i += 1
            continue
        break
    while names and not doc[names[-1]].is_alpha:
        names.pop()
    if names:
        phrase.name_start, phrase.name_end = names[0], names[-1] + 1
        phrase.end = max(phrase.end, names[-1] + 1)


def name_text(doc: Doc, phrase: Phrase) -> str | None:
    """The person's name as written, without a trailing possessive."""
    if phrase.name_start is not None:
        return doc[phrase.name_start:phrase.name_end].text
    hit = phrase.first("person", "surname")
    return doc[hit.start:hit.end].text if hit else None


@dataclass(slots=True)
class Reading:
    """What a phrase says: the codes, the role, and how it was decided."""

    country: str | None = None
    sector: str | None = None
    kind: str = "agent"  # country | demonym | capital | igo | person | agent | group
    name: str | None = None
    role: str | None = None
    org: str | None = None
    person: str | None = None  # a person's name (known or not)
    known_person: bool = False
    explicit_country: bool = False  # the country was written in the phrase
    title_hit: Hit | None = None
    rule: str = ""
    source: str = ""
    qid: str | None = None


def read_phrase(doc: Doc, phrase: Phrase, kb: KnowledgeBase, date) -> Reading:
    """Country, sector, role and name of one phrase, as of ``date``."""
    r = Reading()
    _read_place(phrase, kb, date, r)
    title = phrase.first("title")
    r.title_hit = title
    person = name_text(doc, phrase)
    if person:
        _read_person(phrase, person, kb, date, r, doc)
    else:
        _read_agent(doc, phrase, r, kb)
    _apply_modifiers(phrase, r)
    if not r.rule:
        r.rule = "+".join(dict.fromkeys(phrase.kinds()))
    return r


def _read_place(phrase: Phrase, kb: KnowledgeBase, date, r: Reading) -> None:
    org_hit = phrase.first("org")
    if org_hit:
        found = kb.organization_at(org_hit.entry.key, date)
        if found:
            org, country, sector = found
            r.org, r.country, r.sector, r.name, r.source, r.qid = org.name, country, sector, org.name, org.source, org.qid
            r.kind = "igo" if org.kind == "igo" else ("group" if org.kind == "group" else "organization")
    place = phrase.first("country", "demonym", "capital")
    if place and org_hit and r.org and place.entry.country != r.country and r.country not in NON_STATE_CODES \
            and not kb.organizations[org_hit.entry.key].national:
        # "Serbian Labour Minister", "the Peruvian Congress": another country's body is a common word here
        r.org, r.name, r.kind, r.qid, r.country = None, None, "agent", None, None
    if place and r.country in TRANSNATIONAL_CODES:
        r.country = None  # "Kenya Red Cross", "Iraq's al-Qaeda": the national branch
    if place and (r.country is None or (org_hit and r.org and kb.organizations[org_hit.entry.key].national)):
        r.country = place.entry.country
        r.explicit_country = True
        if place.entry.sector == "PRE" and r.sector is None:
            r.sector = "PRE"
        if not r.org:
            r.name, r.source = place.entry.key, place.entry.source
            r.kind = place.kind
    elif place:
        r.explicit_country = True


def _read_person(phrase: Phrase, person: str, kb: KnowledgeBase, date, r: Reading, doc: Doc) -> None:
    known = _known_person(phrase, person, kb)
    r.person, r.kind, r.name = known or person, "person", known or person
    title = phrase.first("title")
    if title:
        r.role = _title_text(doc, phrase, title)
        r.sector = title.entry.sector if r.org is None or r.sector is None else r.sector
    if known:
        r.known_person = True
        role = kb.role_at(known, date)
        if role:
            r.qid = role.qid or kb.person_qids.get(known)
            r.source = role.source
            if not r.explicit_country or r.country is None:
                r.country = r.country or role.country
            if not title:
                r.sector, r.role = role.sector, role.title
            elif role.country == r.country and role.sector and title.entry.sector == "GOV" and role.sector != "ELI":
                r.sector = role.sector
    r.rule = "title-name" if title and r.country and r.explicit_country else ("title-name-kb" if title else "name")
    if not r.source:
        r.source = "rule:" + r.rule


def _known_person(phrase: Phrase, person: str, kb: KnowledgeBase) -> str | None:
    hit = phrase.first("person")
    if hit:
        return hit.entry.key
    for entry in kb.lookup(person):
        if entry.kind == "person":
            return entry.key
    if phrase.first("title") is not None or len(person.split()) > 1:
        return kb.near_person(person)  # "President Francois Mitterand": a misspelling of a known person
    return None


def _title_text(doc: Doc, phrase: Phrase, title: Hit) -> str:
    """The role as written, with "deputy"/"vice" kept: "Deputy Prime Minister"."""
    start = title.start
    for hit in reversed(phrase.hits[:phrase.hits.index(title)]):
        if hit.kind == "modifier" and hit.entry.sector == "RANK" and hit.end == start:
            start = hit.start
    words = doc[start:title.end].text
    return " ".join(w[:1].upper() + w[1:] for w in words.split())


def _read_agent(doc: Doc, phrase: Phrase, r: Reading, kb: KnowledgeBase) -> None:
    heads = [h for h in phrase.hits if h.kind in ("title", "term")]
    specific = [h for h in heads if h.entry.key not in kb.generic_heads]
    head = (specific or heads or [None])[-1]
    if head is None:
        if phrase.hits[0].kind == "demonym" and phrase.hits[0].entry.plural and r.sector is None:
            r.sector, r.kind = "CVL", "group"
        return
    if r.org and r.sector is not None and phrase.hits.index(head) < phrase.hits.index(phrase.first("org")):
        return  # "President of the European Council": the organisation's sector
    if r.org is None or r.sector is None or phrase.hits.index(head) > phrase.hits.index(phrase.first("org")):
        if r.org is None or r.sector is None:
            r.sector = head.entry.sector
    if r.org is None:
        r.kind, r.name = "agent", None
    if head.kind == "title" and not head.entry.plural:
        r.role = _title_text(doc, phrase, head)


def _apply_modifiers(phrase: Phrase, r: Reading) -> None:
    mods = {h.entry.sector for h in phrase.hits if h.kind == "modifier"} - {"RANK"}
    if not mods or (r.kind != "person" and phrase.last("title", "term") is None and not r.org):
        if "CVL" in mods and phrase.first("demonym") and phrase.first("demonym").entry.plural:
            r.sector = "CVL"
        return
    if "ELI" in mods and (r.sector in (None, "GOV", "MIL", "LEG", "JUD", "COP", "SPY") or r.kind == "person"):
        r.sector = "ELI"
    elif "OPP" in mods and r.sector not in ("LEG",):
        r.sector = "OPP"
    elif "REL" in mods and r.sector in (None, "CVL", "GOV", "SOC") and r.kind != "person":
        r.sector = "REL"
    elif "CVL" in mods and r.sector in (None,) and phrase.first("demonym"):
        r.sector = "CVL"
