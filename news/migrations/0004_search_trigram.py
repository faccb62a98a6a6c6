"""PostgreSQL only: trigram GIN indexes on the folded search columns.

news.search matches whole folded words with LIKE '% word %', which a btree cannot serve; pg_trgm
GIN indexes can, so a rare word is found without reading every entry. SQLite gets nothing here
(it has no pg_trgm). If the extension cannot be created (no privilege), search still works,
only slower: the migration says so and carries on.
"""

import logging

from django.db import migrations, transaction

logger = logging.getLogger(__name__)

INDEXES = {
    "news_search_ftitle_trgm": "folded_title",
    "news_search_ftext_trgm": "folded_text",
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as exc:  # noqa: BLE001 - a missing privilege must not block deploys
        logger.warning("pg_trgm unavailable, search will scan the table: %s", exc)
        return
    with connection.cursor() as cursor:
        for name, column in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON news_searchentry "
                f"USING gin ({column} gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("news", "0003_corrections_search")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
