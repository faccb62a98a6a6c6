"""config.postgresql: a persistent connection is checked before a request without a round trip,
and one the server has closed is found unusable, so the next query opens a new one; the fixed
queries of page views (news.prepared) are prepared on the server."""

import time
from unittest import mock

from django.db import connection

import psycopg
import pytest

from news.models import ArticlePage
from news.prepared import PreparedRows
from tests.conftest import load_base_settings

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL backend only"
)


def reconnects(test):
    return postgresql_only(pytest.mark.django_db(transaction=True)(test))


def open_connection():
    connection.ensure_connection()
    return connection.connection


@reconnects
def test_an_idle_connection_is_usable_without_a_query():
    raw = open_connection()
    with mock.patch.object(psycopg.Connection, "cursor", side_effect=AssertionError("queried")):
        assert connection.is_usable()
    assert raw is connection.connection


@reconnects
def test_a_connection_the_server_closed_is_unusable_and_replaced():
    raw = open_connection()
    pid = raw.info.backend_pid
    with psycopg.connect(raw.info.dsn, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)  # the notice may take a moment to arrive
    assert not connection.is_usable()
    connection.health_check_enabled, connection.health_check_done = True, False
    connection.close_if_health_check_failed()
    with connection.cursor() as cursor:  # a new connection, as the next request would get
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


@reconnects
def test_a_connection_inside_a_transaction_is_checked_by_django():
    raw = open_connection()
    raw.execute("BEGIN")
    try:
        with mock.patch("django.db.backends.postgresql.base.DatabaseWrapper.is_usable") as usable:
            usable.return_value = True
            assert connection.is_usable()
        usable.assert_called_once()
    finally:
        raw.execute("ROLLBACK")


# A query shape no other test runs: its preparation starts in the test.
TITLES = PreparedRows(
    lambda slug: ArticlePage.objects.filter(slug=slug).values_list("title", "byline", "slug")
)


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def is_prepared(fragment):
    return any(fragment in sql for sql in prepared_statements())


@postgresql_only
@pytest.mark.django_db
def test_a_prepared_query_is_prepared_after_a_few_runs_with_the_same_rows(demo):
    for run in range(6):
        assert TITLES(demo.slug) == [(demo.title, demo.byline, demo.slug)]
        assert TITLES("khong-co") == []
        if run == 0:
            assert not is_prepared('"news_articlepage"."byline" AS "byline"')
    assert is_prepared('"news_articlepage"."byline" AS "byline"')


@postgresql_only
@pytest.mark.django_db
def test_other_queries_are_never_prepared(demo):
    for _ in range(8):
        assert ArticlePage.objects.filter(slug=demo.slug, byline=demo.byline).count() == 1
    assert not is_prepared("COUNT(*)")


def settings_under(monkeypatch, **env):
    """config.settings.base imported afresh under `env`, then put back as it was."""
    monkeypatch.delenv("DATABASE_PREPARED_STATEMENTS", raising=False)
    return load_base_settings(monkeypatch, **env)


def test_prepared_statements_can_be_turned_off_for_pgbouncer(monkeypatch):
    url = "postgres://newsroom@db.example.invalid:5432/newsroom"
    on = settings_under(monkeypatch, DATABASE_URL=url).DATABASES["default"]
    assert on["ENGINE"] == "config.postgresql" and on["OPTIONS"]["prepare_threshold"] == 5
    off = settings_under(monkeypatch, DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS="0")
    assert off.DATABASES["default"]["OPTIONS"]["prepare_threshold"] is None
