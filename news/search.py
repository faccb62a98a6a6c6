"""Site search: a reader's query, matched against the folded index (news.search_index) and
ranked. Candidates are bounded (LIMIT) and ranked in Python: the exact phrase (with its
diacritics) before the folded one, the title before the text, then newest.
"""

import functools
import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, router
from django.db.models import IntegerField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from organisations.text import fold

from . import search_words
from .cache import generation_cached
from .models import SearchEntry
from .models.base import LISTING_PAGE_SIZE as PAGE_SIZE
from .models.listed import NotIndexed
from .prepared import PreparedByIds, PreparedRows
from .search_expressions import Like, SortableDate, TextMatch, WordsMatch
from .search_index import Kind, exact_form, folded_form, has_exact_phrase, words
from .search_words import TITLE_WORDS_INDEX, WORDS_INDEX

# config.security.RequestLimitsMiddleware already cuts `q` to this length before the view.
MAX_QUERY_LENGTH = getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200)
MAX_WORDS = 10
CANDIDATES = 200
RECENT_WINDOW = 2000


@dataclass
class Query:
    """A reader's query, capped and split into folded words, with what to tell them about it."""

    raw: str
    text: str = ""
    words: list = field(default_factory=list)
    truncated: bool = False
    dropped_words: bool = False

    @classmethod
    def parse(cls, raw):
        raw = str(raw or "")
        # Control characters (NUL from bots) are neither searched nor echoed back.
        printable = "".join(" " if unicodedata.category(c) == "Cc" else c for c in raw)
        text = " ".join(printable[:MAX_QUERY_LENGTH].split())
        folded = list(dict.fromkeys(words(fold(text))))
        return cls(
            raw=raw,
            text=text,
            words=folded[:MAX_WORDS],
            # At the cap: the middleware may have cut a longer query already.
            truncated=len(raw) >= MAX_QUERY_LENGTH,
            dropped_words=len(folded) > MAX_WORDS,
        )

    @cached_property
    def exact_phrase(self):
        return exact_form(self.text)

    @cached_property
    def folded_phrase(self):
        return folded_form(self.text)

    def notices(self):
        """Polite Vietnamese notes on how the query was read."""
        notes = []
        if self.truncated:
            notes.append(
                _("Từ khóa được giới hạn ở %(n)s ký tự; phần dài hơn không được dùng để tìm.")
                % {"n": MAX_QUERY_LENGTH}
            )
        if self.dropped_words:
            notes.append(_("Chỉ %(n)s từ đầu tiên được dùng để tìm.") % {"n": MAX_WORDS})
        return notes

    def problem(self):
        """Why nothing was searched, or None."""
        if not self.text:
            return _("Mời bạn nhập từ khóa để tìm bài viết, nhân vật hoặc cơ quan.")
        if not self.words:
            return _("Từ khóa cần có ít nhất một chữ cái hoặc chữ số. Mời bạn thử lại.")
        return None


def rank(entry, query):
    """0: exact phrase in the title, 1: in the text, 2: folded phrase in the title, 3: in the
    text, 4: all words somewhere. The database says where the folded phrase is (`in_title`,
    `phrase_in_text`) and whether the exact one is in the text; the title's exact form is
    computed here, only where the folded phrase is (an exact match is always a folded one)."""
    if query.exact_phrase.strip():
        if entry.in_title and has_exact_phrase(entry.title, query.exact_phrase):
            return 0
        if entry.exact_in_text:
            return 1
    if entry.in_title:
        return 2
    if entry.phrase_in_text:
        return 3
    return 4


def _recent_cutoff():
    """The date of the RECENT_WINDOW-th newest article, or None if there are fewer: kept under
    the generation, which any change to the index replaces."""

    def cutoff():
        newest = SearchEntry.objects.filter(kind=Kind.ARTICLE).order_by("-date", "-id")
        found = newest.values_list("date", flat=True)[RECENT_WINDOW - 1 : RECENT_WINDOW]
        return (next(iter(found), None),)

    return generation_cached(None, f"search:cutoff:{RECENT_WINDOW}", cutoff)[0]


