"""Figures in a report: numbers that count something, each with the phrase it counts.

"2.538 chi bộ trực thuộc" gives 2538 and "chi bộ trực thuộc"; "hơn 32.000 hội viên" gives 32000
with the qualifier "hơn"; "26/30 chỉ tiêu" gives 26 of 30; "13,2 ha/12 ha" gives 13.2 of 12;
"10-15 hộ" a range. A number is a figure only when a unit follows it (a noun phrase or "%"):
a bare number is a code, a page, a list item. Not figures either, as an editor would decide:
dates (ngày 23/12, Chiều 10-11, 5/6/2020), years (2020, nhiệm kỳ 2020-2025), ordinals (lần thứ
3, Kỳ họp thứ 12), document numbers (chỉ thị số 17, 12-NQ/TW), durations and anniversaries
(75 năm, 3 tháng), times (9h30), and numbers glued to letters (COVID-19, QL14).

One typo pattern is read as the writer meant: "17, 25 tiêu chí" (a comma, a space and two
digits, then a word) is 17,25, a decimal comma with a stray space.
"""

from dataclasses import dataclass

from .numbers import QUALIFIERS, json_number, parse_number
from .titles import starts_name
from .words import DASHES, match_phrase, normalise, phrase_list, phrases, span_text, tokenize

