"""An official's or a body's articles kept as ids under the page-cache generation
(news.queries.mentioning_ids): the /tin-tuc/ filter by them alone and their own pages list the
same articles as the query would, follow every publication at once, and fall back to the query
past the limit or with other filters."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news import queries
from news.tests.articles import make_article, vn_time
from news.tests.test_listings import listed
from organisations.tests.factories import BodyFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def articles_of(official, count, day=1):
    return [
        make_article(
            title=f"Tin {official.full_name} {n}",
            published_at=vn_time(2022, 3, day, 8, n),
            officials=[official],
        )
        for n in range(count)
    ]


def test_the_filter_by_one_official_lists_their_live_articles_newest_first(client, demo):
    official, other = OfficialFactory(full_name="Lê Văn Một"), OfficialFactory()
    mine = articles_of(official, 3)
    articles_of(other, 2)
    draft = mine[0]
    draft.unpublish()
    url = "/tin-tuc/"
    expected = [a.title for a in reversed(mine[1:])]
    assert listed(client, url, official=official.slug) == expected
    assert "2 tin bài" in client.get(url, {"official": official.slug}).content.decode()


def test_once_kept_the_filter_reads_only_the_rows_of_its_page(client, demo):
    official = OfficialFactory()
    articles_of(official, 3)
    client.get("/tin-tuc/", {"official": official.slug})
    with CaptureQueriesContext(connection) as context:
        client.get("/tin-tuc/", {"official": official.slug})
    sql = "\n".join(query["sql"] for query in context.captured_queries)
    assert "news_articleofficiallink" not in sql  # neither the order nor the count is asked


def test_a_publication_or_unpublication_shows_at_once(client, demo):
    official = OfficialFactory()
    first = articles_of(official, 1)[0]
    assert listed(client, "/tin-tuc/", official=official.slug) == [first.title]
    newer = make_article(
        title="Tin mới hơn", published_at=vn_time(2023, 1, 1, 8, 0), officials=[official]
    )
    assert listed(client, "/tin-tuc/", official=official.slug) == [newer.title, first.title]
    assert listed(client, official.get_absolute_url()) == [newer.title, first.title]
    newer.unpublish()
    assert listed(client, "/tin-tuc/", official=official.slug) == [first.title]
    assert listed(client, official.get_absolute_url()) == [first.title]


def test_past_the_limit_or_with_another_filter_the_query_answers(client, demo, monkeypatch):
    monkeypatch.setattr(queries, "MENTION_IDS_LIMIT", 2)
    official = OfficialFactory()
    titles = [a.title for a in reversed(articles_of(official, 3))]
    assert queries.mentioning_ids(official) is None
    assert listed(client, "/tin-tuc/", official=official.slug) == titles
    assert listed(client, official.get_absolute_url()) == titles
    monkeypatch.setattr(queries, "MENTION_IDS_LIMIT", 10)
    later = make_article(
        title="Tin ngày 2/3", published_at=vn_time(2022, 3, 2, 8, 0), officials=[official]
    )
    on_the_first = listed(client, "/tin-tuc/", official=official.slug, den_ngay="01/03/2022")
    assert on_the_first == titles and later.title not in on_the_first


def test_bodies_are_kept_too_and_pages_follow_the_ids(client, demo, monkeypatch):
    body = BodyFactory(name="Ban Dân vận Tỉnh ủy")
    articles = [
        make_article(
            title=f"Tin dân vận {n}", published_at=vn_time(2022, 5, 1, 8, n), bodies=[body]
        )
        for n in range(25)
    ]
    newest_first = [a.title for a in reversed(articles)]
    assert queries.mentioning_ids(body) == [a.pk for a in reversed(articles)]
    assert listed(client, "/tin-tuc/", body=body.slug) == newest_first[:20]
    assert listed(client, "/tin-tuc/", body=body.slug, page=2) == newest_first[20:]
    assert client.get("/tin-tuc/", {"body": body.slug, "page": 3}).status_code == 404