def _few_recent_matches(query_words, index, limit=CANDIDATES):
    """Whether fewer than `limit` of the RECENT_WINDOW newest entries are expected to hold every
    word, by the index's statistics: at most as many as hold its rarest word (words go together:
    "đảng" and "viên" are each in a third of the titles and together in most of those), and a
    word they do not list is rarer than any they do (none expected). The recent window would
    then not fill a page of candidates, and the whole table would be searched after it anyway:
    find() skips the window."""
    shares = search_words.word_shares(query_words, index)
    if shares is None:
        return False
    return RECENT_WINDOW * min(shares, default=1.0) < limit


def _like_pattern(text):
    """`text` anywhere in a column, as Like takes it."""
    connection = connections[router.db_for_read(SearchEntry)]
    return f"%{connection.ops.prep_for_like_query(text)}%"


@dataclass(slots=True)
class Candidate:
    """What ranking reads of an entry, read as a row (up to 600 per query: model instances cost
    more than the queries). Its texts stay in the database, which says where the phrases are."""

    pk: int
    date: str | None  # SortableDate: sorts as the date does
    title: str
    in_title: bool
    phrase_in_text: bool
    exact_in_text: bool
    rank: int | None = None


# The parts of a query's candidates, each the newest `CANDIDATES` entries of its own condition.
OTHERS, IN_TITLE, ANYWHERE = 0, 1, 2
# How a part of articles is found: among the RECENT_WINDOW newest articles only (WINDOW), or in
# the whole table by the words index (INDEXED) or by LIKE (SCANNED).
WINDOW, INDEXED, SCANNED = "window", "indexed", "scanned"


class Candidates:
    """The statement that reads the candidates of queries of `words` words from `parts`, each
    part a (which, how) pair: the union of their newest matches, with where each one's phrases
    are, in one round trip. Compiled once per process for each shape (news.prepared): a
    query's words, phrases and date are its values."""

    def __init__(self, words, parts, limit):
        self.words, self.parts, self.limit = words, parts, limit
        self.indexed = any(how == INDEXED for _which, how in parts)
        self.windowed = any(how == WINDOW for _which, how in parts)
        # the words' LIKE patterns: for officials and bodies, and articles not found by index
        self.scanned = any(which == OTHERS or how != INDEXED for which, how in parts)
        self.rows = PreparedRows(self._build)

    def __call__(self, query, cutoff):
        return [
            (which, Candidate(pk, date, title, in_title, text >= 1, text == 2))
            for which, pk, date, title, in_title, text in self.rows(*self.values(query, cutoff))
        ]

    def values(self, query, cutoff):
        """The statement's values for `query`: its phrases, words and the window's date."""
        values = [_like_pattern(query.folded_phrase), _like_pattern(query.exact_phrase)]
        values += [_like_pattern(f" {word} ") for word in query.words] * self.scanned
        return (
            values
            + [search_words.words_query(query.words)] * self.indexed
            + [cutoff] * self.windowed
        )

    def _build(self, phrase, exact, *values):
        words = values[: self.words] if self.scanned else ()
        rest = values[len(words) :]
        quoted = rest[0] if self.indexed else None
        cutoff = rest[-1] if self.windowed else None
        in_title, anywhere = Q(), Q()
        for word in words:
            in_title &= Like("folded_title", word)
            anywhere &= Like("folded_title", word) | Like("folded_text", word)
        conditions = {
            IN_TITLE: (in_title, quoted and WordsMatch(*search_words.columns(True), quoted=quoted)),
            ANYWHERE: (
                anywhere,
                quoted and WordsMatch(*search_words.columns(False), quoted=quoted),
            ),
        }
        parts = []
        for which, how in self.parts:
            if which == OTHERS:
                ids = SearchEntry.objects.filter(anywhere, kind__in=[Kind.OFFICIAL, Kind.BODY])
                # Not by the row id's order, which SQLite would walk through every article's
                # text (38 ms at 10,000) rather than read the few hundred by the kind index.
                ids = ids.order_by(NotIndexed("id").desc())
            else:
                scanned, indexed = conditions[which]
                ids = SearchEntry.objects.filter(kind=Kind.ARTICLE)
                if how == WINDOW:
                    # (kind, date) is indexed: the newest articles are read first, LIKE on
                    # RECENT_WINDOW of them at most.
                    ids = ids.filter(scanned, date__gte=cutoff).order_by("-date", "-id")
                else:
                    # Sorted by an expression, not the indexed column: else PostgreSQL, guessing
                    # matches are many, may walk the date index newest first through every
                    # article (80 ms at 100,000 for a phrase no title holds) instead of asking
                    # the words index for the few there are.
                    by_date = Coalesce("date", "date")
                    condition = indexed if how == INDEXED else scanned
                    ids = ids.filter(condition).order_by(by_date.desc(), "-id")
            # The newest are picked by date alone, and only they are read with the phrase
            # tests, which read their long texts (a word in 6,600 articles: 69 -> 22 ms).
            rows = SearchEntry.objects.filter(pk__in=ids.values("pk")[: self.limit]).annotate(
                part=RawSQL(str(int(which)), (), output_field=IntegerField()),
                sortable_date=SortableDate("date"),
                in_title=Like("folded_title", phrase),
                text_match=TextMatch(phrase, exact),
            )
            columns = ("part", "pk", "sortable_date", "title", "in_title", "text_match")
            parts.append(rows.values_list(*columns))
        return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


