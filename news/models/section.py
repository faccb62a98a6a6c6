"""A section (chuyên mục): a paginated list of its articles, newest first."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .article import ArticlePage
from .base import NewsPage
from .listed import CHILDREN_LISTED, paginate_prepared


class SectionPage(NewsPage):
    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    content_panels = NewsPage.content_panels + [FieldPanel("intro")]
    routable_child_model = ArticlePage

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        first, last = self._get_children_path_interval(self.path)
        context["page_obj"] = paginate_prepared(
            request, CHILDREN_LISTED, first, last, self.depth + 1
        )
        return context
