"""URL map: admin, organisations' public pages, then Wagtail's page tree for everything else."""

from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # feeds, sitemaps, robots.txt: before organisations (official/body feeds share its paths)
    path("", include("news.discovery_urls")),
    path("", include("organisations.urls")),
    # listings, topics, date archives, search (news.urls)
    path("", include("news.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# A database outage is a 503 with Retry-After, also when a middleware hit it (config.outage).
handler500 = "config.outage.server_error"
