"""Small link models between an article and the officials, bodies and topics it mentions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class MentionRole(models.TextChoices):
    CHAIRED = "chu_tri", _("chủ trì")
    SPOKE = "phat_bieu", _("phát biểu")
    ATTENDED = "du", _("dự")
    MENTIONED = "nhac_den", _("được nhắc đến")


class ArticleOfficialLink(Orderable):
    """An official as the article mentions them: the role they played and the title as printed.

    The printed title is kept beside the title computed from tenures on the article's date; when
    they differ, editors are shown the difference rather than having it hidden.
    """

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="official_links")
    official = models.ForeignKey(
        "organisations.Official",
        verbose_name=_("nhân vật"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )
    role = models.CharField(
        _("vai trò"), max_length=20, choices=MentionRole.choices, default=MentionRole.MENTIONED
    )
    printed_title = models.CharField(_("chức danh như trong bài"), max_length=500, blank=True)

    panels = [FieldPanel("official"), FieldPanel("role"), FieldPanel("printed_title")]

    class Meta(Orderable.Meta):
        verbose_name = _("nhân vật được nhắc đến")
        # An official's articles (their page, the /tin-tuc/?official= filter) from the index
        # alone: without it PostgreSQL walks every article newest first, probing its links.
        indexes = [models.Index(fields=["official", "page"], name="news_officiallink_off_page")]


class ArticleBodyLink(Orderable):
    """A party or state body the article is about or mentions."""

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="body_links")
    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("cơ quan, tổ chức"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )

    panels = [FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = _("cơ quan, tổ chức được nhắc đến")
        indexes = [models.Index(fields=["body", "page"], name="news_bodylink_body_page")]


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
