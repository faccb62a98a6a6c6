"""Article URLs route by section and slug (NewsPage.route, one prepared query)."""

import pytest

from news.models import SectionPage
from news.tests.articles import make_article, section

pytestmark = pytest.mark.django_db


def test_the_same_slug_in_two_sections_routes_to_each_article(client, demo):
    other = SectionPage.objects.exclude(pk=section().pk).first()
    here = make_article(title="Hội nghị ở đây", slug="hoi-nghi")
    there = make_article(parent=other, title="Hội nghị ở kia", slug="hoi-nghi")
    assert here.url != there.url
    assert "Hội nghị ở đây" in client.get(here.url).content.decode()
    assert "Hội nghị ở kia" in client.get(there.url).content.decode()


def test_a_slug_that_is_not_a_child_of_the_section_is_404(client, demo):
    other = SectionPage.objects.exclude(pk=section().pk).first()
    article = make_article(parent=other, title="Tin", slug="chi-o-mot-chuyen-muc")
    assert client.get(article.url).status_code == 200
    assert client.get(f"{section().url}chi-o-mot-chuyen-muc/").status_code == 404
    assert client.get(f"{article.url}con-nua/").status_code == 404


def test_an_unpublished_article_is_404(client, demo):
    article = make_article(title="Tin rút", slug="tin-rut")
    article.unpublish()
    assert client.get(article.url).status_code == 404
