"""A listed article: what an item of a list prints (its URL, title, time and lead), read as a
row rather than as a page. Building twenty Page instances (Wagtail's and modelcluster's
constructors, thirty-odd deferred fields each) cost more than the query that lists them."""

from wagtail.models import Page, Site

from .article import ArticlePage
from .base import paginate, single_site_url_parts


def site_root_paths(request):
    """Site.get_site_root_paths(), kept on the request as Wagtail's pages keep it."""
    if request is None:
        return Site.get_site_root_paths()
    # Page's own method, which caches on the object it is given; it reads nothing of the page.
    return Page._get_site_root_paths(None, request)


class ListedArticle:
    FIELDS = ("pk", "title", "url_path", "locale_id", "published_at", "lead")
    __slots__ = FIELDS

    def __init__(self, pk, title, url_path, locale_id, published_at, lead):
        self.pk, self.title, self.url_path = pk, title, url_path
        self.locale_id, self.published_at, self.lead = locale_id, published_at, lead

    def get_url(self, request=None):
        """The URL ArticlePage.get_url gives: relative, on a site of one root."""
        sites = site_root_paths(request)
        relevant = tuple(site for site in sites if self.url_path.startswith(site.root_path))
        parts = single_site_url_parts(self.url_path, relevant)
        if parts is not None and len(sites) == 1:
            return parts[2]
        return self.as_page().get_url(request=request)  # several sites: Wagtail decides

    def as_page(self):
        return ArticlePage(
            id=self.pk, title=self.title, url_path=self.url_path, locale_id=self.locale_id
        )


def listed(queryset):
    """`queryset` of articles, as rows of what ListedArticle holds."""
    return queryset.values_list(*ListedArticle.FIELDS)


def first_listed(queryset, count):
    """The first `count` of `queryset` as ListedArticles."""
    return [ListedArticle(*row) for row in listed(queryset)[:count]]


def listed_by_ids(ids):
    """The live articles of `ids` as ListedArticles, in the order of `ids`, in one query."""
    found = {
        row[0]: ListedArticle(*row) for row in listed(ArticlePage.objects.live().filter(pk__in=ids))
    }
    return [found[pk] for pk in ids if pk in found]


def paginate_listed(request, queryset):
    """One page of `queryset` (news.models.base.paginate) as ListedArticles."""
    return paginate(request, listed(queryset), item=ListedArticle)


def paginate_ids(request, ids):
    """One page of a list of article ids as ListedArticles."""
    page = paginate(request, ids)
    page.object_list = listed_by_ids(page.object_list)
    return page
