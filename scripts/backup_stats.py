"""What a backup round trip must keep: every table's row count and one hash of the content.

Sessions and django-axes' login attempts change on their own, so they are counted but not hashed.
"""

import hashlib
import json

VOLATILE_TABLES = ("django_session",)
VOLATILE_PREFIXES = ("axes_",)


def model_tables():
    """{table: primary-key column} of every installed model, proxies folded into their table."""
    from django.apps import apps

    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            tables.setdefault(meta.db_table, meta.pk.column)
    return dict(sorted(tables.items()))


def is_content(table):
    return table not in VOLATILE_TABLES and not table.startswith(VOLATILE_PREFIXES)


def _stable(value):
    """A value in a form that is the same every time it is read back (bytes as hex, JSON with
    sorted keys), so two reads of the same rows hash alike."""
    if isinstance(value, memoryview | bytes | bytearray):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def table_stats(cursor, vendor, tables):
    """Row count of every table and one SHA-256 over the content tables' rows, read through a
    plain DB-API cursor so a backup and a later check read values the same way."""
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    existing = {row[0] for row in cursor.fetchall()}
    counts, digest = {}, hashlib.sha256()
    for table, pk in tables.items():
        if table not in existing:
            continue
        quoted = '"' + table.replace('"', '""') + '"'
        cursor.execute(f"SELECT COUNT(*) FROM {quoted}")
        counts[table] = cursor.fetchone()[0]
        if not is_content(table):
            continue
        digest.update(f"\x00table {table} {counts[table]}\n".encode())
        cursor.execute(f'SELECT * FROM {quoted} ORDER BY "{pk}"')
        while rows := cursor.fetchmany(2000):
            for row in rows:
                line = json.dumps([_stable(v) for v in row], ensure_ascii=False, default=str)
                digest.update(line.encode())
                digest.update(b"\n")
    return {"row_counts": counts, "content_hash": "sha256:" + digest.hexdigest()}
