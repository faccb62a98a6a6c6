"""Writes an extraction as a draft ArticlePage, linked to the officials and bodies it names.

Drafts only: an import is material for an editor, who checks it and publishes; the page is
created with live=False and a first revision, as the admin's "Save draft" does. Officials and
bodies are loaded once per run (`Importer`), not per file, so a thousand files cost a thousand
page inserts and no more lookups. A person who matches no official is reported with their
printed titles as a proposal; nobody is created, since officials are curated.
"""

import html
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from organisations.models import Body, Official

from ..models import ArticleBodyLink, ArticleOfficialLink, ArticlePage, SectionPage
from .bodies import BodyIndex
from .words import is_subsequence, normalise

PRINTED_TITLE_MAX = 500
# Files saved in one transaction: one commit (one fsync on SQLite) per batch, not per file.
BATCH_SIZE = 50


class SectionNotFound(Exception):
    pass


def find_section(slug=None):
    """The SectionPage to import into: by slug, or the first one; SectionNotFound if none."""
    sections = SectionPage.objects.order_by("path")
    if slug:
        section = sections.filter(slug=slug).first()
        if section is None:
            known = ", ".join(sections.values_list("slug", flat=True)) or "(chưa có)"
            raise SectionNotFound(f"Không có chuyên mục “{slug}”. Các chuyên mục: {known}.")
        return section
    section = sections.first()
    if section is None:
        raise SectionNotFound(
            "Chưa có chuyên mục (SectionPage) nào để nhập bài vào. Hãy tạo một chuyên mục "
            "trong trang quản trị, hoặc chạy `manage.py load_demo`."
        )
    return section


def name_key(name):
    return normalise(name).casefold()


class OfficialIndex:
    """Officials by full name and other names, with their tenures, loaded in two queries."""

    def __init__(self, officials):
        self._by_name = {}
        for official in officials:
            for name in _names(official.full_name, official.other_names):
                same_name = self._by_name.setdefault(name_key(name), [])
                if not any(known is official for known in same_name):
                    same_name.append(official)

    @classmethod
    def load(cls, names=None):
        """Every official or, given `names`, only those known by one of them: the names are read
        first (one narrow query), tenures only for the officials kept."""
        officials = Official.objects.all()
        if names is not None:
            wanted = {name_key(name) for name in names}
            rows = Official.objects.values_list("pk", "full_name", "other_names")
            officials = officials.filter(
                pk__in=[
                    pk
                    for pk, full_name, other_names in rows
                    if wanted.intersection(map(name_key, _names(full_name, other_names)))
                ]
            )
        return cls(officials.prefetch_related("tenures__post__body"))

    def match(self, person, date):
        """(official or None, why not): by name; when several share it, by the titles they held
        on `date` against the titles printed."""
        candidates = self._by_name.get(name_key(person.name), [])
        if len(candidates) == 1:
            return candidates[0], ""
        if not candidates:
            return None, "chưa có trong danh sách nhân vật"
        fitting = [o for o in candidates if _titles_fit(person.titles, o.title_on(date))]
        if len(fitting) == 1:
            return fitting[0], ""
        return None, f"trùng tên với {len(candidates)} nhân vật, chức danh không phân biệt được"


def _names(full_name, other_names):
    """An official's full name and other names (comma-separated), blanks left out."""
    names = (name.strip() for name in [full_name, *other_names.split(",")])
    return [name for name in names if name]


def _titles_fit(printed, held):
    return any(is_subsequence(a, b) or is_subsequence(b, a) for a in printed for b in held)


@dataclass
class Outcome:
    """What happened to one file, for the command to report."""

    status: str  # "created", "duplicate" or "checked" (a dry run)
    page: ArticlePage | None = None
    linked_people: list = field(default_factory=list)
    proposed_people: list = field(default_factory=list)  # (Person, reason)
    linked_bodies: list = field(default_factory=list)
    unknown_bodies: list = field(default_factory=list)
    figures: int = 0


