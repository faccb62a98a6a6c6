"""Page URLs without a `reverse()` per page (NewsPage.get_url_parts) are Wagtail's own."""

from django.test import RequestFactory, override_settings

from wagtail.models import Page

import pytest

from news.models import ArticlePage
from news.tests.articles import make_article

pytestmark = pytest.mark.django_db


def wagtail_url_parts(page, request=None):
    return Page.get_url_parts(page, request)


def test_every_page_has_the_url_wagtail_gives_it(demo):
    make_article(title="Tin", slug="tin-co-so-2025")
    make_article(title="Bản tin", slug="bản-tin")  # a Unicode slug: quoted as reverse() quotes it
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert any(isinstance(page, ArticlePage) for page in pages)
    for page in pages:
        assert page.get_url_parts() == wagtail_url_parts(page)
        assert page.get_url_parts(request) == wagtail_url_parts(page, request)
    assert ArticlePage.objects.get(slug="bản-tin").url.endswith("/b%E1%BA%A3n-tin/")


@override_settings(WAGTAIL_APPEND_SLASH=False)
def test_other_url_settings_are_left_to_wagtail(demo):
    article = ArticlePage.objects.first()
    assert article.get_url_parts() == wagtail_url_parts(article)
