"""Site search: a reader's query, matched against the folded index (news.search_index) and
ranked. Candidates are bounded (LIMIT) and ranked in Python: the exact phrase (with its
diacritics) before the folded one, the title before the text, then newest.
"""

import hashlib
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from organisations.text import fold

from .cache import generation_cached
from .models import SearchEntry
from .search_index import Kind, exact_form, folded_form, has_exact_phrase, words

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
    text, 4: all words somewhere. The exact form is computed only where the folded phrase is
    (an exact match is always a folded one), which keeps ranking cheap on long texts. An entry
    loaded by `find` carries `phrase_in_text`, answered by the database."""
    folded = query.folded_phrase
    in_title = folded in entry.folded_title
    in_text = getattr(entry, "phrase_in_text", None)
    if in_text is None:
        in_text = folded in entry.folded_text
    exact = query.exact_phrase
    if exact.strip():
        if in_title and has_exact_phrase(entry.title, exact):
            return 0
        if in_text and has_exact_phrase(entry.text, exact):
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
    """The date of the RECENT_WINDOW-th newest article, or None if there are fewer."""
    found = articles.values_list("date", flat=True)[RECENT_WINDOW - 1 : RECENT_WINDOW]
    return next(iter(found), None)


def _newest_matches(articles, condition, limit, cutoff):
    """The newest `limit` articles matching `condition`, looking first among the newest
    RECENT_WINDOW articles only. PostgreSQL has no statistics on long texts, so it guesses that
    a common word is rare and rechecks every match through the trigram index before sorting;
    a date bound keeps that to RECENT_WINDOW rows. Only when too few recent articles match is
    the whole table searched, and then matches are few, which the trigram index finds fast."""
    if cutoff is not None:
        recent = list(articles.filter(condition, date__gte=cutoff)[:limit])
        if len(recent) >= limit:
            return recent
    # Sorted by an expression, not the indexed column: else PostgreSQL, still guessing matches
    # are many, walks the date index newest first through every article (80 ms at 100,000 for
    # a phrase no title holds) instead of asking the trigram index for the few there are.
    by_date = Coalesce("date", "date")
    return list(articles.filter(condition).order_by(by_date.desc(), "-id")[:limit])


# What ranking reads of a candidate; its texts stay in the database, which says whether the
# folded phrase is in the text (`phrase_in_text`). The text itself is read only for candidates
# whose text may hold the exact phrase (`_read_texts`).
RANKED_FIELDS = ("id", "kind", "object_id", "title", "url", "date", "folded_title")


def _ranked_candidates(query):
    in_text = Q(folded_text__contains=query.folded_phrase)
    return SearchEntry.objects.only(*RANKED_FIELDS).annotate(
        phrase_in_text=ExpressionWrapper(in_text, output_field=BooleanField())
    )


def _read_texts(entries, query):
    """Load `text` (deferred) in one query for the entries `rank` will look into for the exact
    phrase: those with the folded phrase in the text but no exact match in the title."""
    exact = query.exact_phrase
    if not exact.strip():
        return
    wanted = [
        entry
        for entry in entries
        if entry.phrase_in_text
        and not (query.folded_phrase in entry.folded_title and has_exact_phrase(entry.title, exact))
    ]
    if wanted:
        texts = dict(
            SearchEntry.objects.filter(pk__in=[e.pk for e in wanted]).values_list("pk", "text")
        )
        for entry in wanted:
            entry.text = texts.get(entry.pk, "")


def find(query, limit=CANDIDATES):
    """Ranked entries for `query`, from a few bounded queries: officials and bodies (few), the
    newest articles with every word in the title, and the newest with every word anywhere.
    Entries come without `folded_text`, and with `text` only where ranking needs it."""
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
    found = [
        *entries.filter(anywhere, kind__in=[Kind.OFFICIAL, Kind.BODY]).order_by("-id")[:limit],
        *_newest_matches(articles, in_title, limit, cutoff),
        *_newest_matches(articles, anywhere, limit, cutoff),
    ]
    results = list({entry.pk: entry for entry in reversed(found)}.values())
    _read_texts(results, query)
    for entry in results:
        entry.rank = rank(entry, query)
    results.sort(key=lambda entry: (entry.rank, *_newest_first(entry)))
    return results


def ranked_ids(query):
    """The ids of `find(query)`, in order, kept under the page cache's generation (any change
    to what is indexed makes a new one): ranking takes up to six queries over up to 400
    candidates, so a reader turning pages, or a second reader of the same query, reads only the
    entries shown. In the shared cache only (readers' queries have no end)."""
    digest = hashlib.sha256(query.text.encode()).hexdigest()
    return generation_cached(
        None, f"search:{digest}", lambda: [entry.pk for entry in find(query)], in_process=False
    )


def entries(ids):
    """The entries of `ids`, in that order (one may be gone since: then it is left out)."""
    found = SearchEntry.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
