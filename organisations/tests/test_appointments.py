"""Appointments keep title history right: the replaced tenure ends the day before, every official
touched gets a revision, and the change can be compared and reverted in the admin."""

import datetime

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from organisations.appointments import APPOINT_ACTION, appoint
from organisations.models import Tenure
from organisations.tests.factories import BodyFactory, OfficialFactory, PostFactory, TenureFactory

pytestmark = pytest.mark.django_db

JAN_2020 = datetime.date(2020, 1, 1)
JUNE_2024 = datetime.date(2024, 6, 1)
MAY_31_2024 = datetime.date(2024, 5, 31)


def test_new_holder_ends_the_previous_holders_tenure_the_day_before(django_user_model):
    staff = django_user_model.objects.create_user("dulieu")
    old = TenureFactory(start=JAN_2020)
    newcomer = OfficialFactory()
    tenure = appoint(newcomer, old.post, JUNE_2024, user=staff)
    old.refresh_from_db()
    assert (old.end, old.end_precision) == (MAY_31_2024, "day")
    assert (tenure.official, tenure.start, tenure.end) == (newcomer, JUNE_2024, None)
    assert old.post.tenures.count() == 2
    for official in (old.official, newcomer):
        revision = official.revisions.latest("created_at")
        assert revision.user == staff
        entry = ModelLogEntry.objects.filter(object_id=str(official.pk)).latest("timestamp")
        assert (entry.action, entry.user, entry.revision) == (APPOINT_ACTION, staff, revision)
    assert old.official.revisions.latest("created_at").content["tenures"][0]["end"] == "2024-05-31"


def test_promotion_ends_the_officials_former_post():
    body = BodyFactory(name="Ủy ban nhân dân tỉnh")
    deputy = TenureFactory(post=PostFactory(body=body, role="Phó Chủ tịch"), start=JAN_2020)
    chair = PostFactory(body=body, role="Chủ tịch")
    official = deputy.official
    appoint(official, chair, JUNE_2024, replaces=deputy)
    deputy.refresh_from_db()
    assert deputy.end == MAY_31_2024
    assert official.title_on(MAY_31_2024) == ["Phó Chủ tịch Ủy ban nhân dân tỉnh"]
    assert official.title_on(JUNE_2024) == ["Chủ tịch Ủy ban nhân dân tỉnh"]


def test_replaces_true_ends_posts_in_the_same_body_and_keeps_the_others():
    body = BodyFactory()
    deputy = TenureFactory(post=PostFactory(body=body), start=JAN_2020)
    elsewhere = TenureFactory(official=deputy.official, start=JAN_2020)
    appoint(deputy.official, PostFactory(body=body), JUNE_2024, replaces=True)
    deputy.refresh_from_db()
    elsewhere.refresh_from_db()
    assert deputy.end == MAY_31_2024
    assert elsewhere.end is None  # a concurrent post in another body is kept


def test_concurrent_appointment_keeps_other_posts():
    held = TenureFactory(start=JAN_2020)
    appoint(held.official, PostFactory(), JUNE_2024)
    held.refresh_from_db()
    assert held.end is None
    assert len(held.official.title_on(JUNE_2024)) == 2


def test_shared_post_keeps_its_other_holders():
    member = TenureFactory(post=PostFactory(role="Ủy viên", shared=True), start=JAN_2020)
    appoint(OfficialFactory(), member.post, JUNE_2024)
    member.refresh_from_db()
    assert member.end is None


@pytest.mark.parametrize("case", ["already_holds", "later_holder", "someone_elses_tenure"])
def test_impossible_appointments_change_nothing(case):
    current = TenureFactory(start=JAN_2020)
    official, post, replaces = OfficialFactory(), current.post, None
    if case == "already_holds":
        official = current.official
    elif case == "later_holder":  # someone is already recorded from 2025: staff must decide
        post = TenureFactory(start=datetime.date(2025, 1, 1)).post
    else:
        post, replaces = PostFactory(), current
    before = list(Tenure.objects.values_list("pk", "end"))
    with pytest.raises(ValidationError):
        appoint(official, post, JUNE_2024, replaces=replaces)
    assert list(Tenure.objects.values_list("pk", "end")) == before


