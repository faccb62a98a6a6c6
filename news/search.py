"""Site search over a diacritic-folded index (news.models.SearchEntry).

Readers type without diacritics ("dang vien", "HDND"), so every entry keeps a folded copy of its
title and text (organisations.text.fold: lower case, no marks, đ→d). Folded columns hold whole
words separated by single spaces and padded with a space at each end, so a query word matches
only a whole word (" doan " finds Đoàn and Doãn, never "doanh") with a plain `contains`, which
SQLite and PostgreSQL answer the same way. Candidates are bounded (LIMIT) and ranked in Python:
the exact phrase (with its diacritics) before the folded one, the title before the text, then
newest.
"""

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from organisations.models import Body, Official, Tenure
from organisations.text import fold

from .cache import bump_generation, generation_cached
from .models import ArticlePage, SearchEntry

# config.security.RequestLimitsMiddleware already cuts `q` to this length before the view.
MAX_QUERY_LENGTH = getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200)
MAX_WORDS = 10
CANDIDATES = 200
RECENT_WINDOW = 2000
MAX_TEXT_LENGTH = 100_000

# A word: letters and digits, with any combining marks typed after them (decomposed input).
_WORD = re.compile(r"[\w\u0300-\u036f]+")

Kind = SearchEntry.Kind


# --- Text forms -------------------------------------------------------------------------------


def words(text):
    return _WORD.findall(text)


def _case_folded(text):
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", str(text)).casefold())


def exact_form(text):
    """Words as written (NFC, case-folded), single-spaced and padded: the "exact" comparison."""
    return f" {' '.join(words(_case_folded(text)))} "


def has_exact_phrase(text, phrase):
    """Whether `phrase` (an exact form) is in the exact form of `text`. Each of its words must
    then be in the case-folded text: a check in C that rules out most long texts before their
    exact form is built (a query typed without diacritics has no exact match in Vietnamese)."""
    normal = _case_folded(text)
    if not all(word in normal for word in phrase.split()):
        return False
    return phrase in f" {' '.join(words(normal))} "


def folded_form(text):
    """Folded words, single-spaced and padded: what the folded columns store."""
    return f" {' '.join(words(fold(text)))} "


# --- Indexing ---------------------------------------------------------------------------------


def _rich_text(value):
    return html.unescape(strip_tags(str(value or "")))


def _block_text(block_type, value):
    """Readable text of one raw StreamField block; figures and images' files are not text."""
    if block_type == "paragraph":
        return _rich_text(value)
    if block_type == "heading":
        return str(value or "")
    if isinstance(value, dict):
        keys = {"quote": ("text", "attribution"), "image": ("caption", "credit")}
        keys = keys.get(block_type, ("heading",))
        return " ".join(str(value.get(key) or "") for key in keys)
    return ""


def article_text(page):
    """Lead and body as plain text. Uses the raw stream data, so no image or figure queries."""
    parts = [page.lead or ""]
    for block in page.body.raw_data:
        parts.append(_block_text(block.get("type"), block.get("value")))
    return "\n".join(part.strip() for part in parts if part and part.strip())[:MAX_TEXT_LENGTH]


def _entry(kind, object_id, title, url, text, date=None):
    return SearchEntry(
        kind=kind,
        object_id=object_id,
        title=title[:500],
        url=url[:500],
        date=date,
        text=text,
        folded_title=folded_form(title)[:500],
        folded_text=folded_form(text),
    )


def article_entry(page):
    """The entry of a live, routable article, or None."""
    url = page.get_url() if page.live else None
    if not url:
        return None
    return _entry(
        Kind.ARTICLE, page.pk, page.title, url, article_text(page), date=page.published_at
    )


def official_entry(official, tenures):
    """Name, other names, every title ever held (short and full body names) and the bio."""
    titles = []
    for tenure in tenures:
        post = tenure.post
        titles.append(post.title)
        full = f"{post.role} {post.body.name}"
        if full != post.title:
            titles.append(full)
    parts = [official.other_names, "; ".join(dict.fromkeys(titles)), official.bio]
    text = "\n".join(part for part in parts if part)
    return _entry(Kind.OFFICIAL, official.pk, official.full_name, official.get_absolute_url(), text)


def body_entry(body):
    parent = body.parent.name if body.parent_id and body.parent else ""
    parts = [body.short_name, str(body.get_kind_display()), parent, body.description]
    text = "\n".join(part for part in parts if part)
    return _entry(Kind.BODY, body.pk, body.name, body.get_absolute_url(), text)


def _store(kind, object_id, entry):
    if entry is None:
        remove(kind, object_id)
        return None
    values = {
        name: getattr(entry, name)
        for name in ("title", "url", "date", "text", "folded_title", "folded_text")
    }
    with transaction.atomic():
        stored, _created = SearchEntry.objects.update_or_create(
            kind=kind, object_id=object_id, defaults=values
        )
    return stored


def index_article(page):
    """Index a live article as published; a draft, unpublished or unroutable one is removed."""
    if not isinstance(page, ArticlePage):
        page = page.specific
    return _store(Kind.ARTICLE, page.pk, article_entry(page))


def index_official(official):
    tenures = Tenure.objects.filter(official_id=official.pk).select_related("post__body")
    return _store(Kind.OFFICIAL, official.pk, official_entry(official, tenures))


def index_body(body):
    return _store(Kind.BODY, body.pk, body_entry(body))


def remove(kind, object_id):
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def refresh_article_urls(page):
    """After a move or slug change, live articles at or under `page` have new URLs."""
    articles = ArticlePage.objects.live().descendant_of(page, inclusive=True).defer_streamfields()
    urls = {article.pk: article.get_url() for article in articles}
    entries = list(SearchEntry.objects.filter(kind=Kind.ARTICLE, object_id__in=urls))
    for entry in entries:
        entry.url = urls[entry.object_id] or entry.url
    SearchEntry.objects.bulk_update(entries, ["url"], batch_size=500)


@transaction.atomic
def rebuild(batch_size=500):
    """Drop and rebuild the whole index; returns the number of entries."""
    SearchEntry.objects.all().delete()
    count = 0

    def flush(batch):
        SearchEntry.objects.bulk_create(batch, batch_size=batch_size)
        return len(batch)

    batch = []
    for page in ArticlePage.objects.live().order_by("pk").iterator(chunk_size=batch_size):
        entry = article_entry(page)
        if entry is not None:
            batch.append(entry)
        if len(batch) >= batch_size:
            count += flush(batch)
            batch = []
    tenures = Tenure.objects.select_related("post__body")
    officials = Official.objects.prefetch_related(Prefetch("tenures", queryset=tenures))
    batch += [official_entry(o, o.tenures.all()) for o in officials]
    batch += [body_entry(b) for b in Body.objects.select_related("parent")]
    count += flush(batch)
    bump_generation()  # cached results and search pages were read from the old index
    return count


# --- Querying ---------------------------------------------------------------------------------


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
    to what is indexed makes a new one): ranking reads up to 400 candidates with their texts,
    so a reader turning pages, or a second reader of the same query, reads only the entries
    shown. In the shared cache only (readers' queries have no end)."""
    digest = hashlib.sha256(query.text.encode()).hexdigest()
    return generation_cached(
        None, f"search:{digest}", lambda: [entry.pk for entry in find(query)], in_process=False
    )


def entries(ids):
    """The entries of `ids`, in that order (one may be gone since: then it is left out)."""
    found = SearchEntry.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
