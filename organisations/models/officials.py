"""Officials: people who hold posts. Their titles are never stored as text on them;
they come from dated tenures, so an old article keeps the title held on its date."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail.models import RevisionMixin

from ..paths import slug_path
from .bodies import unique_slug
from .positions import titles_on


class Official(RevisionMixin, ClusterableModel):
    full_name = models.CharField(_("họ và tên"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True, blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh chân dung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("tiểu sử tóm tắt"), blank=True)
    other_names = models.CharField(
        _("tên gọi khác"), max_length=255, blank=True, help_text=_("Cách nhau bằng dấu phẩy")
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="official")

    class Meta:
        verbose_name = _("nhân vật")
        verbose_name_plural = _("nhân vật")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Official, self.full_name, self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("organisations:official", self.slug)

    def title_on(self, date):
        """Titles held on `date`, e.g. ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"].
        Iterates `self.tenures.all()`, so a prefetch serves it."""
        return titles_on(self.tenures.all(), date)

    def current_titles(self):
        return self.title_on(timezone.localdate())

    def past_tenures(self):
        today = timezone.localdate()
        return [t for t in self.tenures.all() if t.end is not None and t.end < today]

    def current_title_list(self):
        return ", ".join(self.current_titles())

    current_title_list.short_description = _("Chức vụ hiện nay")
