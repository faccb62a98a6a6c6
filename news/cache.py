"""Whole-page cache for anonymous readers that is never stale, and CDN purges.

Every cache key includes a "generation" token. Any change that a public page may show
(publishing, unpublishing or correcting an article; an official, tenure, post, body, indicator or
observation saved or deleted) replaces the token, so every cached page is dropped at once: cheap,
and correct without knowing which pages print what. The token is replaced both when the change
is made and again when its transaction commits, so a page rendered from the old data while the
transaction was open is never served afterwards.

Only anonymous GET/HEAD requests without a session cookie are looked up or stored, and only
200 responses that set no cookie; so editors and previews (which are under /admin/ and carry a
session) never read or poison the public cache. Responses for logged-in users get
`Cache-Control: private, no-store`; public ones `public, max-age=…, s-maxage=…`.

A CDN in front (wagtail.contrib.frontend_cache, WAGTAILFRONTENDCACHE) is sent purges for the URLs
a change affects; `s-maxage` is long only when such a purge backend is configured.
"""

import contextvars
import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/django-admin/", "/healthz", "/bench/")
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Link")
MAX_CACHED_QUERY = 300  # longer query strings are served but not stored (cache pollution)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def current_generation():
    """The token in every key; created if missing (evicted, or a fresh Redis)."""
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


# The request being served (PageCacheMiddleware), for code that is not handed it (a block's
# figures, a page's view restrictions): it then reads the request's generation too.
_current_request = contextvars.ContextVar("news_cache_request", default=None)


def request_generation(request):
    """The generation for this request, read once: the page, site and navigation caches of one
    request agree, and the cache is asked once."""
    request = request or _current_request.get()
    if request is None:  # e.g. a page routed outside a request
        return current_generation()
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = current_generation()
    return request._page_cache_generation


_memo = {"generation": None, "since": 0.0, "values": {}}


def process_memo(generation):
    """What this process has already read from the cache under `generation`. Values kept under
    a generation never change (a change makes a new one), so each is read from the shared cache
    and unpickled once per process, not on every request; dropped when the generation moves, or
    after PAGE_CACHE_TIMEOUT, as the shared entries expire (for a change no signal reported)."""
    now = time.monotonic()
    if _memo["generation"] != generation or now - _memo["since"] > settings.PAGE_CACHE_TIMEOUT:
        _memo.update(generation=generation, since=now, values={})
    return _memo["values"]


def generation_cached(request, name, compute, in_process=True):
    """`compute()`, cached until the next change to what public pages show (a new generation)
    or PAGE_CACHE_TIMEOUT: for what every page needs and only such changes alter (the site,
    the sections), so that rendering an uncached page does not query it again.

    With `in_process=False` the value is kept in the shared cache only, whose size is bounded:
    for names readers choose (a search, a listing's filters), of which there is no end."""
    generation = request_generation(request)
    memo = process_memo(generation) if in_process else {}
    if name in memo:
        return memo[name]
    store = page_cache()
    key = f"generation-cached:{generation}:{name}"
    value = store.get(key)
    if value is None:
        value = compute()
        store.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    memo[name] = value
    return value


def bump_generation():
    """Drop every cached page: now, and again when the surrounding transaction commits."""
    _set_new_generation()
    transaction.on_commit(_set_new_generation)


def _set_new_generation():
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cache_key(request, generation):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    language = getattr(request, "LANGUAGE_CODE", "")
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pagecache:{generation}:{language}:{digest}"


def is_cacheable_request(request):
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and not has_session(request)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY
    )


def public_cache_control(response):
    max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
    shared = getattr(settings, "PAGE_CACHE_S_MAXAGE", max_age)
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        shared = min(shared, max_age)  # nothing would purge a CDN: keep it as fresh as browsers
    patch_cache_control(response, public=True, max_age=max_age, s_maxage=shared)


def private_cache_control(response):
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)


