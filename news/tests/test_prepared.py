"""Prepared queries (news.prepared): the ORM's rows and instances, compiled once."""

import datetime

from django.core.exceptions import ImproperlyConfigured

import pytest

from news.prepared import PreparedByIds, PreparedQuery, PreparedRows
from organisations.models import Observation, Official
from organisations.tests.factories import ObservationFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def officials_named(name, after_pk):
    return Official.objects.filter(full_name=name, pk__gt=after_pk).order_by("pk")


def test_rows_and_instances_match_the_orm_for_each_set_of_values():
    first, second = OfficialFactory(full_name="Lê Văn A"), OfficialFactory(full_name="Trần Thị B")
    query = PreparedQuery(officials_named)
    for name, after in [("Lê Văn A", 0), ("Trần Thị B", 0), ("Lê Văn A", first.pk), ("X", 0)]:
        prepared = list(query(name, after))
        assert prepared == list(officials_named(name, after))
        assert [o.full_name for o in prepared] == [
            o.full_name for o in officials_named(name, after)
        ]
    assert [o.slug for o in query("Trần Thị B", 0)] == [second.slug]


def test_the_queryset_is_built_once_per_database_then_never_again():
    OfficialFactory(full_name="Lê Văn A")
    built = []

    def build(name, after_pk):
        built.append((name, after_pk))
        return officials_named(name, after_pk)

    query = PreparedQuery(build)
    for _ in range(3):
        assert len(list(query("Lê Văn A", 0))) == 1
    assert len(built) == 1  # with markers, not values
    assert ("Lê Văn A", 0) not in built


def test_a_value_used_twice_is_replaced_in_both_places():
    official = OfficialFactory()
    query = PreparedQuery(lambda pk: Official.objects.filter(pk__gte=pk, pk__lte=pk))
    assert list(query(official.pk)) == [official]
    assert list(query(official.pk + 1)) == []


def test_deferred_fields_load_as_with_the_orm(django_assert_num_queries):
    official = OfficialFactory(full_name="Lê Văn A")
    query = PreparedQuery(lambda pk: Official.objects.filter(pk=pk).only("slug"))
    loaded = list(query(official.pk))[0]
    assert loaded.slug == official.slug
    with django_assert_num_queries(1):
        assert loaded.full_name == "Lê Văn A"


def test_a_value_the_orm_rewrites_is_refused_when_compiled():
    query = PreparedQuery(lambda name: Official.objects.filter(full_name__startswith=name))
    with pytest.raises(ImproperlyConfigured, match="unchanged"):
        query("Lê")


@pytest.mark.parametrize(
    "value", [True, 1.5, None, ["a"], datetime.date(2021, 1, 1), datetime.datetime(2021, 1, 1)]
)
def test_values_other_than_integers_text_and_aware_datetimes_are_refused(value):
    query = PreparedQuery(lambda pk: Official.objects.filter(pk=pk))
    with pytest.raises(TypeError, match="integers, text and datetimes|aware datetimes only"):
        query(value)


def test_a_sliced_queryset_is_not_given_a_second_limit():
    OfficialFactory.create_batch(3)
    query = PreparedRows(lambda pk: Official.objects.filter(pk__gte=pk).values_list("pk")[:2])
    assert len(query(0)) == 2
    with pytest.raises(ImproperlyConfigured, match="cannot be given a limit"):
        query(0, limit=5)


def test_rows_by_aware_datetimes_and_pages_of_them_match_the_orm(demo):
    """Datetimes reach each database as the ORM adapts them (SQLite: text in UTC), in any time
    zone; `limit` and `offset` give the slices the ORM would."""
    from news.models import ArticlePage
    from news.tests.articles import make_articles, vn_time

    make_articles(5)

    def build(start, end):
        return (
            ArticlePage.objects.filter(published_at__gte=start, published_at__lt=end)
            .order_by("-published_at")
            .values_list("pk", "published_at")
        )

    rows = PreparedRows(build)
    periods = [
        (vn_time(2022, 1, 1, 8, 0, 1), vn_time(2022, 1, 1, 8, 0, 4)),
        (vn_time(2022, 1, 1), vn_time(2022, 1, 2)),
        # the same instants written in UTC
        (datetime.datetime(2022, 1, 1, 1, 0, 1, tzinfo=datetime.UTC), vn_time(2022, 1, 2)),
        (vn_time(2023, 1, 1), vn_time(2024, 1, 1)),
    ]
    for start, end in periods:
        assert rows(start, end) == list(build(start, end)), (start, end)
        assert rows(start, end, limit=2, offset=1) == list(build(start, end)[1:3])
    assert len(rows(*periods[0])) == 3
    assert rows(*periods[1], limit=2, offset=4) == list(build(*periods[1])[4:6])


def test_prepared_rows_match_the_orm_with_its_conversions():
    """Dates and decimals come back as the ORM gives them (SQLite stores them as text)."""
    figure = ObservationFactory(value=45239, date=datetime.date(2021, 11, 10))

    def build(pk):
        return Observation.objects.filter(pk=pk).values_list(
            "pk", "date", "value", "indicator__name"
        )

    rows = PreparedRows(build)
    assert rows(figure.pk) == list(build(figure.pk))
    assert isinstance(rows(figure.pk)[0][1], datetime.date)
    assert rows(figure.pk + 1) == []


def test_select_related_is_refused_when_first_run():
    query = PreparedQuery(lambda pk: Observation.objects.filter(pk=pk).select_related("body"))
    with pytest.raises(ImproperlyConfigured, match="plain model instances"):
        query(1)


def test_a_page_with_its_parent_table_loads_as_with_the_orm(demo):
    """Multi-table inheritance: the article's fields and Wagtail's page fields in one row."""
    from news.models import ArticlePage
    from news.tests.articles import make_article

    article = make_article(title="Hội nghị tổng kết", body=[("heading", "Mục một")])
    query = PreparedQuery(lambda pk: ArticlePage.objects.filter(pk=pk))
    [loaded] = query(article.pk)
    expected = ArticlePage.objects.get(pk=article.pk)
    assert type(loaded) is ArticlePage and loaded == expected
    for field in ("title", "url_path", "published_at", "lead", "live", "path", "depth"):
        assert getattr(loaded, field) == getattr(expected, field), field
    assert [block.value for block in loaded.body] == ["Mục một"]


def test_by_ids_keeps_the_order_given_below_and_beyond_the_prepared_size(
    django_assert_num_queries,
):
    officials = OfficialFactory.create_batch(5)
    by_ids = PreparedByIds(lambda *ids: Official.objects.filter(pk__in=ids), size=3)
    pks = [official.pk for official in officials]
    for ids in ([pks[2]], [pks[4], pks[0]], [pks[1], pks[1], pks[3]], pks[::-1]):
        with django_assert_num_queries(1):
            assert [official.pk for official in by_ids(ids)] == ids
    assert by_ids([pks[0], max(pks) + 1]) == [officials[0]]  # one no longer there
    assert by_ids([]) == []
