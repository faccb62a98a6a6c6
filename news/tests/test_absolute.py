"""Absolute URLs (news.absolute) on the site's canonical host: what `urljoin` would give."""

from urllib.parse import urljoin

import pytest

from news.absolute import absolute_url, site_root_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/", "/xay-dung-dang/bai/", "/tim-kiem/?q=đảng", "rss/", "//cdn.example.vn/a.png", "../x"],
)
def test_a_path_is_joined_to_the_site_root_as_urljoin_joins_it(rf, demo, path):
    request = rf.get("/")
    assert absolute_url(path, request) == urljoin(site_root_url(request) + "/", path)


def test_absolute_urls_and_nothing_pass_unchanged(rf, demo):
    assert absolute_url("https://example.vn/a", rf.get("/")) == "https://example.vn/a"
    assert absolute_url("", rf.get("/")) == ""