def appoint_url(official=None):
    url = reverse("organisations_appoint")
    return f"{url}?official={official.pk}" if official else url


def test_admin_appoint_screen_appoints_and_records_the_user(staff_client):
    old = TenureFactory(start=JAN_2020)
    newcomer = OfficialFactory()
    assert staff_client.get(appoint_url(newcomer)).status_code == 200
    data = {"official": newcomer.pk, "post": old.post_id, "start": "01/06/2024", "note": ""}
    response = staff_client.post(appoint_url(newcomer), data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{newcomer.pk}/")
    old.refresh_from_db()
    assert old.end == MAY_31_2024
    assert newcomer.revisions.latest("created_at").user == staff_client.user


def test_admin_appoint_screen_shows_a_clash_instead_of_saving(staff_client):
    current = TenureFactory(start=JAN_2020)
    data = {"official": current.official_id, "post": current.post_id, "start": "01/06/2024"}
    response = staff_client.post(appoint_url(), data)
    assert response.status_code == 200
    assert "đang giữ chức danh" in response.content.decode()
    assert Tenure.objects.count() == 1


def test_admin_appoint_screen_needs_the_right_to_change_officials(client, django_user_model):
    user = django_user_model.objects.create_user("bientap", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(appoint_url()).status_code in (302, 403)


def test_officials_list_offers_the_appoint_button(staff_client):
    official = OfficialFactory()
    response = staff_client.get(reverse("wagtailsnippets_organisations_official:list"))
    assert appoint_url(official) in response.content.decode()


def revert_in_admin(client, official, revision):
    """Open the revision's "Review this version" screen and save it, as staff would."""
    url = reverse(f"{OFFICIAL_ADMIN}:revisions_revert", args=[official.pk, revision.pk])
    response = client.get(url)
    assert response.status_code == 200
    return client.post(url, querydict_from_html(response.content.decode(), form_id="w-editor-form"))


OFFICIAL_ADMIN = "wagtailsnippets_organisations_official"


def test_appointment_can_be_compared_and_reverted_in_the_admin(staff_client):
    old = TenureFactory(start=JAN_2020)
    predecessor, newcomer = old.official, OfficialFactory()
    before = {o: o.save_revision(user=staff_client.user) for o in (predecessor, newcomer)}
    new = appoint(newcomer, old.post, JUNE_2024, user=staff_client.user)
    after = predecessor.revisions.latest("created_at")

    history = staff_client.get(reverse(f"{OFFICIAL_ADMIN}:history", args=[predecessor.pk]))
    assert history.status_code == 200
    assert "Bổ nhiệm" in history.content.decode()
    compare = reverse(
        f"{OFFICIAL_ADMIN}:revisions_compare",
        args=[predecessor.pk, before[predecessor].pk, after.pk],
    )
    response = staff_client.get(compare)
    assert response.status_code == 200
    assert "2024-05-31" in response.content.decode()  # the new end date, as a change

    # The successor still holds the seat: reverting the predecessor alone is refused...
    refused = revert_in_admin(staff_client, predecessor, before[predecessor])
    assert refused.status_code == 200
    assert "đã do" in refused.content.decode()
    # ...undo the appointment first, then the predecessor holds the post again.
    assert revert_in_admin(staff_client, newcomer, before[newcomer]).status_code == 302
    assert not Tenure.objects.filter(pk=new.pk).exists()
    assert revert_in_admin(staff_client, predecessor, before[predecessor]).status_code == 302
    old.refresh_from_db()
    assert old.end is None
    latest = ModelLogEntry.objects.filter(object_id=str(predecessor.pk)).latest("timestamp")
    assert (latest.action, latest.user) == ("wagtail.revert", staff_client.user)
