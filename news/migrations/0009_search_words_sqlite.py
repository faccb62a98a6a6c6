"""SQLite only: the words index that 0007 gives PostgreSQL, as an FTS5 table.

Without it SQLite answers "every word of the query, anywhere in the table" by reading every
entry's folded text with LIKE (~120 ms a new search at 10,000 articles). `news_search_words` is
a contentless FTS5 table (it keeps the index, not a second copy of the texts) whose row id is
the entry's id. Its tokenizer makes each folded word one token: folded columns hold words of
letters, digits and underscores separated by single spaces (news.search_index.folded_form);
"ascii" splits on ASCII characters that are not letters or digits, keeps every other
character in the token, and `tokenchars '_'` keeps underscores. As in 0007, a title cut at its
length limit inside a word leaves that word out: `rtrim(column, <its characters but spaces>)`
is the column up to its last space. Triggers keep the table in step with news_searchentry; a
contentless table forgets a row when told the values it was given, which the delete and
update triggers work out again from the old row.

An SQLite built without FTS5 gets nothing here and keeps LIKE (news.search_words.has_words_index).
"""

from django.db import migrations
from django.db.utils import OperationalError

TABLE = "news_search_words"


def whole_words(column):
    return f"rtrim({column}, replace({column}, ' ', ''))"


def values(row):
    return f"{row}.id, {whole_words(f'{row}.folded_title')}, {whole_words(f'{row}.folded_text')}"


FORGET = f"INSERT INTO {TABLE} ({TABLE}, rowid, title, text) VALUES ('delete', {values('old')});"
ADD = f"INSERT INTO {TABLE} (rowid, title, text) VALUES ({values('new')});"

CREATE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "title, text, content='', tokenize=\"ascii tokenchars '_'\")",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON news_searchentry BEGIN {ADD} END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON news_searchentry BEGIN {FORGET} END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF id, folded_title, folded_text"
    f" ON news_searchentry BEGIN {FORGET} {ADD} END",
    # Each word's count of entries by column (news.search_words): read from the
    # index itself, never stored.
    f"CREATE VIRTUAL TABLE {TABLE}_columns USING fts5vocab({TABLE}, 'col')",
    f"INSERT INTO {TABLE} (rowid, title, text) SELECT {values('news_searchentry')}"
    " FROM news_searchentry",
]


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        try:
            cursor.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        except OperationalError:  # "no such module: fts5"
            return
        cursor.execute("DROP TABLE temp.fts5_probe")
        for statement in CREATE:
            cursor.execute(statement)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for trigger in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}_columns")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("news", "0008_search_exact_text")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
