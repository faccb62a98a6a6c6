"""Search results' marks and excerpts: where the folded query words fall in the original text.

Matching is done on the folded text (news.search), but readers see the text as written; so the
text is folded character by character, keeping each folded character's source index, and the
marks are put back on the original: "dang vien" marks "đảng viên", decomposed marks included.
"""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from organisations.text import fold

EXCERPT_LENGTH = 240


@functools.lru_cache(maxsize=8192)
def _fold_char(char):
    return fold(char)


# Characters seen to fold to exactly one character: most texts hold only these, and a set
# comparison (in C) tells it, where looking each character up in _fold_char took a search
# result's excerpt 15 µs.
_ONE_TO_ONE = set()
ONE_TO_ONE_SIZE = 20_000  # scripts' letters, not all of Unicode: under 2 MB


def _folded_with_map(text):
    """Fold `text` character by character, keeping for each folded character its source index.
    Usually each character folds to exactly one ("ả" to "a"): the map is then the identity, and
    the text is folded whole (search results print 60 excerpts and titles), each different
    character looked at once."""
    characters = set(text)
    if characters <= _ONE_TO_ONE:
        return fold(text), range(len(text))
    new = characters - _ONE_TO_ONE
    if all(len(_fold_char(char)) == 1 for char in new):
        if len(_ONE_TO_ONE) < ONE_TO_ONE_SIZE:
            _ONE_TO_ONE.update(new)
        return fold(text), range(len(text))
    return _folded_with_map_by_character(text)


def _folded_with_map_by_character(text):
    out, where = [], []
    for index, char in enumerate(text):
        for folded in _fold_char(char):
            out.append(folded)
            where.append(index)
    return "".join(out), where


@functools.lru_cache(maxsize=256)
def _pattern(query_words):
    alternatives = "|".join(re.escape(w) for w in sorted(query_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")


def _spans(text, pattern):
    """(start, end) in `text` of every whole-word match of `pattern` in its folded form."""
    folded, where = _folded_with_map(text)
    spans = []
    for match in pattern.finditer(folded):
        start, end = where[match.start()], where[match.end() - 1] + 1
        # Take the combining marks that follow the last letter along.
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        # Overlapping, or only spaces between: one mark for "đảng viên", not two.
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


MEMO_TITLE_LENGTH = 500


def highlight(text, query_words):
    """`text` escaped, with whole-word matches of the folded query words in <mark>. Kept per
    process for titles (the length of one): a query asked again highlights the same twenty."""
    text = str(text or "")
    words = tuple(query_words)
    if len(text) > MEMO_TITLE_LENGTH:
        return _highlighted(text, words)
    return _memo_highlighted(text, words)


def _highlighted(text, query_words):
    if not query_words:
        return escape(text)
    out, last = [], 0
    for start, end in _spans(text, _pattern(query_words)):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


# Titles of ordinary length: ~1 MB; ~10 MB if every one were MEMO_TITLE_LENGTH long.
_memo_highlighted = functools.lru_cache(maxsize=4096)(_highlighted)


WINDOW = 60


def _first_match(text, pattern, whole=True):
    """Index in `text` of the first match, folding only a window around where it should be;
    None if there is none. For a text cut short (not `whole`), a match that reaches the cut may
    be only part of a word: NOT_IN_HEAD then, and for no match at all."""
    folded = fold(text)
    match = pattern.search(folded)
    if match is None or (not whole and match.end() >= len(folded)):
        return None if whole else NOT_IN_HEAD
    # Where most texts have it: each of their characters folds to one.
    guess = match.start() * len(text) // max(len(folded), 1)
    # From a word's start: a word cut by the window could end like a query word ("21", "1").
    low = text.rfind(" ", 0, max(0, guess - WINDOW)) + 1
    spans = _spans(text[low : guess + len(match.group()) + WINDOW], pattern)
    if spans:
        return low + spans[0][0]
    spans = _spans(text, pattern)
    return spans[0][0] if spans else None


MEMO_TEXT_LENGTH = 20_000


def excerpt(text, query_words, length=EXCERPT_LENGTH):
    """About `length` characters of `text` around the first match, highlighted and escaped.
    Kept per process for texts of ordinary length: a search's results are read again as readers
    turn pages or repeat a query, and each excerpt folds the text it looks in."""
    text = str(text or "")
    words = tuple(query_words)
    if len(text) > MEMO_TEXT_LENGTH:
        return _excerpt(text, words, length)
    return _memo_excerpt(text, words, length)


# Where an excerpt is looked for first: most matches are near the start of a text, and an
# excerpt folds the text it looks in (an excerpt of the bench's 100,000: 245 -> 130 µs).
HEAD = 800
NOT_IN_HEAD = -1


def _excerpt(text, query_words, length):
    if len(text) > HEAD:
        found = _excerpt_of(" ".join(text[:HEAD].split()), query_words, length, whole=False)
        if found is not None:
            return found
    return _excerpt_of(" ".join(text.split()), query_words, length)


def _excerpt_of(text, query_words, length, whole=True):
    """The excerpt of `text` (spaces collapsed). Of a text's head (not `whole`): None where the
    match or the excerpt around it is not wholly in the head, which is then not enough."""
    if not text:
        return "" if whole else None
    start = 0
    if query_words:
        found = _first_match(text, _pattern(tuple(query_words)), whole)
        if found == NOT_IN_HEAD:
            return None
        if found is not None:
            start = max(0, found - length // 3)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + length)
    if not whole and end >= len(text) - 1:
        return None
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    body = _highlighted(text[start:end], tuple(query_words))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - highlight() escaped the text


_memo_excerpt = functools.lru_cache(maxsize=256)(_excerpt)  # at most ~5 MB of texts
