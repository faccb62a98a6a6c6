"""Topic pages and date archives: right articles, Vietnamese days, 404s not 500s, fixed queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import ArticlePage, SectionPage
from news.models.base import ListingPaginator
from news.models.listed import CHILDREN_LISTED, listed_by_ids
from news.tests import planner
from news.tests.articles import make_article, vn_time
from news.tests.planner import ten_thousand_articles_statistics

pytestmark = pytest.mark.django_db

SEED_TITLE = "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"


def listed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<h[23] class="item-title"><a href="[^"]*">(.*?)</a></h[23]>', html)


def tagged(article, *names):
    article.tags.add(*names)
    article.save_revision().publish()
    return article


def test_topic_page_lists_the_tagged_articles(client, demo):
    tagged(make_article(title="Tin tổ chức đảng"), "Tổ chức cơ sở đảng")
    make_article(title="Tin không gắn chủ đề")
    assert listed(client, "/chu-de/to-chuc-co-so-dang/") == ["Tin tổ chức đảng", SEED_TITLE]
    html = client.get("/chu-de/to-chuc-co-so-dang/").content.decode()
    assert "<h1>Chủ đề: Tổ chức cơ sở đảng</h1>" in html


def test_article_links_its_topics(client, demo):
    html = client.get(demo.url).content.decode()
    assert 'href="/chu-de/xay-dung-dang/"' in html


def test_topics_that_fold_to_the_same_slug_stay_apart(client, demo):
    tagged(make_article(title="Tin Đảng"), "Đảng")
    tagged(make_article(title="Tin Dang"), "Dang")
    assert listed(client, "/chu-de/dang/") == ["Tin Đảng"]
    assert listed(client, "/chu-de/dang_1/") == ["Tin Dang"]


def test_unknown_topic_is_404(client, demo):
    assert client.get("/chu-de/khong-co/").status_code == 404


def test_unpublished_articles_are_not_listed(client, demo):
    article = tagged(make_article(title="Tin sẽ gỡ"), "Xây dựng Đảng")
    article.unpublish()
    assert listed(client, "/chu-de/xay-dung-dang/") == [SEED_TITLE]
    assert SEED_TITLE in listed(client, "/luu-tru/2021/")


def test_archives_by_year_month_and_day(client, demo):
    make_article(title="Tháng 11 năm 2021", published_at=vn_time(2021, 11, 20, 8))
    make_article(title="Tháng 12 năm 2021", published_at=vn_time(2021, 12, 1, 8))
    make_article(title="Năm 2022", published_at=vn_time(2022, 1, 1, 8))
    assert listed(client, "/luu-tru/2021/") == [
        "Tháng 12 năm 2021",
        "Tháng 11 năm 2021",
        SEED_TITLE,
    ]
    assert listed(client, "/luu-tru/2021/11/") == ["Tháng 11 năm 2021", SEED_TITLE]
    assert listed(client, "/luu-tru/2021/11/10/") == [SEED_TITLE]
    assert listed(client, "/luu-tru/2021/10/") == []
    assert listed(client, "/luu-tru/2022/") == ["Năm 2022"]


def test_archive_days_are_vietnamese_days(client, demo):
    # 00:15 on 1 January 2022 in Vietnam is still 2021 in UTC.
    make_article(title="Giao thừa", published_at=vn_time(2022, 1, 1, 0, 15))
    assert listed(client, "/luu-tru/2022/01/01/") == ["Giao thừa"]
    assert listed(client, "/luu-tru/2022/") == ["Giao thừa"]
    assert listed(client, "/luu-tru/2021/12/31/") == []


def test_archive_headings_and_navigation(client, demo):
    year = client.get("/luu-tru/2021/").content.decode()
    assert "<h1>Tin năm 2021</h1>" in year
    assert 'href="/luu-tru/2021/11/"' in year
    day = client.get("/luu-tru/2021/11/10/").content.decode()
    assert "<h1>Tin ngày 10/11/2021</h1>" in day
    assert 'href="/luu-tru/2021/"' in day and 'href="/luu-tru/2021/11/"' in day


@pytest.mark.parametrize(
    "url",
    [
        "/luu-tru/2021/13/",
        "/luu-tru/2021/00/",
        "/luu-tru/2021/02/30/",
        "/luu-tru/2021/11/00/",
        "/luu-tru/0000/",
        "/luu-tru/0001/01/01/",
        "/luu-tru/9999/12/31/",
        "/luu-tru/21/",
        "/luu-tru/2021/1/",
    ],
)
def test_impossible_dates_are_404(client, demo, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/",
        "/chu-de/xay-dung-dang/",
        "/luu-tru/2021/",
        "/xay-dung-dang/",
        "/tim-kiem/?q=dang",
    ],
)
@pytest.mark.parametrize(
    "page", ["0", "-1", "abc", "2", "1.5", "99999999999999999999", "", "%00", "²", "%C2%B2"]
)
def test_bad_page_is_404_never_500(client, demo, url, page):
    separator = "&" if "?" in url else "?"
    assert client.get(f"{url}{separator}page={page}").status_code == 404


def test_second_page(client, demo):
    for n in range(21):
        make_article(title=f"Tin {n:02d}", published_at=vn_time(2023, 3, 1, n))
    assert len(listed(client, "/luu-tru/2023/")) == 20
    assert listed(client, "/luu-tru/2023/", page=2) == ["Tin 00"]


def test_big_listing_is_counted_only_as_far_as_the_page_needs(client, demo, monkeypatch):
    monkeypatch.setattr(ListingPaginator, "COUNT_LIMIT", 10)
    for n in range(41):
        make_article(title=f"Tin {n:02d}", published_at=vn_time(2023, 3, 1, n // 2, n % 60))
    first = client.get("/luu-tru/2023/").content.decode()
    assert "Ít nhất 21 tin bài" in first  # counted to page 1 and one more row
    assert "<span>Trang 1</span>" in first and 'rel="next" href="?page=2"' in first
    second = client.get("/luu-tru/2023/?page=2").content.decode()
    assert "<span>Trang 2</span>" in second and 'rel="next" href="?page=3"' in second
    assert 'rel="prev" href="?page=1"' in second and 'rel="prev"' not in first
    last = client.get("/luu-tru/2023/?page=3").content.decode()
    assert "41 tin bài" in last and "<span>Trang 3/3</span>" in last
    assert 'rel="next"' not in last
    assert listed(client, "/luu-tru/2023/", page=3) == ["Tin 00"]
    assert client.get("/luu-tru/2023/?page=4").status_code == 404


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


LISTING_BUDGET = 3  # the tag (topics only), the bounded count, the page of articles


@pytest.mark.parametrize(
    "url", ["/chu-de/xay-dung-dang/", "/luu-tru/2022/", "/luu-tru/2022/01/", "/tin-tuc/"]
)
def test_listing_queries_do_not_grow_with_articles(client, demo, url):
    def add(count, start):
        for n in range(start, start + count):
            tagged(
                make_article(title=f"Tin {n}", published_at=vn_time(2022, 1, 1, n % 24, n % 60)),
                "Xây dựng Đảng",
            )

    add(2, 0)
    few = queries(client, url)
    add(25, 2)
    assert queries(client, url) == few
    assert queries(client, url + "?page=2") == few
    assert few <= LISTING_BUDGET


def test_section_listing_still_paginates(client, demo):
    section = SectionPage.objects.get(slug="kinh-te-xa-hoi")
    for n in range(21):
        make_article(parent=section, title=f"Kinh tế {n}", published_at=vn_time(2023, 1, 1, n))
    assert len(listed(client, section.url)) == 20
    assert len(listed(client, section.url, page=2)) == 1


def test_a_section_lists_its_own_live_articles_newest_first_as_the_orm_would(client, demo):
    """The prepared query (paths' interval and depth) selects what `child_of` selects."""
    section = SectionPage.objects.get(slug="kinh-te-xa-hoi")
    other = SectionPage.objects.get(slug="xay-dung-dang")
    same_time = vn_time(2023, 1, 1, 9)
    for n in range(23):
        make_article(parent=section, title=f"Kinh tế {n:02d}", published_at=vn_time(2023, 1, 1, n))
    make_article(parent=section, title="Cùng giờ A", published_at=same_time)
    make_article(parent=other, title="Chuyên mục khác", published_at=vn_time(2024, 1, 1))
    make_article(parent=section, title="Đã gỡ", published_at=vn_time(2024, 1, 1)).unpublish()
    expected = [
        article.title
        for article in ArticlePage.objects.live().child_of(section).order_by("-published_at", "-pk")
    ]
    assert len(expected) == 24 and expected[13:15] == ["Cùng giờ A", "Kinh tế 09"]
    assert listed(client, section.url) + listed(client, section.url, page=2) == expected
    html = client.get(section.url, {"page": 2}).content.decode()
    assert "<span>Trang 2/2</span>" in html  # counted exactly below the limit


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_sqlite_reads_a_sections_newest_articles_by_date_not_all_of_them(demo):
    """Given the paths' interval as a condition it may use an index for, SQLite reads the whole
    section by the path index and sorts it (news.models.listed.NotIndexed)."""
    section = SectionPage.objects.get(slug="kinh-te-xa-hoi")
    first, last = section._get_children_path_interval(section.path)
    _alias, sql, params = CHILDREN_LISTED.statement(first, last, section.depth + 1)
    with ten_thousand_articles_statistics() as cursor:
        plan = planner.plan(cursor, f"{sql} LIMIT 20", params)
    assert "USING INDEX news_articlepage_published_at" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def test_articles_by_ids_keep_the_order_given_and_skip_unpublished(demo):
    articles = [
        make_article(title=f"Tin {n:02d}", published_at=vn_time(2023, 2, 1, n)) for n in range(24)
    ]
    articles[3].unpublish()
    ids = [article.pk for article in reversed(articles)]
    for chosen in (ids[:1], ids[:5], ids[:20], ids, ids[::-1][:20]):
        with CaptureQueriesContext(connection) as context:
            found = listed_by_ids(chosen)
        assert len(context) == 1
        assert [item.pk for item in found] == [pk for pk in chosen if pk != articles[3].pk]
    assert listed_by_ids([]) == []


def test_nul_in_topic_is_404(client, demo):
    assert client.get("/chu-de/a%00b/").status_code == 404
