"""Bodies named in a report ("HĐND tỉnh", "Ban Tổ chức Tỉnh ủy", "Đảng bộ xã Thuận Hà").

A body is a known head (UBND, Huyện ủy, Ban Thường vụ, Hội LHPN, Bộ Công an…) with what
places it: a level ("huyện", "xã Thuận Hà") or a party committee ("Ban Tổ chức Tỉnh ủy").
Generic mentions are left out as an editor would: "đảng bộ cơ sở" (lower case, a kind of body),
"UBND các xã" (many bodies), "Đảng bộ và nhân dân…" (no level). A name met again in a longer or
shorter form ("UBND huyện", "UBND huyện Đak Song") is one body, printed as first met.

`BodyIndex` matches the names found to organisations.Body rows by name or short name, with
the common abbreviations spelled out both ways (HĐND tỉnh = Hội đồng nhân dân tỉnh).
"""

from .titles import PLACE_NAMES, TITLE_WORDS, starts_name
from .words import match_phrase, normalise, phrase_list, phrases, span_text, tokenize

ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "mttq": "mặt trận tổ quốc",
    "hlhpn": "hội liên hiệp phụ nữ",
    "lhpn": "liên hiệp phụ nữ",
    "hnd": "hội nông dân",
    "hccb": "hội cựu chiến binh",
    "ubkt": "ủy ban kiểm tra",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "tp": "thành phố",
    "tt": "thường trực",
}
# Heads that are a body on their own ("Chính phủ", "huyện ủy", "HĐND").
STANDALONE = phrase_list(
    "UBND, HĐND, UBMTTQ, MTTQ, HLHPN, Tỉnh ủy, Huyện ủy, Thành ủy, Thị ủy, Chính phủ, Quốc hội, "
    "Bộ Công an, Bộ Quốc phòng, Ủy ban nhân dân, Hội đồng nhân dân, Mặt trận Tổ quốc, "
    "Mặt trận Tổ quốc Việt Nam, Ủy ban Mặt trận Tổ quốc, Ủy ban Mặt trận Tổ quốc Việt Nam, "
    "Ủy ban MTTQ, Ban Thường vụ, Ban Chấp hành, Ban Chấp hành Trung ương, "
    "Ban Chấp hành Trung ương Đảng, Ban Tổ chức, Ban Tuyên giáo, Ban Dân vận, Ban Kiểm tra, "
    "Ban Nội chính, Ủy ban Kiểm tra, Ban cán sự đảng, Ban cán sử đảng, Hội LHPN, "
    "Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Hội Chữ thập đỏ, Đoàn Thanh niên, "
    "Liên đoàn Lao động"
)
# Heads that name a body only with a level after them ("Đảng bộ tỉnh", "Công an huyện").
NEEDS_LEVEL = phrase_list(
    "Đảng bộ, Đảng ủy, Công an, Tòa án nhân dân, Viện kiểm sát nhân dân, Ban Chỉ huy Quân sự, "
    "Bộ Chỉ huy Quân sự, Chi cục Thuế, Kho bạc Nhà nước, Trung tâm Y tế, Văn phòng"
)
# Heads followed by a capitalised field: "Sở Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch".
FIELD_HEADS = phrases("Sở", "Phòng", "Bộ")
COMMITTEES = phrases("Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy", "Đảng ủy")
LEVELS = phrases("tỉnh", "huyện", "huyên", "xã", "thị trấn", "phường", "thành phố", "thị xã", "TP")
PLACE_STOPS = {"khóa", "khoá", "nhiệm", "lần", "kỳ", "năm", "đại", "hội", "ngày", "tại", "về"}
MAX_PLACE_WORDS = 3


def find_bodies(paragraphs):
    """Names of the bodies mentioned, as first printed, in order."""
    names = []
    for paragraph in paragraphs:
        text = normalise(paragraph)
        tokens = tokenize(text)
        index = 0
        while index < len(tokens):
            end = _body_at(tokens, index)
            if end > index:
                _add(names, span_text(text, tokens, index, end))
                index = end
            else:
                index += 1
    return names


