"""The spaCy component: ``nlp.add_pipe("tidings_geo")`` sets ``doc._.tidings_places``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions
from .places import find_places


@Language.factory("tidings_geo", assigns=["doc._.tidings_places"], default_config={"fallback": False})
def make_geo(nlp: Language, name: str, fallback: bool) -> "GeoComponent":
    return GeoComponent(fallback)


class GeoComponent:
    """Finds and resolves the Doc's toponyms, using ``doc._.tidings_mentions`` as context when set."""

    def __init__(self, fallback: bool = False) -> None:
        register_extensions()
        self.fallback = fallback

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, find_places(doc, doc._.tidings_mentions or [], fallback=self.fallback))
        return doc

    def set_annotations(self, doc: Doc, places) -> None:
        doc._.tidings_places = places
