"""The Wagtail Site serving a request, without a query once warm.

Wagtail looks the site up in the database on every request (`Site.find_for_request`: one query,
then `site.root_page.specific`: another) and keeps it on the request as `_wagtail_site`. The
answer changes only when a site or the home page is saved, which replaces the page-cache
generation (news.cache_signals), so it is cached under that generation and set on the request
before Wagtail asks. So are the site root paths every page URL is worked out from, which Wagtail
reads from the shared cache once per request (a file read in production without Redis).
"""

from wagtail.models import Site

from . import cache

NO_SITE = "none"  # cached too: a host that no site serves


def find_site(request):
    """What `Site.find_for_request` finds, with the root page's specific form already loaded."""
    site = Site._find_for_request(request)
    if site is None:
        return NO_SITE
    site.root_page.specific  # noqa: B018 (loaded now, so that it is cached with the site)
    return site


class CachedSiteMiddleware:
    """Sets `request._wagtail_site` for public pages; the admin looks it up as Wagtail does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(cache.EXCLUDED_PREFIXES):
            name = f"site:{request.get_host()}:{request.get_port()}"
            site = cache.generation_cached(request, name, lambda: find_site(request))
            request._wagtail_site = None if site == NO_SITE else site
            # where Wagtail's Page._get_site_root_paths keeps them for the request
            request._wagtail_cached_site_root_paths = cache.generation_cached(
                request, "site-root-paths", Site.get_site_root_paths
            )
        return self.get_response(request)
