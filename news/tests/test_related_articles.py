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
