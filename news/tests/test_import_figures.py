"""Vietnamese numbers and the figures of a report: what counts, and what is a date, a year, a label."""

from decimal import Decimal

import pytest

from news.importing.figures import find_figures
from news.importing.numbers import json_number, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.538", "2538"),
        ("45.239", "45239"),
        ("1.234.567,5", "1234567.5"),
        ("13,4", "13.4"),
        ("0,25", "0.25"),
        ("09", "9"),
        ("100", "100"),
        ("2.5", "2.5"),  # English decimal point: the group after the dot is not three digits
        ("1,234,567", "1234567"),
        (" 12 ", "12"),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1..2", "12,", ",5", "١٢", None, 12, "1e5"])
def test_parse_number_says_none_to_what_is_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value", "high", "qualifier", "percent"),
    [
        ("hơn 32.000", "32000", None, "hơn", False),
        ("100%", "100", None, "", True),
        ("13,4 %", "13.4", None, "", True),
        ("10-15", "10", "15", "", False),
        ("10 – 15%", "10", "15", "", True),
        ("từ 10 đến 15", "10", "15", "", False),
        ("gần 200", "200", None, "gần", False),
        ("ít nhất 2", "2", None, "ít nhất", False),
    ],
)
def test_parse_quantity(text, value, high, qualifier, percent):
    quantity = parse_quantity(text)
    assert quantity.value == Decimal(value)
    assert quantity.high == (Decimal(high) if high else None)
    assert quantity.is_range is bool(high)
    assert quantity.qualifier == qualifier
    assert quantity.percent is percent


def test_parse_quantity_rejects_words():
    assert parse_quantity("hơn nhiều") is None
    assert parse_quantity("10-") is None


def test_json_number_is_int_when_whole():
    assert json_number(Decimal("2538")) == 2538 and isinstance(json_number(Decimal("2538")), int)
    assert json_number(Decimal("13.40")) == 13.4
    assert json_number(None) is None


def figures(text):
    return [figure.as_json() for figure in find_figures([text])]


def test_seed_figures():
    text = (
        "Đảng bộ tỉnh có 15 đảng bộ trực thuộc (trong đó có 2 đảng bộ cơ sở trực thuộc Tỉnh ủy), "
        "686 tổ chức cơ sở đảng (259 đảng bộ cơ sở, 427 chi bộ cơ sở), 13 đảng bộ bộ phận và "
        "2.538 chi bộ trực thuộc với 45.239 đảng viên. Từ năm 2010 đến nay, mỗi năm, Đảng bộ tỉnh "
        "tăng thêm 1.800 đảng viên. Đến nay, 100% xã, phường, thị trấn đã thành lập được đảng bộ."
    )
    found = figures(text)
    assert [(f["value"], f["unit_phrase"]) for f in found] == [
        (15, "đảng bộ trực thuộc"),
        (2, "đảng bộ cơ sở trực thuộc Tỉnh ủy"),
        (686, "tổ chức cơ sở đảng"),
        (259, "đảng bộ cơ sở"),
        (427, "chi bộ cơ sở"),
        (13, "đảng bộ bộ phận"),
        (2538, "chi bộ trực thuộc"),
        (45239, "đảng viên"),
        (1800, "đảng viên"),
        (100, "%"),
    ]
    assert found[6]["text"] == "2.538 chi bộ trực thuộc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("có hơn 32.000 hội viên", {"value": 32000, "unit_phrase": "hội viên", "qualifier": "hơn"}),
        ("tăng 13,4 %", {"value": 13.4, "unit_phrase": "%", "text": "tăng 13,4 %"}),
        ("đạt 100,41%NQ", {"value": 100.41, "unit_phrase": "%"}),
        ("trên 31nghìn tấn;", {"value": 31, "unit_phrase": "nghìn tấn", "qualifier": "trên"}),
        ("có 26/30 chỉ tiêu đạt", {"value": 26, "of": 30, "unit_phrase": "chỉ tiêu"}),
        ("đạt 90/90%, vượt", {"value": 90, "of": 90, "unit_phrase": "%"}),
        (
            "trồng mới 13,2 ha/12 ha rừng đạt",
            {"value": 13.2, "of": 12, "text": "13,2 ha/12 ha rừng"},
        ),
        ("mỗi xã đạt 17, 25 tiêu chí", {"value": 17.25, "unit_phrase": "tiêu chí"}),
        ("từ 10-15 hộ", {"value": 10, "max": 15, "unit_phrase": "hộ"}),
        ("từ 10 đến 15 tỷ đồng", {"value": 10, "max": 15, "unit_phrase": "tỷ đồng"}),
        ("đạt 43,75 triệu đồng/người /năm đạt", {"unit_phrase": "triệu đồng/người /năm"}),
        ("gần 200 triệu đồng.", {"value": 200, "qualifier": "gần", "text": "gần 200 triệu đồng"}),
        (
            "bầu 13 đại biểu chính thức và dự khuyết",
            {"value": 13, "unit_phrase": "đại biểu chính thức"},
        ),
        ("có 85 đại biểu đại diện cho", {"value": 85, "unit_phrase": "đại biểu"}),
        ("xây dựng 04 căn nhà, ", {"value": 4, "unit_phrase": "căn nhà"}),
        ("tiêu chuẩn 9m2 khu A", {"value": 9, "unit_phrase": "m2 khu A"}),
        ("thu nhập 1.234.567,5 đồng", {"value": 1234567.5, "unit_phrase": "đồng"}),
    ],
)
def test_figures(text, expected):
    (found,) = figures(text)
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chiều ngày 23/12, hội nghị khai mạc.",
        "Ngày 5/6/2020 Đảng bộ xã tổ chức đại hội.",
        "(19/8/1945 - 19/8/2020) là mốc son.",
        "Chiều 10-11, các ông chủ trì hội nghị.",
        "Ngày 19/8, Công an huyện gặp mặt.",
        "23/12 các đại biểu thảo luận.",
        "Tổng kết năm 2020 và triển khai nhiệm vụ năm 2021.",
        "nhiệm kỳ 2016 - 2021, nhiệm kỳ 2020 -2025, giai đoạn 2021-2025",
        "Kỳ họp thứ 12, lần thứ 3, khóa 14.",
        "thực hiện nghiêm chỉ thị số 17 …/",
        "Nghị quyết 12-NQ/TW và Quyết định 123/QĐ-UBND.",
        "kỷ niệm 75 năm Ngày truyền thống, trong 75 năm qua, sau 3 tháng, 30 tuổi.",
        "Lúc 14h30 ngày 2/9, hội nghị bắt đầu lúc 8:00.",
        "Dịch COVID-19 trên Quốc lộ 14, QL14, thôn 5, tổ 3.",
        "Địa chỉ: 108 Phạm Văn Đồng, Phường 3.",
        "Điện thoại: 0276. 3813794 - 6500666 (0798 798 252).",
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_figures_of_all_samples_in_order():
    text = "Hàng năm tỷ lệ đảng viên học tập đạt 100% . Tổ chức kết nạp được 44 đảng viên mới."
    assert [(f["value"], f["text"]) for f in figures(text)] == [
        (100, "đạt 100%"),
        (44, "44 đảng viên mới"),
    ]
