"""Titles as printed ("Phó Bí thư Thường trực Tỉnh ủy", "phó chủ tịch UBND huyện", "Trung tá").

A title starts with a head word (Chủ tịch, Bí thư, Phó, Trưởng, a military rank…) and goes on
while the words are ones titles are made of: a closed list of lower-case words (ban, tổ chức,
huyện, thường trực…), abbreviations (UBND, HĐND) and capitalised words that are not the start
of a person's name. It stops at anything else, which in reports is usually the verb that
follows ("chủ trì", "đã", "phát biểu"). Case is ignored, because reports capitalise titles
inconsistently ("Phó bí thư thường trực huyện ủy"), and the title is kept as printed.
"""

from .words import DASHES, match_phrase, phrase_list, phrases

RANKS = phrases(
    *(
        f"{grade} {level}"
        for grade in ("Đại", "Thượng", "Trung", "Thiếu")
        for level in ("tướng", "tá", "úy")
    ),
    "Chuẩn úy",
)
# Words that can begin a title. "Phó", "Quyền", "Nguyên" modify the head that follows them; the
# last ones are abbreviations (UVBTV: Ủy viên Ban Thường vụ, TUV: Tỉnh ủy viên, PCT: Phó Chủ tịch).
HEADS = RANKS | phrase_list(
    "Phó, Quyền, Nguyên, Chủ tịch, Bí thư, Tổng Bí thư, Trưởng, Giám đốc, Tổng Giám đốc, Chánh, "
    "Chánh án, Chánh Văn phòng, Ủy viên, Chủ nhiệm, Hiệu trưởng, Chỉ huy trưởng, Chính ủy, "
    "Tư lệnh, Bộ trưởng, Thứ trưởng, Thủ tướng, Cục trưởng, Vụ trưởng, Viện trưởng, Thư ký, "
    "Tổng Biên tập, Đại biểu Quốc hội, Tỉnh ủy viên, Huyện ủy viên, Thành ủy viên, Thị ủy viên, "
    "Đảng ủy viên, Trưởng thôn, Trưởng bon, Trưởng ban, Trưởng phòng, Già làng, Kiểm sát viên, "
    "Thẩm phán, Kế toán trưởng, Đội trưởng, Đồn trưởng, Hạt trưởng, UVBTV, UVTV, UVBCH, UVBCHTW, "
    "TUV, HUV, PCT, PBT, ĐBQH, GĐ, PGĐ"
)
# Lower-case words a title is made of after its head.
TITLE_WORDS = HEADS | phrase_list(
    "thường trực, thường vụ, ban, tổ chức, tuyên giáo, dân vận, kiểm tra, nội chính, chấp hành, "
    "ủy ban, nhân dân, hội đồng, mặt trận, tổ quốc, việt nam, hội, liên hiệp, phụ nữ, nông dân, "
    "cựu chiến binh, đoàn, thanh niên, cộng sản, hồ chí minh, công an, quân sự, biên phòng, tỉnh, "
    "huyện, huyên, xã, thị trấn, phường, thành phố, thị xã, tp, tỉnh ủy, huyện ủy, thành ủy, "
    "thị ủy, đảng ủy, ủy, đảng, đảng đoàn, ban cán sự, sở, phòng, bộ, trung ương, quốc hội, "
    "chi bộ, đảng bộ, thôn, bon, bản, buôn, tổ dân phố, văn phòng, giáo dục, đào tạo, y tế, "
    "tài chính, kế hoạch, đầu tư, nội vụ, tư pháp, lao động, thương binh, xã hội, tài nguyên, "
    "môi trường, nông nghiệp, phát triển, nông thôn, văn hóa, thể thao, du lịch, thông tin, "
    "truyền thông, giao thông, vận tải, xây dựng, công thương, khoa học, công nghệ, trung tâm, "
    "chính trị, bệnh viện, trường, tòa án, viện kiểm sát, chi cục, cục, thuế, kho bạc, nhà nước, "
    "ngân hàng, chính sách, bảo hiểm, quản lý, dự án, kiểm lâm, hạt, đồn, chỉ huy, bộ chỉ huy, "
    "ban chỉ huy, liên đoàn, công đoàn, hành chính, dân tộc, tôn giáo, thi đua, khen thưởng, "
    "thanh tra, tài nguyên và môi trường, lao động - thương binh và xã hội, văn hóa - thông tin, "
    "đại biểu, quân đội, đội, an ninh, cảnh sát, điều tra, hình sự, khối, cơ quan, doanh nghiệp, "
    "đoàn thể, cấp, trực, chuyên trách, quốc phòng, thị, thành, đoàn thanh niên, "
    "đoàn thanh niên cộng sản hồ chí minh, hội liên hiệp phụ nữ, hội cựu chiến binh, "
    "hội nông dân, hội chữ thập đỏ, liên đoàn lao động"
)
# Proper names inside titles that look like people's names (surname first).
PLACE_NAMES = phrase_list(
    "Hồ Chí Minh, Lâm Đồng, Hà Nội, Hà Tĩnh, Hà Giang, Hà Nam, Cao Bằng, Thái Bình, Thái Nguyên, "
    "Lê Lợi, Trần Hưng Đạo, Quang Trung"
)
# Vietnamese surnames, for telling "Nguyễn Văn B" from "Đức An" where nothing else does.
SURNAMES = {
    word.lower()
    for word in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Đoàn "
        "Đinh Trịnh Trương Mai Cao Lâm Hà Tô Tạ Châu Phùng Quách Thái Vương Kiều Lưu Từ Hứa "
        "Mạc Nông Lò Triệu Tăng Khổng La Giang Chu Đàm Đào Thân Lại Doãn Âu Tống Diệp Bạch "
        "Hầu Ninh Quan Nghiêm Phí Vi Lục Sầm Kim Lữ Điểu Y H' K' Ksor Rơ Mah Nay Siu "
        "Bế Hoàng Ma Lường Cầm Lộc Mông Thạch Danh Kha Đồng Văn Hoa Khúc Ông"
    ).split()
} - {"văn", "ông", "hoa", "đồng"}
MAX_NAME_WORDS = 5


