"""The home page: latest articles across the site, then the latest of each section."""

from django.utils.translation import gettext_lazy as _

from .article import ArticlePage
from .base import NewsPage
from .section import SectionPage

LATEST_COUNT = 10
PER_SECTION_COUNT = 4


class HomePage(NewsPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage"]
    max_count = 1
    routable_child_model = SectionPage

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (ArticlePage.objects.live().descendant_of(self).defer_streamfields()).order_by(
            "-published_at", "-pk"
        )
        context["latest"] = list(articles[:LATEST_COUNT])
        sections = list(SectionPage.objects.live().child_of(self).order_by("path"))
        context["sections"] = [
            (section, list(articles.child_of(section)[:PER_SECTION_COUNT])) for section in sections
        ]
        return context
