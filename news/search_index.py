"""The search index (news.models.SearchEntry): what each entry holds, and keeping it in step.

Readers type without diacritics ("dang vien", "HDND"), so every entry keeps a folded copy of its
title and text (organisations.text.fold: lower case, no marks, đ→d). Folded columns hold whole
words separated by single spaces and padded with a space at each end, so a query word matches
only a whole word (" doan " finds Đoàn and Doãn, never "doanh") with a plain `contains`, which
SQLite and PostgreSQL answer the same way. news.search_signals calls the functions below as
articles, officials and bodies change; news.search queries the index.
"""

import functools
import html
import re
import unicodedata

from django.db import transaction
from django.db.models import Prefetch
from django.utils.html import strip_tags

from organisations.models import Body, Official, Tenure
from organisations.text import fold

from .cache import bump_generation
from .models import ArticlePage, SearchEntry

MAX_TEXT_LENGTH = 100_000

# A word: letters and digits, with any combining marks typed after them (decomposed input).
_WORD_CHARS = r"\w\u0300-\u036f"
_WORD = re.compile(rf"[{_WORD_CHARS}]+")

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
    then be in the case-folded text: a check in C that rules out most long texts; the others
    are searched for the phrase's words in a row (_phrase_pattern) rather than rebuilt word by
    word (a query typed without diacritics has no exact match in Vietnamese)."""
    normal = _case_folded(text)
    phrase_words = phrase.split()
    if not phrase_words:  # a blank phrase: only in a text without words
        return phrase in f" {' '.join(words(normal))} "
    if not all(word in normal for word in phrase_words):
        return False
    return _phrase_pattern(phrase).search(normal) is not None


@functools.lru_cache(maxsize=256)
def _phrase_pattern(phrase):
    """The words of `phrase` in a row, whole words, as `words` splits a text: found in a text
    exactly when `phrase` is in the text's exact form."""
    return re.compile(
        rf"(?<![{_WORD_CHARS}])"
        + rf"[^{_WORD_CHARS}]+".join(re.escape(word) for word in phrase.split())
        + rf"(?![{_WORD_CHARS}])"
    )


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
    return plain_text(page.lead, page.body.raw_data)


def plain_text(lead, raw_blocks):
    """A lead and raw StreamField blocks ({"type", "value"} dicts) as the index's plain text."""
    parts = [lead or ""]
    for block in raw_blocks:
        parts.append(_block_text(block.get("type"), block.get("value")))
    return "\n".join(part.strip() for part in parts if part and part.strip())[:MAX_TEXT_LENGTH]


def make_entry(kind, object_id, title, url, text, date=None):
    """An unsaved entry with its folded and exact forms."""
    return SearchEntry(
        kind=kind,
        object_id=object_id,
        title=title[:500],
        url=url[:500],
        date=date,
        text=text,
        folded_title=folded_form(title)[:500],
        folded_text=folded_form(text),
        exact_text=exact_form(text),
    )


def article_entry(page):
    """The entry of a live, routable article, or None."""
    url = page.get_url() if page.live else None
    if not url:
        return None
    return make_entry(
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
    return make_entry(
        Kind.OFFICIAL, official.pk, official.full_name, official.get_absolute_url(), text
    )


def body_entry(body):
    parent = body.parent.name if body.parent_id and body.parent else ""
    parts = [body.short_name, str(body.get_kind_display()), parent, body.description]
    text = "\n".join(part for part in parts if part)
    return make_entry(Kind.BODY, body.pk, body.name, body.get_absolute_url(), text)


def _store(kind, object_id, entry):
    if entry is None:
        remove(kind, object_id)
        return None
    values = {
        name: getattr(entry, name)
        for name in ("title", "url", "date", "text", "folded_title", "folded_text", "exact_text")
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


def organisation_entries():
    """Unsaved entries of every official and body, in three queries."""
    tenures = Tenure.objects.select_related("post__body")
    officials = Official.objects.prefetch_related(Prefetch("tenures", queryset=tenures))
    return [official_entry(o, o.tenures.all()) for o in officials] + [
        body_entry(b) for b in Body.objects.select_related("parent")
    ]


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
    batch += organisation_entries()
    count += flush(batch)
    bump_generation()  # cached results and search pages were read from the old index
    return count
