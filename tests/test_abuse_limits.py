"""Abuse limits: login brute force (django-axes), search and listing caps, upload sizes."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image as PILImage

from news.models import SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    return settings


def login(client, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR=ip
    )


def test_admin_login_is_locked_after_five_failures(client, axes_on, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.invalid", "right")
    for _ in range(4):
        response = login(client, "wrong")
        assert response.status_code == 200  # the login form again, with its error
    response = login(client, "wrong")
    assert response.status_code == 429
    # Locked: even the right password is refused, with a Vietnamese page, not a traceback.
    response = login(client, "right")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Tạm khóa đăng nhập" in text and "15 phút" in text
    assert "Traceback" not in text
    # Another address is not affected.
    assert login(client, "right", ip="198.51.100.9").status_code == 302


def test_lockout_uses_the_forwarded_address_only_behind_a_trusted_proxy(
    client, axes_on, django_user_model
):
    from django.test import RequestFactory

    from config.security import client_ip

    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.2")
    request.META["REMOTE_ADDR"] = "10.0.0.1"
    assert client_ip(request) == "10.0.0.1"  # no trusted proxy: the header is ignored
    axes_on.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.2"  # the address our proxy saw, not the client's claim


def test_search_query_is_capped(client, demo, settings):
    long_query = "đảng viên " * 2000
    response = client.get("/tim-kiem/", {"q": long_query})
    assert response.status_code == 200
    assert response.wsgi_request.GET["q"] == long_query[: settings.SEARCH_MAX_QUERY_LENGTH]
    assert long_query[: settings.SEARCH_MAX_QUERY_LENGTH + 20] not in response.content.decode()


def test_listing_page_number_is_capped(client, demo, settings):
    section = SectionPage.objects.get(slug="xay-dung-dang")
    for url in (section.url, "/tim-kiem/?q=dang", "/tin-tuc/"):
        sep = "&" if "?" in url else "?"
        assert client.get(f"{url}{sep}page={settings.LISTING_MAX_PAGE + 1}").status_code == 404
        assert client.get(f"{url}{sep}page=99999999999999999999999").status_code == 404


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_too_large_image_upload_is_refused(staff_client, settings):
    from wagtail.images import get_image_model

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2_000
    data = png_bytes(200, 200) + b"\0" * 3_000  # a valid PNG, padded past the limit
    response = staff_client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh quá lớn", "file": SimpleUploadedFile("lon.png", data, "image/png")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_image_with_too_many_pixels_is_refused(staff_client, settings):
    from wagtail.images import get_image_model

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = staff_client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh quá rộng", "file": SimpleUploadedFile("rong.png", png_bytes(300, 300))},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_too_large_document_upload_is_refused(staff_client, settings):
    from wagtail.documents import get_document_model

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1_000
    response = staff_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tài liệu lớn", "file": SimpleUploadedFile("lon.txt", b"x" * 5_000)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


def test_oversized_form_body_is_a_400(staff_client, settings, demo):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = staff_client.post(
        reverse("wagtailadmin_pages:edit", args=[demo.pk]), {"title": "x" * 20_000}
    )
    assert response.status_code == 400


def test_upload_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
