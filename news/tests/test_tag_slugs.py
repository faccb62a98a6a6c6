"""Topic slugs are ASCII like every other URL, and stay put when a topic is renamed."""

from taggit.models import Tag

import pytest

pytestmark = pytest.mark.django_db


def test_new_topic_gets_an_ascii_slug():
    assert Tag.objects.create(name="Đại hội Đảng bộ").slug == "dai-hoi-dang-bo"


def test_renamed_topic_keeps_its_slug():
    tag = Tag.objects.create(name="Đại hội")
    tag.name = "Đại hội Đảng"
    tag.save()
    tag.refresh_from_db()
    assert tag.slug == "dai-hoi"


def test_a_unicode_slug_left_from_before_is_made_ascii_on_save():
    tag = Tag.objects.create(name="Kiểm tra")
    Tag.objects.filter(pk=tag.pk).update(slug="kiểm-tra")
    tag.refresh_from_db()
    tag.save()
    assert tag.slug == "kiem-tra"


def test_a_name_of_symbols_only_still_gets_a_slug():
    assert Tag.objects.create(name="!!!").slug == "chu-de"
