"""The public pages need no JavaScript and no inline style, and load only files from static/."""

import re

from django.contrib.staticfiles import finders

import pytest

from .html_head import parse_head

pytestmark = pytest.mark.django_db

PAGES = ["/", "/xay-dung-dang/", "/nhan-vat/nguyen-khac-toan/", "/co-quan/tinh-uy/"]


@pytest.fixture
def pages(client, demo):
    return {url: client.get(url) for url in [*PAGES, demo.url]}


def test_no_inline_style_and_no_script_but_json_ld(pages):
    for url, response in pages.items():
        html = response.content.decode()
        assert response.status_code == 200, url
        assert not re.search(r"<style|\sstyle=", html), url
        types = [script["attrs"].get("type") for script in parse_head(response).scripts]
        assert set(types) <= {"application/ld+json"}, url


def test_assets_come_from_static_and_exist(pages):
    for url, response in pages.items():
        head = parse_head(response)
        hrefs = [link["href"] for link in head.links if link.get("rel") in {"stylesheet", "icon"}]
        hrefs += [link["href"] for link in head.links if link.get("rel") == "apple-touch-icon"]
        assert hrefs, url
        for href in hrefs:
            assert href.startswith("/static/"), (url, href)
            assert finders.find(href.removeprefix("/static/")), href


def test_brand_logo_is_decorative_next_to_the_site_name(pages):
    html = pages["/"].content.decode()
    assert re.search(r'<a class="brand" href="/"><img src="/static/img/logo.svg" alt=""', html)
