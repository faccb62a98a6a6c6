"""The header, footer and assets every public page prints (news.templatetags.chrome): rendered
once per process for the same values, so each page still shows its own search text, escaped."""

import re

import pytest

pytestmark = pytest.mark.django_db


def search_box(html):
    return re.search(r'<input id="site-search"[^>]*value="([^"]*)"', html).group(1)


def test_the_search_box_shows_each_request_its_own_text_escaped(client, demo):
    first = client.get("/tim-kiem/", {"q": 'đảng viên "mới" <b>'}).content.decode()
    assert search_box(first) == "đảng viên &quot;mới&quot; &lt;b&gt;"
    second = client.get("/tim-kiem/", {"q": "hội nghị"}).content.decode()
    assert search_box(second) == "hội nghị"
    assert search_box(client.get(demo.url).content.decode()) == ""


def test_every_public_page_prints_the_header_assets_and_footer(client, demo):
    for url in ("/", demo.url, "/tin-tuc/", "/tim-kiem/?q=x", "/khong-co-trang-nay/"):
        html = client.get(url).content.decode()
        assert html.count('<header class="site-header">') == 1, url
        assert html.count('<footer class="site-footer">') == 1, url
        assert re.search(r'<link rel="stylesheet" href="/static/css/site\.[^"]*css">', html), url
        assert 'href="/xay-dung-dang/"' in html.split('<nav class="site-nav"', 1)[1], url
