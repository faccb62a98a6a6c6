"""Site search: a reader's query, matched against the folded index (news.search_index) and
ranked. Candidates are bounded (LIMIT) and ranked in Python: the exact phrase (with its
diacritics) before the folded one, the title before the text, then newest.
"""

import hashlib
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, router
from django.db.models import BooleanField, ExpressionWrapper, F, Func, Q, Value
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from organisations.text import fold

from .cache import generation_cached
from .models import SearchEntry
from .models.base import LISTING_PAGE_SIZE as PAGE_SIZE
from .prepared import PreparedByIds
from .search_index import Kind, exact_form, folded_form, has_exact_phrase, words

# config.security.RequestLimitsMiddleware already cuts `q` to this length before the view.
MAX_QUERY_LENGTH = getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200)
MAX_WORDS = 10
CANDIDATES = 200
RECENT_WINDOW = 2000
# PostgreSQL's indexes of each entry's words (news/migrations/0007_search_words).
WORDS_INDEX = "news_search_words_all"
TITLE_WORDS_INDEX = "news_search_words_title"


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
    text, 4: all words somewhere. The exact form is computed only where the folded phrase is
    (an exact match is always a folded one), which keeps ranking cheap on long texts. An entry
    loaded by `find` carries `phrase_in_text` and `exact_in_text`, answered by the database."""
    folded = query.folded_phrase
    in_title = folded in entry.folded_title
    in_text = getattr(entry, "phrase_in_text", None)
    if in_text is None:
        in_text = folded in entry.folded_text
    exact = query.exact_phrase
    if exact.strip():
        if in_title and has_exact_phrase(entry.title, exact):
            return 0
        exact_in_text = getattr(entry, "exact_in_text", None)
        if exact_in_text is None:
            exact_in_text = in_text and has_exact_phrase(entry.text, exact)
        if exact_in_text:
            return 1
    if in_title:
        return 2
    if in_text:
        return 3
    return 4


def _newest_first(entry):
    stamp = entry.date.timestamp() if entry.date else float("-inf")
    return (-stamp, -entry.pk)


def _recent_cutoff(articles):
    """The date of the RECENT_WINDOW-th newest article, or None if there are fewer: kept under
    the generation, which any change to the index replaces."""

    def cutoff():
        found = articles.values_list("date", flat=True)[RECENT_WINDOW - 1 : RECENT_WINDOW]
        return (next(iter(found), None),)

    return generation_cached(None, f"search:cutoff:{RECENT_WINDOW}", cutoff)[0]


def _newest_matches(articles, condition, limit, cutoff, indexed=None, few=False):
    """The newest `limit` articles matching `condition`, looking first among the newest
    RECENT_WINDOW articles only, where LIKE is fast: PostgreSQL has no statistics on long texts,
    so it guesses that a common word is rare and would recheck every match before sorting; a
    date bound keeps that to RECENT_WINDOW rows. Only when too few recent articles match is the
    whole table searched, and then matches are few: by `indexed`, the same condition answered
    by PostgreSQL's words index, where there is one. With `few` (_few_recent_matches: the
    index's statistics expect fewer than `limit` recent matches), the recent window, read text
    by text for too few, is skipped. Either way the same entries come back, in no given order."""
    if cutoff is not None and not (few and indexed is not None):
        recent = [Candidate(*row) for row in articles.filter(condition, date__gte=cutoff)[:limit]]
        if len(recent) >= limit:
            return recent
    # Sorted by an expression, not the indexed column: else PostgreSQL, still guessing matches
    # are many, may walk the date index newest first through every article (80 ms at 100,000
    # for a phrase no title holds) instead of asking the words index for the few there are.
    # The newest are picked by date alone, and only they are read with the phrase tests, which
    # read their long texts (a word in 6,600 articles: 69 -> 22 ms of PostgreSQL).
    by_date = Coalesce("date", "date")
    matching = SearchEntry.objects.filter(condition if indexed is None else indexed)
    newest = matching.filter(kind=Kind.ARTICLE).order_by(by_date.desc(), "-id").values("pk")
    return [Candidate(*row) for row in articles.filter(pk__in=newest[:limit]).order_by()]


def _word_frequencies(index):
    """{word: the share of entries that hold it} for the words PostgreSQL's statistics of the
    words `index` count as common (its most common elements, a few hundred; any other word is
    in fewer entries than the least of them), or None where there are none (not analysed yet,
    or not PostgreSQL). Both indexes' are read in one query and kept under the generation:
    statistics change only when the table is analysed."""

    def read():
        connection = connections[router.db_for_read(SearchEntry)]
        if connection.vendor != "postgresql":
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tablename, most_common_elems::text::text[], most_common_elem_freqs"
                " FROM pg_stats WHERE tablename IN (%s, %s) AND most_common_elems IS NOT NULL",
                [WORDS_INDEX, TITLE_WORDS_INDEX],
            )
            # The frequencies end with three more (the least, the most, of empty entries).
            return {
                name: dict(zip(elements, shares[: len(elements)], strict=True))
                for name, elements, shares in cursor.fetchall()
            }

    return generation_cached(None, "search:word-frequencies", read).get(index)


def _few_recent_matches(query_words, index, limit=CANDIDATES):
    """Whether fewer than `limit` of the RECENT_WINDOW newest entries are expected to hold every
    word, by the index's statistics: at most as many as hold its rarest word (words go together:
    "đảng" and "viên" are each in a third of the titles and together in most of those), and a
    word they do not list is rarer than any they do (none expected). The recent window would
    then not fill a page of candidates, and the whole-table query would run after it anyway:
    _newest_matches skips the window."""
    frequencies = _word_frequencies(index)
    if frequencies is None:
        return False
    rarest = min((frequencies.get(word, 0.0) for word in query_words), default=1.0)
    return RECENT_WINDOW * rarest < limit


class WordsMatch(Func):
    """`columns` (folded ones) hold every word of the tsquery `quoted`, by the words index's
    expression: news_search_words(column) for one, joined by || for several. Its columns are
    compiled as the query names them (a subquery's U0), unlike raw SQL."""

    output_field = BooleanField()

    def __init__(self, *columns, quoted):
        super().__init__(*(F(column) for column in columns))
        self.quoted = quoted

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for column in self.get_source_expressions():
            sql, column_params = compiler.compile(column)
            parts.append(f"news_search_words({sql})")
            params += column_params
        return f"({' || '.join(parts)}) @@ %s::tsquery", [*params, self.quoted]


def _indexed_words(query_words, title_only=False):
    """Every word of the query in the entry (or in its title), as PostgreSQL's words index
    answers it (news/migrations/0007_search_words: the same entries as the LIKE conditions);
    None on other databases, where LIKE answers."""
    if connections[router.db_for_read(SearchEntry)].vendor != "postgresql":
        return None
    columns = ["folded_title"] if title_only else ["folded_title", "folded_text"]
    # Lexemes quoted as tsquery wants them: words hold no quotes, but a query is never parsed
    # as operators whatever it holds.
    quoted = " & ".join(
        "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in query_words
    )
    return WordsMatch(*columns, quoted=quoted)


@dataclass(slots=True)
class Candidate:
    """What ranking reads of an entry, read as a row (up to 600 per query: model instances cost
    more than the queries). Its texts stay in the database, which says whether the folded
    phrase (`phrase_in_text`) and the exact one (`exact_in_text`) are in the text."""

    pk: int
    kind: str
    object_id: int
    title: str
    url: str
    date: object
    folded_title: str
    phrase_in_text: bool
    exact_in_text: bool
    rank: int | None = None


RANKED_FIELDS = [name for name in Candidate.__slots__ if name != "rank"]


def _ranked_candidates(query):
    in_text = Q(folded_text__contains=query.folded_phrase)
    # The exact phrase is a folded one too: the folded test, on the shorter column, comes first.
    exact = Value(False)  # a blank exact phrase: rank() does not ask
    if query.exact_phrase.strip():
        exact = ExpressionWrapper(
            in_text & Q(exact_text__contains=query.exact_phrase), output_field=BooleanField()
        )
    return SearchEntry.objects.annotate(
        phrase_in_text=ExpressionWrapper(in_text, output_field=BooleanField()), exact_in_text=exact
    ).values_list(*RANKED_FIELDS)


def find(query, limit=CANDIDATES):
    """Ranked entries for `query`, from a few bounded queries: officials and bodies (few), the
    newest articles with every word in the title, and the newest with every word anywhere.
    Entries come without their texts: the database says where the phrases are."""
    if query.problem():
        return []
    in_title, anywhere = Q(), Q()
    for word in query.words:
        token = f" {word} "
        in_title &= Q(folded_title__contains=token)
        anywhere &= Q(folded_title__contains=token) | Q(folded_text__contains=token)
    entries = _ranked_candidates(query)
    # (kind, date) is indexed; articles always have a date, so no NULL ordering differences.
    articles = entries.filter(kind=Kind.ARTICLE).order_by("-date", "-id")
    cutoff = _recent_cutoff(articles)
    others = entries.filter(anywhere, kind__in=[Kind.OFFICIAL, Kind.BODY]).order_by("-id")
    found = [
        *(Candidate(*row) for row in others[:limit]),
        *_newest_matches(
            articles,
            in_title,
            limit,
            cutoff,
            _indexed_words(query.words, title_only=True),
            few=_few_recent_matches(query.words, TITLE_WORDS_INDEX, limit),
        ),
        *_newest_matches(
            articles,
            anywhere,
            limit,
            cutoff,
            _indexed_words(query.words),
            few=_few_recent_matches(query.words, WORDS_INDEX, limit),
        ),
    ]
    results = list({entry.pk: entry for entry in reversed(found)}.values())
    for entry in results:
        entry.rank = rank(entry, query)
    results.sort(key=lambda entry: (entry.rank, *_newest_first(entry)))
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
