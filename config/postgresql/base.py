"""Django's PostgreSQL backend, with a health check that needs no round trip.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before each request's first query on a
persistent connection: a round trip to the server for every uncached page, one in three of an
article's. An idle connection that the server closed (a restart, an administrator, a timeout)
has something to read: its termination notice, then the end of the stream. So a connection
with nothing to read is taken as usable, and only one with something waiting is checked with
Django's own query. A connection lost without a word (a network cut) fails its first query,
as it would have failed `SELECT 1`; config.outage answers that request with a 503 and Django
closes the connection afterwards.
"""

import select

from django.db.backends.postgresql import base

from psycopg import pq


def _has_input(fd):
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    return bool(poller.poll(0))


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        idle = connection.info.transaction_status == pq.TransactionStatus.IDLE
        if idle and not _has_input(connection.pgconn.socket):
            return True
        return super().is_usable()
