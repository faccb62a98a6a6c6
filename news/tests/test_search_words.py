"""The words index (PostgreSQL's GIN indexes, news/migrations/0007_search_words; SQLite's FTS5
table, 0009) answers "every word of the query in the entry" exactly as the LIKE conditions do:
same entries, whatever the text holds, and after entries change."""

import datetime
import re

from django.db import connection
from django.db.models import Q
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news import search, search_words
from news.cache import bump_generation
from news.models import SearchEntry
from news.search_index import Kind, folded_form, make_entry, words
from news.tests import planner
from news.tests.planner import ten_thousand_articles_statistics

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's index statistics and plans"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")


def test_the_database_has_a_words_index():
    assert search_words.has_words_index()


WHEN = timezone.make_aware(datetime.datetime(2021, 11, 10, 9, 11))


def store(*entries):
    """(title, text) pairs as article entries, as news.search_index makes them."""
    SearchEntry.objects.bulk_create(
        make_entry(Kind.ARTICLE, n, title, f"/bai-{n}/", text, date=WHEN)
        for n, (title, text) in enumerate(entries, start=1)
    )


def by_like(query_words, title_only=False):
    condition = Q()
    for word in query_words:
        in_title = Q(folded_title__contains=f" {word} ")
        condition &= in_title if title_only else in_title | Q(folded_text__contains=f" {word} ")
    return set(SearchEntry.objects.filter(condition).values_list("object_id", flat=True))


def by_index(query_words, title_only=False):
    indexed = search_words.indexed_words(query_words, title_only=title_only)
    return set(SearchEntry.objects.filter(indexed).values_list("object_id", flat=True))


def same_answers(query_words):
    for title_only in (False, True):
        assert by_index(query_words, title_only) == by_like(query_words, title_only)


def test_words_in_title_text_or_both():
    store(
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh", "Đồng chí Nguyễn Khắc Toàn phát biểu."),
        ("Kỳ họp HĐND tỉnh", "Kết nạp 45.239 đảng viên; tỷ lệ 98,5%."),
        ("Doanh nghiệp", "Đoàn công tác làm việc với doanh nghiệp_mới."),
    )
    for query in ("dang", "hoi nghi", "nguyen toan", "45 239", "doan", "doanh", "hdnd dang vien"):
        same_answers(words(query))
    assert by_index(["doan"]) == {3}  # a whole word: "doanh" is not "doan"
    assert by_index(["dang", "toan"]) == {1}  # one word in the title, one in the text
    assert by_index(["ky", "hop"], title_only=True) == {2}
    assert by_index(["doanh"], title_only=True) == {3}
    assert by_index(["toan"], title_only=True) == set()


def test_a_word_cut_by_the_title_limit_matches_neither_way():
    store(("x " * 248 + "abcdef", ""))
    folded_title = SearchEntry.objects.get().folded_title
    assert folded_title.endswith(" abc")  # cut inside "abcdef", after no space
    for query in (["abc"], ["abcdef"], ["x"]):
        same_answers(query)
    assert by_index(["abc"]) == set()
    assert by_index(["x"]) == {1}


def test_an_overlong_word_is_left_out_of_the_index_only():
    long_word = "a" * 3000  # over a lexeme's 2,047 bytes; no query is that long
    store((long_word, f"{long_word} thường"))
    same_answers(["thuong"])
    assert by_index(["thuong"]) == {1}


def test_a_query_is_never_read_as_tsquery_operators():
    store(("a & b | c", "d:* 'e' \\ !f \"g\" and OR Near NOT"))
    for query in (["a"], ["d"], ["e", "f"], ["'"], ["\\"], ["a & b"], ["!"], ['"g"'], ["or"]):
        assert by_index(query) == by_like(query)
    for query in (["and", "or"], ["near"], ["not"], ["g"]):  # operators of FTS5, as words
        assert by_index(query) == by_like(query) == {1}


