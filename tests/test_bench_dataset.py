"""The bench's data set (scripts/bench/dataset.py) holds what the site would hold: every
official, body and article has the search entry the indexer would make of it."""

import random

import pytest

from news import search_index
from news.models import ArticlePage, SearchEntry
from scripts.bench import dataset

pytestmark = pytest.mark.django_db


def stored_entries():
    fields = ("kind", "object_id", "title", "url", "text", "folded_text", "exact_text", "date")
    return set(SearchEntry.objects.values_list(*fields))


def test_the_data_set_is_indexed_as_the_indexer_indexes_it(demo):
    rng = random.Random(1)
    people, bodies, observations = dataset.build_organisations(rng, officials=12, bodies=3)
    made = dataset.build_articles(30, rng, people, bodies, observations, batch=7)
    built = stored_entries()
    assert made == 30
    assert SearchEntry.objects.filter(kind=SearchEntry.Kind.OFFICIAL).count() >= 12
    assert SearchEntry.objects.filter(kind=SearchEntry.Kind.ARTICLE).count() == (
        ArticlePage.objects.live().count()
    )
    search_index.rebuild()
    assert stored_entries() == built
