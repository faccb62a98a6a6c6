"""sitemap.xml (Wagtail pages, officials, bodies), the Google News sitemap, robots.txt and
/favicon.ico: what crawlers and browsers ask for at fixed paths.

Every URL is absolute on the Wagtail site's canonical host (news.absolute), and each list is
one query whatever its length.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from organisations.models import Body, Official

from .absolute import absolute_url, page_url, site_root_url
from .queries import live_articles

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1000 URLs per sitemap


class PageSitemap(WagtailSitemap):
    """Live, public Wagtail pages of the site. Plain `Page` rows are enough for a URL and a
    date, so unlike Wagtail's default this skips `.specific()`: one query, not one per type."""

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
        )


class HostSitemap(DjangoSitemap):
    """A Django sitemap whose URLs are on the Wagtail site's host, like the pages' URLs."""

    def __init__(self, request=None):
        self.request = request

    def get_urls(self, page=1, site=None, protocol=None):
        root = urlsplit(site_root_url(self.request))
        return self._urls(page, root.scheme or "http", root.netloc)


class OfficialSitemap(HostSitemap):
    def items(self):
        return Official.objects.only("slug").order_by("slug")


class BodySitemap(HostSitemap):
    def items(self):
        return Body.objects.only("slug").order_by("slug")


@require_safe
@cache_control(max_age=900)
def sitemap(request):
    sitemaps = {
        "pages": PageSitemap(request),
        "officials": OfficialSitemap(request),
        "bodies": BodySitemap(request),
    }
    return sitemap_views.sitemap(request, sitemaps)


def recent_articles(now=None, days=NEWS_SITEMAP_DAYS):
    """Public articles published in the last `days` days (Google News wants no older)."""
    now = now or timezone.now()
    return (
        live_articles()
        .public()
        .filter(published_at__gt=now - datetime.timedelta(days=days), published_at__lte=now)[
            :NEWS_SITEMAP_LIMIT
        ]
    )


@require_safe
@cache_control(max_age=300)
def news_sitemap(request):
    urls = [
        {"location": page_url(article, request), "article": article}
        for article in recent_articles()
    ]
    return TemplateResponse(
        request,
        "news/sitemaps/news_sitemap.xml",
        {"urlset": urls, "publication_name": settings.NEWS_PUBLISHER, "language": "vi"},
        content_type="application/xml",
    )


@require_safe
@cache_control(max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url('/sitemap.xml', request)}",
        f"Sitemap: {absolute_url('/news-sitemap.xml', request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400)
def favicon(request):
    """Browsers and crawlers fetch /favicon.ico whatever the page's <link rel="icon"> says; send
    them to the static file (hashed by whitenoise in production, so a temporary redirect)."""
    return HttpResponseRedirect(static("img/favicon.ico"))
