"""Official and body pages list their articles a page at a time; a bad ?page= is a 404."""

import pytest

from news.models import ArticleBodyLink, ArticleOfficialLink, ArticlePage, SectionPage
from organisations.mentions import PER_PAGE
from organisations.models import Body, Official

pytestmark = pytest.mark.django_db


def add_articles(count, official, body):
    section = SectionPage.objects.get(slug="xay-dung-dang")
    for n in range(count):
        article = ArticlePage(title=f"Tin phân trang {n}", lead="Sapo")
        section.add_child(instance=article)
        article.official_links.add(ArticleOfficialLink(official=official, role="du"))
        article.body_links.add(ArticleBodyLink(body=body))
        article.save_revision().publish()


def test_official_and_body_article_lists_are_paginated(client, demo):
    official = Official.objects.get(slug="nguyen-khac-ha")
    body = Body.objects.get(slug="tinh-uy")
    add_articles(PER_PAGE, official, body)  # with the seed article: PER_PAGE + 1
    for url in [official.get_absolute_url(), body.get_absolute_url()]:
        first = client.get(url).content.decode()
        assert 'rel="next" href="?page=2"' in first
        second = client.get(url + "?page=2").content.decode()
        assert 'rel="prev" href="?page=1"' in second
        assert 'rel="next"' not in second
        assert second.count('class="item"') == 1


@pytest.mark.parametrize("page", ["abc", "0", "-1", "²", "99", "1" * 30])
def test_bad_page_of_an_official_is_a_404(client, demo, page):
    assert client.get("/nhan-vat/nguyen-khac-toan/", {"page": page}).status_code == 404
    assert client.get("/co-quan/tinh-uy/", {"page": page}).status_code == 404


def test_an_article_linking_an_official_twice_is_listed_once(client, demo):
    official = Official.objects.get(slug="nguyen-khac-ha")
    section = SectionPage.objects.get(slug="xay-dung-dang")
    article = ArticlePage(title="Tin nhắc hai lần", lead="Sapo")
    section.add_child(instance=article)
    article.official_links.add(ArticleOfficialLink(official=official, role="chu_tri"))
    article.official_links.add(ArticleOfficialLink(official=official, role="phat_bieu"))
    article.save_revision().publish()
    html = client.get(official.get_absolute_url()).content.decode()
    assert html.count("Tin nhắc hai lần") == 1
