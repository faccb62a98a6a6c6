"""Read replica (DATABASE_REPLICA_URL, docs/scaling.md): anonymous page views read from it, and
everything else uses the primary. Why so narrow: a replica lags by a moment, which a reader cannot
tell from the page cache, while an editor must see the change they just saved; writes, the
admin, the scheduler and migrations therefore never see the replica.

Active only when config/settings/base.py finds DATABASE_REPLICA_URL: it then adds the `replica`
database, this router and the middleware.
"""

import contextvars

from django.conf import settings

REPLICA = "replica"
_reads_from_replica = contextvars.ContextVar("reads_from_replica", default=False)


def is_reader_request(request):
    """An anonymous, read-only request outside the admin (no session cookie: not logged in)."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith("/admin/")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaReadsMiddleware:
    """Marks the request's reads for the replica; first in MIDDLEWARE, before any query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_from_replica.set(is_reader_request(request))
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reads_from_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
