"""Article look-ups shared by pages, feeds and the organisations' public pages."""

from organisations.models import Body, Official

from .models import ArticleBodyLink, ArticleOfficialLink, ArticlePage
from .models.article import ITEM_FIELDS


def live_articles():
    """Live articles without their StreamField bodies, newest first: what every listing wants."""
    return ArticlePage.objects.live().defer_streamfields().order_by("-published_at", "-pk")


def listed_articles():
    """Live articles, newest first, with only what a list of items shows (ITEM_FIELDS)."""
    return live_articles().only(*ITEM_FIELDS)


def mentioning(obj):
    """Live articles linked to an official or a body, newest first (none for anything else).

    A subquery on the links (indexed by official or body, then page), not a join: each article
    once, without DISTINCT, and no walk through every article newest first."""
    if isinstance(obj, Official):
        links = ArticleOfficialLink.objects.filter(official=obj)
    elif isinstance(obj, Body):
        links = ArticleBodyLink.objects.filter(body=obj)
    else:
        return ArticlePage.objects.none()
    return live_articles().filter(pk__in=links.values("page_id"))


def articles_mentioning(obj, limit=20, offset=0):
    """Registered with organisations.mentions: one page of the articles `mentioning(obj)`."""
    return list(mentioning(obj)[offset : offset + limit])
