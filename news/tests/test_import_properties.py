"""Property tests: whatever the input, the parsers answer or say LayoutError; they never crash."""

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.importing.bodies import find_bodies
from news.importing.extract import extract
from news.importing.figures import find_figures
from news.importing.layout import LayoutError, parse_article
from news.importing.numbers import parse_number, parse_quantity
from news.importing.people import find_people
from news.importing.sources import read_article

# Examples are generated afresh each run: no example database to keep.
SETTINGS = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text that looks like a report: Vietnamese words, names, titles, numbers and punctuation.
PIECES = [
    "ông",
    "bà",
    "đồng chí",
    "Đ/c",
    "các ông:",
    "Nguyễn",
    "Văn",
    "Khắc",
    "Toàn",
    "Chủ tịch",
    "Phó",
    "Bí thư",
    "UBND",
    "HĐND",
    "huyện",
    "tỉnh",
    "Tỉnh ủy",
    "xã Thuận Hà",
    "Trung tá",
    "Huyện ủy viên",
    "Ban Tổ chức",
    "Đảng bộ",
    "đảng viên",
    "chi bộ",
    "hơn",
    "trên",
    "gần",
    "ngày",
    "năm",
    "thứ",
    "số",
    "%",
    "-",
    "–",
    ",",
    ";",
    ".",
    ":",
    "/",
    "(",
    ")",
    "“",
    "”",
    "2.538",
    "13,4",
    "100",
    "26/30",
    "10-15",
    "17, 25",
    "2020",
    "31nghìn",
    "9m2",
    "12-NQ/TW",
    "\n",
    "\n\n",
    " ",
    "Hồ Chí Minh",
    "Lâm Đồng",
    "Y",
    "B'Krông",
    "TT",
    "và",
]
report_text = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)
any_text = st.text(max_size=300)


@SETTINGS
@given(st.one_of(any_text, report_text))
def test_parse_article_raises_only_layout_error(text):
    try:
        parsed = parse_article(text)
    except LayoutError as exc:
        assert exc.reason
        assert exc.line is None or exc.line >= 1
    else:
        assert parsed.title and parsed.lead


@SETTINGS
@given(
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 40),
    st.integers(0, 15),
    st.integers(0, 9999),
    st.lists(st.one_of(report_text, any_text), max_size=6),
)
def test_article_shaped_text_parses_or_says_why(hour, minute, day, month, year, blocks):
    text = f"{hour:02d}:{minute:02d}, {day:02d}/{month:02d}/{year:04d}\n\n" + "\n\n".join(blocks)
    try:
        extract(parse_article(text)).as_json()
    except LayoutError as exc:
        assert exc.reason


@SETTINGS
@given(st.one_of(any_text, report_text))
def test_extractors_never_crash(text):
    for person in find_people([text]):
        assert person.name
    for figure in find_figures([text]):
        assert isinstance(figure.value, Decimal)
        figure.as_json()
    for name in find_bodies([text]):
        assert name


@SETTINGS
@given(
    st.one_of(st.text(max_size=40), st.from_regex(r"\A[0-9.,]{1,20}\Z"), st.none(), st.integers())
)
def test_number_parser_never_crashes(text):
    value = parse_number(text)
    assert value is None or (isinstance(value, Decimal) and value >= 0)
    parse_quantity(text)


@SETTINGS
@given(st.integers(0, 10**15), st.integers(0, 99))
def test_vietnamese_numbers_round_trip(whole, cents):
    printed = f"{whole:,}".replace(",", ".")
    assert parse_number(printed) == whole
    assert parse_number(f"{printed},{cents:02d}") == Decimal(whole) + Decimal(cents) / 100


@SETTINGS
@given(st.binary(max_size=400))
def test_any_file_content_gives_an_article_or_a_layout_error(data):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bai.txt"
        path.write_bytes(data)
        try:
            read_article(path)
        except LayoutError as exc:
            assert exc.reason
