"""The demo content: what `make run` shows a newcomer."""

import datetime
import re

from wagtail.models import Page, Revision

import pytest

from news.models import ArticlePage, HomePage, SectionPage
from organisations.models import Body, Observation, Official, Post, Tenure

pytestmark = pytest.mark.django_db

SEED_URL = "/xay-dung-dang/tong-ket-cong-tac-xay-dung-to-chuc-co-so-dang-va-doi-ngu-dang-vien/"


def counts():
    models = [Page, Revision, Official, Post, Tenure, Body, Observation]
    return {model.__name__: model.objects.count() for model in models}


def test_load_demo_twice_changes_nothing(demo):
    from news.demo import load_demo

    before = counts()
    load_demo()
    assert counts() == before


def test_load_demo_command_runs(db):
    from django.core.management import call_command

    call_command("load_demo")
    call_command("load_demo")
    assert ArticlePage.objects.live().count() == 1
    assert HomePage.objects.count() == 1


def test_seed_article_is_live_with_the_texts_of_the_file(demo):
    assert demo.live
    assert demo.url == SEED_URL
    assert demo.slug == "tong-ket-cong-tac-xay-dung-to-chuc-co-so-dang-va-doi-ngu-dang-vien"
    assert demo.byline == "X.T"
    assert demo.lead.startswith("Chiều 10-11, các ông: Nguyễn Khắc Toàn")
    paragraphs = [block for block in demo.body if block.block_type == "paragraph"]
    assert len(paragraphs) == 2
    assert all("Chiều 10-11" not in str(block.value) for block in paragraphs)


def test_seed_officials_hold_three_titles_on_the_day(demo):
    day = datetime.date(2021, 11, 10)
    toan = Official.objects.get(slug="nguyen-khac-toan")
    ha = Official.objects.get(slug="nguyen-khac-ha")
    assert toan.title_on(day) == ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert ha.title_on(day) == ["Trưởng Ban Tổ chức Tỉnh ủy"]


def test_seed_bodies_form_a_tree(demo):
    department = Body.objects.get(name="Ban Tổ chức Tỉnh ủy")
    assert [b.name for b in department.ancestors()] == ["Đảng bộ tỉnh", "Tỉnh ủy"]


def test_every_seed_figure_is_an_observation_sourced_to_the_article(demo):
    values = sorted(int(o.value) for o in Observation.objects.all())
    assert values == sorted([15, 2, 686, 259, 427, 13, 2538, 45239, 1800, 100, 100])
    assert all(o.source_page_id == demo.pk and o.source_quote for o in Observation.objects.all())
    for observation in Observation.objects.all():
        observation.full_clean()  # 259 + 427 = 686 holds


def test_seed_article_page_shows_everything_once(client, demo):
    response = client.get(SEED_URL)
    assert response.status_code == 200
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]  # the <head> repeats the lead
    assert html.count("<h1>Tổng kết công tác xây dựng tổ chức cơ sở đảng") == 1
    assert html.count("Chiều 10-11, các ông") == 1
    for text in ["09:11", "10/11/2021", "X.T"]:
        assert text in html
    assert 'href="/nhan-vat/nguyen-khac-toan/"' in html
    assert 'href="/nhan-vat/nguyen-khac-ha/"' in html
    for title in [
        "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
        "Trưởng Ban Tổ chức Tỉnh ủy",
    ]:
        assert title in html
    figures = html[html.index('class="figures"') :]
    for number in ["686", "259", "427", "13", "2.538", "45.239", "1.800"]:
        assert re.search(rf">\s*{re.escape(number)} ", figures), number


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/xay-dung-dang/",
        SEED_URL,
        "/nhan-vat/nguyen-khac-toan/",
        "/nhan-vat/nguyen-khac-ha/",
        "/co-quan/tinh-uy/",
        "/co-quan/dang-bo-tinh/",
        "/co-quan/hoi-dong-nhan-dan-tinh/",
    ],
)
def test_every_public_page_renders(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()


def test_home_links_the_seed_article(client, demo):
    assert SEED_URL in client.get("/").content.decode()


def test_sections_exist_in_menu(demo):
    assert SectionPage.objects.live().in_menu().count() == 3


def test_public_pages_stay_vietnamese_for_an_english_browser(client, demo):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tin mới nhất" in html
