"""config.postgresql: a persistent connection is checked before a request without a round trip,
and one the server has closed is found unusable, so the next query opens a new one."""

import time
from unittest import mock

from django.db import connection

import psycopg
import pytest

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backend only"),
]


def open_connection():
    connection.ensure_connection()
    return connection.connection


def test_an_idle_connection_is_usable_without_a_query():
    raw = open_connection()
    with mock.patch.object(psycopg.Connection, "cursor", side_effect=AssertionError("queried")):
        assert connection.is_usable()
    assert raw is connection.connection


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
