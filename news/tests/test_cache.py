"""The anonymous page cache is never stale, and never mixes editors' and readers' pages.

Each test caches a page as an anonymous reader, changes something the page shows, and checks the
next anonymous request shows the change."""

import datetime
import re
from datetime import UTC
from decimal import Decimal

from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest

from news.cache import PageCacheMiddleware
from news.models import ArticleCorrection, ArticlePage, SectionPage
from news.search_index import rebuild
from organisations.models import Body, Observation, Official, Post, Tenure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()
    yield settings
    cache.clear()


def anonymous_get(url):
    """A fresh reader, without cookies."""
    return Client().get(url)


def cached(url):
    """Request twice; the second answer must come from the cache."""
    first = anonymous_get(url)
    assert first.status_code == 200
    second = anonymous_get(url)
    assert second.get("X-Page-Cache") == "hit", url
    return second.content.decode()


def test_anonymous_pages_are_cached_with_public_headers(demo, django_assert_num_queries):
    anonymous_get(demo.url)
    with django_assert_num_queries(0):
        response = anonymous_get(demo.url)
    assert response["X-Page-Cache"] == "hit"
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=60"


def test_s_maxage_is_long_only_with_a_cdn_purge_backend(demo, page_cache_on):
    page_cache_on.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "news.tests.test_cache.RecordingBackend"}
    }
    response = anonymous_get(demo.url)
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=3600"


def test_official_name_change_purges_article_and_official_page(demo):
    official = Official.objects.get(full_name="Nguyễn Khắc Hà")
    official_url = official.get_absolute_url()
    assert "Nguyễn Khắc Hà" in cached(demo.url)
    assert "Nguyễn Khắc Hà" in cached(official_url)
    official.full_name = "Nguyễn Khắc Hà (đã sửa)"
    official.save()
    assert "Nguyễn Khắc Hà (đã sửa)" in anonymous_get(demo.url).content.decode()
    assert "Nguyễn Khắc Hà (đã sửa)" in anonymous_get(official_url).content.decode()


def test_tenure_covering_the_article_date_purges_the_article(demo):
    official = Official.objects.get(full_name="Nguyễn Khắc Hà")
    body = Body.objects.get(name="Tỉnh ủy")
    assert "Ủy viên Ban Thường vụ" not in cached(demo.url)
    post = Post.objects.create(body=body, role="Ủy viên Ban Thường vụ", shared=True)
    Tenure.objects.create(official=official, post=post, start=datetime.date(2020, 10, 1))
    assert "Ủy viên Ban Thường vụ Tỉnh ủy" in anonymous_get(demo.url).content.decode()


def test_tenure_edit_purges_the_body_page(demo):
    body_url = Body.objects.get(name="Ban Tổ chức Tỉnh ủy").get_absolute_url()
    assert "Nguyễn Khắc Hà" in cached(body_url)
    tenure = Tenure.objects.get(official__full_name="Nguyễn Khắc Hà")
    tenure.end = datetime.date(2024, 1, 1)
    tenure.save()
    assert "Nguyễn Khắc Hà" not in anonymous_get(body_url).content.decode().split("Tin bài")[0]


