"""The event coder: for each parsed sentence, triggers → modality → actors → a coded Event.

Unparsed sentences are skipped: the pipeline parses every sentence that holds a
word from ``trigger_terms()``. Each Event records its trigger span, the lexicon
entry (``rule``) and a confidence; ``code_sentence`` also returns the trace
``tidings explain`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import Event, Mention
from ..nlp import sentences
from .lexicon import Lexicon, cameo_codes, load_lexicon, plover_types
from .match import Candidate, find_candidates
from .modality import Reading, read, speech_verb_above
from .article import fill_home_country, home_country, with_identified_actor
from .arguments import PRONOUNS, fill_countries, place_country, sentence_countries, source_of, target_of
from .roles import MentionIndex, actors_of, event_actor, subject_tokens



@dataclass(slots=True)
class ArticleState:
    """What the coder remembers from earlier sentences: recent subjects and the last speaker."""

    subjects: list[list[Mention]] = field(default_factory=list)
    speakers: list[list[Mention]] = field(default_factory=list)

    def recent_subjects(self) -> list[Mention]:
        return [m for group in reversed(self.subjects[-2:]) for m in group]

    def last_speaker(self) -> list[Mention]:
        for group in reversed(self.speakers[-2:]):
            if group:
                return group
        return []


@dataclass(slots=True)
class Trace:
    """Why a sentence got the events it got: for ``tidings explain``."""

    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    readings: dict[int, Reading] = field(default_factory=dict)


def code_events(doc: Doc, mentions: list[Mention], quotes: list | None = None,
                require_actor: bool = True) -> list[Event]:
    """The events each parsed sentence of ``doc`` reports, with source and target from ``mentions``.

    Actors without a country take the article's home country (``events.article``); with
    ``require_actor`` an event none of whose actors has a country is dropped, as PLOVER codes none.
    """
    lexicon = load_lexicon()
    text = doc.text  # rebuilt from the tokens on each access: read once
    index = MentionIndex(doc, mentions, text)
    state = ArticleState()
    events: list[Event] = []
    for sent, parsed in sentences(doc):
        if not parsed:
            state.subjects.append([])
            state.speakers.append([])
            continue
        found, _ = code_sentence(sent, index, lexicon, state)
        events.extend(found)
    if events:
        international = lexicon.roles.get("international_codes", frozenset())
        fill_home_country(events, home_country(doc, text, mentions, international))
    return with_identified_actor(events) if require_actor else events


def code_sentence(sent: Span, index: MentionIndex, lexicon: Lexicon, state: ArticleState) -> tuple[list[Event], Trace]:
    """Events of one parsed sentence, and the trace of how they were found."""
    trace = Trace()
    quoted = sent.text.lstrip().startswith(("“", '"'))

    def in_claim(token: Token) -> bool:
        verb = token.head if token.dep_ in ("aux", "auxpass") else token  # "X must ...": from the verb
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return quoted or speech_verb_above(verb, lexicon) is not None

    candidates, notes = find_candidates(sent, lexicon, index.tokens, in_claim)
    trace.candidates, trace.notes = candidates, notes
    events = []
    for cand in candidates:
        if cand.entry.no_event or cand.entry.type is None:
            trace.notes.append(f"'{cand.token.text}' is an appeal or statement (CAMEO 01/02): no event")
            continue
        reading = read(cand.verb, cand.token, sent, lexicon)
        trace.readings[cand.token.i] = reading
        events.append(_build_event(cand, reading, sent, index, lexicon, state))
    _remember(sent, index, lexicon, state)
    return events, trace


def _resolve(tokens: list[Token], index: MentionIndex, state: ArticleState, speaker: list[Mention],
             exclude: list[Mention]) -> list[Mention]:
    """Actors of argument tokens, resolving bare pronouns to the speaker or a recent subject."""
    found = actors_of(tokens, index)
    if found or not tokens:
        return found
    token = tokens[0]
    if token.lower_ not in PRONOUNS:
        return found
    quoted_only = bool(speaker) and getattr(speaker, "quoted", False)
    persons = ("we", "i") if quoted_only else ("he", "she", "it", "they", "we", "i")
    if token.lower_ in persons and speaker:  # in a quote "they" is someone else, "we" the speaker's side
        return list(speaker)
    excluded = {(m.actor.country if m.actor else m.text) for m in exclude}
    for m in state.recent_subjects():
        if (m.actor.country if m.actor else m.text) not in excluded:
            return [m]
    return []


def _speaker(reading: Reading, index: MentionIndex, state: ArticleState) -> list[Mention]:
    """Who makes the claim: the subject of the speech verb above, or the last speaker for a quote."""
    if reading.speech_verb is not None:
        return actors_of(subject_tokens(reading.speech_verb), index)
    if reading.in_quote:
        return _QuotedSpeaker(state.last_speaker())
    return []


class _QuotedSpeaker(list):
    """The speaker of a direct quote: only "I"/"we" in the quote stand for them."""

    quoted = True


def _claim_roles(cand: Candidate, index: MentionIndex, speaker: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """For a claim-only entry: the speaker accuses (or demands of) the clause's subject."""
    token = cand.token
    if cand.entry.pos in ("adj", "noun") and token.dep_ == "amod":
        token = token.head
    verb = token.head if token.dep_ in ("attr", "acomp", "amod", "aux", "oprd") else token
    return list(speaker), actors_of(subject_tokens(verb), index)


