"""The spaCy component: ``nlp.add_pipe("tidings_actors")`` sets ``doc._.tidings_mentions``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions
from .kb import KnowledgeBase, default_kb
from .mentions import find_mentions


class ActorsComponent:
    """Finds and resolves actor mentions; the date is ``doc._.tidings_published`` (else today)."""

    def __init__(self, nlp: Language, name: str, actors_files: list[str] | None = None) -> None:
        register_extensions()
        self.name = name
        if actors_files:
            self.kb = KnowledgeBase()
            self.kb.add_files(actors_files)
        else:
            self.kb = default_kb()

    def __call__(self, doc: Doc) -> Doc:
        try:
            mentions = find_mentions(doc, doc._.tidings_published, self.kb)
        except Exception:  # a bad document is skipped, not the batch
            mentions = []
        return self.set_annotations(doc, mentions)

    @staticmethod
    def set_annotations(doc: Doc, mentions) -> Doc:
        doc._.tidings_mentions = mentions
        return doc


@Language.factory(
    "tidings_actors",
    assigns=["doc._.tidings_mentions"],
    default_config={"actors_files": []},
)
def make_actors_component(nlp: Language, name: str, actors_files: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, actors_files)