def test_publishing_a_new_article_purges_listings(demo):
    section = SectionPage.objects.get(slug="xay-dung-dang")
    for url in ("/", section.url):
        assert "Bài mới về đảng viên" not in cached(url)
    article = ArticlePage(
        title="Bài mới về đảng viên", lead="Sapo", published_at=datetime.datetime.now(datetime.UTC)
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    for url in ("/", section.url):
        assert "Bài mới về đảng viên" in anonymous_get(url).content.decode()


def test_unpublishing_purges_the_article_and_listings(demo):
    section = SectionPage.objects.get(slug="xay-dung-dang")
    cached(demo.url)
    assert demo.title in cached(section.url)
    ArticlePage.objects.get(pk=demo.pk).unpublish()
    assert anonymous_get(demo.url).status_code == 404
    assert demo.title not in anonymous_get(section.url).content.decode()


def test_correction_purges_the_article(demo):
    assert "Sửa số liệu đảng viên" not in cached(demo.url)
    article = ArticlePage.objects.get(pk=demo.pk)
    article.corrections.add(ArticleCorrection(kind="correction", note="Sửa số liệu đảng viên"))
    article.save_revision().publish()
    assert "Sửa số liệu đảng viên" in anonymous_get(demo.url).content.decode()


def test_body_rename_purges_article_and_body_pages(demo):
    body = Body.objects.get(name="Ban Tổ chức Tỉnh ủy")
    url = body.get_absolute_url()
    cached(demo.url)
    cached(url)
    body.name = "Ban Tổ chức Tỉnh ủy khóa mới"
    body.save()
    assert "Ban Tổ chức Tỉnh ủy khóa mới" in anonymous_get(demo.url).content.decode()
    assert "Ban Tổ chức Tỉnh ủy khóa mới" in anonymous_get(url).content.decode()


def test_observation_value_change_purges_the_figures_box(demo):
    assert "45.239" in cached(demo.url)
    observation = Observation.objects.get(indicator__name="Đảng viên")
    observation.value = Decimal("45240")
    observation.save()
    box = anonymous_get(demo.url).content.decode().split('<aside class="figures">')[1]
    assert "45.240" in box and "45.239" not in box


def test_editor_response_is_never_served_to_readers(demo, staff_client):
    editor = staff_client.get(demo.url)
    assert "wagtail-userbar" in editor.content.decode()
    assert editor["Cache-Control"] == "no-store, private" or "no-store" in editor["Cache-Control"]
    assert "private" in editor["Cache-Control"]
    reader = anonymous_get(demo.url)
    assert reader.get("X-Page-Cache") != "hit"
    assert "wagtail-userbar" not in reader.content.decode()


def test_reader_cache_is_never_served_to_editors(demo, staff_client):
    cached(demo.url)
    editor = staff_client.get(demo.url)
    assert editor.get("X-Page-Cache") != "hit"
    assert "wagtail-userbar" in editor.content.decode()


def test_preview_is_never_cached(demo, staff_client):
    article = ArticlePage.objects.get(pk=demo.pk)
    article.title = "BẢN NHÁP CHƯA DUYỆT"
    article.save_revision()  # a draft: the live page is unchanged
    preview_url = reverse("wagtailadmin_pages:view_draft", args=[demo.pk])
    preview = staff_client.get(preview_url)
    assert "BẢN NHÁP CHƯA DUYỆT" in preview.content.decode()
    assert "no-store" in preview["Cache-Control"]
    assert "BẢN NHÁP CHƯA DUYỆT" not in anonymous_get(demo.url).content.decode()
    assert "BẢN NHÁP CHƯA DUYỆT" not in cached(demo.url)


def test_responses_that_set_cookies_are_not_stored(settings):
    def view(request):
        response = HttpResponse("xin chào")
        response.set_cookie("theo-doi", "1")
        return response

    middleware = PageCacheMiddleware(view)
    for _ in range(2):
        response = middleware(RequestFactory().get("/co-cookie/"))
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_a_cached_page_gets_the_nonce_of_each_request():
    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}" type="application/ld+json">')

    middleware = PageCacheMiddleware(view)
    for nonce in ("nonce-lan-mot-aaaaaaaaaa", "nonce-lan-hai-bbbbbbbbbb"):
        request = RequestFactory().get("/mot-trang/")
        request.csp_nonce = nonce
        response = middleware(request)
        assert response.content.decode() == f'<script nonce="{nonce}" type="application/ld+json">'
    assert response["X-Page-Cache"] == "hit"


# CDN purges (wagtail.contrib.frontend_cache) of the URLs a change affects.

PURGED = []


class RecordingBackend:
    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        PURGED.extend(urls)

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(page_cache_on):
    page_cache_on.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "news.tests.test_cache.RecordingBackend"}
    }
    PURGED.clear()
    return PURGED


def paths(urls):
    from urllib.parse import urlsplit

    return {urlsplit(url).path for url in urls}


def test_cdn_purge_on_official_change(demo, cdn):
    official = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    official.bio = "Tiểu sử mới"
    official.save()
    purged = paths(cdn)
    assert demo.url in purged
    assert official.get_absolute_url() in purged
    assert Body.objects.get(name="Tỉnh ủy").get_absolute_url() in purged


