"""Article look-ups shared by pages, feeds and the organisations' public pages."""

from organisations.models import Body, Official

from .cache import generation_cached
from .models import ArticleBodyLink, ArticleOfficialLink, ArticlePage
from .models.base import ListingPaginator
from .models.listed import first_listed, listed_articles, listed_by_ids, live_articles

# The most articles of one official or body kept as ids (mentioning_ids): below the listings'
# count limit, so that a list of them states its exact total, as a counted one would.
MENTION_IDS_LIMIT = ListingPaginator.COUNT_LIMIT - 1


__all__ = ["listed_articles", "live_articles", "mentioning", "mentioning_ids"]


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


def mentioning_ids(obj, request=None):
    """The ids of `mentioning(obj)`, newest first, or None when there are none or more than
    MENTION_IDS_LIMIT. Kept under the page-cache generation, which every publication,
    unpublication, move or deletion replaces: an official's list (their page, the /tin-tuc/
    filter by them) then costs one query per generation for the order (joining their few
    hundred links to their pages and sorting them: 2–4 ms of PostgreSQL at 100,000 articles),
    and one by primary key for the twenty rows a page shows."""
    kind = "official" if isinstance(obj, Official) else "body"

    def load():
        ids = list(mentioning(obj).values_list("pk", flat=True)[: MENTION_IDS_LIMIT + 1])
        return ids if len(ids) <= MENTION_IDS_LIMIT else False  # None is "not cached"

    ids = generation_cached(request, f"mentioning-ids:{kind}:{obj.pk}", load)
    # None for too many (False) and for none at all ([]): the query then answers, which for
    # none costs what reading twenty rows would, so a page's query count stays the same.
    return ids or None


def articles_mentioning(obj, limit=20, offset=0):
    """Registered with organisations.mentions: one page of the articles `mentioning(obj)`."""
    ids = mentioning_ids(obj)
    if ids is None:  # as rows: twenty Wagtail pages cost more to build than to list
        return first_listed(mentioning(obj)[offset:], limit)
    return listed_by_ids(ids[offset : offset + limit])
