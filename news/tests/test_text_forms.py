"""The fast text forms of search agree with their plain definitions, for any text."""

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from news import highlight, search_index
from organisations.text import fold

# Vietnamese, decomposed marks, letters that fold to two ("ß", "ﬁ") or to none (a lone mark).
text = st.text(
    alphabet=st.one_of(
        st.sampled_from("đĐảăâêôơưạấầẩẫậÀÁÃẠỲỴßﬁ \u0300\u0301\u0309\u0323.,"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=80,
)


def fold_by_character(value):
    decomposed = unicodedata.normalize("NFKD", value.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@settings(max_examples=300)
@given(value=text)
def test_fold_drops_every_combining_mark(value):
    assert fold(value) == fold_by_character(value)


def test_fold_agrees_on_every_code_point():
    # Vietnamese marks are replaced, any other mark goes through the whole table: every
    # combining character of Unicode, and every other character, on either path.
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert fold(every) == fold_by_character(every)
    assert fold("Nguyễn “Văn” – Müller") == "nguyen “van” – muller"  # quotes kept, ü's mark gone


@settings(max_examples=300)
@given(value=text)
def test_the_folding_map_is_the_per_character_one(value):
    folded, where = highlight._folded_with_map(value)
    expected_folded, expected_where = highlight._folded_with_map_by_character(value)
    assert folded == expected_folded
    assert list(where) == expected_where


@pytest.mark.parametrize(
    "value", ["a\u0f73b", "\u0f73ßa", "xﬁ\u0301", "e\u0301ß", "Đảng viên", "ǅa", "½ ㈠"]
)
def test_the_folding_map_of_letters_that_fold_to_none_or_two(value):
    """Each of these is as long folded as written, or holds a letter that folds to nothing."""
    folded, where = highlight._folded_with_map(value)
    assert (folded, list(where)) == highlight._folded_with_map_by_character(value)


@settings(max_examples=300)
@given(value=text, phrase=text)
def test_the_exact_phrase_test_matches_its_definition(value, phrase):
    exact = search_index.exact_form(phrase)
    assert search_index.has_exact_phrase(value, exact) == (exact in search_index.exact_form(value))


@settings(max_examples=300)
@given(value=text, data=st.data())
def test_the_exact_phrase_test_finds_a_phrase_taken_from_the_text(value, data):
    """A phrase cut from the text itself (whole words or not): found exactly when its exact
    form is in the text's."""
    start = data.draw(st.integers(0, len(value)))
    end = data.draw(st.integers(start, len(value)))
    exact = search_index.exact_form(value[start:end])
    if exact.strip():
        found = exact in search_index.exact_form(value)
        assert search_index.has_exact_phrase(value, exact) == found


def test_the_exact_phrase_test_on_vietnamese_text():
    text = "Đồng chí Phạm Đức Doãn,  Bí thư… (Phạm Đức Doãn 12) phạm đức doãnh"
    assert search_index.has_exact_phrase(text, " phạm đức doãn ")
    assert search_index.has_exact_phrase(text, " doãn bí thư ")
    assert search_index.has_exact_phrase(text, " doãn 12 ")
    assert not search_index.has_exact_phrase(text, " doãn 1 ")
    assert not search_index.has_exact_phrase(text, " đức doãnh bí ")
    assert not search_index.has_exact_phrase(text, " pham duc doan ")


excerpt_text = st.text(alphabet="ab đĐả\u0301ß1.\n", max_size=150)
query_words = st.lists(st.sampled_from(["a", "ab", "d", "dd", "1", "ss", "ba"]), max_size=3)


@settings(max_examples=500)
@given(value=excerpt_text, words=query_words, data=st.data())
def test_an_excerpt_found_in_the_head_is_the_whole_texts(value, words, data):
    """A text's head is read first: where it gives an excerpt, it is the one the whole text
    gives (the match may not be cut by the head's end, nor the excerpt around it)."""
    head = data.draw(st.integers(0, len(value)))
    length = data.draw(st.integers(4, 30))
    from_head = highlight._excerpt_of(" ".join(value[:head].split()), words, length, whole=False)
    if from_head is not None:
        assert from_head == highlight._excerpt_of(" ".join(value.split()), words, length)


def test_the_first_match_is_a_whole_word_where_the_window_starts_inside_a_word():
    # The window around the match starts 60 characters before it: inside "21", whose "1"
    # is not the word "1".
    text = "c" * 100 + " số 21 " + "b" * 57 + " 1 cuối"
    assert highlight._first_match(text, highlight._pattern(("1",))) == text.index(" 1 ") + 1


def test_a_long_texts_excerpt_is_the_same_found_in_its_head_or_not():
    near = "Đảng viên mới. " + "Nội dung. " * 200
    far = "Nội dung. " * 200 + "Đảng viên mới."
    for value in (near, far):
        assert len(value) > highlight.HEAD
        expected = highlight._excerpt_of(" ".join(value.split()), ("dang", "vien"), 240)
        assert highlight._excerpt(value, ("dang", "vien"), 240) == expected
        assert "<mark>Đảng viên</mark>" in expected


def test_highlight_marks_titles_and_longer_texts_alike():
    """Titles are kept per process (news.highlight.MEMO_TITLE_LENGTH); longer texts are not."""
    for filler in ("x ", "x " * highlight.MEMO_TITLE_LENGTH):
        html = highlight.highlight(f"{filler}Đảng <b>viên</b>", ["dang", "vien"])
        assert html.endswith("<mark>Đảng</mark> &lt;b&gt;<mark>viên</mark>&lt;/b&gt;")
        assert highlight.highlight(f"{filler}Đảng", []) == f"{filler}Đảng"
