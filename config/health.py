"""/healthz for load balancers: "ok" without touching anything (liveness); with ?db=1 it also
asks the database (readiness), answering 503 while it is down. Also the benchmark's baseline."""

from django.db import connection
from django.http import HttpResponse

from .outage import OUTAGE_ERRORS


def healthz(request):
    if request.GET.get("db"):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except OUTAGE_ERRORS:
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    response = HttpResponse("ok\n", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
