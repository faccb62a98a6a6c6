"""Query budgets: a page's SQL count is fixed, whatever it links or lists."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import ArticleOfficialLink, ArticlePage, SectionPage
from organisations.tests.factories import ObservationFactory, OfficialFactory, TenureFactory

pytestmark = pytest.mark.django_db

# The article, then its links to officials and bodies, its corrections and tags in one query
# (news.models.saved_links); the site, its sections, the navigation, which pages are
# restricted, the officials' tenures, the bodies, their latest articles and the figures come
# from the cache (news.cache, news.reference; issue 5).
ARTICLE_BUDGET = 2
LISTING_BUDGET = 3  # view restrictions, the bounded count, the page of articles
OFFICIAL_BUDGET = 6


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def link_many(article, count):
    """Link `count` more officials (each with a tenure) and `count` more figures."""
    for _ in range(count):
        tenure = TenureFactory(start=datetime.date(2020, 1, 1))
        article.official_links.add(ArticleOfficialLink(official=tenure.official, role="du"))
    figures = [ObservationFactory() for _ in range(count)]
    article.body.append(("figures", {"heading": "Thêm", "observations": figures}))
    article.save_revision().publish()


def test_article_queries_do_not_grow_with_officials_and_figures(client, demo):
    baseline = queries_for(client, demo.url)
    link_many(ArticlePage.objects.get(pk=demo.pk), 20)
    assert queries_for(client, demo.url) == baseline
    assert baseline <= ARTICLE_BUDGET


def test_article_query_budget(client, demo, django_assert_max_num_queries):
    client.get(demo.url)
    with django_assert_max_num_queries(ARTICLE_BUDGET):
        client.get(demo.url)


def make_articles(section, count):
    for n in range(count):
        article = ArticlePage(
            title=f"Bài số {n}",
            lead="Sapo",
            published_at=datetime.datetime(2022, 1, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(hours=n),
        )
        section.add_child(instance=article)


def test_listing_queries_do_not_grow_with_articles(client, demo):
    section = SectionPage.objects.get(slug="xay-dung-dang")
    make_articles(section, 2)
    few = queries_for(client, section.url)
    make_articles(section, 30)
    assert queries_for(client, section.url) == few
    assert queries_for(client, section.url + "?page=2") == few
    assert few <= LISTING_BUDGET


def test_official_page_queries_do_not_grow(client, demo):
    official = OfficialFactory(full_name="Nguyễn Văn Nhiều")
    url = official.get_absolute_url()
    few = queries_for(client, url)
    section = SectionPage.objects.get(slug="xay-dung-dang")
    for n in range(15):
        TenureFactory(official=official, start=datetime.date(2000 + n, 1, 1))
        article = ArticlePage(title=f"Tin {n}", lead="Sapo")
        section.add_child(instance=article)
        article.official_links.add(ArticleOfficialLink(official=official, role="du"))
        article.save()
    assert queries_for(client, url) == few
    assert few <= OFFICIAL_BUDGET


def test_body_page_queries_do_not_grow(client, demo):
    from organisations.models import Body

    body = Body.objects.get(slug="dang-bo-tinh")
    few = queries_for(client, body.get_absolute_url())
    for _ in range(10):
        ObservationFactory(body=body)
    assert queries_for(client, body.get_absolute_url()) == few


def test_link_tables_are_indexed_by_official_and_body_then_page():
    """What an official's or a body's article list reads first (docs/performance.md)."""
    indexed = set()
    with connection.cursor() as cursor:
        for table in ("news_articleofficiallink", "news_articlebodylink"):
            constraints = connection.introspection.get_constraints(cursor, table)
            indexed |= {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    assert ("official_id", "page_id") in indexed
    assert ("body_id", "page_id") in indexed
