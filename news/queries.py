"""Article look-ups shared by pages, feeds and the organisations' public pages."""

from organisations.models import Body, Official

from .models import ArticlePage


def live_articles():
    """Live articles without their StreamField bodies, newest first: what every listing wants."""
    return ArticlePage.objects.live().defer_streamfields().order_by("-published_at", "-pk")


def articles_mentioning(obj, limit=20, offset=0):
    """Registered with organisations.mentions: articles linked to an official or a body."""
    if isinstance(obj, Official):
        articles = live_articles().filter(official_links__official=obj)
    elif isinstance(obj, Body):
        articles = live_articles().filter(body_links__body=obj)
    else:
        return []
    return list(articles.distinct()[offset : offset + limit])