def _roles(cand: Candidate, index: MentionIndex, state: ArticleState, speaker: list[Mention], lexicon: Lexicon):
    """Source and target of a non-claim entry (tidings.events.arguments)."""
    source = source_of(cand, index, lambda toks, excl: _resolve(toks, index, state, speaker, excl), lexicon)
    target = target_of(cand, source, index, lambda toks, excl: _resolve(toks, index, state, [], excl), lexicon)
    return source, target


def _transform(type_: str, cameo: str | None, mode: str | None, reading: Reading, lexicon: Lexicon):
    """Apply PLOVER's modality rules to (type, cameo, mode); returns the new triple and negated flag."""
    table = lexicon.transforms
    negated = reading.negated
    rule = None
    if negated and type_ in table.get("negated", {}):
        rule, negated = table["negated"][type_], False
    elif negated and reading.modality != "asserted" and type_ in table.get("negated_future", {}):
        rule, negated = table["negated_future"][type_], False
    elif not negated and reading.modality in ("conditional", "future"):
        rule = table.get(reading.modality, {}).get(type_)
    if rule is None:
        return type_, cameo, mode, negated, ""
    return rule["type"], rule.get("cameo", cameo), rule.get("mode", mode), negated, f"+{reading.modality if not reading.negated else 'negated'}:{type_}→{rule['type']}"


def _build_event(cand: Candidate, reading: Reading, sent: Span, index: MentionIndex, lexicon: Lexicon,
                 state: ArticleState) -> Event:
    entry = cand.entry
    type_, cameo, mode = entry.type, entry.cameo, entry.mode
    for absorbed in cand.absorbed:
        if not _verb_chain(cand.verb, absorbed.verb):
            continue  # "agreed to launch an alliance to fight deforestation": the alliance fights, not a threat
        sub = lexicon.transforms.get("governed", {}).get(type_, {}).get(absorbed.entry.type or "")
        if sub:  # "vowed to attack" is a THREATEN, "agreed to withdraw" an AGREE with CAMEO 035
            type_, cameo, mode = sub.get("type", type_), sub.get("cameo", cameo), sub.get("mode", mode)
            break
    speaker = _speaker(reading, index, state)
    if entry.claim:
        source, target = _claim_roles(cand, index, speaker)
    else:
        source, target = _roles(cand, index, state, speaker, lexicon)
    if not all(_has_country(m) for m in source + target):
        source, target, filled = fill_countries(source, target, sentence_countries(sent, index, lexicon, cand.token),
                                                place_country(cand, index, lexicon))
    else:
        filled = False
    type_, cameo, mode, negated, transform_rule = _transform(type_, cameo, mode, reading, lexicon)
    if type_ == "CONSULT" and mode is None:
        mode, cameo = _visit_mode(cand.verb, source, target, index, mode, cameo)
    claimed = None if entry.claim else next((m for m in speaker if all(m is not s for s in source)), None)
    return _event(cand, type_, cameo, mode, negated, reading, source, target, claimed, sent,
                  entry.rule + transform_rule + ("+country:sentence" if filled else ""))


