"""Tokens of Vietnamese news text, shared by the people, bodies and figures extractors.

Reports glue words to punctuation ("thị trấn.Đồng chí", "Phò- Phó Bí thư", "31nghìn tấn"), so
tokens are cut by character class rather than by spaces, and each keeps its offsets: the
extractors quote the text exactly as printed. Text is NFC-normalised first, since a decomposed
"ủy" would otherwise not be a word.
"""

import functools
import re
import unicodedata
from typing import NamedTuple

# A number (digits with . or , between), a word (letters, with inner apostrophes as in
# "B'Krông", "K'Ré"), or any other single non-space character.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
DASHES = {"-", "–", "—", "‑"}


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str

    @property
    def is_word(self):
        return self.text[0].isalpha()

    @property
    def is_number(self):
        return self.text[0].isdigit()

    @property
    def is_capitalised(self):
        return self.text[0].isupper()

    @property
    def is_abbreviation(self):
        """UBND, HĐND, HLHPN: two or more letters, all capitals."""
        return len(self.text) >= 2 and self.text.isalpha() and self.text.isupper()


def normalise(text):
    """NFC with single spaces: the form every extractor works on."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


@functools.lru_cache(maxsize=256)
def tokenize(text):
    """Tokens of `text` (a tuple: the people, bodies and figures extractors share one reading)."""
    return tuple(
        Token(m.group(), m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)
    )


class Vocabulary(frozenset):
    """Phrases as lower-cased word tuples, with their first words and greatest length, so that
    looking a phrase up at a token (done for nearly every token) is one set test most times."""

    def __new__(cls, items=()):
        vocabulary = super().__new__(cls, items)
        vocabulary.first_words = frozenset(phrase[0] for phrase in vocabulary if phrase)
        vocabulary.longest = max(map(len, vocabulary), default=0)
        return vocabulary

    def __or__(self, other):
        return Vocabulary(frozenset(self) | frozenset(other))


def phrases(*items):
    """Lower-cased word tuples from phrases written naturally: "Chủ tịch" → ("chủ", "tịch")."""
    return Vocabulary(tuple(normalise(item).lower().split()) for item in items)


def phrase_list(text):
    """phrases() from one string of phrases separated by commas (no phrase contains one)."""
    return phrases(*(item.strip() for item in text.split(",") if item.strip()))


def match_phrase(tokens, index, vocabulary):
    """Number of tokens, from `index`, that spell the longest phrase of `vocabulary` (0 if none)."""
    if index < 0 or index >= len(tokens) or tokens[index].lower not in vocabulary.first_words:
        return 0
    best = 0
    words = []
    for token in tokens[index : index + vocabulary.longest]:
        words.append(token.lower)
        if tuple(words) in vocabulary:
            best = len(words)
    return best


def span_text(text, tokens, start, end):
    """The text as printed from token `start` to token `end` (exclusive)."""
    if start >= end:
        return ""
    return text[tokens[start].start : tokens[end - 1].end]


def is_subsequence(short, long):
    """Every word of `short` appears in `long`, in order (case-insensitive)."""
    words = iter(normalise(long).casefold().split())
    return all(word in words for word in normalise(short).casefold().split())
