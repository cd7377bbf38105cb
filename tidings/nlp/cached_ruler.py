"""An exact, faster stand-in for the English pipelines' ``attribute_ruler``.

The ruler maps tags to POS and morphology with a Matcher, at some 30 µs a
token — about a sixth of a full pass of the small English model. Yet its output
for a token depends only on that token (text, tag, dependency label), except
for a few two-token patterns ("ai n't", "gon na", "there is"), where it also
depends on the token before. So each distinct (text, tag, dep, what precedes)
is worked out once per process — by running the real ruler over the new tokens
alone, each after its predecessor when that matters — and copied thereafter.
tests/test_nlp.py checks that the output equals the stock pipeline's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

FACTORY = "tidings_cached_ruler"


class CachedRuler:
    def __init__(self, nlp: Language, ruler_name: str = "attribute_ruler"):
        self.ruler = dict(nlp.components)[ruler_name]
        firsts = [p["patterns"][0][0] for p in self.ruler.patterns if len(p["patterns"][0]) > 1]
        self.starts = [test for f in firsts if (test := _start_test(f))]
        longest = max((len(p["patterns"][0]) for p in self.ruler.patterns), default=1)
        # exact only when every multi-token pattern is two tokens whose first can be recognised
        # by its text or dependency label (and otherwise tests only text, tag or label)
        self.exact = longest <= 2 and len(self.starts) == len(firsts) and all(
            set(f) <= {"LOWER", "TAG", "DEP"} for f in firsts)
        self.cache: dict[tuple, tuple[int, int, int, int]] = {}

    def _keys(self, doc: Doc) -> list[tuple]:
        """Per token: its text, tag and label, and those of the neighbour it may form a pattern with."""
        is_start = [any(test(token) for test in self.starts) for token in doc]
        keys = []
        for token in doc:
            i = token.i
            before = _context(doc[i - 1]) if i > 0 and is_start[i - 1] else None
            after = _context(doc[i + 1]) if is_start[i] and i + 1 < len(doc) else None
            keys.append((token.orth, token.tag, token.dep, before, after))
        return keys

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact:
            return self.ruler(doc)
        keys = self._keys(doc)
        missing = {key: token for key, token in zip(keys, doc) if key not in self.cache}
        if missing:
            self._learn(doc, missing)
        for key, token in zip(keys, doc):
            pos, morph, lemma, dep = self.cache[key]
            token.pos, token.lemma = pos, lemma
            token.set_morph(morph)
            if dep != token.dep:
                token.dep = dep
        return doc

    def _learn(self, doc: Doc, missing: dict) -> None:
        """Run the real ruler over the unseen tokens, each (with the neighbour it may form a
        pattern with) as a sentence of its own."""
        targets, tokens, heads = [], [], []
        for key, token in missing.items():
            piece = ([doc[token.i - 1]] if key[3] else []) + [token] + ([doc[token.i + 1]] if key[4] else [])
            targets.append(len(tokens) + (1 if key[3] else 0))
            heads += [len(tokens) + len(piece) - 1] * len(piece)
            tokens += piece
        sample = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[False] * len(tokens),
                     tags=[t.tag_ for t in tokens], deps=[t.dep_ or "dep" for t in tokens], heads=heads)
        for original, copy in zip(tokens, sample):
            copy.dep = original.dep
            copy.lemma = original.lemma
            copy.set_morph(original.morph.key)
        sample = self.ruler(sample)
        for key, target in zip(missing, targets):
            token = sample[target]
            self.cache[key] = (token.pos, token.morph.key, token.lemma, token.dep)


def _context(token: Token) -> tuple[int, int, int]:
    return token.orth, token.tag, token.dep


def _value_test(spec) -> Callable[[str], bool] | None:
    """A test of one attribute value from a Matcher spec: a string, {IN: [...]} or {REGEX: ...}."""
    if isinstance(spec, str):
        return spec.__eq__
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return set(spec["IN"]).__contains__
    if isinstance(spec, dict) and set(spec) == {"REGEX"}:
        return re.compile(spec["REGEX"]).search
    return None


def _start_test(first: dict) -> Callable[[Token], bool] | None:
    """Whether a token may begin a two-token pattern, judged by its text or label (None: can't tell)."""
    if "LOWER" in first and (test := _value_test(first["LOWER"])):
        return lambda token: bool(test(token.lower_))
    if "DEP" in first and (test := _value_test(first["DEP"])):
        return lambda token: bool(test(token.dep_))
    return None


@Language.factory(FACTORY, requires=["token.tag", "token.dep"], assigns=["token.pos", "token.morph", "token.lemma"])
def make_cached_ruler(nlp: Language, name: str) -> CachedRuler:
    return CachedRuler(nlp)


def install(nlp: Language) -> Language:
    """Put the cached ruler in place of the stock ``attribute_ruler`` of ``nlp``, when it has one."""
    if FACTORY in nlp.component_names or "attribute_ruler" not in nlp.pipe_names:
        return nlp
    nlp.add_pipe(FACTORY, before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return nlp
