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


def articles_mentioning(obj, limit=20, offset=0):
    """Registered with organisations.mentions: articles linked to an official or a body."""
    if isinstance(obj, Official):
        links = ArticleOfficialLink.objects.filter(official=obj)
    elif isinstance(obj, Body):
        links = ArticleBodyLink.objects.filter(body=obj)
    else:
        return []
    # A subquery on the links (indexed by official or body, then page), not a join: each
    # article once, without DISTINCT, and no walk through every article newest first.
    articles = live_articles().filter(pk__in=links.values("page_id"))
    return list(articles[offset : offset + limit])
