"""The admin preview is the public page: same template, officials with their titles on the
article's date, and the figures box, for unsaved edits too."""

import re

from django.urls import reverse

import pytest

from news.models import ArticlePage
from organisations.models import Official

from .admin_forms import edit_form_data

pytestmark = pytest.mark.django_db


def main_of(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"], posted.json()
    return client.get(url)


def test_preview_renders_the_public_template_with_officials_and_figures(editor_client, demo):
    response = preview(editor_client, demo, edit_form_data(demo))
    assert response.status_code == 200
    assert "news/article_page.html" in [t.name for t in response.templates]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main_of(response)))
    assert "Nguyễn Khắc Toàn – Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh" in text
    assert "Nguyễn Khắc Hà – Trưởng Ban Tổ chức Tỉnh ủy" in text
    assert "45.239 đảng viên" in text


def test_preview_is_what_publishing_the_same_form_shows(client, moderator_client, demo):
    edit = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    data = edit_form_data(demo, title="Tiêu đề đã sửa")
    previewed = preview(moderator_client, demo, data)
    assert moderator_client.post(edit, {**data, "action-publish": "publish"}).status_code == 302
    public = client.get(ArticlePage.objects.get(pk=demo.pk).url)
    assert "Tiêu đề đã sửa" in main_of(public)
    assert main_of(previewed) == main_of(public)


def test_preview_shows_unsaved_changes_and_saves_nothing(editor_client, demo):
    data = edit_form_data(demo, title="Tiêu đề đang sửa")
    ha = Official.objects.get(slug="nguyen-khac-ha").pk
    [index] = [k.split("-")[1] for k, v in data.items() if k.endswith("-official") and v == ha]
    data[f"official_links-{index}-DELETE"] = "1"  # the editor removed Hà, then pressed Preview
    html = main_of(preview(editor_client, demo, data))
    assert "Tiêu đề đang sửa" in html
    assert "/nhan-vat/nguyen-khac-toan/" in html and "/nhan-vat/nguyen-khac-ha/" not in html
    saved = ArticlePage.objects.get(pk=demo.pk)
    assert saved.title == demo.title and not saved.has_unpublished_changes
    assert saved.official_links.count() == 2
