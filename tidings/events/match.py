"""Finding trigger candidates in one parsed sentence: lexicon look-up by lemma, then constraints.

One pass over the sentence's tokens; each token is looked up once in the lemma
index and only the few entries for that lemma are checked against its
dependents. Candidates that sit inside another candidate's clause are then
absorbed (``threatened to cut off aid`` is one THREATEN, not also a SANCTION).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Entry, Lexicon

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
ACTOR_PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "us", "it"}
OBJECT_DEPS = {"dobj", "obj", "dative"}
# A trigger whose path to the root crosses one of these is background, not the sentence's report.
BLOCK_ANCESTOR_DEPS = {"relcl", "appos", "csubj", "csubjpass", "nsubj", "nsubjpass", "pcomp", "pobj", "amod", "compound"}
BLOCK_OWN_DEPS = {"relcl", "appos", "csubj", "csubjpass", "amod", "compound", "pcomp", "nmod", "poss"}
# What a trigger absorbs below it; governors (agree to, threaten to, accuse of) absorb more.
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "acl", "oprd"}
GOVERNED_DEPS = CLAUSE_DEPS | {"dobj", "prep", "pcomp", "pobj", "attr", "dative", "acomp"}


@dataclass(slots=True)
class Candidate:
    """A token that matched a lexicon entry, and why."""

    token: Token
    entry: Entry
    verb: Token  # the verb that carries tense and arguments (the trigger, or a noun's light verb)
    reason: str = ""
    absorbed: list["Candidate"] = field(default_factory=list)
    absorbed_by: "Candidate | None" = None


def _pos_ok(token: Token, entry: Entry) -> bool:
    if entry.pos == "verb":
        return token.pos_ == "VERB"
    if entry.pos == "noun":
        return token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound"
    if entry.pos == "adj":
        return token.pos_ in ("ADJ", "VERB") and token.dep_ in ("acomp", "amod", "attr", "ROOT", "oprd", "advcl", "xcomp")
    if entry.pos == "aux":
        return token.dep_ in ("aux", "auxpass")
    return False


def _objects(token: Token) -> list[Token]:
    objs = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if not objs and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        objs = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not objs and token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
        objs = [token.head]
    return objs


def _is_actorish(token: Token, mention_tokens: set[int]) -> bool:
    return token.i in mention_tokens or token.ent_type_ in ENTITY_LABELS or token.lower_ in ACTOR_PRONOUNS


def _has_mention_in(token: Token, mention_tokens: set[int]) -> bool:
    return any(t.i in mention_tokens for t in token.subtree)


def _check_object(token: Token, entry: Entry, lexicon: Lexicon, mention_tokens: set[int]) -> str | None:
    """'' when the entry's object constraints hold, a reason string otherwise None."""
    objs = _objects(token)
    if entry.object:
        hit = [o for o in objs if o.lemma_.lower() in entry.object or o.lower_ in entry.object
               or any(c.dep_ == "compound" and c.lemma_.lower() in entry.object for c in o.children)]
        if not hit:
            return None
    if entry.object_actor and not any(_is_actorish(o, mention_tokens) for o in objs):
        return None
    if entry.object_person and not any(
        _is_actorish(o, mention_tokens) or o.lemma_.lower() in lexicon.people_nouns or o.lower_ in lexicon.people_nouns
        or _has_mention_in(o, mention_tokens)
        for o in objs
    ):
        return None
    return ""


def _check_noun(token: Token, entry: Entry) -> bool:
    head = token.head
    placed = False
    if entry.light and token.dep_ in ("dobj", "attr", "nsubjpass", "obj", "conj") and head.lemma_.lower() in entry.light:
        placed = True
    if entry.light and token.dep_ == "pobj" and head.head.lemma_.lower() in entry.light and head.dep_ in ("prep", "prt"):
        placed = True
    if entry.subject_of and token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in entry.subject_of:
        placed = True
    if entry.prep_head and token.dep_ == "pobj" and head.lemma_.lower() in entry.prep_head:
        placed = True
    if entry.predicative and token.dep_ in ("attr", "appos", "oprd"):
        placed = True
    if not (entry.light or entry.subject_of or entry.prep_head or entry.predicative):
        placed = token.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX")
    return placed


