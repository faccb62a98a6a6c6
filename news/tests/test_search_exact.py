"""The database answers "is the exact phrase in the text" (SearchEntry.exact_text) as
news.search_index defines it, on SQLite and PostgreSQL alike, whatever the text holds."""

import datetime
import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news import search
from news.models import SearchEntry
from news.search_index import Kind, exact_form, make_entry

pytestmark = pytest.mark.django_db

WHEN = timezone.make_aware(datetime.datetime(2021, 11, 10, 9, 11))

# Vietnamese in both forms, upper case, letters that case-fold to two, LIKE's wildcards.
ALPHABET = st.sampled_from(list("aAăĂâbdđĐeêiIoôơuưy ̣̀́̉̃ _%-.,'\\0123") + ["ß", "ẞ", "Ư"])


def exact_in_text(texts, query):
    """{text: what find() read from the database} for the entries the query finds."""
    SearchEntry.objects.all().delete()
    SearchEntry.objects.bulk_create(
        make_entry(Kind.ARTICLE, n, "Tin", f"/bai-{n}/", text, date=WHEN)
        for n, text in enumerate(texts, start=1)
    )
    found = search.find(query)
    by_id = dict(SearchEntry.objects.values_list("pk", "text"))
    return {by_id[entry.pk]: entry.exact_in_text for entry in found}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.text(ALPHABET, max_size=60), min_size=1, max_size=5), data=st.data())
def test_the_database_finds_the_exact_phrase_as_defined(texts, data):
    """A phrase cut from one of the texts (whole words or not) or typed apart."""
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    typed = data.draw(st.one_of(st.just(source[start:end]), st.text(ALPHABET, max_size=20)))
    query = search.Query.parse(typed)
    if query.problem() or not query.exact_phrase.strip():
        return
    for text, answered in exact_in_text(texts, query).items():
        assert answered == (query.exact_phrase in exact_form(text)), text


def test_the_database_finds_the_exact_phrase_in_vietnamese_text():
    texts = ["Kết nạp Đảng viên mới", "Ket nap dang vien moi", "đảng viên 100% mới"]
    assert exact_in_text(texts, search.Query.parse("đảng VIÊN")) == {
        "Kết nạp Đảng viên mới": True,
        "Ket nap dang vien moi": False,
        "đảng viên 100% mới": True,
    }
    assert exact_in_text(texts, search.Query.parse("dang vien"))["Ket nap dang vien moi"]
    assert not any(exact_in_text(texts, search.Query.parse("viên mới 100%")).values())


def test_the_migration_fills_in_the_exact_text_of_existing_entries():
    fill = importlib.import_module("news.migrations.0008_search_exact_text").fill
    texts = [f"Đảng viên số {n}" for n in range(1_203)]  # more than one batch
    SearchEntry.objects.bulk_create(
        SearchEntry(kind=Kind.ARTICLE, object_id=n, title="Tin", url="/", text=text)
        for n, text in enumerate(texts)
    )
    fill(apps, SimpleNamespace(connection=connection))
    stored = dict(SearchEntry.objects.values_list("text", "exact_text"))
    assert stored == {text: exact_form(text) for text in texts}
