"""Officials' and bodies' public paths, reversed once per slug (organisations.paths): the same as
`reverse()`, a renamed slug at once, and under the script prefix the site is served with."""

from django.urls import reverse, set_script_prefix

import pytest

from organisations.paths import slug_path
from organisations.tests.factories import BodyFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def test_paths_are_what_reverse_gives_and_follow_a_new_slug():
    official, body = OfficialFactory(full_name="Nguyễn Văn Đức"), BodyFactory()
    assert official.get_absolute_url() == reverse(
        "organisations:official", kwargs={"slug": official.slug}
    )
    assert body.get_absolute_url() == reverse("organisations:body", kwargs={"slug": body.slug})
    official.slug = "nguyen-van-duc-2"
    assert official.get_absolute_url().endswith("/nguyen-van-duc-2/")


def test_a_script_prefix_is_part_of_the_path():
    try:
        set_script_prefix("/tin/")
        under_prefix = slug_path("organisations:body", "dang-bo-tinh")
    finally:
        set_script_prefix("/")
    assert under_prefix.startswith("/tin/")
    assert not slug_path("organisations:body", "dang-bo-tinh").startswith("/tin/")


def test_the_path_tag_prints_what_the_url_tag_prints():
    from django.template import Context, Template

    printed = Template(
        "{% load paths %}{% path 'news:topic' slug %}|{% url 'news:topic' slug %}|"
        "{% path 'discovery:site_feed' %}|{% url 'discovery:site_feed' %}"
    ).render(Context({"slug": "xay-dung-dang"}))
    ours, django_url, feed, django_feed = printed.split("|")
    assert ours == django_url == "/chu-de/xay-dung-dang/"
    assert feed == django_feed
