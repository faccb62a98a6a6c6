"""Admin panels for the article edit form."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from organisations.models import Qualifier

from .checks import check_article

HEADING = _("Kiểm tra chức danh, số liệu")
SUGGESTIONS_HEADING = _("Gợi ý từ văn bản")


class SavedArticlePanel(Panel):
    """A panel about the article being edited, shown once it is saved (not on the add form)."""

    default_heading = ""

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or self.default_heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None


class ConsistencyPanel(SavedArticlePanel):
    """Read-only list of what news.checks finds in the version being edited: printed titles
    against tenures, figures against the text, breakdowns that do not add up."""

    default_heading = HEADING

    class BoundPanel(SavedArticlePanel.BoundPanel):
        template_name = "news/admin/consistency_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["problems"] = check_article(self.instance)
            return context


class SuggestionsPanel(SavedArticlePanel):
    """What the text of the version being edited names or prints and the article does not link
    yet (news.suggestions), each with a one-click action (news.admin_views) or, when nothing
    exists to link, a link to the prefilled add form of the official or the figure."""

    default_heading = SUGGESTIONS_HEADING

    class BoundPanel(SavedArticlePanel.BoundPanel):
        template_name = "news/admin/suggestions_panel.html"

        def get_context_data(self, parent_context=None):
            from .suggestions import suggest  # imported here: it imports news.models

            context = super().get_context_data(parent_context)
            page, user = self.instance, self.request.user
            suggestions = suggest(page)
            context.update(
                page=page,
                suggestions=suggestions,
                unknown_people=[
                    (found, add_official_url(found.person)) for found in suggestions.unknown_people
                ],
                figures=[
                    (found, add_observation_url(page, found.figure))
                    for found in suggestions.figures
                ],
                can_add_official=user.has_perm("organisations.add_official"),
                can_add_observation=user.has_perm("organisations.add_observation"),
            )
            return context


def add_official_url(person):
    """The official's add form with the name filled in (organisations.admin_views)."""
    url = reverse("wagtailsnippets_organisations_official:add")
    return f"{url}?{urlencode({'full_name': person.name})}"


def add_observation_url(page, figure):
    """The figure's add form with what the text says: value, qualifier, the article's date, the
    article as source and the figure's words as the quote."""
    fields = {
        "value": str(figure.value),
        "date": page.published_date.isoformat(),
        "source_page": page.pk,
        "source_quote": figure.text,
    }
    if figure.qualifier in Qualifier.values:
        fields["qualifier"] = figure.qualifier
    url = reverse("wagtailsnippets_organisations_observation:add")
    return f"{url}?{urlencode(fields)}"
