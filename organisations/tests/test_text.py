import datetime
import zoneinfo
from decimal import Decimal

import pytest

from organisations.text import (
    fold,
    format_date,
    format_datetime,
    format_number,
    format_partial_date,
    vn_slugify,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên",
            "tong-ket-cong-tac-xay-dung-to-chuc-co-so-dang-va-doi-ngu-dang-vien",
        ),
        ("Đảng bộ tỉnh", "dang-bo-tinh"),
        ("HĐND tỉnh", "hdnd-tinh"),
        ("Nguyễn Khắc Toàn", "nguyen-khac-toan"),
        ("Phó Bí thư Thường trực Tỉnh ủy", "pho-bi-thu-thuong-truc-tinh-uy"),
    ],
)
def test_vn_slugify_maps_d_with_stroke_to_d(text, slug):
    assert vn_slugify(text) == slug


def test_vn_slugify_truncates_on_a_word_boundary_without_trailing_dash():
    assert vn_slugify("Đảng bộ tỉnh", max_length=6) == "dang-b"
    assert vn_slugify("Đảng bộ tỉnh", max_length=5) == "dang"


def test_fold_removes_every_vietnamese_diacritic_including_d():
    assert fold("Đảng viên HĐND Nguyễn Khắc Toàn") == "dang vien hdnd nguyen khac toan"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (45239, "45.239"),
        (2538, "2.538"),
        (686, "686"),
        (1234567.5, "1.234.567,5"),
        (Decimal("13.40"), "13,4"),
        (Decimal("45239.0000"), "45.239"),
        (Decimal("100"), "100"),
        (None, ""),
    ],
)
def test_format_number_groups_thousands_with_dots(value, text):
    assert format_number(value) == text


def test_format_datetime_prints_site_local_time():
    utc = datetime.datetime(2021, 11, 10, 2, 11, tzinfo=datetime.UTC)
    assert format_datetime(utc) == "09:11, 10/11/2021"


def test_format_date_is_day_month_year():
    assert format_date(datetime.date(2025, 3, 5)) == "05/03/2025"
    hanoi = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    late_utc = datetime.datetime(2021, 11, 9, 18, 30, tzinfo=datetime.UTC)
    assert format_date(late_utc.astimezone(hanoi)) == "10/11/2021"
    assert format_date(late_utc) == "10/11/2021"


def test_partial_dates_print_only_what_is_known():
    day = datetime.date(2020, 3, 1)
    assert format_partial_date(day, "year") == "2020"
    assert format_partial_date(day, "month") == "03/2020"
    assert format_partial_date(day, "day") == "01/03/2020"


def test_django_locale_formats_follow_the_project_module(settings):
    from django.utils import formats, translation

    with translation.override("vi"):
        assert formats.number_format(45239, use_l10n=True, force_grouping=True) == "45.239"
        assert formats.date_format(datetime.date(2025, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2025"
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"


def test_date_input_is_read_day_first():
    from django import forms
    from django.utils import translation

    with translation.override("vi"):
        assert forms.DateField().clean("05/03/2025") == datetime.date(2025, 3, 5)


def test_admin_slug_formatters_fold_like_the_server():
    """The admin's JS formatters (regex → replacement) applied first give the server's slug."""
    import re

    from django.utils.text import slugify

    from organisations.admin_widgets import VIETNAMESE_LETTERS, VIETNAMESE_SLUG_FORMATTERS

    title = "Đại hội Đảng bộ xã Thuận Hà lần thứ XVIII " + VIETNAMESE_LETTERS
    folded = title
    for pattern, replacement in VIETNAMESE_SLUG_FORMATTERS:
        folded = re.sub(pattern, replacement, folded)
    assert folded.isascii()
    assert slugify(folded) == vn_slugify(title)
    assert vn_slugify("Đại hội Đảng bộ xã Thuận Hà") == "dai-hoi-dang-bo-xa-thuan-ha"
