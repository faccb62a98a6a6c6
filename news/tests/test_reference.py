"""Officials and figures read by id from the page-cache store (news.reference): read once per
generation, and never staler than the pages, since every edit replaces the generation."""

import datetime

import pytest

from news import reference
from organisations.tests.factories import (
    BodyFactory,
    ObservationFactory,
    PostFactory,
    TenureFactory,
)

pytestmark = pytest.mark.django_db


def test_officials_are_loaded_once_per_generation(django_assert_num_queries):
    tenure = TenureFactory(start=datetime.date(2020, 1, 1))
    with django_assert_num_queries(2):  # the officials, then their tenures with posts and bodies
        first = reference.officials(None, [tenure.official_id])
    with django_assert_num_queries(0):
        again = reference.officials(None, [tenure.official_id])
    assert [t.title for t in first[tenure.official_id].loaded_tenures] == [tenure.title]
    assert [t.title for t in again[tenure.official_id].loaded_tenures] == [tenure.title]


def test_a_new_tenure_is_read_at_once():
    tenure = TenureFactory(start=datetime.date(2020, 1, 1))
    reference.officials(None, [tenure.official_id])
    later = TenureFactory(
        official=tenure.official, post=PostFactory(), start=datetime.date(2024, 1, 1)
    )  # saving it replaces the generation (news.cache_signals)
    tenures = reference.officials(None, [tenure.official_id])[tenure.official_id].loaded_tenures
    assert {t.pk for t in tenures} == {tenure.pk, later.pk}


def test_an_edited_figure_is_read_at_once():
    figure = ObservationFactory(value=100)
    assert reference.observations(None, [figure.pk])[figure.pk].value == 100
    figure.value = 250
    figure.save()
    assert reference.observations(None, [figure.pk])[figure.pk].value == 250


def test_ids_that_match_nothing_are_left_out(django_assert_num_queries):
    figure = ObservationFactory()
    found = reference.observations(None, [figure.pk, figure.pk + 1000])
    assert list(found) == [figure.pk]
    with django_assert_num_queries(0):  # the table was read whole: the id is known not to exist
        assert list(reference.observations(None, [figure.pk, figure.pk + 1000])) == [figure.pk]


def test_a_small_table_is_read_whole_once_per_generation(django_assert_num_queries):
    first, second = TenureFactory(), TenureFactory()
    with django_assert_num_queries(2):  # every official, then every tenure with post and body
        assert list(reference.officials(None, [first.official_id])) == [first.official_id]
    with django_assert_num_queries(0):  # another official, not asked before: already read
        found = reference.officials(None, [second.official_id])
    assert [t.pk for t in found[second.official_id].loaded_tenures] == [second.pk]


def test_a_table_past_the_limit_is_read_by_id(monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(reference, "WHOLE_TABLE_LIMIT", 1)
    figures = [ObservationFactory(), ObservationFactory()]
    with django_assert_num_queries(2):  # the whole table (more than the limit), then by id
        assert list(reference.observations(None, [figures[0].pk])) == [figures[0].pk]
    with django_assert_num_queries(1):  # the table stays too large for this generation
        assert list(reference.observations(None, [figures[1].pk])) == [figures[1].pk]
    with django_assert_num_queries(1):  # an id that matches nothing is asked again
        assert list(reference.observations(None, [figures[0].pk, figures[1].pk + 1000])) == [
            figures[0].pk
        ]


def test_a_renamed_body_is_read_at_once(django_assert_num_queries):
    body = BodyFactory(name="Ban Tuyên giáo Tỉnh ủy")
    with django_assert_num_queries(1):
        assert reference.bodies(None, [body.pk])[body.pk].name == "Ban Tuyên giáo Tỉnh ủy"
    with django_assert_num_queries(0):
        reference.bodies(None, [body.pk])
    body.name = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    body.save()  # replaces the generation (news.cache_signals)
    assert reference.bodies(None, [body.pk])[body.pk].name == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