def _add(names, name):
    words = normalise(name).casefold().split()
    for known in names:
        known_words = normalise(known).casefold().split()
        shorter = min(len(words), len(known_words))
        if words[:shorter] == known_words[:shorter]:
            return
    names.append(name)


def _body_at(tokens, index):
    """End index of a body name starting at `index`, or `index`."""
    start = index
    if tokens[index].text == "TT" and index + 1 < len(tokens):
        index += 1  # "TT HĐND xã": the standing committee of the council
    standalone = match_phrase(tokens, index, STANDALONE)
    needs_level = match_phrase(tokens, index, NEEDS_LEVEL)
    field = match_phrase(tokens, index, FIELD_HEADS)
    length = max(standalone, needs_level)
    if not length and field and _capitalised(tokens, index + field):
        length = field + _field_length(tokens, index + field)
        standalone = length
    if not length or (not _capitalised(tokens, index) and not _committee(tokens, index)):
        return start
    end = index + length
    if _committee(tokens, index) and end < len(tokens) and tokens[end].lower == "viên":
        return start  # "Huyện ủy viên" is a title
    if end < len(tokens) and tokens[end].lower in {"các", "những"}:
        return start  # "UBND các xã": many bodies
    if (
        end < len(tokens)
        and tokens[end].text == "Việt"
        and match_phrase(tokens, end, phrases("Việt Nam"))
    ):
        end += 2
    committee = match_phrase(tokens, end, COMMITTEES)
    if committee and tokens[index].lower == "ban":
        end += committee
    level_end = _level_end(tokens, end)
    if level_end == end and _committee(tokens, index) and end == index + length:
        level_end = _place_end(tokens, end)  # "Huyện ủy Đắk Song"
    if level_end == end and needs_level > standalone:
        return start
    return level_end


def _capitalised(tokens, index):
    return index < len(tokens) and tokens[index].is_capitalised


def _committee(tokens, index):
    """Tỉnh ủy, huyện ủy… are written in lower case as often as not."""
    return bool(match_phrase(tokens, index, COMMITTEES))


def _field_length(tokens, index):
    """Length of the field of a Sở/Phòng/Bộ: title words and capitalised words, "và" between."""
    end = index
    while end < len(tokens):
        length = match_phrase(tokens, end, TITLE_WORDS)
        token = tokens[end]
        if token.text in {"và", "-", "–"} and _capitalised(tokens, end + 1):
            end += 1
        elif length and not match_phrase(tokens, end, LEVELS):
            end += length
        elif token.is_word and token.is_capitalised and not token.is_abbreviation:
            end += 1
        else:
            break
    return end - index


def _level_end(tokens, index):
    """After a level word and the place's name: "huyện", "xã Thuận Hà", "tỉnh Đắk Nông"."""
    level = match_phrase(tokens, index, LEVELS)
    if not level:
        return index
    return _place_end(tokens, index + level)


def _place_end(tokens, index):
    """After a place's name, if one starts at `index`: up to three capitalised words, ending
    before a person's name ("UBND tỉnh Lâm Đồng Trần Văn Hiệp") or "Khóa", "Nhiệm kỳ"…"""
    known = match_phrase(tokens, index, PLACE_NAMES)
    if known:
        return index + known
    end = index
    while end < len(tokens) and end - index < MAX_PLACE_WORDS:
        token = tokens[end]
        if not (token.is_word and token.is_capitalised) or token.is_abbreviation:
            break
        name = starts_name(tokens, end)
        if token.lower in PLACE_STOPS or (name and (end == index or name >= 3)):
            break
        end += 1
    return end


def body_key(name):
    """Comparable form of a body's name: case-folded, abbreviations spelled out."""
    words = normalise(name).casefold().split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


class BodyIndex:
    """Bodies by name and short name, for matching many articles against one load of rows."""

    def __init__(self, bodies):
        self._by_key = {}
        for body in bodies:
            for name in (body.name, body.short_name):
                same_key = self._by_key.setdefault(body_key(name), []) if name else []
                if name and not any(known is body for known in same_key):
                    same_key.append(body)

    def match(self, name):
        """The one body so named, or None (unknown, or several bodies share the name)."""
        found = self._by_key.get(body_key(name), [])
        return found[0] if len(found) == 1 else None
