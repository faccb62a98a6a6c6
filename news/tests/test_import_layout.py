"""The plain-text layout and reading files: every way a file can be wrong is a LayoutError with a
reason (and a line where known), never a crash."""

import datetime
import json
import zoneinfo
from pathlib import Path

import pytest

from news.importing.layout import LayoutError, looks_like_byline, parse_article
from news.importing.sources import expand, read_article, read_text

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "conference-report.txt"
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def article(*blocks):
    return "\n\n".join(blocks) + "\n"


def test_seed_parses_with_time_in_vietnam_and_lead_not_repeated():
    parsed = read_article(SEED)
    assert parsed.published_at == datetime.datetime(2021, 11, 10, 9, 11, tzinfo=HCM)
    assert parsed.published_at.isoformat() == "2021-11-10T09:11:00+07:00"
    assert parsed.title == "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"
    assert parsed.lead.startswith("Chiều 10-11, các ông: Nguyễn Khắc Toàn")
    assert len(parsed.body) == 2
    assert not any(paragraph == parsed.lead for paragraph in parsed.body)
    assert parsed.byline == "X.T"


def test_lead_repeated_with_other_white_space_is_dropped():
    text = article("08:00, 01/02/2021", "Tiêu đề", "Sapo của bài.", "Sapo  của\nbài.", "Đoạn một.")
    assert parse_article(text).body == ["Đoạn một."]


def test_text_is_kept_exactly_typos_included():
    parsed = read_article(SAMPLES / "01-hoi-nghi-tong-ket-kt-xh-2020.txt")
    assert "Ban cán sử đảng" in parsed.body[2]
    assert parsed.body[0] == (
        "Dự hội nghị có đồng chí Đoàn Văn Sự - Phó bí thư thường trực huyện ủy; Trưởng các phòng, "
        "ban huyên, chủ tịch UBND các xã, thị trấn.Đồng chí Nguyễn Văn Phò - Phó Bí thư huyện ủy, "
        "Chủ tịch UBND huyện; Ông Nguyễn Ngọc Thân phó chủ tịch UBND huyện đồng chủ trì Hội nghị."
    )


@pytest.mark.parametrize(
    ("last", "byline"),
    [
        ("X.T", "X.T"),
        ("Vương Hợp – TTVHTT - TH", "Vương Hợp – TTVHTT - TH"),
        ("Lê Xuân.", "Lê Xuân"),
        ("Một số hình ảnh tại đại hội:", ""),
        ("Hội nghị kết thúc tốt đẹp.", ""),
    ],
)
def test_byline_is_the_short_last_line(last, byline):
    parsed = parse_article(article("08:00, 01/02/2021", "Tiêu đề", "Sapo.", "Đoạn một.", last))
    assert parsed.byline == byline
    assert (last in parsed.body) is (byline == "")


def test_a_long_last_paragraph_is_not_a_byline():
    assert not looks_like_byline("Ông Nguyễn Văn A phát biểu " * 5)


def test_samples_match_what_the_editor_read():
    for entry in json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8")):
        parsed = read_article(SAMPLES / entry["file"])
        assert parsed.title == entry["title"]
        assert parsed.byline == (entry["byline"] or "")
        expected_time = datetime.datetime.fromisoformat(entry["published_at"])
        assert parsed.published_at == expected_time


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (article("09:11, 31/02/2021", "Tiêu đề", "Sapo."), 1, "không có thật"),
        (article("25:00, 01/02/2021", "Tiêu đề", "Sapo."), 1, "không có thật"),
        (article("Tiêu đề", "09:11, 10/11/2021", "Sapo."), 1, "giờ và ngày"),
        ("", None, "trống"),
        ("\n \n\t\n", None, "trống"),
        ("09:11, 10/11/2021\n", 2, "thiếu tiêu đề"),
        ("\n\n09:11, 10/11/2021\n\n\n", 4, "thiếu tiêu đề"),
        (article("09:11, 10/11/2021", "Tiêu đề"), 4, "thiếu sapo"),
        ("09:11, 10/11/2021\x00\x01", None, "nhị phân"),
    ],
)
def test_bad_layouts_say_why_and_where(text, line, words):
    with pytest.raises(LayoutError) as caught:
        parse_article(text)
    assert caught.value.line == line
    assert words in caught.value.reason
    if line:
        assert str(caught.value).startswith(f"dòng {line}:")


def test_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + SEED.read_bytes())
    assert read_article(path).title == read_article(SEED).title


def test_binary_file(tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(LayoutError, match="nhị phân"):
        read_text(path)


def test_file_not_in_utf8_gives_the_line(tmp_path):
    path = tmp_path / "cp1258.txt"
    path.write_bytes(
        "09:11, 10/11/2021\n\nTi\u00eau \u0111\u1ec1\n".encode("utf-8") + b"Sapo \xe0\xff\n"
    )
    with pytest.raises(LayoutError) as caught:
        read_text(path)
    assert caught.value.line == 4
    assert "UTF-8" in caught.value.reason


def test_missing_file(tmp_path):
    with pytest.raises(LayoutError, match="không tìm thấy"):
        read_article(tmp_path / "khong-co.txt")


def test_empty_file(tmp_path):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(LayoutError, match="trống"):
        read_article(path)


def test_directories_expand_to_their_txt_files_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert expand([tmp_path, missing]) == [tmp_path / "a.txt", tmp_path / "b.txt", missing]
