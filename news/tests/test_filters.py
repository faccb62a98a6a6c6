"""The article filter at /tin-tuc/: each filter, day-first dates, errors instead of crashes."""

import re

from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.filters import PlainTextInput
from news.models import SectionPage
from news.tests.articles import make_article, vn_time
from organisations.models import Body, Official

pytestmark = pytest.mark.django_db

URL = "/tin-tuc/"
SEED_TITLE = "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"


def listed(response):
    html = response.content.decode()
    return re.findall(r'<h3 class="item-title"><a href="[^"]*">(.*?)</a></h3>', html)


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content.decode()[:2000]
    return listed(response)


def tagged(article, *names):
    article.tags.add(*names)
    article.save_revision().publish()
    return article


def test_all_articles_newest_first(client, demo):
    make_article(title="Mới hơn", published_at=vn_time(2024, 1, 1, 8))
    make_article(title="Cũ hơn", published_at=vn_time(2019, 1, 1, 8))
    assert get(client) == ["Mới hơn", SEED_TITLE, "Cũ hơn"]


def test_the_form_is_a_plain_get_form_with_labels(client, demo):
    html = client.get(URL).content.decode()
    form = re.search(r'<form class="filter-form" method="get".*?</form>', html, re.S).group(0)
    for name in ["tu_ngay", "den_ngay", "section", "topic", "official", "body"]:
        assert f'name="{name}"' in form
        assert f'<label for="id_{name}"' in form


def test_date_range_is_read_day_first(client, demo):
    make_article(title="Ngày 5 tháng 3", published_at=vn_time(2025, 3, 5, 9))
    make_article(title="Ngày 3 tháng 5", published_at=vn_time(2025, 5, 3, 9))
    assert get(client, tu_ngay="05/03/2025", den_ngay="05/03/2025") == ["Ngày 5 tháng 3"]
    assert get(client, tu_ngay="03/05/2025") == ["Ngày 3 tháng 5"]
    assert get(client, den_ngay="04/03/2025") == [SEED_TITLE]
    # An English-speaking browser does not turn it into 3 May.
    response = client.get(
        URL, {"tu_ngay": "05/03/2025", "den_ngay": "05/03/2025"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert listed(response) == ["Ngày 5 tháng 3"]
    # ISO dates (from <input type="date"> or old links) work too.
    assert get(client, tu_ngay="2025-03-05", den_ngay="2025-03-05") == ["Ngày 5 tháng 3"]


def test_days_are_vietnamese_days(client, demo):
    # 00:30 on 11/11 in Vietnam is 17:30 on 10/11 in UTC.
    make_article(title="Nửa đêm", published_at=vn_time(2021, 11, 11, 0, 30))
    assert get(client, tu_ngay="11/11/2021", den_ngay="11/11/2021") == ["Nửa đêm"]
    assert get(client, tu_ngay="10/11/2021", den_ngay="10/11/2021") == [SEED_TITLE]


def test_section_filter(client, demo):
    other = SectionPage.objects.get(slug="chinh-quyen")
    make_article(parent=other, title="Tin chính quyền")
    assert get(client, section="chinh-quyen") == ["Tin chính quyền"]
    assert get(client, section="xay-dung-dang") == [SEED_TITLE]


def test_topic_filter(client, demo):
    tagged(make_article(title="Tin giao thông"), "Giao thông")
    make_article(title="Tin khác")
    assert get(client, topic="giao-thong") == ["Tin giao thông"]


def test_official_and_body_filters(client, demo):
    toan = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    make_article(title="Tin có ông Toàn", officials=[toan, toan])
    make_article(title="Tin không có ai")
    assert get(client, official="nguyen-khac-toan") == ["Tin có ông Toàn", SEED_TITLE]
    council = Body.objects.get(name="Hội đồng nhân dân tỉnh")
    make_article(title="Tin HĐND", bodies=[council])
    assert get(client, body=council.slug) == ["Tin HĐND", SEED_TITLE]
    # Filters combine.
    assert get(client, official="nguyen-khac-toan", body=council.slug) == [SEED_TITLE]
    assert get(client, official="nguyen-khac-toan", tu_ngay="01/01/2022") == ["Tin có ông Toàn"]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"tu_ngay": "31/02/2021"}, "tu_ngay"),
        ({"den_ngay": "hôm qua"}, "den_ngay"),
        ({"tu_ngay": "01/01/0001"}, "tu_ngay"),
        ({"den_ngay": "31/12/9999"}, "den_ngay"),
        ({"tu_ngay": "10/11/2021", "den_ngay": "09/11/2021"}, "den_ngay"),
        ({"official": "abc"}, "official"),
        ({"body": "khong-co"}, "body"),
        ({"section": "khong-co"}, "section"),
        ({"topic": "khong-co"}, "topic"),
    ],
)
def test_invalid_values_give_the_form_back_with_an_error(client, demo, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bộ lọc chưa đúng" in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', html)
    assert listed(response) == []


def test_pagination_keeps_the_filters(client, demo):
    for n in range(23):
        tagged(
            make_article(title=f"Tin đường bộ {n}", published_at=vn_time(2023, 1, 1, n)), "Đường bộ"
        )
    html = client.get(URL, {"topic": "duong-bo", "utm_source": "x"}).content.decode()
    assert len(listed_html := re.findall(r'class="item-title"', html)) == 20, listed_html
    assert "?topic=duong-bo&amp;page=2" in html
    assert "utm_source" not in html
    assert len(get(client, topic="duong-bo", page=2)) == 3
    assert client.get(URL, {"topic": "duong-bo", "page": 3}).status_code == 404


def test_filtered_listing_queries_do_not_grow(client, demo):
    def count():
        params = {"official": "nguyen-khac-toan", "tu_ngay": "01/01/2020"}
        client.get(URL, params)
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, params).status_code == 200
        return len(context)

    toan = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    few = count()
    for n in range(25):
        make_article(title=f"Tin {n}", officials=[toan], published_at=vn_time(2022, 1, 1, n % 24))
    assert count() == few
    assert few <= 3  # the official chosen, the bounded count, the page of articles


