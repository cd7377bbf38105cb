"""Who: actor mentions resolved to country, sector and dated role.

``find_mentions(doc, date, kb)`` is the pipeline stage; ``resolve(text, date)``
resolves one phrase; ``observe(article)`` reads dated role observations that a
``KnowledgeBase`` learns from (``add_observations``).
"""

from __future__ import annotations

from .kb import KnowledgeBase, Role, RoleObservation, default_kb
from .mentions import find_mentions
from .observe import observe
from .resolve import resolve

__all__ = ["find_mentions", "resolve", "observe", "KnowledgeBase", "Role", "RoleObservation", "default_kb"]