def _modifiers(token: Token) -> set[str]:
    return {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}


def entry_matches(token: Token, entry: Entry, lexicon: Lexicon, mention_tokens: set[int]) -> str | None:
    """Why ``entry`` fits ``token`` (a short reason), or None when a constraint fails."""
    if not _pos_ok(token, entry):
        return None
    reasons = [f"{entry.pos} '{token.lemma_}'"]
    if entry.pos == "noun" and not _check_noun(token, entry):
        return None
    if entry.pos == "adj" and entry.predicative and not (
        token.dep_ in ("acomp", "attr", "oprd") or (token.dep_ == "amod" and token.head.dep_ in ("attr", "acomp", "oprd"))
    ):
        return None
    if entry.pos == "adj" and not entry.predicative and token.dep_ == "amod":
        return None
    mods = _modifiers(token)
    if entry.modifier and not (mods & entry.modifier):
        return None
    if entry.not_modifier and mods & entry.not_modifier:
        return None
    if entry.no_object and any(c.dep_ in OBJECT_DEPS for c in token.children):
        return None
    if entry.pos == "verb" and _check_object(token, entry, lexicon, mention_tokens) is None:
        return None
    if entry.object:
        reasons.append("object in " + "/".join(sorted(entry.object)[:3]) + "…")
    if entry.particle and not any(c.dep_ == "prt" and c.lower_ == entry.particle for c in token.children):
        return None
    if entry.prep and not any(c.dep_ in ("prep", "agent") and c.lower_ in entry.prep for c in token.children):
        return None
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    if entry.clause and not any(c.lemma_.lower() in entry.clause for c in clauses):
        return None
    if entry.needs_clause and not clauses:
        return None
    if entry.noun_of and not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in entry.noun_of or
                                                       _modifiers(g) & entry.noun_of for g in c.children)
        for c in token.children
    ):
        return None
    if entry.pos == "noun":
        reasons.append(f"as {token.dep_} of '{token.head.lemma_}'")
    return ", ".join(reasons)


def _blocked(token: Token, entry: Entry, root: Token, lexicon: Lexicon, mention_tokens: set[int]) -> str | None:
    """Why a trigger is background (inside a relative clause, a subject, a modifier, a temporal
    clause, a participle or infinitive describing a thing), or None."""
    if entry.pos in ("verb", "adj") and not entry.predicative and token.dep_ in BLOCK_OWN_DEPS:
        return f"trigger is {token.dep_}"
    node = token
    while node.head.i != node.i and node.i != root.i:
        parent = node.head
        if parent.head.i != parent.i and parent.dep_ in BLOCK_ANCESTOR_DEPS and not (
            parent.dep_ == "pobj" and node.dep_ == "acl" and _copular_chain(parent)
        ):
            return f"inside a {parent.dep_} of '{parent.head.text}'"
        why = _background_clause(node, lexicon, mention_tokens)
        if why:
            return why
        node = parent
    return None


def _background_clause(node: Token, lexicon: Lexicon, mention_tokens: set[int]) -> str | None:
    """Clauses that tell the background of the report rather than the report itself."""
    if node.dep_ == "advcl":
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & lexicon.modality.get("background_marks", frozenset()):
            return f"in a background clause ('{sorted(marks)[0]} ...')"
    if node.dep_ == "acl" and node.pos_ == "VERB" and node.head.pos_ in ("NOUN", "PROPN"):
        head = node.head
        if _is_actorish(head, mention_tokens) or head.lemma_.lower() in lexicon.people_nouns:
            return None  # "the first countries to recognize", "militiamen armed with"
        if node.tag_ == "VBN":  # "weapons seized last year": a description of the weapons
            return f"a participle describing '{head.text}'"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):  # "the right to fire"
            return f"an infinitive describing '{head.text}'"
    return None


