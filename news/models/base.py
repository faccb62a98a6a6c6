"""What every page type of the site shares."""

import functools
import hashlib
import re
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from organisations.admin_widgets import vietnamese_slug_widget
from organisations.text import vn_slugify

from ..cache import generation_cached
from ..prepared import PreparedQuery

LISTING_PAGE_SIZE = 20

# What Wagtail's catch-all URL accepts with WAGTAIL_APPEND_SLASH (wagtail/urls.py).
_SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
_serve_prefixes = {}


def serve_url(path):
    """`reverse("wagtail_serve", args=(path,))`, or None for a path Wagtail's URL would not
    accept: the prefix Wagtail's URLs are served under is reversed once per URL configuration,
    then the path is quoted as `reverse` would quote it, once per process for each path."""
    key = (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    if key not in _serve_prefixes:
        _serve_prefixes[key] = reverse("wagtail_serve", args=("",))
    return _served(_serve_prefixes[key], path)


@functools.lru_cache(maxsize=16384)
def _served(prefix, path):
    """`prefix` + `path` quoted, or None for a path Wagtail's URL would not accept."""
    if not _SERVE_PATH.fullmatch(path):
        return None
    return prefix + quote(path, safe=RFC3986_SUBDELIMS + "/~:@")


def single_site_url_parts(url_path, sites):
    """Page.get_url_parts for the page at `url_path`, given the root paths of the sites it is
    under: for a page of one site, with Wagtail's default URL settings. None for anything else
    (Wagtail's own code then decides)."""
    if (
        len(sites) != 1
        or not getattr(settings, "WAGTAIL_APPEND_SLASH", True)
        or getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    ):
        return None
    site_id, root_path, root_url, _language = sites[0]
    url = serve_url(url_path[len(root_path) :])
    return None if url is None else (site_id, root_url, url)


@functools.cache
def child_by_slug(model):
    """The prepared query (news.prepared) for a child of type `model` with a slug, by the
    interval of the parent's children's paths (treebeard's own, as its `get_children`) and their
    depth: `child_of` would compare with LIKE, whose pattern the ORM rewrites."""
    return PreparedQuery(
        lambda first, last, depth, slug: model.objects.filter(
            path__gte=first, path__lte=last, depth=depth, slug=slug
        )
    )


def restricted_paths():
    """Paths of the pages that carry a view restriction: few, and read from the cache (saving a
    restriction replaces the page-cache generation, news.cache_signals)."""
    return generation_cached(
        None,
        "restricted-paths",
        lambda: frozenset(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class NewsPage(Page):
    """Base page: ASCII slugs from Vietnamese titles (đ→d), which Wagtail's own slugify drops."""

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", widget=vietnamese_slug_widget()),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            _("Cho công cụ tìm kiếm"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], _("Cho menu")),
    ]

    class Meta:
        abstract = True

    # The one page type this page's children are, if it has exactly one; lets routing load the
    # child with its specific fields in one query instead of two.
    routable_child_model = None

    def route(self, request, path_components):
        model = self.routable_child_model
        if not path_components or model is None:
            return super().route(request, path_components)
        first, last = self._get_children_path_interval(self.path)
        query = child_by_slug(model)(first, last, self.depth + 1, path_components[0])
        child = next(iter(query), None)
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_url_parts(self, request=None):
        """Wagtail's answer without a `reverse()` per page (a listing links twenty, at ~50 µs
        each), where single_site_url_parts can give it; anything else is left to Wagtail."""
        parts = single_site_url_parts(self.url_path, self._get_relevant_site_root_paths(request))
        return parts or super().get_url_parts(request)

    def get_view_restrictions(self):
        """Restrictions on this page or an ancestor: none, without a query, for the pages that
        have none; else one query (Wagtail's default walks the ancestors first). We do not use
        aliases; for one, fall back to Wagtail's own."""
        if self.alias_of_id:
            return super().get_view_restrictions()
        restricted = restricted_paths()
        steps = range(self.steplen, len(self.path) + 1, self.steplen)
        paths = [self.path[:n] for n in steps if self.path[:n] in restricted]
        if not paths:
            none = PageViewRestriction.objects.none()
            none._result_cache = []  # iterated on every page view: skip compiling the empty query
            return none
        return PageViewRestriction.objects.filter(page__path__in=paths)

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = self._get_autogenerated_slug(vn_slugify(self.title, max_length=240))
        super().full_clean(*args, **kwargs)


class ListingPaginator(Paginator):
    """Counts no further than it must: up to the requested page and one row beyond it (to know
    whether a next page exists), and at least COUNT_LIMIT rows. A section of 33,000 articles
    costs a count of 500 rows, not 33,000 (60–140 ms on PostgreSQL at 100,000 articles: the
    `live` flag and the date are in two tables, so no index answers the count). Below the limit
    the total is exact; at it, `capped` is true and templates say "more than"."""

    COUNT_LIMIT = 500

    def __init__(self, object_list, per_page, number=1):
        super().__init__(object_list, per_page)
        self.count_limit = max(self.COUNT_LIMIT, number * per_page + 1)

    @cached_property
    def count(self):
        if isinstance(self.object_list, PreparedListing):
            return self.object_list.count_upto(self.count_limit)
        if isinstance(self.object_list, QuerySet):
            # unordered: the database may stop at the limit instead of sorting every match
            counted = self.object_list.order_by()[: self.count_limit]
            return generation_cached(None, counted_key(counted), counted.count, in_process=False)
        return len(self.object_list)

    @property
    def capped(self):
        return self.count >= self.count_limit


def counted_key(queryset):
    """A key for the number of rows `queryset` has: its SQL and parameters. Kept under the page
    cache's generation, which every publication, unpublication, move or deletion replaces: a
    listing's count is then one query per generation (2–3 ms on PostgreSQL at 100,000 articles),
    not one per uncached page."""
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()
    return f"listing-count:{digest}"


class PreparedListing:
    """A listing read through prepared rows (news.prepared.PreparedRows) with its values: what a
    paginator asks of it (its count, a slice of its rows) without building a queryset or
    compiling SQL on each request; each page's rows are one statement to PostgreSQL."""

    def __init__(self, rows, *values):
        self.rows, self.values = rows, values

    def __getitem__(self, bounds):
        return self.rows(*self.values, limit=bounds.stop - bounds.start, offset=bounds.start)

    def count_upto(self, limit):
        """The number of rows, counted no further than `limit`; kept as counted_key says."""
        alias, sql, params = self.rows.statement(*self.values)
        digest = hashlib.sha256(repr((alias, sql, params, limit)).encode()).hexdigest()

        def count():
            return self.rows.build(*self.values).order_by()[:limit].count()

        return generation_cached(None, f"listing-count:{digest}", count, in_process=False)


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE, item=None):
    """One page of `queryset`; `?page=` that is not a number or past the end is a 404. With
    `item`, each row of the page is given to it (`item(*row)`) and the results are listed."""
    number = request.GET.get("page", 1)
    try:
        wanted = int(number)
    except (TypeError, ValueError):
        wanted = 1  # the paginator refuses it below, as Django's does
    paginator = ListingPaginator(queryset, per_page, number=wanted)
    try:
        page = paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404(str(exc)) from exc
    if item is not None:
        page.object_list = [item(*row) for row in page.object_list]
    return page
