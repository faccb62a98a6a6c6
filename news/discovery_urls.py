"""How readers and crawlers discover articles: RSS feeds, sitemaps and robots.txt.

Included by config/urls.py before organisations' and Wagtail's URLs: the official and body feeds
live under organisations' paths but are built here, since organisations never imports news.
"""

from django.urls import path

from . import feeds, sitemaps

app_name = "discovery"

urlpatterns = [
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("favicon.ico", sitemaps.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("rss/", feeds.per_request(feeds.SiteFeed), name="site_feed"),
    path("nhan-vat/<slug:slug>/rss/", feeds.per_request(feeds.OfficialFeed), name="official_feed"),
    path("co-quan/<slug:slug>/rss/", feeds.per_request(feeds.BodyFeed), name="body_feed"),
    # A section's feed sits under the section; an article slugged "rss" would be shadowed.
    path("<slug:slug>/rss/", feeds.per_request(feeds.SectionFeed), name="section_feed"),
]