def _copular_chain(node: Token) -> bool:
    """True inside "X was one of the first countries to recognize ...": the clause still reports X's act."""
    head = node
    for _ in range(5):
        if head.dep_ in ("attr", "acomp") and head.head.lemma_ == "be":
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _verb_of(token: Token, entry: Entry) -> Token:
    if entry.pos == "noun":
        head = token.head
        if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            return head.head
        return head if head.pos_ in ("VERB", "AUX") else token
    if entry.pos in ("adj", "aux"):
        return token.head if token.dep_ in ("amod", "aux", "auxpass") else token
    return token


def find_candidates(sent: Span, lexicon: Lexicon, mention_tokens: set[int], in_claim) -> tuple[list[Candidate], list[str]]:
    """Every lexicon match in ``sent`` that is reportable, with notes on the ones dropped."""
    root = sent.root
    found: list[Candidate] = []
    notes: list[str] = []
    for token in sent:
        entries = lexicon.lookup(token.lemma_.lower(), token.lower_)
        if not entries:
            continue
        best: tuple[int, Entry, str] | None = None
        for entry in entries:
            reason = entry_matches(token, entry, lexicon, mention_tokens)
            if reason is None:
                continue
            if best is None or entry.specificity > best[0]:
                best = (entry.specificity, entry, reason)
        if best is None:
            notes.append(f"'{token.text}': lexicon entries exist but no constraint matched")
            continue
        entry, reason = best[1], best[2]
        why = _blocked(token, entry, root, lexicon, mention_tokens)
        if why:
            notes.append(f"'{token.text}' ({entry.type or 'no-event'}): skipped, {why}")
            continue
        if entry.claim and not in_claim(token):
            notes.append(f"'{token.text}' ({entry.type}): codes only inside someone's claim")
            continue
        found.append(Candidate(token, entry, _verb_of(token, entry), reason))
    return _absorb(found, notes), notes


def _path_child(ancestor: Token, token: Token) -> Token | None:
    """The child of ``ancestor`` on the path down to ``token`` (None if not a descendant)."""
    node = token
    while node.head.i != node.i:
        if node.head.i == ancestor.i:
            return node
        node = node.head
    return None


def _absorb(found: list[Candidate], notes: list[str]) -> list[Candidate]:
    """Drop candidates inside another's clause; a noun with its light verb beats the verb."""
    by_token = {c.token.i: c for c in found}
    for cand in found:
        if cand.entry.pos == "noun" and cand.verb.i in by_token and cand.verb.i != cand.token.i:
            verb_cand = by_token[cand.verb.i]
            if verb_cand.absorbed_by is not None or verb_cand.entry.no_event:
                continue
            if verb_cand.entry.governs or verb_cand.entry.object:  # "rejected an invitation", "called off a strike"
                cand.absorbed_by = verb_cand
                verb_cand.absorbed.append(cand)
                notes.append(f"the noun '{cand.token.text}' is what '{verb_cand.token.text}' acts on")
            else:  # a light verb: "launched an attack"
                verb_cand.absorbed_by = cand
                notes.append(f"'{verb_cand.token.text}' gives way to the noun '{cand.token.text}'")
    for cand in found:
        if cand.absorbed_by is not None:
            continue
        for other in found:
            if other is cand or other.absorbed_by is not None:
                continue
            child = _path_child(other.verb, cand.verb) if other.verb.i != cand.verb.i else None
            if other.entry.pos == "noun" and other.token.i != cand.token.i:  # "demonstrations to demand reforms"
                own = _path_child(other.token, cand.verb)
                if own is not None and own.dep_ in CLAUSE_DEPS:
                    child = own
            if child is None or child.dep_ in ("nsubj", "nsubjpass", "csubj", "conj", "cc", "punct", "parataxis"):
                continue
            deps = GOVERNED_DEPS if (other.entry.governs or other.entry.no_event) else CLAUSE_DEPS
            if child.dep_ in deps:
                cand.absorbed_by = other
                other.absorbed.append(cand)
                notes.append(f"'{cand.token.text}' is inside the clause of '{other.token.text}' ({child.dep_})")
                break
    return [c for c in found if c.absorbed_by is None]
