"""Queries compiled once per process, for the reader's hot paths.

Building and compiling a query with Django's ORM costs far more than running it on this site's
indexes: 0.7–2.7 ms of CPU for each query of an uncached article (a Wagtail page selects ~40
columns through two tables), against ~60 µs to run the SQL. A `PreparedQuery` builds and compiles
its queryset the first time it runs on a database, then sends the same SQL with the new values
and builds the rows or instances as the ORM would, from what it worked out once (the columns'
converters, the fields each instance is built from): the same rows, the same model instances
(deferred fields, database converters), at a fraction of the cost. Used where the shape of a
query is fixed and it runs on every page view.

Listings use it too (`PreparedRows(..., limit=, offset=)`): the page's bounds are appended to
the compiled SQL as integers, so each page of a listing is its own statement to PostgreSQL.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router


class PreparedQuery:
    """`build(*values)` returns the queryset. Its SQL must not depend on the values, and each
    value must reach the SQL's parameters unchanged: an exact match, `__in` or a comparison on an
    integer or text column, or a comparison with an aware datetime (which each database adapts
    as the ORM does); not `__startswith` or `__date`, which the ORM rewrites. Calling it
    gives the list of model instances; the queryset may not use `select_related()` or
    annotations."""

    def __init__(self, build):
        self.build = build
        self._model = None
        self._compiled = {}  # database alias -> (compiler, sql, params, positions of each value)
        self._converters = {}  # database alias -> the compiler's converters, by column

    def __call__(self, *values):
        alias, compiler, rows = self._rows(values)
        model, names, start, end = self._instance_columns(compiler)
        return [model.from_db(alias, names, row[start:end]) for row in rows]

    def statement(self, *values):
        """The database, the SQL and its parameters with `values`."""
        alias, _compiler, sql, params = self._prepared(values)
        return alias, sql, params

    def _rows(self, values, limit=None, offset=0):
        """The database, the compiler, and the rows of the query with `values`, converted; with
        `limit`, that many rows from `offset` on."""
        alias, compiler, sql, params = self._prepared(values)
        if limit is not None:
            if compiler.query.is_sliced:
                raise ImproperlyConfigured("a sliced query cannot be given a limit and offset")
            sql = f"{sql} LIMIT {int(limit)} OFFSET {int(offset)}"
        connection = connections[alias]
        # On PostgreSQL, a cursor whose statements the server prepares (config.postgresql).
        open_cursor = getattr(connection, "prepared_cursor", connection.cursor)
        with open_cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if alias not in self._converters:
            selected = [expression for expression, _, _ in compiler.select[: compiler.col_count]]
            self._converters[alias] = compiler.get_converters(selected)
        converters = self._converters[alias]
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return alias, compiler, rows

    @staticmethod
    def _instance_columns(compiler):
        """The model, its field names and the columns they are in, as Django's ModelIterable
        reads them from the compiler."""
        info = compiler.klass_info
        if info is None or info.get("related_klass_infos") or compiler.annotation_col_map:
            raise ImproperlyConfigured("a prepared query builds plain model instances only")
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        names = [column.target.attname for column, _, _ in compiler.select[start:end]]
        return info["model"], names, start, end

    def _prepared(self, values):
        """The database, the compiler, and the SQL with its parameters for `values`."""
        alias = router.db_for_read(self._model) if self._model else None
        if alias not in self._compiled:
            markers = [_marker(number, value) for number, value in enumerate(values)]
            queryset = self.build(*markers)
            self._model = queryset.model
            alias = router.db_for_read(self._model)
            self._compiled[alias] = self._compile(queryset, markers, alias)
        compiler, sql, params, positions = self._compiled[alias]
        params = list(params)
        connection = connections[alias]
        for value, where in zip(values, positions, strict=True):
            value = _adapted(connection, value)
            for index in where:
                params[index] = value
        return alias, compiler, sql, params

    @staticmethod
    def _compile(queryset, markers, alias):
        """The compiler, the SQL and parameters, and where each marker (each value) sits."""
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        positions = []
        for marker in markers:
            adapted = _adapted(compiler.connection, marker)
            where = [index for index, param in enumerate(params) if param == adapted]
            if not where:
                raise ImproperlyConfigured(
                    f"{marker!r} does not reach the SQL of {queryset.query} unchanged"
                )
            positions.append(where)
        return compiler, sql, params, positions


class PreparedRows(PreparedQuery):
    """For a `values_list()` queryset, or a union of several: a list of its rows as tuples,
    converted as the ORM converts them (SQLite's dates and times become datetimes)."""

    def __call__(self, *values, limit=None, offset=0):
        _alias, _compiler, rows = self._rows(values, limit, offset)
        return [tuple(row) for row in rows]


class PreparedByIds:
    """`build(*ids)`, a query by `pk__in`, prepared for up to `size` ids: fewer are padded with
    the last (a repeated id matches once), so that one SQL statement serves every page of ids;
    beyond `size` the ORM answers. Called with a list of ids, it gives the instances (or with
    `rows`, the rows whose first column is the id) found, in the order of the ids."""

    def __init__(self, build, size, rows=False):
        self.build, self.size = build, size
        self.prepared = (PreparedRows if rows else PreparedQuery)(build)
        self.key = (lambda row: row[0]) if rows else (lambda instance: instance.pk)

    def __call__(self, ids):
        ids = list(ids)
        if not ids:
            return []
        if len(ids) <= self.size:
            found = self.prepared(*ids, *ids[-1:] * (self.size - len(ids)))
        else:
            found = self.build(*ids)
        by_id = {self.key(item): item for item in found}
        return [by_id[pk] for pk in ids if pk in by_id]


def _adapted(connection, value):
    """`value` as the ORM gives it to the database: a datetime in the form each backend stores
    (SQLite's is text in UTC); integers and text unchanged."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _marker(number, value):
    """A stand-in for a value of the same type that nothing else in a query would contain."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise TypeError("prepared queries take aware datetimes only")
        return datetime.datetime(1000 + number, 1, 1, tzinfo=datetime.UTC)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(
            f"prepared queries take integers, text and datetimes, not {type(value).__name__}"
        )
    if isinstance(value, int):
        # within every integer column's range, which Django checks (out of range: no SQL)
        return 2_147_000_000 + number
    return f"\x1fprepared-value-{number}\x1f"
