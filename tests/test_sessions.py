"""config.sessions: Django's database sessions, looked up through a prepared query."""

import datetime

from django.contrib.sessions.models import Session
from django.utils import timezone

import pytest

from config.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_saved_session_is_read_back():
    store = SessionStore()
    store["chosen"] = "Nguyễn Văn A"
    store.save()
    assert SessionStore(store.session_key)["chosen"] == "Nguyễn Văn A"


def test_an_expired_or_unknown_session_is_empty_and_forgets_its_key():
    store = SessionStore()
    store["chosen"] = 1
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    for key in (store.session_key, "khong-co-phien-nay-123"):
        stale = SessionStore(key)
        assert stale.load() == {}
        assert stale.session_key is None


def test_a_signed_in_editor_stays_signed_in(client, django_user_model):
    from django.conf import settings

    assert settings.SESSION_ENGINE == "config.sessions"
    user = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau-dai")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert client.get("/admin/").status_code == 302
