"""The home page: latest articles across the site, then the latest of each section."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..cache import generation_cached
from .article import ITEM_FIELDS, ArticlePage
from .base import NewsPage
from .listed import first_listed
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

    def sections_by_slug(self):
        return {section.slug: section for section in SectionPage.objects.child_of(self)}

    def route(self, request, path_components):
        """Every article URL starts with a section: the sections (live or not, as Wagtail's
        routing) come from the cache, refreshed when one is saved (news.cache_signals)."""
        if not path_components:
            return super().route(request, path_components)
        sections = generation_cached(request, f"sections:{self.pk}", self.sections_by_slug)
        section = sections.get(path_components[0])
        if section is None:
            raise Http404
        section._cached_parent_obj = self
        return section.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (ArticlePage.objects.live().descendant_of(self).only(*ITEM_FIELDS)).order_by(
            "-published_at", "-pk"
        )
        context["latest"] = first_listed(articles, LATEST_COUNT)
        sections = list(SectionPage.objects.live().child_of(self).order_by("path"))
        context["sections"] = [
            (section, first_listed(articles.child_of(section), PER_SECTION_COUNT))
            for section in sections
        ]
        return context
