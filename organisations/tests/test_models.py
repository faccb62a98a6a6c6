import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from organisations.models import IndicatorKind, Tenure
from organisations.tests.factories import (
    BodyFactory,
    IndicatorFactory,
    ObservationFactory,
    OfficialFactory,
    PostFactory,
    TenureFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def toan():
    """Nguyễn Khắc Toàn as in the seed: two posts at once on 10/11/2021."""
    tinh_uy = BodyFactory(name="Tỉnh ủy")
    hdnd = BodyFactory(name="Hội đồng nhân dân tỉnh", short_name="HĐND tỉnh")
    official = OfficialFactory(full_name="Nguyễn Khắc Toàn")
    TenureFactory(
        official=official,
        post=PostFactory(body=tinh_uy, role="Phó Bí thư Thường trực"),
        start=D(2020, 10, 1),
        end=D(2025, 9, 30),
    )
    TenureFactory(
        official=official, post=PostFactory(body=hdnd, role="Chủ tịch"), start=D(2021, 6, 1)
    )
    return official


def test_title_on_returns_both_posts_held_at_once(toan):
    assert toan.title_on(D(2021, 11, 10)) == [
        "Phó Bí thư Thường trực Tỉnh ủy",
        "Chủ tịch HĐND tỉnh",
    ]


def test_title_on_day_tenure_starts_is_held(toan):
    assert "Chủ tịch HĐND tỉnh" in toan.title_on(D(2021, 6, 1))
    assert "Chủ tịch HĐND tỉnh" not in toan.title_on(D(2021, 5, 31))


def test_title_on_day_tenure_ends_is_still_held(toan):
    assert "Phó Bí thư Thường trực Tỉnh ủy" in toan.title_on(D(2025, 9, 30))
    assert "Phó Bí thư Thường trực Tỉnh ủy" not in toan.title_on(D(2025, 10, 1))


def test_title_on_with_no_post_is_empty(toan):
    assert toan.title_on(D(2019, 1, 1)) == []
    assert OfficialFactory().title_on(D(2021, 11, 10)) == []


def test_open_tenure_is_current(toan):
    assert toan.current_titles() == ["Chủ tịch HĐND tỉnh"]


def test_post_title_uses_label_when_given():
    post = PostFactory(role="Trưởng", body=BodyFactory(name="Ban Tổ chức Tỉnh ủy"))
    assert post.title == "Trưởng Ban Tổ chức Tỉnh ủy"
    post.label = "Trưởng ban"
    assert post.title == "Trưởng ban"


def test_slug_is_ascii_and_unique():
    first = OfficialFactory(full_name="Đoàn Văn Sự")
    second = OfficialFactory(full_name="Đoàn Văn Sự")
    assert first.slug == "doan-van-su"
    assert second.slug == "doan-van-su-2"
    assert BodyFactory(name="Đảng bộ tỉnh").slug == "dang-bo-tinh"


def test_tenure_end_before_start_is_refused():
    tenure = TenureFactory.build(
        official=OfficialFactory(), post=PostFactory(), start=D(2021, 1, 1), end=D(2020, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        tenure.full_clean()
    assert "end" in error.value.message_dict


def test_two_people_cannot_hold_one_seat_at_once():
    post = PostFactory(role="Chủ tịch")
    TenureFactory(post=post, start=D(2020, 1, 1), end=D(2021, 12, 31))
    clash = Tenure(official=OfficialFactory(), post=post, start=D(2021, 6, 1))
    with pytest.raises(ValidationError, match="đã do"):
        clash.full_clean()


def test_successor_may_start_the_day_after_predecessor_ends():
    post = PostFactory(role="Chủ tịch")
    TenureFactory(post=post, start=D(2020, 1, 1), end=D(2021, 5, 31))
    Tenure(official=OfficialFactory(), post=post, start=D(2021, 6, 1)).full_clean()


def test_shared_seat_allows_several_holders():
    post = PostFactory(role="Ủy viên", shared=True)
    TenureFactory(post=post, start=D(2020, 1, 1))
    Tenure(official=OfficialFactory(), post=post, start=D(2020, 1, 1)).full_clean()


def test_same_person_same_seat_overlapping_is_refused():
    tenure = TenureFactory(start=D(2020, 1, 1))
    again = Tenure(official=tenure.official, post=tenure.post, start=D(2021, 1, 1))
    with pytest.raises(ValidationError, match="đã giữ"):
        again.full_clean()


def test_count_observation_cannot_be_negative():
    observation = ObservationFactory.build(
        indicator=IndicatorFactory(kind=IndicatorKind.STOCK), body=BodyFactory(), value=-1
    )
    with pytest.raises(ValidationError) as error:
        observation.full_clean()
    assert "value" in error.value.message_dict


def test_share_must_be_a_percentage():
    observation = ObservationFactory.build(
        indicator=IndicatorFactory(kind=IndicatorKind.SHARE), body=BodyFactory(), value=101
    )
    with pytest.raises(ValidationError):
        observation.full_clean()


@pytest.fixture
def breakdown():
    body = BodyFactory(name="Đảng bộ tỉnh")
    total = IndicatorFactory(name="Tổ chức cơ sở đảng", is_sum_of_children=True)
    parts = [
        IndicatorFactory(name="Đảng bộ cơ sở", parent=total),
        IndicatorFactory(name="Chi bộ cơ sở", parent=total),
    ]
    return body, total, parts


def test_breakdown_that_adds_up_is_accepted(breakdown):
    body, total, (grassroots, cells) = breakdown
    ObservationFactory(indicator=total, body=body, value=686)
    ObservationFactory(indicator=grassroots, body=body, value=259)
    last = ObservationFactory.build(indicator=cells, body=body, value=427)
    last.full_clean()


def test_breakdown_that_does_not_add_up_names_the_numbers(breakdown):
    body, total, (grassroots, cells) = breakdown
    ObservationFactory(indicator=total, body=body, value=686)
    ObservationFactory(indicator=grassroots, body=body, value=259)
    wrong = ObservationFactory.build(indicator=cells, body=body, value=428)
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    message = " ".join(error.value.messages)
    assert "259 + 428 = 687" in message
    assert "686" in message


def test_breakdown_checked_when_the_total_is_entered_last(breakdown):
    body, total, (grassroots, cells) = breakdown
    ObservationFactory(indicator=grassroots, body=body, value=259)
    ObservationFactory(indicator=cells, body=body, value=427)
    with pytest.raises(ValidationError, match="686"):
        ObservationFactory.build(indicator=total, body=body, value=Decimal(700)).full_clean()
    ObservationFactory.build(indicator=total, body=body, value=686).full_clean()


def test_incomplete_breakdown_is_not_judged(breakdown):
    body, total, (grassroots, _cells) = breakdown
    ObservationFactory(indicator=total, body=body, value=686)
    ObservationFactory.build(indicator=grassroots, body=body, value=999).full_clean()


def test_observation_display_value_formats_vietnamese_numbers():
    observation = ObservationFactory(value=45239, qualifier="hơn")
    assert observation.display_value == "hơn 45.239"
    share = ObservationFactory(indicator=IndicatorFactory(kind=IndicatorKind.SHARE), value=100)
    assert share.display_value == "100%"


def test_body_cannot_be_its_own_ancestor():
    parent = BodyFactory()
    child = BodyFactory(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.full_clean()
