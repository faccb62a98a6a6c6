"""People and their titles as printed, in every pattern reports use; and matching them to officials."""

import datetime
from types import SimpleNamespace

import pytest

from news.importing.people import find_people
from news.importing.store import OfficialIndex


def people(*paragraphs):
    return [(person.name, person.titles) for person in find_people(paragraphs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name - titles, several titles per person, several people per sentence
        (
            "Chiều 10-11, các ông: Nguyễn Khắc Toàn - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch "
            "HĐND tỉnh; Nguyễn Khắc Hà - Trưởng Ban Tổ chức Tỉnh ủy chủ trì hội nghị.",
            [
                ("Nguyễn Khắc Toàn", ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
                ("Nguyễn Khắc Hà", ["Trưởng Ban Tổ chức Tỉnh ủy"]),
            ],
        ),
        # ông A, title
        (
            "Dự hội nghị có ông Nguyễn Văn An, Chủ tịch UBND tỉnh.",
            [("Nguyễn Văn An", ["Chủ tịch UBND tỉnh"])],
        ),
        # đồng chí A - title
        (
            "Đồng chí Lê Văn Bình - Bí thư Huyện ủy phát biểu.",
            [("Lê Văn Bình", ["Bí thư Huyện ủy"])],
        ),
        # title then name
        (
            "Phó Chủ tịch UBND huyện Nguyễn Văn Bảo cho biết.",
            [("Nguyễn Văn Bảo", ["Phó Chủ tịch UBND huyện"])],
        ),
        # bà
        (
            "bà Trần Thị Cúc - Giám đốc Sở Y tế tỉnh, đã báo cáo.",
            [("Trần Thị Cúc", ["Giám đốc Sở Y tế tỉnh"])],
        ),
        # đ/c with the dash variants and no space before the dash
        (
            "Đ/c Phan Văn Hợp – Bí thư Huyện ủy; đ/c Nguyễn Xuân Thanh – Chủ tịch UBND huyện đã về.",
            [("Phan Văn Hợp", ["Bí thư Huyện ủy"]), ("Nguyễn Xuân Thanh", ["Chủ tịch UBND huyện"])],
        ),
        (
            "Dự đại hội có đ/c Đỗ Thị Minh Hải- Chủ tịch HLHPN huyện , đại diện lãnh đạo Đảng ủy.",
            [("Đỗ Thị Minh Hải", ["Chủ tịch HLHPN huyện"])],
        ),
        # no separator, title in lower case
        (
            "Ông Nguyễn Ngọc Thân phó chủ tịch UBND huyện đồng chủ trì Hội nghị.",
            [("Nguyễn Ngọc Thân", ["phó chủ tịch UBND huyện"])],
        ),
        # titles joined by dashes
        (
            "Dự kỳ họp có Đ/c Trần Lê Cường - Huyện ủy viên - Bí thư Đảng ủy xã.",
            [("Trần Lê Cường", ["Huyện ủy viên", "Bí thư Đảng ủy xã"])],
        ),
        # a military rank is a title
        (
            "Tại buổi gặp mặt, Trung tá Đinh Mạnh Cường – Phó trưởng Công an huyện đã ôn lại.",
            [("Đinh Mạnh Cường", ["Trung tá", "Phó trưởng Công an huyện"])],
        ),
        (
            "Đại tá Nguyễn Văn Khánh, Giám đốc Công an tỉnh, chủ trì.",
            [("Nguyễn Văn Khánh", ["Đại tá", "Giám đốc Công an tỉnh"])],
        ),
        # a list with ";" and "và", people of ethnic minorities
        (
            "Tham dự có các ông: Phạm Văn Dũng - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND "
            "tỉnh; Y Quang B'Krông - Giám đốc Sở Tài chính và bà Lê Thị Gấm - Chủ tịch Hội LHPN tỉnh.",
            [
                ("Phạm Văn Dũng", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]),
                ("Y Quang B'Krông", ["Giám đốc Sở Tài chính"]),
                ("Lê Thị Gấm", ["Chủ tịch Hội LHPN tỉnh"]),
            ],
        ),
        # two "title name" in one sentence; a place inside the title
        (
            "Bí thư Tỉnh ủy Ngô Thanh Danh và Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp thăm hỏi.",
            [
                ("Ngô Thanh Danh", ["Bí thư Tỉnh ủy"]),
                ("Trần Văn Hiệp", ["Chủ tịch UBND tỉnh Lâm Đồng"]),
            ],
        ),
        # the last title before a name belongs to that name
        (
            "Đồng chí Nguyễn Văn An - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Văn Bảo cùng dự.",
            [("Nguyễn Văn An", ["Phó Bí thư Tỉnh ủy"]), ("Trần Văn Bảo", ["Chủ tịch UBND tỉnh"])],
        ),
        # titles in brackets; abbreviations
        (
            "Ông Nguyễn Văn Minh (Chủ tịch UBND xã Nam Bình) cho biết.",
            [("Nguyễn Văn Minh", ["Chủ tịch UBND xã Nam Bình"])],
        ),
        (
            "Đ/c Trần Xuân Hải, UVBTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh trả lời chất vấn.",
            [("Trần Xuân Hải", ["UVBTV Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"])],
        ),
        # "Hồ Chí Minh" inside a title is not a person
        (
            "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Trần Thị Hoa phát biểu.",
            [("Trần Thị Hoa", ["Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện"])],
        ),
    ],
)
def test_patterns(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dự có Trưởng các phòng, ban huyện, chủ tịch UBND các xã, thị trấn.",
        "Lãnh đạo huyện ủy phát biểu chỉ đạo tại hội nghị.",
        "Về dự có Bí thư, Chủ tịch UBND 08 xã thị trấn.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Đồng chí, thay mặt cho lãnh đạo huyện, gửi lời chúc mừng.",
        "Ban Chấp hành khóa mới gồm 14 đồng chí, bầu 13 đại biểu.",
        "Bà con nhân dân phấn khởi.",
    ],
)
def test_no_person_where_there_is_none(text):
    assert people(text) == []


