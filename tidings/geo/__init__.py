"""Where: toponyms resolved offline against a gazetteer, and the place of each event.

``find_places`` finds and resolves an article's toponyms (``places``/``resolve``
over the ``gazetteer``); ``place_events`` gives an event the place the sentence
says it happened in (``events``); ``resolve_toponym`` resolves one name.
"""

from __future__ import annotations

from .events import place_events
from .places import find_places
from .resolve import GeoContext, resolve_toponym

__all__ = ["find_places", "place_events", "resolve_toponym", "GeoContext"]
