"""What: PLOVER events per sentence, with CAMEO codes, modality, actors and evidence.

``code_events(doc, mentions)`` codes every parsed sentence of an article Doc;
``trigger_terms()`` lists the words that may trigger an event (so the pipeline
parses those sentences); ``merge_repeated(events)`` folds repeated reports of one
event into one. The lexicon lives in ``tidings/data/events/`` (docs/events.md).
"""

from __future__ import annotations

from .coder import code_events, code_sentence
from .lexicon import load_lexicon, trigger_forms_by_pos, trigger_terms
from .merge import merge_repeated
from .roles import warm_up

__all__ = ["code_events", "code_sentence", "load_lexicon", "merge_repeated", "trigger_forms_by_pos", "trigger_terms",
           "warm_up"]