def test_cdn_purge_on_publish_covers_listings_and_linked_pages(demo, cdn):
    ArticlePage.objects.get(pk=demo.pk).save_revision().publish()
    purged = paths(cdn)
    assert {"/", demo.url, SectionPage.objects.get(slug="xay-dung-dang").url} <= purged
    assert "/rss/" in purged
    assert Official.objects.get(full_name="Nguyễn Khắc Hà").get_absolute_url() in purged


def test_cdn_purge_on_observation_change(demo, cdn):
    observation = Observation.objects.get(indicator__name="Đảng viên")
    observation.value = Decimal("45241")
    observation.save()
    purged = paths(cdn)
    assert demo.url in purged
    assert observation.body.get_absolute_url() in purged


def test_page_made_private_is_no_longer_served_from_the_cache(demo):
    from wagtail.models import PageViewRestriction

    cached(demo.url)
    PageViewRestriction.objects.create(page=demo, restriction_type=PageViewRestriction.LOGIN)
    response = anonymous_get(demo.url)
    assert response.status_code == 302
    assert "X-Page-Cache" not in response


def test_a_live_article_saved_outside_publishing_purges_listings(demo):
    """An import or a script may add a live article without a revision: listings change."""
    section = SectionPage.objects.get(slug="xay-dung-dang")
    assert "Bài nhập thẳng" not in cached(section.url)
    section.add_child(
        instance=ArticlePage(
            title="Bài nhập thẳng", lead="Sapo", published_at=datetime.datetime.now(datetime.UTC)
        )
    )
    assert "Bài nhập thẳng" in anonymous_get(section.url).content.decode()


def test_saving_a_draft_drops_nothing(demo):
    cached(demo.url)
    article = ArticlePage.objects.get(pk=demo.pk)
    article.title = "Tiêu đề nháp"
    article.save_revision()
    assert anonymous_get(demo.url).get("X-Page-Cache") == "hit"


def listing_count(html):
    return re.search(r'<p class="result-count">(.*?)</p>', html).group(1)


def test_listing_counts_follow_publications(demo, django_assert_num_queries):
    """A listing's count is kept under the generation: read once, then a new one at once."""
    url = "/luu-tru/2021/"
    assert listing_count(anonymous_get(url).content.decode()) == "1 tin bài"
    with django_assert_num_queries(1):  # the items only, not their count
        Client(HTTP_COOKIE="sessionid=x").get(url)
    article = ArticlePage(
        title="Bài năm 2021", lead="Sapo", published_at=datetime.datetime(2021, 5, 5, tzinfo=UTC)
    )
    SectionPage.objects.get(slug="xay-dung-dang").add_child(instance=article)
    article.save_revision().publish()
    assert listing_count(anonymous_get(url).content.decode()) == "2 tin bài"
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert listing_count(anonymous_get(url).content.decode()) == "1 tin bài"


def search_titles(client, q):
    html = client.get("/tim-kiem/", {"q": q}).content.decode()
    return re.findall(r'<h3 class="item-title"><a href="[^"]*">(.*?)</a></h3>', html, re.S)


def test_search_results_follow_publications_and_rebuilds(demo, django_assert_num_queries):
    """Ranked results are kept under the generation: a second search reads only the entries
    shown; a publication, an unpublication or a rebuilt index shows at once."""
    editor = Client(HTTP_COOKIE="sessionid=x")  # past the page cache
    assert search_titles(editor, "ngua van") == []
    with django_assert_num_queries(0):
        editor.get("/tim-kiem/", {"q": "ngua van"})
    article = ArticlePage(
        title="Ngựa vằn", lead="Sapo", published_at=datetime.datetime(2021, 5, 5, tzinfo=UTC)
    )
    SectionPage.objects.get(slug="xay-dung-dang").add_child(instance=article)
    article.save_revision().publish()
    assert search_titles(editor, "ngua van") == ["<mark>Ngựa vằn</mark>"]
    with django_assert_num_queries(1):  # the entries shown
        editor.get("/tim-kiem/", {"q": "ngua van"})
    rebuild()  # new entries, new ids: the ids kept before would find nothing
    assert search_titles(editor, "ngua van") == ["<mark>Ngựa vằn</mark>"]
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert search_titles(editor, "ngua van") == []
