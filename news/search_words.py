"""The words index of the search entries: PostgreSQL's GIN indexes of each entry's folded words
(news/migrations/0007_search_words) or SQLite's FTS5 table (0009). news.search asks it for the
entries holding every word of a query (the same entries as the LIKE conditions: tested in
news/tests/test_search_words.py), in its query language, and for each word's share of entries,
by which it decides whether the newest articles alone are worth reading first.
"""

import functools
import re

from django.db import connections, router

from .cache import generation_cached, request_generation
from .models import SearchEntry
from .search_expressions import WordsMatch

# PostgreSQL's indexes of each entry's words (news/migrations/0007_search_words).
WORDS_INDEX = "news_search_words_all"
TITLE_WORDS_INDEX = "news_search_words_title"
# SQLite's FTS5 table of them (news/migrations/0009_search_words_sqlite).
SQLITE_WORDS_TABLE = "news_search_words"


def word_frequencies(index):
    """{word: the share of entries that hold it} for the words PostgreSQL's statistics of the
    words `index` count as common (its most common elements, a few hundred; any other word is
    in fewer entries than the least of them), or None where there are none (not analysed yet,
    or not PostgreSQL). Both indexes' are read in one query and kept under the generation:
    statistics change only when the table is analysed."""

    def read():
        connection = connections[router.db_for_read(SearchEntry)]
        if connection.vendor != "postgresql":
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tablename, most_common_elems::text::text[], most_common_elem_freqs"
                " FROM pg_stats WHERE tablename IN (%s, %s) AND most_common_elems IS NOT NULL",
                [WORDS_INDEX, TITLE_WORDS_INDEX],
            )
            # The frequencies end with three more (the least, the most, of empty entries).
            return {
                name: dict(zip(elements, shares[: len(elements)], strict=True))
                for name, elements, shares in cursor.fetchall()
            }

    return generation_cached(None, "search:word-frequencies", read).get(index)


def word_shares(query_words, index):
    """The share of entries holding each word (in the title, for TITLE_WORDS_INDEX) by the words
    index's statistics, or None where there are none: PostgreSQL's common words (a word they
    do not list is rarer than any they do: 0), or SQLite's FTS5 counts of these words."""
    connection = connections[router.db_for_read(SearchEntry)]
    if connection.vendor == "sqlite":
        return _sqlite_word_shares(connection, query_words, index) if has_words_index() else None
    frequencies = word_frequencies(index)
    if frequencies is None:
        return None
    return [frequencies.get(word, 0.0) for word in query_words]


def _sqlite_word_shares(connection, query_words, index):
    """Each word's share of entries from the FTS5 table's vocabulary (news/migrations/0009): in
    the title for TITLE_WORDS_INDEX; anywhere, as the larger of its title and text counts (a
    title's words are mostly in its text too)."""
    generation = request_generation(None)
    total = _entry_count()
    shares = []
    for word in query_words:
        in_title, in_text = _sqlite_word_counts(generation, connection.alias, word)
        count = in_title if index == TITLE_WORDS_INDEX else max(in_title, in_text)
        shares.append(count / total if total else 0.0)
    return shares


@functools.lru_cache(maxsize=4096)
def _sqlite_word_counts(generation, alias, word):
    """(entries with `word` in the title, in the text): counting reads the word's whole list of
    entries (~0.6 ms for one in half of 10,000), so common words are kept per process, under
    the generation that any change to the index replaces."""
    counts = {"title": 0, "text": 0}
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT col, doc FROM {SQLITE_WORDS_TABLE}_columns WHERE term = %s", [word])
        counts.update(cursor.fetchall())
    return counts["title"], counts["text"]


def _entry_count():
    """How many entries the index holds, kept under the generation."""
    return generation_cached(None, "search:entry-count", SearchEntry.objects.count)


def has_words_index():
    """A words index answers the whole-table queries with the same entries as LIKE: PostgreSQL's
    GIN indexes (news/migrations/0007_search_words) or SQLite's FTS5 table (0009, where SQLite
    has FTS5); otherwise LIKE reads every entry."""
    connection = connections[router.db_for_read(SearchEntry)]
    if connection.vendor == "postgresql":
        return True
    if connection.vendor != "sqlite":
        return False
    key = (connection.alias, connection.settings_dict["NAME"])
    if key not in _SQLITE_WORDS_TABLE:
        _SQLITE_WORDS_TABLE[key] = SQLITE_WORDS_TABLE in connection.introspection.table_names()
    return _SQLITE_WORDS_TABLE[key]


_SQLITE_WORDS_TABLE = {}  # (alias, database name): whether its migration made the table


def indexed_words(query_words, title_only=False):
    """Every word of the query in the entry (or in its title), as the words index answers it:
    the same entries as the LIKE conditions."""
    return WordsMatch(*columns(title_only), quoted=words_query(query_words))


def columns(title_only):
    return ("folded_title",) if title_only else ("folded_title", "folded_text")


def words_query(query_words):
    """Every word, in the words index's query language: a tsquery's lexemes (PostgreSQL) or
    FTS5 strings (SQLite). Words hold no quotes, but a query is never parsed as operators
    whatever it holds."""
    if connections[router.db_for_read(SearchEntry)].vendor == "sqlite":
        return " ".join(f'"{_fts_token(word)}"' for word in query_words)
    return " & ".join(
        "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in query_words
    )


# What FTS5's "ascii" tokenizer splits words on: ASCII characters but letters, digits and "_".
_FTS_SEPARATOR = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]")
# A token no folded column holds (a middle dot is not a word character): matches nothing.
_NO_TOKEN = "\u00b7"


def _fts_token(word):
    """`word` as one FTS5 token. A query's words are whole folded words, but one that the
    tokenizer would split (or a quote) is in no folded column, as LIKE finds: it matches
    nothing rather than its pieces side by side."""
    return _NO_TOKEN if _FTS_SEPARATOR.search(word) else word
