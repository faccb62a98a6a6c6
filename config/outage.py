"""A database outage is a 503 "try again shortly", not a 500: readers see a friendly page with
Retry-After, editors a clear message, and nothing is half-written (each request is one
transaction, and the save simply fails). Connections recover by themselves (CONN_HEALTH_CHECKS).
"""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def is_outage(exc):
    """OperationalError/InterfaceError, or a DatabaseError caused by one (psycopg wraps)."""
    while exc is not None:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        if not isinstance(exc, DatabaseError) and exc.__cause__ is None:
            return False
        exc = exc.__cause__
    return False


def service_unavailable(request):
    from django.http import HttpResponse

    template = loader.get_template("503.html")
    response = HttpResponse(template.render({"request": request}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns a database connection error raised by a view (or its template) into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            logger.warning(
                "Database unavailable: %s %s: %s", request.method, request.path, exception
            )
            return service_unavailable(request)
        return None


def server_error(request, template_name="500.html"):
    """handler500: the same 503 when the error came from a middleware talking to the database."""
    exc = sys.exc_info()[1]
    if is_outage(exc):
        return service_unavailable(request)
    return defaults.server_error(request, template_name)
