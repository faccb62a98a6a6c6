"""Dated corrections and updates to a published article, shown under it and in its
structured data (dateModified follows the latest one)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class CorrectionKind(models.TextChoices):
    UPDATE = "update", _("Cập nhật")
    CORRECTION = "correction", _("Đính chính")


class ArticleCorrection(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(
        _("loại"), max_length=12, choices=CorrectionKind.choices, default=CorrectionKind.UPDATE
    )
    made_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    note = models.TextField(_("nội dung"))

    panels = [FieldPanel("kind"), FieldPanel("made_at"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("đính chính, cập nhật")
        verbose_name_plural = _("đính chính, cập nhật")
