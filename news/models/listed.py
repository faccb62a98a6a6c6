"""A listed article: what an item of a list prints (its URL, title, time and lead), read as a
row rather than as a page. Building twenty Page instances (Wagtail's and modelcluster's
constructors, thirty-odd deferred fields each) cost more than the query that lists them."""

from django.db.models import Func

from wagtail.models import Page, Site

from ..prepared import PreparedByIds, PreparedRows
from .article import ITEM_FIELDS, ArticlePage
from .base import LISTING_PAGE_SIZE, PreparedListing, paginate, single_site_url_parts


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


def live_articles():
    """Live articles without their StreamField bodies, newest first: what every listing wants."""
    return ArticlePage.objects.live().defer_streamfields().order_by("-published_at", "-pk")


def listed_articles():
    """Live articles, newest first, with only what a list of items shows (ITEM_FIELDS)."""
    return live_articles().only(*ITEM_FIELDS)


class NotIndexed(Func):
    """`column`, which SQLite's planner may not look up by an index (a unary +; the column
    itself elsewhere). Given a section's path interval, SQLite reads every article of the
    section by the path index and sorts them (16–35 ms at 10,000 articles, 84 ms p50 under
    load); without it, it walks the date index newest first and stops at the page's last row
    (0.15 ms; page 50: 1.8 ms). A section with few articles costs a longer walk (an empty one,
    every article's date entry): bounded by the table, as a scan, and SQLite serves small sites."""

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"+{sql}", params


# A section's articles: its children, by the interval of their paths (treebeard's own, as
# news.models.base.child_by_slug) and their depth, as `child_of` would select them with LIKE.
CHILDREN_LISTED = PreparedRows(
    lambda first, last, depth: listed(
        listed_articles()
        .alias(tree_path=NotIndexed("path"), tree_depth=NotIndexed("depth"))
        .filter(tree_path__gte=first, tree_path__lte=last, tree_depth=depth)
    )
)

# Articles published in [start, end): the date archives.
PERIOD_LISTED = PreparedRows(
    lambda start, end: listed(
        listed_articles().filter(published_at__gte=start, published_at__lt=end)
    )
)


def _live_by_ids(*ids):
    return listed(ArticlePage.objects.live().filter(pk__in=ids).order_by())


LIVE_BY_IDS = PreparedByIds(_live_by_ids, LISTING_PAGE_SIZE, rows=True)


def listed_by_ids(ids):
    """The live articles of `ids` as ListedArticles, in the order of `ids`, in one query
    (prepared for a page's worth of ids)."""
    return [ListedArticle(*row) for row in LIVE_BY_IDS(ids)]


def paginate_listed(request, queryset):
    """One page of `queryset` (news.models.base.paginate) as ListedArticles."""
    return paginate(request, listed(queryset), item=ListedArticle)


def paginate_prepared(request, rows, *values):
    """One page of the prepared `rows` with `values` (PreparedListing) as ListedArticles."""
    return paginate(request, PreparedListing(rows, *values), item=ListedArticle)


def paginate_ids(request, ids):
    """One page of a list of article ids as ListedArticles."""
    page = paginate(request, ids)
    page.object_list = listed_by_ids(page.object_list)
    return page
