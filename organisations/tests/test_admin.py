"""Staff edit officials and their tenures in the Wagtail admin, with history."""

import datetime

from django.urls import reverse

import pytest

from organisations.models import Observation, Official, Tenure
from organisations.tests.factories import OfficialFactory, PostFactory, TenureFactory

pytestmark = pytest.mark.django_db


def tenure_formset(rows, initial=0):
    data = {
        "tenures-TOTAL_FORMS": str(len(rows)),
        "tenures-INITIAL_FORMS": str(initial),
        "tenures-MIN_NUM_FORMS": "0",
        "tenures-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        defaults = {"start_precision": "day", "end_precision": "day", "end": "", "note": ""}
        for key, value in {**defaults, **row}.items():
            data[f"tenures-{index}-{key}"] = value
    return data


def test_staff_adds_official_with_a_tenure(staff_client):
    post = PostFactory(role="Chủ tịch")
    data = {"full_name": "Nguyễn Văn Bình", "slug": "", "bio": "", "other_names": ""}
    data.update(tenure_formset([{"post": post.pk, "start": "01/06/2021"}]))
    response = staff_client.post(reverse("wagtailsnippets_organisations_official:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    official = Official.objects.get(full_name="Nguyễn Văn Bình")
    assert official.slug == "nguyen-van-binh"
    assert official.tenures.get().start == datetime.date(2021, 6, 1)
    assert official.revisions.count() == 1


def test_staff_edits_a_tenure_and_the_change_is_a_revision(staff_client):
    tenure = TenureFactory(start=datetime.date(2020, 1, 1))
    official = tenure.official
    url = reverse("wagtailsnippets_organisations_official:edit", args=[official.pk])
    assert staff_client.get(url).status_code == 200
    data = {"full_name": official.full_name, "slug": official.slug, "bio": "", "other_names": ""}
    data.update(
        tenure_formset(
            [{"id": tenure.pk, "post": tenure.post_id, "start": "01/01/2020", "end": "31/12/2024"}],
            initial=1,
        )
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    tenure.refresh_from_db()
    assert tenure.end == datetime.date(2024, 12, 31)
    revision = official.revisions.latest("created_at")
    assert revision.user == staff_client.user
    assert revision.content["tenures"][0]["end"] == "2024-12-31"


def test_invalid_tenure_gives_the_form_back_with_an_error(staff_client):
    official = OfficialFactory()
    url = reverse("wagtailsnippets_organisations_official:edit", args=[official.pk])
    data = {"full_name": official.full_name, "slug": official.slug, "bio": "", "other_names": ""}
    data.update(
        tenure_formset([{"post": PostFactory().pk, "start": "01/06/2021", "end": "01/01/2021"}])
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau" in response.content.decode()
    assert not Tenure.objects.exists()


def test_official_list_filters_by_body_and_date(staff_client):
    holder = TenureFactory(start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31))
    other = OfficialFactory(full_name="Người khác")
    url = reverse("wagtailsnippets_organisations_official:list")
    response = staff_client.get(url, {"holds_post_on": "01/06/2020"})
    names = [obj.full_name for obj in response.context["object_list"]]
    assert names == [holder.official.full_name]
    response = staff_client.get(url, {"holds_post_on": "01/06/2021"})
    assert list(response.context["object_list"]) == []
    response = staff_client.get(url, {"body": holder.post.body_id})
    assert other not in response.context["object_list"]
    assert holder.official in response.context["object_list"]


def test_admin_screens_for_every_organisations_model_open(staff_client, demo):
    for model in ["official", "body", "post", "indicator", "observation"]:
        for action in ["list", "add"]:
            url = reverse(f"wagtailsnippets_organisations_{model}:{action}")
            assert staff_client.get(url).status_code == 200, url
    response = staff_client.get(
        reverse("wagtailsnippets_organisations_observation:list"), {"date_after": "abc"}
    )
    assert response.status_code == 200


def test_admin_slug_fields_map_d_with_stroke(staff_client, demo):
    from news.models import SectionPage

    section = SectionPage.objects.first()
    page_edit = staff_client.get(reverse("wagtailadmin_pages:edit", args=[section.pk]))
    official_add = staff_client.get(reverse("wagtailsnippets_organisations_official:add"))
    for response in (page_edit, official_add):
        html = response.content.decode()
        assert "data-w-slug-formatters-value" in html
        assert "&quot;đ&quot;" in html or '"đ"' in html or "\\u0111" in html


def test_official_list_queries_do_not_grow_with_officials(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("wagtailsnippets_organisations_official:list")
    TenureFactory()
    staff_client.get(url)
    with CaptureQueriesContext(connection) as few:
        staff_client.get(url)
    for _ in range(10):
        TenureFactory()
    with CaptureQueriesContext(connection) as many:
        staff_client.get(url)
    assert len(many) == len(few)


def test_add_forms_take_what_the_query_string_gives_that_the_fields_accept(staff_client):
    url = reverse("wagtailsnippets_organisations_observation:add")
    query = "?value=45239&date=10/11/2021&qualifier=hơn&source_quote=45.239+đảng+viên&body=oops"
    form = staff_client.get(url + query).context["form"]
    assert form["value"].value() == 45239
    assert form["date"].value() == datetime.date(2021, 11, 10)
    assert form["qualifier"].value() == "hơn"
    assert form["source_quote"].value() == "45.239 đảng viên"
    assert form["body"].value() is None  # not a body: left empty, not an error
    assert not form.is_bound
    bad = staff_client.get(url + "?date=31/02/2021&qualifier=gấp đôi").context["form"]
    assert bad["date"].value() is None and bad["qualifier"].value() == ""
    assert Observation.objects.count() == 0  # a form shown, nothing saved
    name = staff_client.get(
        reverse("wagtailsnippets_organisations_official:add") + "?full_name=Lê Văn Bình"
    )
    assert name.context["form"]["full_name"].value() == "Lê Văn Bình"