def starts_name(tokens, index, need_surname=True):
    """Length of a person's name starting at `index` (0 if none): two to five capitalised words,
    the first a surname when `need_surname`, not an abbreviation, not a head of a title."""
    if match_phrase(tokens, index, PLACE_NAMES):
        return 0
    length = 0
    while index + length < len(tokens) and length < MAX_NAME_WORDS + 1:
        token = tokens[index + length]
        if not (token.is_word and token.is_capitalised) or token.is_abbreviation:
            break
        if length and _head_here(tokens, index + length):
            break
        length += 1
    if need_surname and (length < 2 or not _is_surname(tokens[index])):
        return 0
    if length > MAX_NAME_WORDS:
        return 0
    return length


def _is_surname(token):
    """Nguyễn…, or an Ê Đê / M'nông name's first part (H'Hen, K'Ré)."""
    word = token.lower
    return word in SURNAMES or word.startswith(("h'", "k'", "h’", "k’"))


def _head_here(tokens, index):
    """A title head starts here and is followed by a title word (so "Trưởng" alone is a name)."""
    length = match_phrase(tokens, index, HEADS)
    if not length:
        return False
    if length >= 2:  # "Chủ tịch", a rank
        return True
    return bool(match_phrase(tokens, index + length, TITLE_WORDS))


def title_at(tokens, index):
    """End index (exclusive) of a title starting at `index`, or `index` when there is none.

    A title of one word ("Trưởng", "Phó") is not a title: in reports that is "Trưởng các phòng".
    An abbreviation is one ("TUV": Tỉnh ủy viên)."""
    head = match_phrase(tokens, index, HEADS)
    if not head:
        return index
    end = index + head
    while end < len(tokens):
        token = tokens[end]
        length = match_phrase(tokens, end, TITLE_WORDS)
        if length > 1 or (length and not token.is_capitalised):
            end += length
        elif starts_name(tokens, end):
            break
        elif length or token.is_abbreviation:
            end += length or 1
        elif token.is_word and token.is_capitalised and not _sentence_start(tokens, end):
            end += 1
        else:
            break
    if end - index >= 2 or tokens[index].is_abbreviation:
        return end
    return index


def _sentence_start(tokens, index):
    return index > 0 and tokens[index - 1].text in {".", "!", "?", ":", ";"}


def titles_at(tokens, index):
    """Titles starting at `index` and joined by ",", a dash or "và", as (start, end) pairs, and
    the index after the last. "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện" gives two."""
    found = []
    end = title_at(tokens, index)
    while end > index:
        found.append((index, end))
        next_index = end
        if next_index < len(tokens) and (tokens[next_index].text in {",", "và"} | DASHES):
            next_index += 1
        if next_index == end:
            break
        index, end = next_index, title_at(tokens, next_index)
    last = found[-1][1] if found else index
    return found, last
