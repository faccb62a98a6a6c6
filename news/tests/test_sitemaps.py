"""sitemap.xml, the Google News sitemap and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from organisations.tests.factories import BodyFactory, OfficialFactory

from .articles import make_article, make_articles, section

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ROOT = "http://localhost"


def read_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(tree):
    return [loc.text for loc in tree.findall("sm:url/sm:loc", NS)]


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_sitemap_lists_pages_officials_and_bodies(client, demo):
    urls = locations(read_xml(client, "/sitemap.xml"))
    assert f"{ROOT}/" in urls
    assert f"{ROOT}/xay-dung-dang/" in urls
    assert f"{ROOT}{demo.url}" in urls
    assert f"{ROOT}/nhan-vat/nguyen-khac-toan/" in urls
    assert f"{ROOT}/nhan-vat/nguyen-khac-ha/" in urls
    for slug in ("tinh-uy", "hoi-dong-nhan-dan-tinh", "ban-to-chuc-tinh-uy", "dang-bo-tinh"):
        assert f"{ROOT}/co-quan/{slug}/" in urls
    assert len(urls) == len(set(urls))


def test_sitemap_gives_pages_a_lastmod(client, demo):
    tree = read_xml(client, "/sitemap.xml")
    for url in tree.findall("sm:url", NS):
        if url.find("sm:loc", NS).text == f"{ROOT}{demo.url}":
            assert url.find("sm:lastmod", NS) is not None
            break
    else:
        pytest.fail("seed article missing")


def test_sitemap_leaves_out_unpublished_pages(client, demo):
    draft = make_article(title="Bản nháp")
    draft.unpublish()
    assert f"{ROOT}{draft.url}" not in locations(read_xml(client, "/sitemap.xml"))


def test_sitemap_queries_do_not_grow(client, demo):
    few = queries_for(client, "/sitemap.xml")
    make_articles(15)
    for n in range(5):
        OfficialFactory(full_name=f"Lê Văn {n}")
        BodyFactory(name=f"Chi bộ {n}")
    assert len(locations(read_xml(client, "/sitemap.xml"))) == 11 + 15 + 10
    assert queries_for(client, "/sitemap.xml") == few


def news_entries(client):
    tree = read_xml(client, "/news-sitemap.xml")
    assert tree.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return tree.findall("sm:url", NS)


def test_news_sitemap_holds_only_the_last_two_days(client, demo):
    now = timezone.now()
    fresh = make_article(title="Tin hôm nay", published_at=now - datetime.timedelta(hours=3))
    yesterday = make_article(title="Tin hôm qua", published_at=now - datetime.timedelta(hours=40))
    make_article(title="Tin cũ", published_at=now - datetime.timedelta(days=2, hours=1))
    make_article(title="Tin hẹn giờ", published_at=now + datetime.timedelta(hours=2))

    entries = news_entries(client)
    urls = [entry.find("sm:loc", NS).text for entry in entries]
    assert urls == [f"{ROOT}{fresh.url}", f"{ROOT}{yesterday.url}"]

    news = entries[0].find("news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "Tin Hội nghị tỉnh"
    assert news.find("news:publication/news:language", NS).text == "vi"
    assert news.find("news:title", NS).text == "Tin hôm nay"
    published = news.find("news:publication_date", NS).text
    assert published.endswith("+07:00")
    assert datetime.datetime.fromisoformat(published) == fresh.published_at.replace(microsecond=0)


def test_news_sitemap_without_recent_news_is_an_empty_urlset(client, demo):
    assert news_entries(client) == []  # the seed article is from 2021


def test_news_sitemap_queries_do_not_grow(client, demo):
    now = timezone.now()
    make_article(title="Tin một", published_at=now - datetime.timedelta(hours=1))
    few = queries_for(client, "/news-sitemap.xml")
    for n in range(10):
        make_article(section("chinh-quyen"), f"Tin {n}", now - datetime.timedelta(minutes=n))
    assert len(news_entries(client)) == 11
    assert queries_for(client, "/news-sitemap.xml") == few


def test_robots_txt(client, demo):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
    assert f"Sitemap: {ROOT}/news-sitemap.xml" in lines


def test_favicon_ico_points_at_the_static_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("/img/favicon.ico")
