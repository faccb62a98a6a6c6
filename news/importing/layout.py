"""The plain-text article layout: "HH:MM, dd/mm/yyyy", title, lead, body paragraphs, byline.

Blocks are separated by blank lines. The raw text often repeats the lead as the first body
paragraph; it is dropped so the page does not print it twice. Text is otherwise kept exactly
(only surrounding white space is trimmed).
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass, field

SITE_ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TIME_LINE = re.compile(r"^\s*(\d{1,2}):(\d{2}),?\s+(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
# A byline is a short last line with no sentence punctuation: "X.T", "Vương Hợp – TTVHTT - TH".
BYLINE_MAX_LENGTH = 80


class LayoutError(ValueError):
    """The text is not in the article layout; `line` is 1-based where known."""

    def __init__(self, reason, line=None):
        super().__init__(reason)
        self.reason = reason
        self.line = line

    def __str__(self):
        return f"dòng {self.line}: {self.reason}" if self.line else self.reason


@dataclass
class ParsedArticle:
    published_at: datetime.datetime
    title: str
    lead: str
    body: list = field(default_factory=list)
    byline: str = ""


def _blocks(text):
    """(first line number, text) of each block of non-blank lines, lines joined by a space."""
    blocks, current, start = [], [], None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, " ".join(current)))
            current = []
    if current:
        blocks.append((start, " ".join(current)))
    return blocks


def parse_time(line, number=1):
    match = TIME_LINE.match(line)
    if not match:
        raise LayoutError(
            f"dòng đầu phải là giờ và ngày dạng “HH:MM, dd/mm/yyyy”, gặp “{line[:40]}”", number
        )
    hour, minute, day, month, year = (int(part) for part in match.groups())
    try:
        return datetime.datetime(year, month, day, hour, minute, tzinfo=SITE_ZONE)
    except ValueError as exc:
        what = "giờ" if hour > 23 or minute > 59 else "ngày"
        raise LayoutError(f"ngày giờ không có thật: “{line.strip()}” (sai {what})", number) from exc


SIGNATURE_MAX_WORDS = 8


def _is_signature(text):
    """ "Lê Xuân.": a few capitalised words (initials, dashes between), closed by one full stop."""
    if not text.endswith(".") or text.endswith(".."):
        return False
    words = [w for w in re.split(r"\s+|\s*[-–/]\s*", text[:-1]) if w]
    return (
        0 < len(words) <= SIGNATURE_MAX_WORDS
        and all(word[0].isupper() for word in words)
        and not any(ch.isdigit() for ch in text)
    )


def looks_like_byline(text):
    """A short last line without sentence punctuation ("X.T", "Vương Hợp – TTVHTT - TH"), or
    a signature of a few capitalised words closed by a full stop ("Lê Xuân.")."""
    text = text.strip()
    if len(text) > BYLINE_MAX_LENGTH:
        return False
    return not text.endswith((".", ":", ";", "?", "!")) or _is_signature(text)


def byline_text(text):
    """The byline without the full stop some writers put after their name."""
    text = text.strip()
    return text[:-1].rstrip() if _is_signature(text) else text


def same_text(a, b):
    return " ".join(a.split()) == " ".join(b.split())


def parse_article(text):
    """ParsedArticle from the text of one file; LayoutError says what is wrong and where."""
    if "\x00" in text:
        raise LayoutError("tệp nhị phân, không phải văn bản")
    blocks = _blocks(text.lstrip("\ufeff"))
    if not blocks:
        raise LayoutError("tệp trống")
    published_at = parse_time(blocks[0][1], blocks[0][0])
    if len(blocks) < 2:
        raise LayoutError("thiếu tiêu đề sau dòng ngày giờ", blocks[0][0] + 1)
    title = blocks[1][1]
    if len(blocks) < 3:
        raise LayoutError("thiếu sapo (đoạn dẫn) sau tiêu đề", blocks[1][0] + 1)
    lead = blocks[2][1]
    rest = [text for _, text in blocks[3:]]
    byline = ""
    if rest and looks_like_byline(rest[-1]):
        byline = byline_text(rest.pop())
    body = [paragraph for paragraph in rest if not same_text(paragraph, lead)]
    return ParsedArticle(
        published_at=published_at, title=title, lead=lead, body=body, byline=byline
    )