def test_the_index_follows_entries_as_they_change_and_go():
    store(("Hội nghị", "đảng viên"), ("Kỳ họp", "đảng viên mới"))
    entry = SearchEntry.objects.get(object_id=1)
    entry.folded_title, entry.folded_text = folded_form("Kỳ họp thứ hai"), folded_form("cử tri")
    entry.save()
    same_answers(["dang", "vien"])
    assert by_index(["dang", "vien"]) == {2}
    assert by_index(["cu", "tri"]) == {1}
    assert by_index(["ky", "hop"], title_only=True) == {1, 2}
    SearchEntry.objects.filter(object_id=2).delete()
    assert by_index(["ky", "hop"]) == {1}
    assert by_index(["vien"]) == set()
    SearchEntry.objects.filter(object_id=1).update(folded_text=folded_form("cử tri tỉnh"))
    same_answers(["tinh"])
    assert by_index(["tinh"]) == {1}


@postgresql_only
def test_the_whole_table_query_uses_the_index():
    store(("Hội nghị", "đảng viên"))
    indexed = search_words.indexed_words(["dang", "vien"])
    sql, params = SearchEntry.objects.filter(indexed).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "news_search_words_all" in plan


@sqlite_only
def test_sqlite_asks_its_fts5_table():
    store(("Hội nghị", "đảng viên"))
    for title_only in (False, True):
        indexed = search_words.indexed_words(["dang", "vien"], title_only=title_only)
        sql, params = SearchEntry.objects.filter(indexed).values("id").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
        assert "VIRTUAL TABLE INDEX" in plan and "news_search_words" in plan


@sqlite_only
def test_sqlite_reads_officials_and_bodies_by_their_kind_not_through_every_article():
    """Sorted by the row id, SQLite walked every entry in that order, reading articles' texts
    for the query's words (38 ms a search at 10,000 articles), not the few hundred others."""
    store(("Hội nghị", "đảng viên"))
    query = search.Query.parse("đảng viên")
    candidates = search.Candidates(len(query.words), ((search.OTHERS, search.SCANNED),), 200)
    _alias, sql, params = candidates.rows.statement(*candidates.values(query, None))
    with ten_thousand_articles_statistics() as cursor:
        steps = planner.plan(cursor, sql, params)
    assert re.search(r"SEARCH U0 USING INDEX \w+ \(kind=\?", steps), steps
    assert "SCAN U0" not in steps, steps


@sqlite_only
def test_sqlite_counts_each_words_entries_from_its_fts5_table():
    store(
        *[
            (f"Hội nghị số {n}", "Đảng bộ tỉnh" + " Phạm" * (n % 5 == 0) + " Doãn" * (n % 5 == 1))
            for n in range(40)
        ]
    )
    shares = search_words.word_shares
    assert shares(["hoi", "dang", "pham", "doan", "vien"], search_words.WORDS_INDEX) == [
        1.0,
        1.0,
        0.2,
        0.2,
        0.0,
    ]
    assert shares(["hoi", "dang", "so", "1"], search_words.TITLE_WORDS_INDEX) == [
        1.0,
        0.0,
        1.0,
        0.025,
    ]
    few = search._few_recent_matches
    assert few(["dang", "vien"], search_words.WORDS_INDEX)  # no entry holds "vien"
    assert not few(["dang", "tinh"], search_words.WORDS_INDEX)
    assert not few(["pham"], search_words.WORDS_INDEX)  # 2,000 x 0.2 = 400
    assert few(["pham"], search_words.WORDS_INDEX, limit=401)
    assert few(["dang"], search_words.TITLE_WORDS_INDEX)