DAY_WORDS = phrases("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "mùng", "mồng", "rạng")
# Words before a number that make it a label, not a count.
LABEL_WORDS = phrase_list(
    "số, thứ, tháng, quý, khóa, khoá, điều, khoản, chương, mục, thôn, tổ, khu, lô, km, lần, "
    "phiên, quốc lộ, tỉnh lộ, đường, phòng, trang"
)
TIME_UNITS = phrase_list(
    "năm, tháng, ngày, giờ, phút, giây, tuần, quý, thế kỷ, tuổi, tiếng, buổi, đêm, h"
)
# Words that end a unit phrase: "13 đại biểu chính thức và 1 …", "85 đại biểu đại diện cho …".
UNIT_STOPS = phrase_list(
    "và, với, đạt, đi, đã, được, so, của, cho, tại, trong, trên, dưới, từ, đến, là, có, không, "
    "ước, theo, nhằm, gồm, bao gồm, thì, mà, để, đại diện, về, vào, ra, này, đó, như, hoặc, hay, "
    "nhưng, còn, năm, tăng, giảm, trở, lên, tham gia, đang, sẽ, bằng, chiếm, tương đương, "
    "trị giá, tổng, ở, nên, do, vì, khi, sau, trước, hơn, các, những"
)
TEXT_PREFIXES = phrases("tăng", "giảm", "đạt", "là", "từ", "còn", "chiếm", "tăng thêm")
QUALIFIER_WORDS = phrases(*QUALIFIERS)
MAX_UNIT_WORDS = 8
MAX_PERCENT_CONTEXT = 4


@dataclass
class Figure:
    value: object
    unit_phrase: str
    text: str
    of: object = None
    high: object = None
    qualifier: str = ""

    def as_json(self):
        data = {
            "value": json_number(self.value),
            "unit_phrase": self.unit_phrase,
            "text": self.text,
        }
        if self.of is not None:
            data["of"] = json_number(self.of)
        if self.high is not None:
            data["max"] = json_number(self.high)
        if self.qualifier:
            data["qualifier"] = self.qualifier
        return data


def find_figures(paragraphs):
    figures = []
    for paragraph in paragraphs:
        figures.extend(_Scanner(paragraph).scan())
    return figures


class _Scanner:
    def __init__(self, text):
        self.text = normalise(text)
        self.tokens = tokenize(self.text)

    def tok(self, index):
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def glued(self, index):
        """Token `index` touches the one before it."""
        before, token = self.tok(index - 1), self.tok(index)
        return before is not None and token is not None and before.end == token.start

    def is_number(self, index):
        token = self.tok(index)
        return token is not None and token.is_number

    def lower(self, index):
        token = self.tok(index)
        return token.lower if token is not None else ""

    def scan(self):
        figures, index = [], 0
        while index < len(self.tokens):
            if self.is_number(index):
                figure, index = self._number(index)
                if figure is not None:
                    figures.append(figure)
            else:
                index += 1
        return figures

    def _number(self, index):
        """(Figure or None, index after what was read) for the number token at `index`."""
        skip = self._not_a_count(index)
        if skip:
            return None, skip
        value, after = self._value(index)
        if value is None:
            return None, index + 1
        high = of = None
        if self.lower(after) in DASHES | {"đến", "tới"} and self.is_number(after + 1):
            high = parse_number(self.tok(after + 1).text)
            if high is None or self._is_year(after + 1):
                return None, after + 2
            after += 2
        if self.lower(after) == "/" and self.glued(after) and self.is_number(after + 1):
            of = parse_number(self.tok(after + 1).text)
            if not self._has_unit(after + 2) or self._looks_like_date(value, of):
                return None, self._skip_date(index)
            after += 2
        unit_start = after
        if self.lower(after) == "%":
            unit_end = after + 1
            text_end = self._percent_context(unit_end)
        else:
            unit_end = self._unit_end(after)
            if unit_end == unit_start or match_phrase(self.tokens, unit_start, TIME_UNITS):
                return None, max(unit_end, index + 1)
            text_end = unit_end
            if of is None and self.lower(unit_end) == "/" and self.is_number(unit_end + 1):
                # "13,2 ha/12 ha rừng": the total is in the same unit.
                of = parse_number(self.tok(unit_end + 1).text)
                text_end = self._unit_end(unit_end + 2) if of is not None else unit_end
        figure = Figure(
            value=value,
            unit_phrase=span_text(self.text, self.tokens, unit_start, unit_end),
            text=span_text(self.text, self.tokens, self._text_start(index), text_end),
            of=of,
            high=high,
            qualifier=self._qualifier(index),
        )
        return figure, max(text_end, unit_end, index + 1)

    def _not_a_count(self, index):
        """The index to go on from when the number at `index` is a date, year, label or code."""
        before = self.tok(index - 1)
        if before is not None and self.glued(index):
            if before.is_word or before.text == "/" or before.is_number:
                return index + 1  # QL14, F0, the 12 of 26/12 already read
            if before.text in DASHES and self.tok(index - 2) and self.glued(index - 1):
                if self.tok(index - 2).is_word:
                    return index + 1  # COVID-19
        day = index > 0 and match_phrase(self.tokens, index - 1, DAY_WORDS)
        label = self._label_before(index) and self.tok(index).text.isdigit()
        if day or (label and self.lower(index + 1) != "%"):
            return self._skip_date(index)
        if self._is_year(index):
            return self._skip_date(index)
        after = self.tok(index + 1)
        if after is not None and self.glued(index + 1):
            if after.lower in {"h", "g"} or (after.text == ":" and self.is_number(index + 2)):
                return index + 2  # 9h30, 14:00
            if after.text in DASHES | {"/"} and self.tok(index + 2) is not None:
                code = self.tok(index + 2)
                if code.is_abbreviation and self.glued(index + 2):
                    return index + 3  # 12-NQ/TW, 123/QĐ-UBND
        if self._three_part_date(index):
            return index + 5
        return 0

    def _label_before(self, index):
        for length in (2, 1):
            if (
                index - length >= 0
                and match_phrase(self.tokens, index - length, LABEL_WORDS) == length
            ):
                return True
        return False

    def _is_year(self, index):
        token = self.tok(index)
        return (
            token is not None
            and token.text.isdigit()
            and len(token.text) == 4
            and 1900 <= int(token.text) <= 2100
        )

    def _three_part_date(self, index):
        return (
            self.lower(index + 1) == "/"
            and self.is_number(index + 2)
            and self.lower(index + 3) == "/"
            and self.is_number(index + 4)
        )

    def _skip_date(self, index):
        """Past a date or year at `index`: 23/12, 5/6/2020, 10-11, 2020 - 2025."""
        end = index + 1
        while self.lower(end) in {"/", "-", "–", "."} and self.is_number(end + 1):
            end += 2
        return end

    def _value(self, index):
        """(value, index after it); "17, 25 tiêu chí" is read as 17,25."""
        token = self.tok(index)
        if (
            token.text.isdigit()
            and self.lower(index + 1) == ","
            and self.glued(index + 1)
            and self.is_number(index + 2)
            and len(self.tok(index + 2).text) == 2
            and self.tok(index + 2).text.isdigit()
            and self.tok(index + 2).start == self.tok(index + 1).end + 1
            and self.tok(index + 3) is not None
            and self.tok(index + 3).is_word
            and not self.tok(index + 3).is_capitalised
        ):
            return parse_number(f"{token.text},{self.tok(index + 2).text}"), index + 3
        return parse_number(token.text), index + 1

    @staticmethod
    def _looks_like_date(value, of):
        """23/12 and 8/3 are dates; 26/30, 6/6 and 500/500 are counts out of a total (a count is
        seldom more than its total)."""
        return (
            of is not None
            and value == value.to_integral_value()
            and of == of.to_integral_value()
            and 1 <= of <= 12
            and of < value <= 31
        )

    def _has_unit(self, index):
        return self.lower(index) == "%" or self._unit_end(index) > index

    def _unit_end(self, index):
        """End of the unit phrase starting at `index`: words up to a stop word or punctuation;
        "/word" belongs to it ("triệu đồng/người /năm")."""
        end, words = index, 0
        while words < MAX_UNIT_WORDS:
            token = self.tok(end)
            if token is None:
                break
            if (
                token.text == "/"
                and end > index
                and self.tok(end + 1)
                and self.tok(end + 1).is_word
            ):
                end += 2
                continue
            if not token.is_word or match_phrase(self.tokens, end, UNIT_STOPS):
                break
            if not words and starts_name(self.tokens, end):
                break  # "108 Phạm Văn Đồng" is an address
            end, words = end + 1, words + 1
            if self.is_number(end) and self.glued(end) and self.tok(end).text in {"2", "3"}:
                end += 1  # m2, km2, m3
        return end

    def _percent_context(self, index):
        """ "100% xã", "101,4% NQ": a few words of what the share is of, for the quote."""
        end = index
        while end - index < MAX_PERCENT_CONTEXT:
            token = self.tok(end)
            if token is None or not token.is_word or match_phrase(self.tokens, end, UNIT_STOPS):
                break
            end += 1
        return end

    def _qualifier_length(self, index):
        for length in (2, 1):
            if (
                index - length >= 0
                and match_phrase(self.tokens, index - length, QUALIFIER_WORDS) == length
            ):
                return length
        return 0

    def _qualifier(self, index):
        length = self._qualifier_length(index)
        if not length:
            return ""
        return " ".join(t.lower for t in self.tokens[index - length : index])

    def _text_start(self, index):
        length = self._qualifier_length(index)
        if length:
            return index - length
        for size in (2, 1):
            if index - size >= 0 and match_phrase(self.tokens, index - size, TEXT_PREFIXES) == size:
                return index - size
        return index