class PageCacheMiddleware:
    """Serves and stores anonymous responses; sets Cache-Control on every response.

    Sits after LocaleMiddleware (the language is in the key) and inside the CSP middleware: a
    stored page keeps the nonce it was rendered with, rewritten to this request's on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.respond(request)
        finally:
            _current_request.reset(token)

    def respond(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if has_session(request) or request.path.startswith(EXCLUDED_PREFIXES[:1]):
                private_cache_control(response)
            elif response.cookies:
                private_cache_control(response)
            return response

        cache = page_cache()
        key = cache_key(request, request_generation(request))
        entry = cache.get(key)
        if entry is not None:
            return self.from_entry(request, entry)

        response = self.get_response(request)
        if self.should_store(request, response):
            public_cache_control(response)
            cache.set(key, self.to_entry(request, response), settings.PAGE_CACHE_TIMEOUT)
        elif response.cookies:
            private_cache_control(response)
        return response

    def should_store(self, request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not getattr(request, "user_was_authenticated", False)
        )

    @staticmethod
    def to_entry(request, response):
        nonce = getattr(request, "csp_nonce", "")
        content = response.content
        headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
        headers.append(("Cache-Control", response["Cache-Control"]))
        return {
            "status": response.status_code,
            "content": content,
            "headers": headers,
            "nonce": nonce if nonce and nonce.encode() in content else "",
        }

    @staticmethod
    def from_entry(request, entry):
        from django.http import HttpResponse

        content = entry["content"]
        nonce = getattr(request, "csp_nonce", "")
        if entry["nonce"] and nonce:
            content = content.replace(entry["nonce"].encode(), nonce.encode())
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        patch_vary_headers(response, ())
        return response


# ---------------------------------------------------------------------------------------------
# What a change affects: the generation bump covers the server cache; these URL lists are for a
# CDN purge (frontend_cache), which needs exact URLs.


def purge_urls(urls):
    """Send a purge for `urls` to the configured CDN backends, if any; never fail a save."""
    urls = sorted({url for url in urls if url})
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(urls)
    except Exception:  # a CDN outage must not block editors; the s-maxage bounds staleness
        logger.exception("Frontend cache purge failed for %d URLs", len(urls))


def _full_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}" if path and path.startswith("/") else path


def listing_urls():
    """Home, sections and feeds: every listing shows the latest articles."""
    from .models import HomePage, SectionPage

    urls = [page.get_full_url() for page in HomePage.objects.live()]
    urls += [page.get_full_url() for page in SectionPage.objects.live()]
    for path in getattr(settings, "PAGE_CACHE_LISTING_PATHS", ()):
        urls.append(_full_url(path))
    return urls


def article_urls(queryset, limit=500):
    return [page.get_full_url() for page in queryset.live().defer_streamfields()[:limit]]


def urls_for_page(page):
    from .models import ArticlePage

    urls = [page.get_full_url(), *listing_urls()]
    if isinstance(page.specific_deferred, ArticlePage):
        article = page.specific_deferred
        urls += [_full_url(link.official.get_absolute_url()) for link in article._official_links]
        urls += [_full_url(link.body.get_absolute_url()) for link in article.body_links.all()]
    return urls


def urls_for_official(official):
    from .models import ArticlePage

    urls = [_full_url(official.get_absolute_url())]
    urls += article_urls(ArticlePage.objects.filter(official_links__official=official).distinct())
    for tenure in official.tenures.select_related("post__body"):
        urls.append(_full_url(tenure.post.body.get_absolute_url()))
    return urls


def urls_for_body(body):
    from organisations.models import Official

    from .models import ArticlePage

    urls = [_full_url(body.get_absolute_url())]
    related = [body.parent, *body.children.all()] if body.pk else [body.parent]
    urls += [_full_url(other.get_absolute_url()) for other in related if other is not None]
    urls += article_urls(ArticlePage.objects.filter(body_links__body=body).distinct())
    holders = Official.objects.filter(tenures__post__body=body).distinct()
    for official in holders:
        urls += urls_for_official(official)
    return urls


def urls_for_observation(observation):
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, ReferenceIndex

    from .models import ArticlePage

    urls = [_full_url(observation.body.get_absolute_url())] if observation.body_id else []
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(observation)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if observation.source_page_id:
        page_ids.add(observation.source_page_id)
    urls += article_urls(ArticlePage.objects.filter(pk__in=page_ids))
    return urls
