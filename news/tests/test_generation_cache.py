"""The site, its sections and the navigation are cached (news.cache.generation_cached), and a
change to any of them is seen on the next request, as the page cache's purges are."""

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import HomePage, SectionPage
from news.tests.articles import make_article

pytestmark = pytest.mark.django_db


def navigation(client, url):
    html = client.get(url).content.decode()
    return html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]


def test_site_and_sections_cost_no_query_once_cached(client, demo):
    client.get(demo.url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(demo.url).status_code == 200
    sql = "\n".join(query["sql"] for query in context.captured_queries)
    assert "wagtailcore_site" not in sql
    assert "news_sectionpage" not in sql
    assert "news_homepage" not in sql


def test_a_new_site_hostname_is_in_page_urls_at_once(client, demo, settings):
    """The site root paths (every page URL) are cached with the site: a change is seen."""
    from wagtail.models import Site

    settings.ALLOWED_HOSTS = ["*"]
    client.get(demo.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "tin.example.vn", 443
    site.save()  # replaces the generation (news.cache_signals)
    html = client.get(demo.url, HTTP_HOST="tin.example.vn").content.decode()
    assert f'<link rel="canonical" href="https://tin.example.vn{demo.url}">' in html


def test_new_section_is_in_the_navigation_and_routes(client, demo):
    assert "/quoc-phong/" not in navigation(client, demo.url)
    section = HomePage.objects.get().add_child(
        instance=SectionPage(title="Quốc phòng", slug="quoc-phong", show_in_menus=True)
    )
    article = make_article(parent=section, title="Tin quốc phòng")
    assert 'href="/quoc-phong/"' in navigation(client, demo.url)
    assert client.get(article.url).status_code == 200


def test_section_slug_change_moves_its_articles(client, demo):
    old_url = demo.url
    assert client.get(old_url).status_code == 200
    section = SectionPage.objects.get(slug="xay-dung-dang")
    section.slug = "dang"
    section.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get(old_url.replace("/xay-dung-dang/", "/dang/")).status_code == 200
    assert 'href="/dang/"' in navigation(client, "/")


def test_section_taken_out_of_menus_leaves_the_navigation(client, demo):
    assert 'href="/xay-dung-dang/"' in navigation(client, demo.url)
    section = SectionPage.objects.get(slug="xay-dung-dang")
    section.show_in_menus = False
    section.save_revision().publish()
    assert 'href="/xay-dung-dang/"' not in navigation(client, demo.url)
    assert client.get(demo.url).status_code == 200


def test_unknown_section_is_404(client, demo):
    assert client.get("/khong-co-chuyen-muc/bai-viet/").status_code == 404


def test_each_process_reads_a_cached_value_once_per_generation(db, monkeypatch):
    from news import cache

    store, computed, reads = cache.page_cache(), [], []
    real_get = store.get
    monkeypatch.setattr(store, "get", lambda key, *a, **kw: reads.append(key) or real_get(key))
    for _ in range(3):
        assert cache.generation_cached(None, "answer", lambda: computed.append(1) or 42) == 42
    assert len(computed) == 1
    assert len([key for key in reads if key.endswith(":answer")]) == 1
    cache.bump_generation()
    assert cache.generation_cached(None, "answer", lambda: computed.append(1) or 43) == 43
    assert len(computed) == 2


def test_code_not_handed_the_request_reads_its_generation(client, demo, monkeypatch):
    from news import cache

    seen = []
    real = cache.current_generation
    monkeypatch.setattr(cache, "current_generation", lambda: seen.append(1) or real())
    client.get(demo.url)  # the article's figures and view restrictions ask without the request
    assert len(seen) == 1


def test_what_a_process_keeps_expires_with_the_shared_entries(db, settings):
    from news import cache

    computed = []
    settings.PAGE_CACHE_TIMEOUT = 0  # the shared entry expires at once, the generation stays
    cache.generation_cached(None, "answer", lambda: computed.append(1) or 42)
    time.sleep(0.01)
    cache.generation_cached(None, "answer", lambda: computed.append(1) or 42)
    assert len(computed) == 2


def test_a_host_not_allowed_gets_the_400_page_with_its_navigation(client, demo, settings):
    settings.DEBUG = False
    response = client.get(demo.url, HTTP_HOST="khong-cho-phep.example")
    assert response.status_code == 400
    assert "Xây dựng Đảng" in navigation(client, demo.url)  # the allowed host's stays cached
    assert '<nav class="site-nav"' in response.content.decode()
