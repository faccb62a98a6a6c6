"""Vietnamese numbers as printed: "2.538" is 2538, "13,4" is 13.4, "hơn 32.000", "10-15", "100%".

Vietnamese writes a dot between thousands and a comma before decimals, the reverse of English,
so Python's float() reads "2.538" as 2.538 and fails on "13,4". Reports also mix in the English
style now and then ("2.5 ha"); a dot is a thousands separator only when every group after it has
exactly three digits. These functions never raise: a string that is not a number gives None.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# 1.234.567,5 (Vietnamese) – 1234,5 – 12 – 2.5 (English decimal) – 1,234,567 (English thousands)
_VIETNAMESE_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^\d+(?:,\d+)?$")
_DECIMAL_POINT = re.compile(r"^\d+\.\d+$")
_ENGLISH_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$")

# Words before a number that say how exact it is, and the Observation qualifier each stands for.
QUALIFIERS = {
    "hơn": "hơn",
    "trên": "trên",
    "khoảng": "khoảng",
    "gần": "gần",
    "dưới": "dưới",
    "ít nhất": "trên",
    "tối thiểu": "trên",
    "xấp xỉ": "khoảng",
    "chừng": "khoảng",
}
_NUMBER = r"\d+(?:[.,]\d+)*"
_QUANTITY = re.compile(
    rf"^(?:(?P<qualifier>{'|'.join(sorted(QUALIFIERS, key=len, reverse=True))})\s+)?"
    rf"(?:từ\s+)?(?P<low>{_NUMBER})\s*(?P<low_percent>%)?"
    rf"(?:\s*(?:-|–|—|đến|tới)\s*(?P<high>{_NUMBER})\s*(?P<high_percent>%)?)?$",
    re.IGNORECASE,
)
MAX_DIGITS = 30


def parse_number(text):
    """Decimal value of a number as printed, or None: "45.239" → 45239, "13,4" → 13.4."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > MAX_DIGITS * 2 or not text.isascii():
        return None
    if _VIETNAMESE_GROUPED.match(text):
        normal = text.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.match(text):
        normal = text.replace(",", ".")
    elif _DECIMAL_POINT.match(text):
        normal = text
    elif _ENGLISH_GROUPED.match(text):
        normal = text.replace(",", "")
    else:
        return None
    try:
        return Decimal(normal)
    except InvalidOperation:  # pragma: no cover - the patterns only let digits through
        return None


@dataclass(frozen=True)
class Quantity:
    """A number with what surrounds it: "hơn 32.000" → value 32000, qualifier "hơn" (as printed;
    QUALIFIERS gives the Observation qualifier it stands for)."""

    value: Decimal
    high: Decimal | None = None
    qualifier: str = ""
    percent: bool = False

    @property
    def is_range(self):
        return self.high is not None


def parse_quantity(text):
    """Quantity from "hơn 32.000", "100%", "10-15", "từ 10 đến 15", or None."""
    if not isinstance(text, str):
        return None
    match = _QUANTITY.match(" ".join(text.split()))
    if not match:
        return None
    low = parse_number(match["low"])
    high = parse_number(match["high"]) if match["high"] else None
    if low is None or (match["high"] and high is None):
        return None
    qualifier = " ".join((match["qualifier"] or "").lower().split())
    percent = bool(match["low_percent"] or match["high_percent"])
    return Quantity(value=low, high=high, qualifier=qualifier, percent=percent)


def json_number(value):
    """int when whole, else float: how JSON (and expected.json) writes 2538 and 13.4."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)
