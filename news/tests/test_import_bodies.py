"""Bodies named in a report, and matching them to organisations.Body by name or short name."""

from types import SimpleNamespace

import pytest

from news.importing.bodies import BodyIndex, body_key, find_bodies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nguyễn Khắc Toàn - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; Nguyễn Khắc Hà -"
            " Trưởng Ban Tổ chức Tỉnh ủy. Đảng bộ tỉnh có 15 đảng bộ trực thuộc.",
            ["Tỉnh ủy", "HĐND tỉnh", "Ban Tổ chức Tỉnh ủy", "Đảng bộ tỉnh"],
        ),
        (
            "Quy chế làm việc của huyện ủy, Ban cán sự đảng và UBND huyện; Ban Thường vụ huyện ủy.",
            ["huyện ủy", "Ban cán sự đảng", "UBND huyện", "Ban Thường vụ huyện ủy"],
        ),
        ("HĐND xã Thuận Hà Khóa III, Nhiệm kỳ 2016 - 2021 họp.", ["HĐND xã Thuận Hà"]),
        ("Tại kỳ họp TT HĐND xã khen thưởng.", ["TT HĐND xã"]),
        ("Công an huyện Đak Song và công an huyện tổ chức.", ["Công an huyện Đak Song"]),
        ("UBND huyện; UBND huyện Đak Song chỉ đạo.", ["UBND huyện"]),
        (
            "Chính phủ, Bộ Công an, HĐND, Mặt trận tổ quốc.",
            ["Chính phủ", "Bộ Công an", "HĐND", "Mặt trận tổ quốc"],
        ),
        ("Sở Giáo dục và Đào tạo tỉnh phối hợp.", ["Sở Giáo dục và Đào tạo tỉnh"]),
        ("Bí thư Huyện ủy Đắk Song dự.", ["Huyện ủy Đắk Song"]),
    ],
)
def test_bodies(text, expected):
    assert find_bodies([text]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Có 259 đảng bộ cơ sở, 427 chi bộ cơ sở.",
        "chủ tịch UBND các xã, thị trấn",
        "Đảng bộ và nhân dân xã Nam Hồng đoàn kết.",
        "Trần Lê Cường - Huyện ủy viên phát biểu.",
        "lực lượng Công an Nhân dân Việt Nam",
    ],
)
def test_generic_mentions_are_not_bodies(text):
    assert find_bodies([text]) == []


def body(name, short_name=""):
    return SimpleNamespace(name=name, short_name=short_name)


def test_body_index_matches_name_short_name_and_spelled_out_abbreviations():
    council = body("Hội đồng nhân dân tỉnh", "HĐND tỉnh")
    committee = body("Tỉnh ủy")
    index = BodyIndex([council, committee])
    assert index.match("HĐND tỉnh") is council
    assert index.match("hội đồng nhân dân  tỉnh") is council
    assert index.match("tỉnh ủy") is committee
    assert index.match("UBND tỉnh") is None
    assert body_key("UBND huyện") == "ủy ban nhân dân huyện"


def test_body_index_does_not_guess_between_namesakes():
    index = BodyIndex([body("Huyện ủy"), body("Huyện ủy")])
    assert index.match("Huyện ủy") is None
