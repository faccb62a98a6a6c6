"""SQL expressions of news.search's candidates statement: each passes its values to the SQL
unchanged, so the statement can be prepared once per query shape (news.prepared)."""

from django.db.models import BooleanField, CharField, F, Func, IntegerField, Value


class Like(Func):
    """`column LIKE pattern`, the pattern given whole (its % and escapes included): the ORM's
    `contains` rewrites its value, which a prepared statement could then not take as it is."""

    output_field = BooleanField()

    def __init__(self, column, pattern):
        super().__init__(
            F(column), pattern if hasattr(pattern, "resolve_expression") else Value(pattern)
        )

    def as_sql(self, compiler, connection, **extra_context):
        (column, column_params), (pattern, pattern_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return f"{column} LIKE {pattern} ESCAPE '\\'", [*column_params, *pattern_params]


class TextMatch(Func):
    """0: the folded phrase is not in the entry's text, 1: it is, 2: so is the exact phrase.
    The exact text is read only where the folded phrase is, and each text once: reading a long
    text back from its compressed storage costs more than the test."""

    output_field = IntegerField()

    def __init__(self, folded_pattern, exact_pattern):
        super().__init__(Like("folded_text", folded_pattern), Like("exact_text", exact_pattern))

    def as_sql(self, compiler, connection, **extra_context):
        (folded, folded_params), (exact, exact_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        sql = f"CASE WHEN {folded} THEN CASE WHEN {exact} THEN 2 ELSE 1 END ELSE 0 END"
        return sql, [*folded_params, *exact_params]


class WordsMatch(Func):
    """`columns` (folded ones: the title alone, or the title and the text) hold every word of
    `quoted`, by the words index: PostgreSQL's expression news_search_words(column), joined by
    || for both, with a tsquery; SQLite's FTS5 table news_search_words, its `title` column or
    the whole row, with FTS5 strings. Its columns are compiled as the query names them (a
    subquery's U0), unlike raw SQL."""

    output_field = BooleanField()

    def __init__(self, *columns, quoted):
        super().__init__(F("pk"), *(F(column) for column in columns), Value(quoted))

    def as_sql(self, compiler, connection, **extra_context):
        _pk, *columns, quoted = self.get_source_expressions()
        parts, params = [], []
        for column in columns:
            sql, column_params = compiler.compile(column)
            parts.append(f"news_search_words({sql})")
            params += column_params
        quoted_sql, quoted_params = compiler.compile(quoted)
        return f"({' || '.join(parts)}) @@ {quoted_sql}::tsquery", [*params, *quoted_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        pk, *columns, quoted = self.get_source_expressions()
        pk_sql, pk_params = compiler.compile(pk)
        quoted_sql, quoted_params = compiler.compile(quoted)
        searched = "title" if len(columns) == 1 else "news_search_words"
        sql = (
            f"{pk_sql} IN (SELECT rowid FROM news_search_words WHERE {searched} MATCH {quoted_sql})"
        )
        return sql, [*pk_params, *quoted_params]


class SortableDate(Func):
    """A date as text whose order is the date's (NULL where none), for ranking's "newest
    first": read back as a string, not parsed into a datetime (200 of them a new search, ~1 ms).
    PostgreSQL prints it in UTC with microseconds, whatever the session's time zone; SQLite's
    column holds "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC, whose shorter form (no fraction) sorts
    before a longer one of the same second, as it should."""

    output_field = CharField()

    def __init__(self, column):
        super().__init__(F(column))

    def as_sql(self, compiler, connection, **extra_context):
        # An expression, not the bare column, whose declared type would make Python's sqlite3
        # parse it into a datetime after all.
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"CAST({column} AS TEXT)", params

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')", params
