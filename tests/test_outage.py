"""A database outage is a friendly 503 with Retry-After, never a 500 traceback."""

from unittest import mock

from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

import pytest

from config.outage import DatabaseOutageMiddleware, is_outage, server_error


def test_middleware_turns_operational_error_into_503():
    middleware = DatabaseOutageMiddleware(lambda request: None)
    request = RequestFactory().get("/bai-viet/")
    response = middleware.process_exception(request, OperationalError("server closed"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "tạm gián đoạn" in response.content.decode()


def test_other_errors_are_left_alone():
    middleware = DatabaseOutageMiddleware(lambda request: None)
    assert middleware.process_exception(RequestFactory().get("/"), ValueError("x")) is None
    assert is_outage(InterfaceError("connection already closed"))
    assert not is_outage(KeyError("x"))


@pytest.mark.django_db
def test_a_page_whose_query_fails_is_a_503(client, demo):
    with mock.patch(
        "news.models.ArticlePage.mentioned_officials",
        side_effect=OperationalError("could not connect to server"),
    ):
        response = client.get(demo.url)
    assert response.status_code == 503
    assert response["Retry-After"]


@pytest.mark.django_db
def test_editor_save_during_outage_says_nothing_was_saved(staff_client, demo):
    from django.urls import reverse

    from organisations.models import Body

    body = Body.objects.get(name="Tỉnh ủy")
    url = reverse("wagtailsnippets_organisations_body:edit", args=[body.pk])
    data = {"name": "Không được lưu", "short_name": "", "slug": body.slug, "kind": body.kind}
    with mock.patch.object(Body, "save", side_effect=OperationalError("terminating connection")):
        response = staff_client.post(url, data)
    assert response.status_code == 503
    assert "chưa được lưu" in response.content.decode()
    assert Body.objects.get(pk=body.pk).name == "Tỉnh ủy"


def test_handler500_gives_503_for_an_outage_raised_outside_views():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("the database system is starting up")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
