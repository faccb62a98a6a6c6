"""EXPLAIN (ANALYZE, BUFFERS) of the SQL that the listing, archive, filter and search pages really
run: each URL is requested through the test client with the page cache off, its queries are
captured, and every query on a large table is explained. PostgreSQL only.

    DATABASE_URL=postgres://…/newsroom_bench_100000 DJANGO_SETTINGS_MODULE=config.settings.dev \\
        PAGE_CACHE_ENABLED=0 .venv/bin/python -m scripts.bench.explain [--min-ms 0]

Used for the plans in docs/performance.md (data set from scripts/bench/dataset.py).
"""

import argparse
import re
import time

import django

LARGE_TABLES = ("news_articlepage", "news_searchentry", "news_article", "wagtailcore_page")


def urls():
    from news.models import SectionPage
    from organisations.models import Body, Official

    section = SectionPage.objects.order_by("path").first().url
    official = Official.objects.filter(slug__startswith="can-bo-so-").order_by("pk").first()
    body = Body.objects.get(slug="dang-bo-xa-so-3")
    return {
        "section listing, page 1": section,
        "section listing, page 500": f"{section}?page=500",
        "date archive, month": "/luu-tru/2021/11/",
        "date archive, year": "/luu-tru/2021/",
        "all articles, page 1": "/tin-tuc/",
        "filter by official": f"/tin-tuc/?official={official.slug}",
        "filter by body": f"/tin-tuc/?body={body.slug}",
        "filter by date range": "/tin-tuc/?tu_ngay=01/01/2022&den_ngay=31/03/2022",
        "filter by body + date range": (
            f"/tin-tuc/?body={body.slug}&tu_ngay=01/01/2022&den_ngay=31/12/2022"
        ),
        "official page (latest 20)": official.get_absolute_url(),
        "search, common words": "/tim-kiem/?q=dang+vien",
        "search, rare name": f"/tim-kiem/?q={official.full_name.replace(' ', '+')}",
        "search, no match": "/tim-kiem/?q=khongcotu",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-ms", type=float, default=0.0, help="skip faster queries")
    args = parser.parse_args()
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    assert connection.vendor == "postgresql", "EXPLAIN ANALYZE here is for PostgreSQL"
    client = Client(HTTP_HOST="127.0.0.1")
    for name, url in urls().items():
        client.get(url)  # warm per-process caches (site root, content types)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        print(
            f"\n===== {name}: GET {url} -> {response.status_code}, {elapsed:.0f} ms, "
            f"{len(captured)} queries"
        )
        for query in captured.captured_queries:
            sql = query["sql"]
            if not any(re.search(rf'"{table}"', sql) for table in LARGE_TABLES):
                continue
            if float(query["time"]) * 1000 < args.min_ms:
                continue
            print(f"\n-- {float(query['time']) * 1000:.1f} ms: {sql}")
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                for (line,) in cursor.fetchall():
                    print(line)


if __name__ == "__main__":
    main()
