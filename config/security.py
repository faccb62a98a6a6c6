"""Security headers and helpers that Django 5.2 does not ship.

Content-Security-Policy: Django 5.2 has none built in. Public pages get a strict, nonce-based
policy (no inline script or style); the Wagtail admin needs inline styles and scripts, so
/admin/ gets a relaxed one, with frame-ancestors 'self' for its preview panel.
"""

import secrets

from django.conf import settings

STRICT_POLICY = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; "
    "form-action 'self'"
)
ADMIN_PREFIXES = ("/admin/",)


def policy_for(path, nonce):
    """The policy for a request path. The admin one carries no nonce: with a nonce present,
    browsers ignore 'unsafe-inline', which the admin needs."""
    if path.startswith(ADMIN_PREFIXES):
        return ADMIN_POLICY
    return STRICT_POLICY.format(nonce=nonce)


class ContentSecurityPolicyMiddleware:
    """Sets `request.csp_nonce` for templates (JSON-LD scripts carry it) and the CSP header.

    Placed near the top of MIDDLEWARE so responses served from the page cache get a fresh nonce
    too (news.cache rewrites the stored one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        if getattr(settings, "CSP_ENABLED", True) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy_for(request.path, request.csp_nonce)
        return response


def client_ip(request):
    """The client's address for login throttling (django-axes).

    Behind `TRUSTED_PROXY_COUNT` reverse proxies the address comes from X-Forwarded-For, counted
    from the right, so a client cannot choose it; with no proxy, REMOTE_ADDR."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


class RequestLimitsMiddleware:
    """Caps what any public view is asked to do, whatever the view: a search query is cut to
    SEARCH_MAX_QUERY_LENGTH characters, and a `?page=` past LISTING_MAX_PAGE is a 404 (deep
    pages cost an OFFSET scan each and are only ever asked for by crawlers and abuse)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        max_query = settings.SEARCH_MAX_QUERY_LENGTH
        if any(len(value) > max_query for value in request.GET.getlist("q")):
            query = request.GET.copy()
            query.setlist("q", [value[:max_query] for value in request.GET.getlist("q")])
            query._mutable = False
            request.GET = query
        page = request.GET.get("page", "")
        # isdecimal, not isdigit: "²" is a digit that int() refuses (a 500 found by hypothesis).
        if page.isdecimal() and (len(page) > 9 or int(page) > settings.LISTING_MAX_PAGE):
            from django.http import Http404

            raise Http404("Trang quá xa.")
        return self.get_response(request)
