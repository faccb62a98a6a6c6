"""Posts (seats in a body) and tenures (an official holding a post for a while).

A post exists even when empty, and comes from a curated list, not free text per article:
free-text titles gave Pombola inconsistent data.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey

from ..text import format_partial_date


class DatePrecision(models.TextChoices):
    DAY = "day", _("ngày")
    MONTH = "month", _("tháng")
    YEAR = "year", _("năm")


class Post(models.Model):
    """A seat: `role` in `body`, e.g. "Phó Bí thư Thường trực" of "Tỉnh ủy"."""

    body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("cơ quan, tổ chức"),
        on_delete=models.PROTECT,
        related_name="posts",
    )
    role = models.CharField(_("chức vụ"), max_length=150, help_text=_("Ví dụ: Phó Bí thư"))
    label = models.CharField(
        _("chức danh đầy đủ"),
        max_length=255,
        blank=True,
        help_text=_("Để trống để ghép chức vụ và tên tổ chức, ví dụ: Chủ tịch HĐND tỉnh"),
    )
    shared = models.BooleanField(
        _("nhiều người cùng giữ"),
        default=False,
        help_text=_("Ví dụ: Ủy viên. Khi không chọn, hai người không thể giữ cùng lúc."),
    )

    class Meta:
        verbose_name = _("chức danh")
        verbose_name_plural = _("chức danh")
        ordering = ["body__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["body", "role"], name="unique_post_role_in_body")
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.label:
            return self.label
        return f"{self.role} {self.body.display_name}"


class Tenure(models.Model):
    """Official holds post from `start` to `end` (no end: still held). Dates may be precise only
    to the month or year; both ends are inclusive, so on the day a tenure ends it is still held."""

    official = ParentalKey(
        "organisations.Official",
        verbose_name=_("nhân vật"),
        on_delete=models.CASCADE,
        related_name="tenures",
    )
    post = models.ForeignKey(
        Post, verbose_name=_("chức danh"), on_delete=models.PROTECT, related_name="tenures"
    )
    start = models.DateField(_("từ ngày"))
    start_precision = models.CharField(
        _("độ chính xác"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    end_precision = models.CharField(
        _("độ chính xác"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["-start"]
        indexes = [models.Index(fields=["post", "start"])]

    def __str__(self):
        return f"{self.official} – {self.title} ({self.period})"

    @property
    def title(self):
        return self.post.title

    @property
    def period(self):
        start = format_partial_date(self.start, self.start_precision)
        end = format_partial_date(self.end, self.end_precision) if self.end else "nay"
        return f"{start} – {end}"

    def is_held_on(self, date):
        return self.start <= date and (self.end is None or self.end >= date)

    def overlapping(self):
        """Other tenures of the same post whose dates meet this one's."""
        tenures = Tenure.objects.filter(post_id=self.post_id).exclude(pk=self.pk)
        if self.end is not None:
            tenures = tenures.filter(start__lte=self.end)
        return tenures.filter(Q(end__isnull=True) | Q(end__gte=self.start))

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")})
        if not (self.start and self.post_id):
            return
        clashes = self.overlapping().select_related("official")
        if self.official_id:
            same_person = [t for t in clashes if t.official_id == self.official_id]
            if same_person:
                raise ValidationError(
                    _("Nhân vật này đã giữ chức danh này trong khoảng %(period)s.")
                    % {"period": same_person[0].period}
                )
        if not self.post.shared:
            others = [t for t in clashes if t.official_id != self.official_id]
            if others:
                raise ValidationError(
                    _("Chức danh %(title)s đã do %(name)s giữ trong khoảng %(period)s.")
                    % {
                        "title": self.post.title,
                        "name": others[0].official,
                        "period": others[0].period,
                    }
                )


def titles_on(tenures, date):
    """Titles of the `tenures` held on `date`, the longest-held first."""
    held = sorted((t for t in tenures if t.is_held_on(date)), key=lambda t: (t.start, t.pk or 0))
    return [tenure.title for tenure in held]
