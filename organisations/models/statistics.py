"""Figures that reports cite: what is counted (Indicator) and a dated, sourced value (Observation).

Typed and dated rather than free text, so "45.239 đảng viên as of 10/11/2021" can be compared,
charted and checked (686 tổ chức cơ sở đảng must equal 259 đảng bộ cơ sở + 427 chi bộ cơ sở).
"""

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import RevisionMixin

from ..text import format_date, format_number
from .bodies import unique_slug


class IndicatorKind(models.TextChoices):
    STOCK = "stock", _("Số lượng tại thời điểm")
    FLOW = "flow", _("Số lượng mỗi năm")
    SHARE = "share", _("Tỷ lệ (%)")


class Indicator(models.Model):
    """What is counted: đảng viên, tổ chức cơ sở đảng… A parent with aggregation "sum" says its
    children are a breakdown that must add up to it."""

    name = models.CharField(_("chỉ tiêu"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=100, help_text=_("Ví dụ: đảng viên, %"))
    kind = models.CharField(
        _("loại"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.STOCK
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu cha"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_sum_of_children = models.BooleanField(
        _("bằng tổng các chỉ tiêu con"),
        default=False,
        help_text=_("Ví dụ: tổ chức cơ sở đảng = đảng bộ cơ sở + chi bộ cơ sở"),
    )

    class Meta:
        verbose_name = _("chỉ tiêu thống kê")
        verbose_name_plural = _("chỉ tiêu thống kê")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Indicator, self.name, self.pk)
        super().save(*args, **kwargs)


class Qualifier(models.TextChoices):
    EXACT = "", _("(chính xác)")
    MORE_THAN = "hơn", _("hơn")
    OVER = "trên", _("trên")
    ABOUT = "khoảng", _("khoảng")
    NEARLY = "gần", _("gần")
    UNDER = "dưới", _("dưới")


class Observation(RevisionMixin, models.Model):
    """A value of an indicator for a body on a date (or over a period), with its source."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("chỉ tiêu"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("cơ quan, tổ chức"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    qualifier = models.CharField(
        _("mức độ"), max_length=10, choices=Qualifier.choices, blank=True, default=""
    )
    date = models.DateField(_("tính đến ngày"))
    period_start = models.DateField(_("từ ngày (nếu là một giai đoạn)"), null=True, blank=True)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("bài nguồn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_quote = models.TextField(_("trích dẫn nguồn"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="observation")

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        ordering = ["-date", "indicator__name"]
        indexes = [models.Index(fields=["body", "indicator", "date"])]

    def __str__(self):
        return (
            f"{self.display_value} {self.indicator.unit} – {self.body} ({format_date(self.date)})"
        )

    @property
    def revisions(self):
        return self._revisions

    @property
    def display_value(self):
        """ "hơn 45.239", "100%"."""
        number = format_number(self.value)
        if self.indicator.kind == IndicatorKind.SHARE:
            number = f"{number}%"
        return f"{self.qualifier} {number}".strip()

    @property
    def display_unit(self):
        return "" if self.indicator.kind == IndicatorKind.SHARE else self.indicator.unit

    def clean(self):
        if self.value is None or not self.indicator_id:
            return
        kind = self.indicator.kind
        if kind == IndicatorKind.STOCK and self.value < 0:
            raise ValidationError({"value": _("Số lượng không thể âm.")})
        if kind == IndicatorKind.SHARE and not (0 <= self.value <= 100):
            raise ValidationError({"value": _("Tỷ lệ phải từ 0 đến 100%.")})
        if self.period_start and self.date and self.period_start > self.date:
            raise ValidationError({"period_start": _("Đầu giai đoạn phải trước ngày tính.")})
        if self.body_id and self.date:
            self.check_breakdown()

    def check_breakdown(self):
        """If this value completes a breakdown (parent and every child known for the same body and
        date), the children must add up to the parent."""
        indicator = self.indicator
        if indicator.is_sum_of_children:
            parent = indicator
        elif indicator.parent_id and indicator.parent.is_sum_of_children:
            parent = indicator.parent
        else:
            return
        children = list(parent.children.order_by("pk"))
        if not children:
            return
        wanted = [parent.pk, *(child.pk for child in children)]
        values = dict(
            Observation.objects.filter(
                body_id=self.body_id, date=self.date, indicator_id__in=wanted
            )
            .exclude(pk=self.pk)
            .values_list("indicator_id", "value")
        )
        values[indicator.pk] = self.value
        if any(pk not in values for pk in wanted):
            return
        parts = [values[child.pk] for child in children]
        total = sum(parts, Decimal(0))
        if total != values[parent.pk]:
            raise ValidationError(
                _(
                    "Các số liệu thành phần không khớp: %(parts)s = %(total)s, nhưng %(name)s là %(whole)s."
                )
                % {
                    "parts": " + ".join(format_number(p) for p in parts),
                    "total": format_number(total),
                    "name": parent.name,
                    "whole": format_number(values[parent.pk]),
                }
            )
