"""A section (chuyên mục): a paginated list of its articles, newest first."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .article import ITEM_FIELDS, ArticlePage
from .base import NewsPage
from .listed import paginate_listed


class SectionPage(NewsPage):
    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    content_panels = NewsPage.content_panels + [FieldPanel("intro")]
    routable_child_model = ArticlePage

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def articles(self):
        return (
            ArticlePage.objects.live()
            .child_of(self)
            .only(*ITEM_FIELDS)
            .order_by("-published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate_listed(request, self.articles())
        return context
