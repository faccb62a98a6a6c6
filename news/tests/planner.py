"""SQLite's query plans as a site of 10,000 articles gets them: with a test's few rows any plan
looks as cheap, and SQLite may pick the right one by chance."""

import contextlib

from django.db import connection

# What ANALYZE says of the bench's data set of 10,000 articles: table, index, stat.
TEN_THOUSAND_ARTICLES = [
    ("wagtailcore_page", "sqlite_autoindex_wagtailcore_page_1", "10006 1"),
    ("news_articlepage", "news_articlepage_published_at_4226276e", "10001 1"),
    ("news_searchentry", "news_search_kind_e7cb35_idx", "10367 3456 1"),
    ("news_searchentry", "sqlite_autoindex_news_searchentry_1", "10367 3456 1"),
    ("news_searchentry", "news_searchentry_date_4fd55e66", "10367 1"),
]


@contextlib.contextmanager
def ten_thousand_articles_statistics():
    """A cursor whose planner reads TEN_THOUSAND_ARTICLES for those tables; the other tests'
    planner has no statistics afterwards, as before."""
    tables = sorted({table for table, _index, _stat in TEN_THOUSAND_ARTICLES})
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(
            f"DELETE FROM sqlite_stat1 WHERE tbl IN ({', '.join(['%s'] * len(tables))})", tables
        )
        cursor.executemany("INSERT INTO sqlite_stat1 VALUES (%s, %s, %s)", TEN_THOUSAND_ARTICLES)
        cursor.execute("ANALYZE sqlite_schema")  # read them again
        try:
            yield cursor
        finally:
            cursor.execute("DELETE FROM sqlite_stat1")
            cursor.execute("ANALYZE sqlite_schema")


def plan(cursor, sql, params):
    """EXPLAIN QUERY PLAN's steps, joined by " / "."""
    cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
    return " / ".join(row[-1] for row in cursor.fetchall())
