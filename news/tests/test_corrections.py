"""Corrections and updates: shown under the article and in its header, and followed by
dateModified in the structured data and article:modified_time."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from news.models import ArticleCorrection, ArticlePage, CorrectionKind
from news.structured_data import last_modified

from .articles import vn_time
from .html_head import json_ld, meta_values

pytestmark = pytest.mark.django_db

SEED_PUBLISHED = "2021-11-10T09:11:00+07:00"


@pytest.fixture
def seed(demo):
    """The seed article as if last published soon after it was written."""
    Page.objects.filter(pk=demo.pk).update(last_published_at=vn_time(2021, 11, 10, 9, 30))
    return ArticlePage.objects.get(pk=demo.pk)


def correct(article, made_at, note, kind=CorrectionKind.UPDATE):
    return ArticleCorrection.objects.create(page=article, kind=kind, made_at=made_at, note=note)


def visible_text(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def date_modified(client, article):
    [(data, _)] = json_ld(client.get(article.url))
    return data["dateModified"]


def test_without_corrections_nothing_is_shown(client, seed):
    response = client.get(seed.url)
    html = response.content.decode()
    assert 'id="corrections"' not in html
    assert "Cập nhật" not in visible_text(response)
    assert date_modified(client, seed) == "2021-11-10T09:30:00+07:00"


def test_corrections_are_listed_under_the_article_in_order(client, seed):
    correct(
        seed, vn_time(2021, 11, 11, 14, 5), "Sửa số đảng viên: 45.239.", CorrectionKind.CORRECTION
    )
    correct(seed, vn_time(2021, 11, 10, 16, 40), "Bổ sung ý kiến chỉ đạo.")
    response = client.get(seed.url)
    text = visible_text(response)
    assert "Cập nhật 16:40, 10/11/2021 Bổ sung ý kiến chỉ đạo." in text
    assert "Đính chính 14:05, 11/11/2021 Sửa số đảng viên: 45.239." in text
    assert text.index("Cập nhật 16:40, 10/11/2021 Bổ sung") < text.index("Đính chính 14:05")
    # below the article body and its byline
    assert text.index("X.T") < text.index("Đính chính 14:05")


def test_header_shows_the_latest_change(client, seed):
    correct(seed, vn_time(2021, 11, 10, 16, 40), "Bổ sung.")
    correct(seed, vn_time(2021, 11, 11, 14, 5), "Đính chính.", CorrectionKind.CORRECTION)
    html = client.get(seed.url).content.decode()
    header = html.split('<header class="article-header">', 1)[1].split("</header>", 1)[0]
    assert re.search(
        r'Cập nhật <time datetime="2021-11-11T14:05:00\+07:00">14:05, 11/11/2021</time>', header
    )
    assert "16:40" not in header


def test_date_modified_follows_the_latest_correction(client, seed):
    correct(seed, vn_time(2021, 11, 12, 8, 0), "Cập nhật kết quả.")
    assert date_modified(client, seed) == "2021-11-12T08:00:00+07:00"
    response = client.get(seed.url)
    assert meta_values(response, "article:modified_time") == ["2021-11-12T08:00:00+07:00"]
    [(data, _)] = json_ld(response)
    assert data["datePublished"] == SEED_PUBLISHED


def test_date_modified_follows_a_later_publication(client, seed):
    correct(seed, vn_time(2021, 11, 12, 8, 0), "Cập nhật kết quả.")
    Page.objects.filter(pk=seed.pk).update(last_published_at=vn_time(2021, 11, 15, 10, 0))
    assert date_modified(client, seed) == "2021-11-15T10:00:00+07:00"


def test_date_modified_is_never_before_publication(client, seed):
    Page.objects.filter(pk=seed.pk).update(last_published_at=vn_time(2021, 11, 1, 0, 0))
    correct(seed, vn_time(2021, 11, 9, 8, 0), "Ngày giờ nhập nhầm.")
    assert date_modified(client, seed) == SEED_PUBLISHED


def test_last_modified_without_publication_record(seed):
    seed.last_published_at = None
    assert last_modified(seed, []) == seed.published_at


def test_corrections_added_by_an_editor_through_a_revision(client, seed):
    article = ArticlePage.objects.get(pk=seed.pk)
    article.corrections.add(
        ArticleCorrection(
            kind=CorrectionKind.CORRECTION,
            made_at=vn_time(2021, 11, 10, 20, 15),
            note="Chức danh của ông Nguyễn Khắc Hà.",
        )
    )
    article.save_revision().publish()
    text = visible_text(client.get(seed.url))
    assert "Đính chính 20:15, 10/11/2021 Chức danh của ông Nguyễn Khắc Hà." in text


def test_notes_are_escaped(client, seed):
    correct(seed, vn_time(2021, 11, 11, 9, 0), "<b>in đậm</b> & đúng")
    html = client.get(seed.url).content.decode()
    assert "&lt;b&gt;in đậm&lt;/b&gt; &amp; đúng" in html


def test_corrections_cost_one_query_whatever_their_number(client, seed):
    correct(seed, vn_time(2021, 11, 11, 9, 0), "Một.")
    client.get(seed.url)
    with CaptureQueriesContext(connection) as one:
        client.get(seed.url)
    for minute in range(10):
        correct(seed, vn_time(2021, 11, 12, 9, minute), f"Ghi chú {minute}.")
    client.get(seed.url)  # a correction drops the cached site and sections: warm them again
    with CaptureQueriesContext(connection) as eleven:
        client.get(seed.url)
    assert len(eleven) == len(one)


def test_preview_shows_unsaved_corrections(client, seed, django_user_model):
    from django.urls import reverse

    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from .admin_forms import edit_form_data

    correct(seed, vn_time(2021, 11, 11, 10, 0), "Đã lưu.")
    article = ArticlePage.objects.get(pk=seed.pk)
    article.save_revision()
    data = edit_form_data(article)
    saved = article.corrections.get()
    data.update(
        nested_form_data(
            {
                "corrections": inline_formset(
                    [
                        {
                            "id": saved.pk,
                            "kind": "update",
                            "made_at": "11/11/2021 10:00",
                            "note": "Đã lưu.",
                        },
                        {
                            "id": "",
                            "kind": "correction",
                            "made_at": "11/11/2021 10:00",
                            "note": "Chưa lưu.",
                        },
                    ],
                    initial=1,
                )
            }
        )
    )
    admin = django_user_model.objects.create_superuser("bientap", "b@example.invalid", "pw")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[seed.pk])
    assert client.post(url, data).json()["is_valid"]
    text = visible_text(client.get(url))
    assert "Cập nhật 10:00, 11/11/2021 Đã lưu." in text
    assert "Đính chính 10:00, 11/11/2021 Chưa lưu." in text
    assert ArticleCorrection.objects.filter(page=seed).count() == 1