def _verb_chain(top: Token, low: Token) -> bool:
    """Whether ``low`` is what ``top`` commits to: reached through complement clauses only ("vowed to
    attack", "agreed that ... would withdraw"), not a purpose clause or a noun ("to launch an alliance to fight")."""
    node = low
    for _ in range(8):
        if node.i == top.i:
            return True
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp"):
            return False
        node = node.head
    return False


def _has_country(m: Mention) -> bool:
    return bool(m.actor and m.actor.country)


def _visit_mode(verb: Token, source: list[Mention], target: list[Mention], index: MentionIndex, mode, cameo):
    """A meeting held in the target's country is a visit by the source (CAMEO 042)."""
    places = actors_of([p for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "in"
                        for p in t.children if p.dep_ == "pobj"], index)
    src = {m.actor.country for m in source if m.actor}
    tgt = {m.actor.country for m in target if m.actor}
    for place in places:
        country = place.actor.country if place.actor else None
        if country and country in tgt and country not in src:
            return "visit", "042"
        if country and country in src and tgt and country not in tgt:
            return "visit", "043"
    return mode, cameo


def _event(cand: Candidate, type_: str, cameo: str | None, mode: str | None, negated: bool, reading: Reading,
           source: list[Mention], target: list[Mention], claimed: Mention | None, sent: Span, rule: str) -> Event:
    codes = cameo_codes().get(cameo or "", {})
    plover = plover_types().get(type_, {})
    intensity = plover.get("mode_scores", {}).get((mode or "").lower(), plover.get("score"))
    contexts = list(cand.entry.contexts) or list(codes.get("contexts", []))
    token = cand.token
    confidence = 0.6 + 0.1 * min(cand.entry.specificity, 2) + (0.1 if source else 0.0) + (0.05 if target else 0.0)
    if reading.modality != "asserted":
        confidence -= 0.05
    return Event(
        plover_type=type_, source=[event_actor(m) for m in source], target=[event_actor(m) for m in target],
        mode=mode, contexts=contexts, cameo_code=cameo, goldstein=codes.get("goldstein"), intensity=intensity,
        quad_class=plover.get("quad_class"), negated=negated, modality=reading.modality,
        claimed_by=event_actor(claimed) if claimed else None,
        sentence=sent.text.strip(), sentence_start=sent.start_char, sentence_end=sent.start_char + len(sent.text.rstrip()),
        trigger=token.text, trigger_start=token.idx, trigger_end=token.idx + len(token.text),
        rule=rule, confidence=round(min(confidence, 0.95), 2),
    )


def _remember(sent: Span, index: MentionIndex, lexicon: Lexicon, state: ArticleState) -> None:
    """Keep this sentence's subject actors and speaker for pronouns and quotes in the next ones."""
    root = sent.root
    state.subjects.append(actors_of(subject_tokens(root), index))
    speech = lexicon.modality.get("speech_verbs", frozenset())
    speakers: list[Mention] = []
    for token in sent:
        if token.lemma_.lower() in speech and token.pos_ == "VERB":
            speakers = actors_of(subject_tokens(token), index) or speakers
    state.speakers.append(speakers)
