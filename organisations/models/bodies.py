"""Party and state bodies, as a tree (Đảng bộ tỉnh → Tỉnh ủy → Ban Tổ chức Tỉnh ủy …)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import RevisionMixin

from ..paths import slug_path
from ..text import vn_slugify


class BodyKind(models.TextChoices):
    PARTY_COMMITTEE = "tinh_uy", _("Cấp ủy (Tỉnh ủy, Huyện ủy…)")
    BOARD = "ban", _("Ban")
    COUNCIL = "hdnd", _("Hội đồng nhân dân")
    COMMITTEE = "ubnd", _("Ủy ban nhân dân")
    PARTY_ORGANISATION = "dang_bo", _("Đảng bộ")
    GRASSROOTS_PARTY = "dang_bo_co_so", _("Đảng bộ cơ sở")
    GRASSROOTS_CELL = "chi_bo_co_so", _("Chi bộ cơ sở")
    PARTIAL_PARTY = "dang_bo_bo_phan", _("Đảng bộ bộ phận")
    CELL = "chi_bo", _("Chi bộ")
    MASS_ORGANISATION = "doan_the", _("Đoàn thể, mặt trận")
    AGENCY = "co_quan", _("Cơ quan, đơn vị")
    OTHER = "khac", _("Khác")


class Body(RevisionMixin, models.Model):
    """A party or state body. `parent` makes the tree; dates record merges and dissolutions
    (district level was abolished on 1 July 2025, so a body may exist only in the past)."""

    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(
        _("tên ngắn"), max_length=100, blank=True, help_text=_("Ví dụ: HĐND tỉnh")
    )
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=32, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    founded = models.DateField(_("thành lập"), null=True, blank=True)
    dissolved = models.DateField(_("giải thể, sáp nhập"), null=True, blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="body")

    class Meta:
        verbose_name = _("cơ quan, tổ chức")
        verbose_name_plural = _("cơ quan, tổ chức")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def display_name(self):
        return self.short_name or self.name

    def clean(self):
        if self.founded and self.dissolved and self.dissolved < self.founded:
            raise ValidationError({"dissolved": _("Ngày giải thể phải sau ngày thành lập.")})
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Một tổ chức không thể trực thuộc chính nó.")})
            ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Body, self.name, self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("organisations:body", self.slug)

    def ancestors(self):
        """Parents from the root down, for breadcrumbs."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


def unique_slug(model, text, pk=None):
    """vn_slugify(text), made unique among `model` rows by a numeric suffix."""
    base = vn_slugify(text, max_length=240) or "muc"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exclude(pk=pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
