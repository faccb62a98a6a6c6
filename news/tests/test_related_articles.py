"""An article's "Tin liên quan": the latest other articles that share one of its officials."""

import re

import pytest

from news.tests.articles import make_article, vn_time
from organisations.models import Official
from organisations.tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db


def test_related_articles_are_the_latest_sharing_an_official(client, demo):
    toan = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    older = make_article(title="Tin cũ có ông Toàn", officials=[toan, toan])
    make_article(title="Tin không liên quan")
    html = client.get(demo.url).content.decode()
    related = html.split('id="related-heading"', 1)[1]
    assert related.count(older.title) == 1
    assert "Tin không liên quan" not in related


def related_titles(client, url):
    html = client.get(url).content.decode()
    related = html.split('id="related-heading"', 1)[1] if 'id="related-heading"' in html else ""
    return re.findall(r'class="item-title"><a href="[^"]+">([^<]+)</a>', related)


def test_the_five_newest_across_all_its_officials_newest_first(client, demo):
    first, second = OfficialFactory(), OfficialFactory()
    article = make_article(title="Bài gốc", officials=[first, second])
    for n in range(4):
        make_article(
            title=f"Ông thứ nhất {n}", officials=[first], published_at=vn_time(2023, 1, 1 + n)
        )
        make_article(
            title=f"Ông thứ hai {n}", officials=[second], published_at=vn_time(2023, 2, 1 + n)
        )
    assert related_titles(client, article.url) == [
        "Ông thứ hai 3",
        "Ông thứ hai 2",
        "Ông thứ hai 1",
        "Ông thứ hai 0",
        "Ông thứ nhất 3",
    ]


def test_a_newly_published_or_unpublished_article_shows_at_once(client, demo):
    official = OfficialFactory()
    article = make_article(title="Bài gốc", officials=[official])
    assert related_titles(client, article.url) == []  # and the official's list is now cached
    newer = make_article(title="Tin mới", officials=[official], published_at=vn_time(2024, 1, 1))
    assert related_titles(client, article.url) == ["Tin mới"]
    newer.unpublish()
    assert related_titles(client, article.url) == []


def test_every_officials_latest_in_one_query_as_each_officials_own(demo):
    """The window query gives what the per-official query gives, duplicates dropped; an official
    whose window holds too many duplicates is asked on their own."""
    from news.models.article import (
        RELATED_COUNT,
        latest_articles_naming,
        latest_articles_naming_all,
    )

    twice, thrice, once, nobody = (OfficialFactory() for _ in range(4))
    for n in range(RELATED_COUNT + 3):
        make_article(
            title=f"Tin {n}",
            officials=[twice, twice, thrice, thrice, thrice, once],
            published_at=vn_time(2023, 1, 1 + n),
        )
    make_article(title="Nháp", officials=[once]).unpublish()
    every = latest_articles_naming_all(limit=100)
    one_by_one = latest_articles_naming([twice.pk, thrice.pk, once.pk, nobody.pk])
    for official in (twice, thrice, once):  # thrice: 12 rows, 4 articles, asked on their own
        assert [a.pk for a in every[official.pk]] == [a.pk for a in one_by_one[official.pk]]
        assert len(every[official.pk]) == RELATED_COUNT + 1
    assert every[twice.pk][0].title == f"Tin {RELATED_COUNT + 2}"
    assert nobody.pk not in every and one_by_one[nobody.pk] == []
    assert latest_articles_naming_all(limit=1) is None  # more officials than that: by id


def test_related_articles_cost_one_query_per_generation(client, demo, django_assert_num_queries):
    from news.models import ArticlePage

    official = OfficialFactory()
    articles = [make_article(title=f"Bài {n}", officials=[official]) for n in range(3)]
    page = ArticlePage.objects.get(pk=articles[0].pk)
    page.related_articles(None, [official.pk])
    other = OfficialFactory()  # replaces the generation: the whole table is read again
    with django_assert_num_queries(3):  # more officials than the limit? the window; the articles
        page.related_articles(None, [official.pk])
    second = ArticlePage.objects.get(pk=articles[1].pk)
    with django_assert_num_queries(0):  # another official, not asked before
        assert second.related_articles(None, [other.pk]) == []
        assert [a.pk for a in second.related_articles(None, [official.pk])][:1] == [articles[2].pk]