@sqlite_only
def test_sqlite_word_counts_are_kept_until_the_index_changes():
    store(("Hội nghị", "đảng viên"))
    with CaptureQueriesContext(connection) as first:
        assert search_words.word_shares(["dang"], search_words.WORDS_INDEX) == [1.0]
    with CaptureQueriesContext(connection) as again:
        assert search_words.word_shares(["dang"], search_words.TITLE_WORDS_INDEX) == [0.0]
    assert any("news_search_words_columns" in q["sql"] for q in first.captured_queries)
    assert not again.captured_queries
    SearchEntry.objects.create(**model_to_dict(make_entry(Kind.BODY, 9, "Sở Nội vụ", "/so/", "")))
    bump_generation()  # as any change to what is indexed does (news.cache_signals)
    assert search_words.word_shares(["dang"], search_words.WORDS_INDEX) == [0.5]


@postgresql_only
def test_the_common_words_are_read_from_the_index_statistics():
    store(
        *[
            (f"Hội nghị số {n}", "Đảng bộ tỉnh" + " Phạm" * (n % 5 == 0) + " Doãn" * (n % 5 == 1))
            for n in range(40)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE news_searchentry")
    frequencies = search_words.word_frequencies(search_words.WORDS_INDEX)
    assert {"hoi", "nghi", "dang", "tinh", "pham", "doan"} <= frequencies.keys()
    assert "vien" not in frequencies
    assert frequencies["dang"] == pytest.approx(1.0)
    assert frequencies["pham"] == pytest.approx(0.2)
    assert "dang" not in search_words.word_frequencies(search_words.TITLE_WORDS_INDEX)
    few = search._few_recent_matches
    assert few(["dang", "vien"], search_words.WORDS_INDEX)  # a word the statistics do not list
    assert not few(["dang", "tinh"], search_words.WORDS_INDEX)  # 2,000 x 1 x 1 expected
    assert not few(["pham"], search_words.WORDS_INDEX)  # 2,000 x 0.2 = 400
    assert few(["pham"], search_words.WORDS_INDEX, limit=401)
    # Words may go together ("đảng viên"): up to as many as its rarest word, not 2,000 x 0.2 x 0.2
    assert not few(["pham", "doan"], search_words.WORDS_INDEX)
    assert not few(["dang", "pham"], search_words.WORDS_INDEX)


@pytest.mark.parametrize("text", ["Trần Văn Hiếm", "đảng viên", "hội nghị đảng viên"])
def test_few_expected_matches_skip_the_recent_window_for_the_same_results(monkeypatch, text):
    store(
        *[
            (f"Hội nghị số {n}", "Đảng viên " * (n % 3) + "Trần Văn Hiếm" * (n == 7))
            for n in range(40)
        ]
    )
    monkeypatch.setattr(search, "RECENT_WINDOW", 10)
    query = search.Query.parse(text)
    monkeypatch.setattr(search, "_few_recent_matches", lambda query_words, index, limit: False)
    scanned = [(entry.pk, entry.rank) for entry in search.find(query)]
    monkeypatch.setattr(search, "_few_recent_matches", lambda query_words, index, limit: True)
    with CaptureQueriesContext(connection) as queries:
        shortcut = [(entry.pk, entry.rank) for entry in search.find(query)]
    assert shortcut == scanned and scanned
    assert not any('"date" >=' in query["sql"] for query in queries.captured_queries)


ALPHABET = st.sampled_from(list("aăâbdđeêiloôơuưy ̣̀́̉̃ _-.,'&|!:*\\0123456789") + ["Đ", "Ư"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(
        st.tuples(st.text(ALPHABET, max_size=30), st.text(ALPHABET, max_size=80)), max_size=6
    ),
    query=st.text(ALPHABET, max_size=20),
)
def test_any_text_and_query_get_the_same_entries(texts, query):
    SearchEntry.objects.all().delete()
    store(*texts)
    query_words = search.Query.parse(query).words
    if query_words:
        same_answers(query_words)
    for title, text in texts:  # every word of an entry finds it
        for word in words(folded_form(f"{title} {text}"))[:3]:
            same_answers([word])