class Importer:
    """Imports extractions into one section; one instance per run."""

    def __init__(self, section, officials=None, bodies=None):
        self.section = section
        self.officials = officials if officials is not None else OfficialIndex.load()
        self.bodies = bodies if bodies is not None else BodyIndex(Body.objects.all())
        self._existing = set()
        self._batch = None
        if section is not None:
            rows = ArticlePage.objects.child_of(section).values_list("title", "published_at")
            self._existing = {self._key(title, when) for title, when in rows}

    @staticmethod
    def _key(title, published_at):
        return (normalise(title), published_at.timestamp())

    def is_duplicate(self, article):
        return self._key(article.title, article.published_at) in self._existing

    def plan(self, extraction):
        """Outcome without writing: which officials and bodies would be linked."""
        article = extraction.article
        outcome = Outcome(status="checked", figures=len(extraction.figures))
        if self.section is not None and self.is_duplicate(article):
            outcome.status = "duplicate"
        date = article.published_at.date()
        for person in extraction.people:
            official, reason = self.officials.match(person, date)
            if official is None:
                outcome.proposed_people.append((person, reason))
            elif official not in (o for _, o in outcome.linked_people):
                outcome.linked_people.append((person, official))
        for name in extraction.organisations:
            body = self.bodies.match(name)
            if body is None:
                outcome.unknown_bodies.append(name)
            elif body not in outcome.linked_bodies:
                outcome.linked_bodies.append(body)
        return outcome

    @contextmanager
    def batch(self):
        """Save the files imported inside in one transaction, each in its own savepoint (a file
        that fails leaves the others). Wagtail's reference index and search index, which every
        page save would rebuild (twice per page: creation, then first revision), are built at the
        end: once per page, and the search index in one bulk call."""
        self._batch = []
        with transaction.atomic(), disable_reference_index_auto_update(), _search_index_deferred():
            yield
            for page in self._batch:
                ReferenceIndex.create_or_update_for_object(page)
            if self._batch:
                for backend in get_search_backends(with_auto_update=True):
                    backend.add_bulk(ArticlePage, self._batch)
        self._batch = None

    def save(self, extraction):
        """Create the draft (unless the section has it already) and return the Outcome."""
        outcome = self.plan(extraction)
        if outcome.status == "duplicate":
            return outcome
        with transaction.atomic():
            outcome.page = self._create_page(extraction.article, outcome)
        outcome.status = "created"
        self._existing.add(self._key(extraction.article.title, extraction.article.published_at))
        if self._batch is not None:
            self._batch.append(outcome.page)
        return outcome

    def _create_page(self, article, outcome):
        page = ArticlePage(
            title=article.title,
            lead=article.lead,
            published_at=article.published_at,
            byline=article.byline[:255],
            body=[("paragraph", RichText(paragraph_html(p))) for p in article.body],
            live=False,
        )
        page.official_links = [
            ArticleOfficialLink(
                official=official,
                role=person.role,
                printed_title=person.printed_title[:PRINTED_TITLE_MAX],
                sort_order=order,
            )
            for order, (person, official) in enumerate(outcome.linked_people)
        ]
        page.body_links = [
            ArticleBodyLink(body=body, sort_order=order)
            for order, body in enumerate(outcome.linked_bodies)
        ]
        self.section.add_child(instance=page)
        # The creation is logged by the save above ("wagtail.create"); the first revision needs no
        # second log entry.
        page.save_revision(clean=False)
        return page


@contextmanager
def _search_index_deferred():
    """Wagtail's search index is not updated on each ArticlePage save meanwhile (Importer.batch
    adds the pages in bulk). A management command runs in one thread, so this is safe there."""
    disconnected = post_save.disconnect(search_index_on_save, sender=ArticlePage)
    try:
        yield
    finally:
        if disconnected:
            post_save.connect(search_index_on_save, sender=ArticlePage)


def paragraph_html(text):
    """A body paragraph as rich text: the text exactly, HTML-escaped, in one <p>."""
    return f"<p>{html.escape(text, quote=False)}</p>"
