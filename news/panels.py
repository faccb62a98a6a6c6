"""Admin panels for the article edit form."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .checks import check_article

HEADING = _("Kiểm tra chức danh, số liệu")


class ConsistencyPanel(Panel):
    """Read-only list of what news.checks finds in the version being edited: printed titles
    against tenures, figures against the text, breakdowns that do not add up."""

    def __init__(self, heading=HEADING, **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/consistency_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["problems"] = check_article(self.instance)
            return context
