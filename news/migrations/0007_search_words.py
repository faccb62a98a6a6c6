"""PostgreSQL only: an inverted index of each search entry's folded words.

news.search asks for articles holding every word of a query. Among the newest articles a plain
LIKE '% word %' answers fast; over the whole table the trigram indexes of 0004 had to recheck
every candidate's long text (35–340 ms at 100,000 articles for a name with a common word). A
GIN index over the set of words answers that in a few milliseconds. `news_search_words` turns
a folded column (" word word ", news.search_index.folded_form) into a tsvector whose lexemes
are exactly those words, unparsed and unstemmed, so `@@` with an AND of the query's words
matches the same entries as the LIKE conditions (tested in news/tests/test_search_words.py).
Each column is read apart and a cut last word left out (a title cut at its length limit ends
inside a word, which LIKE '% word %' cannot match); words of 2,048 bytes or more (longer than
any query: 200 characters) do not fit a lexeme.

The trigram indexes are dropped: nothing queries them any more, and keeping the text one up to
date was the costliest part of saving an entry. SQLite gets nothing here; it keeps LIKE.
"""

import importlib

from django.db import migrations

trigram = importlib.import_module("news.migrations.0004_search_trigram")

FUNCTION = """
CREATE OR REPLACE FUNCTION news_search_words(folded text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_to_tsvector(ARRAY(
    SELECT DISTINCT word
    FROM unnest(string_to_array(
      left(folded, length(folded) - strpos(reverse(folded), ' ') + 1), ' '
    )) AS word
    WHERE word <> '' AND octet_length(word) < 2048
  ))
$$
"""

INDEXES = {
    "news_search_words_all": "(news_search_words(folded_title) || news_search_words(folded_text))",
    "news_search_words_title": "news_search_words(folded_title)",
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        for name, expression in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON news_searchentry USING gin ({expression})"
            )
    trigram.drop(apps, schema_editor)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        cursor.execute("DROP FUNCTION IF EXISTS news_search_words(text)")
    trigram.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("news", "0006_paragraph_block")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
