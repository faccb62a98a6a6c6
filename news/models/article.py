"""The article: title, lead, body, time, byline, and the officials, bodies and figures it cites."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from organisations.models import Official, Tenure, titles_on

from .. import reference
from ..blocks import ArticleBodyBlock
from ..panels import ConsistencyPanel, SuggestionsPanel
from ..prepared import PreparedRows
from .base import NewsPage
from .links import ArticlePageTag, MentionRole
from .saved_links import saved_links

# What a listed article (templates/news/includes/article_items.html and its page URL) reads:
# loading only these makes an item list's query cheaper to build, to sort and to read (a section
# page's query: 11 ms to 8 ms on SQLite at 10,000). Reading another field costs a query per item.
ITEM_FIELDS = ("title", "slug", "url_path", "locale_id", "published_at", "lead")


RELATED_COUNT = 5
ROLE_LABELS = dict(MentionRole.choices)


def _latest_naming(official_id):
    """The latest live articles that link an official, newest first: the official page's list
    (news.queries.mentioning), as the rows a listed article reads."""
    from ..queries import mentioning  # news.queries imports this module
    from .listed import listed

    return listed(mentioning(Official(pk=official_id)))[: RELATED_COUNT + 1]  # may hold itself


LATEST_NAMING = PreparedRows(_latest_naming)


def latest_articles_naming(official_ids):
    """{official id: their RELATED_COUNT + 1 latest live articles as ListedArticles}, for
    news.reference: light to keep and to pickle, and an item needs nothing else."""
    from .listed import ListedArticle

    return {
        official_id: [ListedArticle(*row) for row in LATEST_NAMING(official_id)]
        for official_id in official_ids
    }


# An official linked twice to one article takes two of the window's rows: read twice as many as
# are kept, and ask the per-official query for anyone whose window was too short for that.
WINDOW_ROWS = 2 * (RELATED_COUNT + 1)


def latest_articles_naming_all(limit):
    """What latest_articles_naming gives, for every official who has a live article, in one
    query (each official's newest links, numbered by a window function), or None when there are
    more than `limit` officials (news.reference then asks by id). The newest articles of a few
    hundred officials cost one query per generation rather than one for each official when an
    article naming them is first shown after a publication."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from .links import ArticleOfficialLink
    from .listed import listed_by_ids

    if Official.objects.order_by()[limit : limit + 1].exists():
        return None
    newest_first = [F("page__published_at").desc(), F("page_id").desc()]
    pairs = list(
        ArticleOfficialLink.objects.filter(page__live=True)
        .annotate(rank=Window(RowNumber(), partition_by=[F("official_id")], order_by=newest_first))
        .filter(rank__lte=WINDOW_ROWS)
        .order_by("official_id", "rank")
        .values_list("official_id", "page_id")
    )  # narrow rows: sorted in memory; the articles' texts are read for the kept ones only
    articles = {article.pk: article for article in listed_by_ids({pk for _, pk in pairs})}
    latest, read = defaultdict(dict), defaultdict(int)
    for official_id, page_id in pairs:
        read[official_id] += 1
        kept = latest[official_id]
        if len(kept) <= RELATED_COUNT and page_id in articles:
            kept.setdefault(page_id, articles[page_id])
    short = [
        pk for pk, kept in latest.items() if len(kept) <= RELATED_COUNT and read[pk] == WINDOW_ROWS
    ]
    found = {pk: list(kept.values()) for pk, kept in latest.items()}
    found.update(latest_articles_naming(short))
    return found


@dataclass
class OfficialMention:
    """An official as shown on an article: titles held on the article's date, and as printed."""

    official: Official
    role: str
    printed_title: str
    titles: list
    role_code: str = ""

    @property
    def title_mismatch(self):
        """The printed title names no post held on the date (shown to editors, not hidden)."""
        if not self.printed_title:
            return False
        printed = {part.strip().casefold() for part in self.printed_title.split(",")}
        return not printed <= {title.casefold() for title in self.titles}


class ArticlePage(NewsPage):
    lead = models.TextField(_("sapo"), help_text=_("Đoạn dẫn in đậm dưới tiêu đề"))
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"), blank=True)
    published_at = models.DateTimeField(
        _("thời gian đăng"),
        default=timezone.now,
        db_index=True,
        help_text=_("Giờ Việt Nam, in trên bài như 09:11, 10/11/2021"),
    )
    byline = models.CharField(_("tác giả"), max_length=255, blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("chủ đề"))

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    content_panels = NewsPage.content_panels + [
        ConsistencyPanel(),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("published_at"), FieldPanel("byline")], _("Thời gian, tác giả")
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        SuggestionsPanel(),
        InlinePanel("official_links", heading=_("Nhân vật"), label=_("Nhân vật")),
        InlinePanel("body_links", heading=_("Cơ quan, tổ chức"), label=_("Cơ quan, tổ chức")),
        InlinePanel("corrections", heading=_("Đính chính, cập nhật"), label=_("Ghi chú")),
    ]

    search_fields = NewsPage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    @property
    def published_date(self):
        return timezone.localtime(self.published_at).date()

    @cached_property
    def _official_links(self):
        return list(self.official_links.select_related("official"))

    def reads_saved_links(self, request):
        """Served to a reader: the article's links, corrections and tags are read from the
        database in one query (news.models.saved_links), officials and bodies from
        news.reference. In a preview or the edit form they come from the page in memory
        (modelcluster), which may not be saved."""
        return (
            request is not None
            and self.pk is not None
            and not getattr(request, "is_preview", False)
        )

    @cached_property
    def _saved_links(self):
        return saved_links(self.pk)

    def mentioned_officials(self, request=None):
        """Officials linked to the article, each with the titles held on its date.

        At most two queries whatever the number of officials; works on unsaved previews too."""
        if self.reads_saved_links(request):
            links = self._saved_links.official_links
            officials = reference.officials(request, {link.official_id for link in links})
            tenures = {pk: official.loaded_tenures for pk, official in officials.items()}
            for link in links:
                link.official = officials[link.official_id]
        else:
            links = self._official_links
            tenures = defaultdict(list)
            ids = {link.official_id for link in links}
            for tenure in Tenure.objects.filter(official_id__in=ids).select_related("post__body"):
                tenures[tenure.official_id].append(tenure)
        date = self.published_date
        return [
            OfficialMention(
                official=link.official,
                role=ROLE_LABELS.get(link.role, link.role),  # get_role_display builds a dict
                printed_title=link.printed_title,
                titles=titles_on(tenures[link.official_id], date),
                role_code=link.role,
            )
            for link in links
        ]

    def mentioned_bodies(self, request=None):
        if self.reads_saved_links(request):
            ids = self._saved_links.body_ids
            bodies = reference.bodies(request, set(ids))
            return [bodies[pk] for pk in ids if pk in bodies]
        return [link.body for link in self.body_links.select_related("body")]

    def related_articles(self, request=None, official_ids=None):
        """The latest other live articles that link one of the same officials: the newest of
        each official's latest few, kept under the page-cache generation (news.reference), which
        every publication replaces; so no query once an official's list has been read."""
        if official_ids is None:
            official_ids = [link.official_id for link in self._official_links]
        latest = reference.by_id(
            request,
            "latest-naming",
            set(official_ids),
            latest_articles_naming,
            latest_articles_naming_all,
        )
        others = {a.pk: a for articles in latest.values() for a in articles if a.pk != self.pk}
        newest = sorted(others.values(), key=lambda a: (a.published_at, a.pk), reverse=True)
        return newest[:RELATED_COUNT]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["officials"] = self.mentioned_officials(request)
        context["bodies"] = self.mentioned_bodies(request)
        context["related_articles"] = self.related_articles(
            request, [mention.official.pk for mention in context["officials"]]
        )
        context.update(self.presentation_context(request, context))
        return context

    def presentation_context(self, request, context):
        """Corrections, tags and what crawlers and social networks read (news.structured_data),
        from the officials and bodies already loaded: two queries, whatever the article links."""
        from ..structured_data import (  # imported here: it imports news.models
            last_modified,
            news_article,
            share_image,
        )

        if self.reads_saved_links(request):
            corrections, tags = self._saved_links.corrections, self._saved_links.tags
        else:
            corrections, tags = self.corrections.all(), list(self.tags.all())
        # sorted here, not by the database: a preview's corrections may not be saved yet
        corrections = sorted(corrections, key=lambda c: c.made_at or self.published_at)
        image = share_image(self, request)
        return {
            "corrections": corrections,
            "latest_correction": corrections[-1] if corrections else None,
            "tags": tags,
            "share_image": image,
            "modified_at": last_modified(self, corrections),
            "structured_data": news_article(
                self,
                request,
                officials=context["officials"],
                bodies=context["bodies"],
                corrections=corrections,
                tags=tags,
                image=image,
                section=self.get_parent(),
            ),
        }