@functools.cache
def _candidates(words, parts, limit):
    return Candidates(words, parts, limit)


def find(query, limit=CANDIDATES):
    """Ranked entries for `query`: officials and bodies (few), the newest articles with every
    word in the title, and the newest with every word anywhere, read in one statement (and a
    second one where the newest articles alone held too few). Entries come without their texts:
    the database says where the phrases are."""
    if query.problem():
        return []
    cutoff = _recent_cutoff()
    indexed = search_words.has_words_index()
    whole = INDEXED if indexed else SCANNED

    def how(index):
        if cutoff is None or (indexed and _few_recent_matches(query.words, index, limit)):
            return whole
        return WINDOW

    parts = ((OTHERS, SCANNED), (IN_TITLE, how(TITLE_WORDS_INDEX)), (ANYWHERE, how(WORDS_INDEX)))
    found = _candidates(len(query.words), parts, limit)(query, cutoff)
    counts = Counter(which for which, _entry in found)
    # A recent window that held too few: the whole table, whose matches are then few.
    again = tuple((which, whole) for which, way in parts if way == WINDOW and counts[which] < limit)
    if again:
        found += _candidates(len(query.words), again, limit)(query, cutoff)
    results = list({entry.pk: entry for _which, entry in found}.values())
    for entry in results:
        entry.rank = rank(entry, query)
    # Newest first (no date: last), then by rank: the sort is stable.
    results.sort(key=lambda entry: (entry.date or "", entry.pk), reverse=True)
    results.sort(key=lambda entry: entry.rank)
    return results


def ranked_ids(query):
    """The ids of `find(query)`, in order, kept under the page cache's generation (any change
    to what is indexed makes a new one): ranking takes up to five queries over up to 600
    candidates, so a reader turning pages, or a second reader of the same query, reads only the
    entries shown. In the shared cache only (readers' queries have no end)."""
    digest = hashlib.sha256(query.text.encode()).hexdigest()
    return generation_cached(
        None, f"search:{digest}", lambda: [entry.pk for entry in find(query)], in_process=False
    )


# What a result prints: not the folded title and text, which are as long as the text.
RESULT_FIELDS = ("kind", "title", "url", "date", "text")


def _entries_by_ids(*ids):
    return SearchEntry.objects.filter(pk__in=ids).only(*RESULT_FIELDS).order_by()


ENTRIES_BY_IDS = PreparedByIds(_entries_by_ids, PAGE_SIZE)  # a page of ids: one SQL statement


def entries(ids):
    """The entries of `ids`, in that order (one may be gone since: then it is left out)."""
    return ENTRIES_BY_IDS(ids)
