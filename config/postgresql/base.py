"""Django's PostgreSQL backend, with a health check that needs no round trip and cursors whose
statements PostgreSQL prepares.

Health check: with CONN_HEALTH_CHECKS, Django sends `SELECT 1` before each request's first query
on a persistent connection: a round trip to the server for every uncached page, one in three of
an article's. An idle connection that the server closed (a restart, an administrator, a
timeout) has something to read: its termination notice, then the end of the stream. So a
connection with nothing to read is taken as usable, and only one with something waiting is
checked with Django's own query. A connection lost without a word (a network cut) fails its
first query, as it would have failed `SELECT 1`; config.outage answers that request with a 503
and Django closes the connection afterwards.

Prepared statements: Django binds values into the SQL text on the client, so PostgreSQL parses
and plans every query afresh; for an article's two small queries planning took 0.75 ms of
PostgreSQL's CPU and running them 0.2 ms. `prepared_cursor()` gives a cursor that sends values
separately, so psycopg prepares a statement once it has run `prepare_threshold` times (5) on a
connection and PostgreSQL plans it once. Only the fixed queries of the reader's hot paths use it
(news.prepared); behind PgBouncer in transaction mode before 1.21, set DATABASE_PREPARED_STATEMENTS=0.
"""

import select

from django.db.backends.postgresql import base

import psycopg
from psycopg import pq


def _has_input(fd):
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    return bool(poller.poll(0))


class DatabaseWrapper(base.DatabaseWrapper):
    _binds_on_server = False

    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        idle = connection.info.transaction_status == pq.TransactionStatus.IDLE
        if idle and not _has_input(connection.pgconn.socket):
            return True
        return super().is_usable()

    def prepared_cursor(self):
        """A cursor as `cursor()` gives (health check, error wrapping, query logging), whose
        values are bound on the server."""
        self._binds_on_server = True
        try:
            return self.cursor()
        finally:
            self._binds_on_server = False

    def create_cursor(self, name=None):
        if name is not None or not self._binds_on_server:
            return super().create_cursor(name)
        factory = self.connection.cursor_factory
        self.connection.cursor_factory = psycopg.Cursor
        try:
            return super().create_cursor(name)
        finally:
            self.connection.cursor_factory = factory
