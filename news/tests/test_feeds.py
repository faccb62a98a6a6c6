"""RSS feeds as feed readers see them: parsed by feedparser, with Vietnam time and absolute links."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import feedparser
import pytest

from news.feeds import FEED_LENGTH
from organisations.models import Body, Official
from organisations.tests.factories import BodyFactory, OfficialFactory

from .articles import make_article, make_articles, section, vn_time
from .html_head import feed_links

pytestmark = pytest.mark.django_db

SEED_TITLE = "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"
FEED_URLS = [
    "/rss/",
    "/xay-dung-dang/rss/",
    "/nhan-vat/nguyen-khac-toan/rss/",
    "/nhan-vat/nguyen-khac-ha/rss/",
    "/co-quan/tinh-uy/rss/",
    "/co-quan/dang-bo-tinh/rss/",
]


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    assert feed.version == "rss20"
    return feed, response.content.decode()


@pytest.mark.parametrize("url", FEED_URLS)
def test_each_feed_carries_the_seed_article(client, demo, url):
    feed, raw = read_feed(client, url)
    assert feed.feed.language == "vi"
    [entry] = feed.entries
    assert entry.title == SEED_TITLE
    assert entry.description == demo.lead
    assert entry.link == f"http://localhost{demo.url}"
    assert entry.id == entry.link
    assert f'<guid isPermaLink="true">{entry.link}</guid>' in raw
    assert entry.author == "X.T"
    assert entry.published == "Wed, 10 Nov 2021 09:11:00 +0700"
    assert {tag.term for tag in entry.tags} == {"Xây dựng Đảng", "Tổ chức cơ sở đảng"}
    # every date in the document, the channel's included, is in Vietnam time
    dates = re.findall(r"<(?:pubDate|lastBuildDate)>([^<]+)<", raw)
    assert dates and all(date.endswith("+0700") for date in dates)
    assert feed.feed.link.startswith("http://localhost/")


def test_feed_titles_name_what_they_follow(client, demo):
    assert read_feed(client, "/rss/")[0].feed.title == "Tin Hội nghị tỉnh"
    assert read_feed(client, "/xay-dung-dang/rss/")[0].feed.title.startswith("Xây dựng Đảng")
    official_feed = read_feed(client, "/nhan-vat/nguyen-khac-toan/rss/")[0]
    assert official_feed.feed.title.startswith("Nguyễn Khắc Toàn")
    assert read_feed(client, "/co-quan/tinh-uy/rss/")[0].feed.title.startswith("Tỉnh ủy")


def test_feeds_hold_only_what_they_follow(client, demo):
    other_section = section("kinh-te-xa-hoi")
    official = OfficialFactory(full_name="Trần Thị Đào")
    body = BodyFactory(name="Ủy ban nhân dân tỉnh")
    make_article(other_section, "Tin kinh tế", officials=[official], bodies=[body])

    def titles(url):
        return [entry.title for entry in read_feed(client, url)[0].entries]

    assert titles("/rss/") == ["Tin kinh tế", SEED_TITLE]  # newest first
    assert titles("/xay-dung-dang/rss/") == [SEED_TITLE]
    assert titles("/kinh-te-xa-hoi/rss/") == ["Tin kinh tế"]
    assert titles(f"/nhan-vat/{official.slug}/rss/") == ["Tin kinh tế"]
    assert titles(f"/co-quan/{body.slug}/rss/") == ["Tin kinh tế"]
    assert titles("/nhan-vat/nguyen-khac-toan/rss/") == [SEED_TITLE]


def test_empty_feed_is_valid_and_in_vietnam_time(client, demo):
    feed, raw = read_feed(client, "/chinh-quyen/rss/")
    assert feed.entries == []
    assert re.search(r"<lastBuildDate>[^<]+\+0700</lastBuildDate>", raw)


def test_unpublished_and_private_articles_stay_out(client, demo):
    from wagtail.models import PageViewRestriction

    draft = make_article(title="Bản nháp")
    draft.unpublish()
    private = make_article(title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    titles = [entry.title for entry in read_feed(client, "/rss/")[0].entries]
    assert titles == [SEED_TITLE]


def test_no_author_element_without_a_byline(client, demo):
    make_article(title="Tin không ký tên", published_at=vn_time(2030, 1, 1, 7, 0), byline="")
    entry = read_feed(client, "/rss/")[0].entries[0]
    assert entry.title == "Tin không ký tên"
    assert "author" not in entry


def test_titles_with_markup_characters_survive(client, demo):
    make_article(title="Hỏi & đáp: <chính sách> mới", published_at=vn_time(2030, 1, 1, 7, 0))
    assert read_feed(client, "/rss/")[0].entries[0].title == "Hỏi & đáp: <chính sách> mới"


@pytest.mark.parametrize(
    "url",
    ["/khong-co/rss/", "/nhan-vat/khong-co-ai/rss/", "/co-quan/khong-co/rss/"],
)
def test_unknown_slug_is_404(client, demo, url):
    assert client.get(url).status_code == 404


def test_feed_is_capped(client, demo):
    make_articles(FEED_LENGTH + 3)
    assert len(read_feed(client, "/rss/")[0].entries) == FEED_LENGTH


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("kind", ["site", "section", "official", "body"])
def test_feed_queries_do_not_grow_with_items(client, demo, kind):
    official = Official.objects.get(slug="nguyen-khac-toan")
    body = Body.objects.get(slug="tinh-uy")
    url = {
        "site": "/rss/",
        "section": "/xay-dung-dang/rss/",
        "official": "/nhan-vat/nguyen-khac-toan/rss/",
        "body": "/co-quan/tinh-uy/rss/",
    }[kind]
    few = queries_for(client, url)
    for article in make_articles(12, officials=[official], bodies=[body]):
        article.tags.add("Chủ đề A", "Chủ đề B")
        article.save()
    assert len(read_feed(client, url)[0].entries) == 13
    assert queries_for(client, url) == few
    assert few <= 5


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", ["/rss/"]),
        ("/xay-dung-dang/", ["/xay-dung-dang/rss/", "/rss/"]),
        ("/nhan-vat/nguyen-khac-toan/", ["/nhan-vat/nguyen-khac-toan/rss/", "/rss/"]),
        ("/co-quan/tinh-uy/", ["/co-quan/tinh-uy/rss/", "/rss/"]),
    ],
)
def test_pages_advertise_their_feeds(client, demo, url, expected):
    assert feed_links(client.get(url)) == expected


def test_article_advertises_its_section_feed(client, demo):
    assert feed_links(client.get(demo.url)) == ["/xay-dung-dang/rss/", "/rss/"]
