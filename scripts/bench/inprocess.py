"""In-process measurements on the bench database: SQL queries per request (CaptureQueriesContext,
page cache off, per-process caches warm) and the article page's render median.

Prints one JSON object; run by scripts/bench/run.py with the bench's environment."""

import json
import os
import statistics
import sys
import time

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls = json.loads(sys.argv[1])
    client = Client(HTTP_HOST="127.0.0.1")
    result = {"queries": {}, "article_render_ms": None}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        result["queries"][name] = {"status": response.status_code, "queries": len(context)}
    timings = []
    for _ in range(30):
        begin = time.perf_counter()
        client.get(urls["article"])
        timings.append((time.perf_counter() - begin) * 1000)
    result["article_render_ms"] = round(statistics.median(timings), 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
