"""news.templatetags.listing and news.rendering: list items rendered once per process for the
same values, never stale (a changed title, URL or date is a new key), escaped, leads only where
asked."""

import re

from django.template import Context, Template

import pytest

from news import rendering
from news.tests.articles import make_article, section, vn_time

pytestmark = pytest.mark.django_db


def items(html):
    return re.findall(r'<article class="item">.*?</article>', html, re.S)


def test_the_same_list_twice_renders_each_item_once(client, demo):
    make_article(title="Tin thứ hai")
    rendering.cache_clear()
    client.get("/khong-co-trang-nay/")  # renders the header and footer every page prints
    before = rendering.cache_info().misses
    first = client.get("/xay-dung-dang/", HTTP_COOKIE="sessionid=x").content.decode()
    misses = rendering.cache_info().misses
    second = client.get("/xay-dung-dang/", HTTP_COOKIE="sessionid=x").content.decode()
    assert misses - before == 3  # the two items and the pagination
    assert rendering.cache_info().misses == misses  # all hits
    assert items(first) == items(second)


def test_a_changed_title_url_or_date_is_printed_at_once(client, demo):
    article = make_article(title="Tin cũ", lead="Sapo", published_at=vn_time(2022, 1, 1, 8, 0))
    assert "Tin cũ" in client.get("/xay-dung-dang/").content.decode()
    article.title = "Tin mới"
    article.slug = "tin-moi"
    article.published_at = vn_time(2022, 2, 3, 7, 5)
    article.save_revision().publish()
    html = client.get("/xay-dung-dang/").content.decode()
    assert "Tin cũ" not in html
    assert '<a href="/xay-dung-dang/tin-moi/">Tin mới</a>' in html
    assert '<time datetime="2022-02-03T07:05:00+07:00">07:05, 03/02/2022</time>' in html


def test_items_escape_what_editors_type(client, demo):
    make_article(title='<script>alert("t")</script>', lead="<img src=x onerror=alert(1)>")
    html = client.get("/xay-dung-dang/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in html


def test_leads_only_where_the_list_asks(client, demo):
    make_article(title="Tin có sapo", lead="Sapo riêng", published_at=vn_time(2030, 1, 1, 8, 0))
    make_article(title="Tin khác", lead="Sapo khác", published_at=vn_time(2029, 1, 1, 8, 0))
    section_items = items(client.get(section().url).content.decode())
    assert all('class="item-lead"' in item for item in section_items)  # show_lead
    home_items = items(client.get("/").content.decode())
    latest = home_items[:2]
    assert "Sapo riêng" in latest[0] and "item-lead" not in latest[1]  # first_lead


def test_an_empty_list_says_so():
    html = Template("{% load listing %}{% article_items articles %}").render(Context({}))
    assert html == "<p>Chưa có bài viết.</p>"


def test_with_debug_on_an_edited_template_shows_at_once(client, demo, settings):
    settings.DEBUG = True
    rendering.cache_clear()
    client.get("/xay-dung-dang/", HTTP_COOKIE="sessionid=x")
    assert rendering.cache_info().currsize == 0


def test_two_lists_that_share_items_render_only_the_new_one():
    rendering.cache_clear()
    template = "news/includes/chip.html"
    first = rendering.render_each(
        template, [{"url": "/a/", "name": "A"}, {"url": "/b/", "name": "B"}]
    )
    misses = rendering.cache_info().misses
    second = rendering.render_each(
        template, [{"url": "/b/", "name": "B"}, {"url": "/c/", "name": "C"}]
    )
    assert misses == 2 and rendering.cache_info().misses == 3  # /b/ came from the memo
    assert first == '<li><a href="/a/">A</a></li><li><a href="/b/">B</a></li>'
    assert second == '<li><a href="/b/">B</a></li><li><a href="/c/">C</a></li>'


def test_an_articles_bodies_and_topics_are_chips_of_one_list(client, demo):
    article = make_article(title="Tin có chủ đề")
    article.tags.add("Đại hội <b>Đảng</b>")
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    chips = re.search(r'id="tags-heading".*?(<ul class="chips">.*?</ul>)', html, re.S).group(1)
    assert chips.count("<li>") == 1 and "&lt;b&gt;Đảng&lt;/b&gt;" in chips
