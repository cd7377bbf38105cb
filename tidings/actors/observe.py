"""Learning roles from the news: what an article says about who holds which office."""

from __future__ import annotations

from ..models import Article
from .kb import RoleObservation
from .mentions import OBSERVING_RULES


def observe(article: Article) -> list[RoleObservation]:
    """Dated role observations from an analysed article's mentions.

    Only phrases that state a title and a country next to a full name count
    ("Israeli President Isaac Herzog", "his Azerbaijani counterpart Ilham
    Aliyev", "Harry Tseng, Taiwan's deputy foreign minister"): the article's
    publication date is when the role was observed.
    """
    seen: set[tuple] = set()
    observations: list[RoleObservation] = []
    for mention in article.mentions:
        actor = mention.actor
        if mention.rule not in OBSERVING_RULES or actor is None or actor.kind != "person" or not actor.country:
            continue
        if len(actor.name.split()) < 2:
            continue
        key = (actor.name, actor.country, actor.sector, actor.role)
        if key in seen:
            continue
        seen.add(key)
        observations.append(RoleObservation(
            person=actor.name, country=actor.country, sector=actor.sector, title=actor.role,
            observed_on=article.published, article_id=article.id, evidence=mention.text,
        ))
    return observations
