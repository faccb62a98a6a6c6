"""Absolute URLs for canonical links, feeds, sitemaps and structured data.

They are built from the Wagtail Site record (its hostname and port), not from the request's Host
header: a canonical URL must be the same whichever host name served the page, and the site root
paths are cached by Wagtail, so this costs no query once warm.
"""

import functools
from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static

from wagtail.models import Site


def _site_root_paths(request=None):
    """Wagtail's site root paths, read from the cache once per request: kept where Wagtail's
    own `Page.get_url_parts` keeps them, so page URLs and these share one read."""
    if request is None:
        return Site.get_site_root_paths()
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def site_root_url(request=None):
    """ "https://example.vn" (no trailing slash) for the Wagtail site serving `request`."""
    root_paths = _site_root_paths(request)
    site = getattr(request, "_wagtail_site", None) if request is not None else None
    for root_path in root_paths:
        if site is None or root_path.site_id == site.pk:
            return root_path.root_url.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return ""


def absolute_url(path, request=None):
    """`path` ("/nhan-vat/x/") made absolute on the site's canonical host; absolute URLs pass."""
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("/") and not path.startswith("//"):
        return site_root_url(request) + path  # what urljoin gives, without its parsing
    return urljoin(site_root_url(request) + "/", path)


@functools.lru_cache(maxsize=64)
def _static_url(path):
    return static(path)


def absolute_static(path, request=None):
    """A file in static/ as an absolute URL (og:image, publisher logo). The file's URL is looked
    up once per process (in the manifest of hashed names, ~20 µs); with DEBUG on, every time."""
    url = static(path) if settings.DEBUG else _static_url(path)
    return absolute_url(url, request)


def page_url(page, request=None):
    """A Wagtail page's absolute URL (Wagtail's own full URL, with our fallback for previews)."""
    return page.get_full_url(request) or absolute_url(page.url or "/", request)