def test_options_follow_new_officials_and_keep_the_choice(client, demo):
    assert "Lê Văn Mới" not in client.get(URL).content.decode()
    Official.objects.create(full_name="Lê Văn Mới", slug="le-van-moi")
    html = client.get(URL, {"official": "le-van-moi"}).content.decode()
    assert '<option value="le-van-moi" selected>Lê Văn Mới</option>' in html
    assert '<option value="">Tất cả</option>' in html  # no official chosen: "all" not selected


def _attributes(html):
    return dict(re.findall(r'([\w-]+)="([^"]*)"', html))


@pytest.mark.parametrize("value", [None, "", "01/01/2020", '<b>"x"</b>'])
def test_the_date_input_prints_what_djangos_template_prints(value):
    attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "size": 10}
    extra = {"id": "id_tu_ngay", "aria-invalid": "true"}
    ours = PlainTextInput(attrs=attrs).render("tu_ngay", value, extra)
    djangos = forms.TextInput(attrs=attrs).render("tu_ngay", value, extra)
    assert _attributes(ours) == _attributes(djangos)
    assert ours.startswith('<input type="text" name="tu_ngay"') and ours.endswith(">")


def test_the_form_class_is_built_once_and_each_form_has_its_own_fields(demo, rf):
    from news.filters import ArticleFilterSet
    from news.queries import listed_articles

    first, second = (
        ArticleFilterSet(data=data, queryset=listed_articles(), request=rf.get("/tin-tuc/"))
        for data in ({"official": "khong-co"}, {})
    )
    assert type(first.form) is type(second.form)
    assert first.form.fields["official"] is not second.form.fields["official"]
    assert first.form.fields["official"].widget is not second.form.fields["official"].widget
    assert not first.is_valid() and second.is_valid()  # errors stay with their own form
    assert "official" in first.form.errors and not second.form.errors