def test_a_person_named_again_is_one_person_with_the_titles_first_printed():
    found = people(
        "Đồng chí Nguyễn Văn Phò - Phó Bí thư huyện ủy, Chủ tịch UBND huyện chủ trì.",
        "Phát biểu kết luận, đồng chí Nguyễn Văn Phò- Phó Bí thư ủy, Chủ tịch UBND huyện nhấn mạnh.",
        "Ông Phò yêu cầu các ngành vào cuộc.",
    )
    assert found == [("Nguyễn Văn Phò", ["Phó Bí thư huyện ủy", "Chủ tịch UBND huyện"])]


def test_a_new_title_in_a_later_mention_is_added():
    found = people(
        "Ông Lê Văn Nam - Bí thư Đảng ủy xã phát biểu.", "Ông Lê Văn Nam, Chủ tịch HĐND xã."
    )
    assert found == [("Lê Văn Nam", ["Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"])]


def test_honorific_and_a_name_without_title_is_a_person():
    assert people("Theo ông Nguyễn Văn Tư, năm nay mưa nhiều.") == [("Nguyễn Văn Tư", [])]


def test_a_one_word_name_with_no_earlier_full_name_is_nobody():
    assert people("Theo ông Toàn, các đồng chí cần chú ý.") == []


def test_roles_come_from_the_sentence():
    found = find_people(
        [
            "Dự hội nghị có đồng chí Đoàn Văn Sự - Phó bí thư thường trực huyện ủy. Đồng chí "
            "Nguyễn Văn Phò - Chủ tịch UBND huyện chủ trì Hội nghị.",
            "Ông Lê Văn Tám, Giám đốc Sở Tài chính phát biểu.",
            "Bà Trần Thị Hoa - Chủ tịch Hội LHPN tỉnh thăm hỏi các gia đình.",
            "Ông Phạm Văn Út, Giám đốc Sở Tài chính trình dự toán ngân sách.",
        ]
    )
    assert [person.role for person in found] == [
        "du",
        "chu_tri",
        "phat_bieu",
        "nhac_den",
        "nhac_den",
    ]


def test_printed_title_joins_titles():
    (person,) = find_people(["Ông Nguyễn Văn Tư - Bí thư Huyện ủy, Chủ tịch HĐND huyện dự."])
    assert person.printed_title == "Bí thư Huyện ủy, Chủ tịch HĐND huyện"
    assert person.as_json() == {
        "name": "Nguyễn Văn Tư",
        "titles": ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"],
    }


def test_decomposed_unicode_is_read_like_composed():
    import unicodedata

    text = unicodedata.normalize("NFD", "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh dự.")
    assert people(text) == [("Nguyễn Văn An", ["Chủ tịch UBND tỉnh"])]


# --- Matching to officials (no database: the index works on any objects with these fields) ---


def official(name, titles, other_names=""):
    return SimpleNamespace(full_name=name, other_names=other_names, title_on=lambda date: titles)


def person(name, titles):
    return SimpleNamespace(name=name, titles=titles)


DAY = datetime.date(2021, 11, 10)


def test_officials_match_by_name_then_by_name_and_title():
    toan = official("Nguyễn Khắc Toàn", ["Phó Bí thư Thường trực Tỉnh ủy"])
    an_huyen = official("Nguyễn Văn An", ["Chủ tịch UBND huyện"])
    an_tinh = official("Nguyễn Văn An", ["Giám đốc Sở Tài chính"])
    index = OfficialIndex([toan, an_huyen, an_tinh])

    assert index.match(person("Nguyễn  Khắc Toàn", []), DAY) == (toan, "")
    assert index.match(person("Nguyễn Văn An", ["chủ tịch UBND huyện"]), DAY) == (an_huyen, "")
    found, reason = index.match(person("Nguyễn Văn An", ["Bí thư Huyện ủy"]), DAY)
    assert found is None and "trùng tên" in reason
    found, reason = index.match(person("Trần Văn Bảy", ["Chủ tịch UBND xã"]), DAY)
    assert found is None and "chưa có" in reason


def test_officials_match_by_other_names():
    hai = official("Nguyễn Thị Hải", [], other_names="Đỗ Thị Minh Hải, Minh Hải")
    index = OfficialIndex([hai])
    assert index.match(person("Đỗ Thị Minh Hải", []), DAY) == (hai, "")
