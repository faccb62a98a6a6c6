"""Listed articles (news.models.listed): rows, not pages, with the URL Wagtail gives the page,
on one site and on several."""

from wagtail.models import Page, Site

import pytest

from news.models import ArticlePage, SectionPage
from news.models.listed import ListedArticle, first_listed, listed
from news.tests.articles import make_article

pytestmark = pytest.mark.django_db


def test_a_listed_article_holds_what_an_item_prints_and_the_pages_url(rf, demo):
    article = make_article(title="Tin liệt kê", lead="Sapo liệt kê")
    [row] = first_listed(ArticlePage.objects.filter(pk=article.pk), 1)
    request = rf.get("/")
    assert (row.pk, row.title, row.lead, row.published_at) == (
        article.pk,
        "Tin liệt kê",
        "Sapo liệt kê",
        article.published_at,
    )
    assert row.get_url(request) == article.get_url(request) == "/xay-dung-dang/tin-liet-ke/"
    assert row.get_url() == article.get_url()


def test_with_several_sites_wagtail_decides_the_url(rf, demo):
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Khác", slug="khac"))
    Site.objects.create(hostname="khac.example", port=80, root_page=other_root)
    elsewhere = make_article(parent=other_root.add_child(instance=SectionPage(title="Mục")))
    here = make_article(title="Tin ở đây")
    request = rf.get("/", HTTP_HOST="localhost")
    for article in (elsewhere, here):
        [row] = first_listed(ArticlePage.objects.filter(pk=article.pk), 1)
        assert row.get_url(request) == article.get_url(request)
    assert (
        first_listed(ArticlePage.objects.filter(pk=elsewhere.pk), 1)[0]
        .get_url(request)
        .startswith("http://khac.example/")
    )


def test_rows_are_read_in_one_query_without_building_pages(demo, django_assert_num_queries):
    make_article(title="Một"), make_article(title="Hai")
    with django_assert_num_queries(1):
        rows = first_listed(ArticlePage.objects.order_by("title"), 5)
    assert all(isinstance(row, ListedArticle) for row in rows)
    assert listed(ArticlePage.objects.all()).count() == ArticlePage.objects.count()
