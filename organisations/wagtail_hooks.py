"""Staff screens: one SnippetViewSet per model, grouped under "Tổ chức và nhân sự"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import AppointView, PrefilledCreateView
from .admin_widgets import vietnamese_slug_widget
from .appointments import APPOINT_ACTION
from .filters import BodyFilterSet, ObservationFilterSet, OfficialFilterSet, PostFilterSet
from .models import Body, Indicator, Observation, Official, Post


class OfficialViewSet(SnippetViewSet):
    model = Official
    add_view_class = PrefilledCreateView
    icon = "user"
    menu_label = _("Nhân vật")
    list_display = ["full_name", "current_title_list", "slug"]
    search_fields = ["full_name", "other_names"]
    search_backend_name = None
    filterset_class = OfficialFilterSet
    ordering = ["full_name"]

    def get_queryset(self, request):
        # The list shows current titles: load tenures, posts and bodies in two queries.
        return Official.objects.prefetch_related("tenures__post__body")

    panels = [
        FieldPanel("full_name"),
        FieldPanel("slug", widget=vietnamese_slug_widget()),
        FieldPanel("portrait"),
        FieldPanel("bio"),
        FieldPanel("other_names"),
        InlinePanel(
            "tenures",
            heading=_("Chức vụ theo thời gian"),
            label=_("Nhiệm kỳ"),
            panels=[
                FieldPanel("post"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("start_precision")]),
                FieldRowPanel([FieldPanel("end"), FieldPanel("end_precision")]),
                FieldPanel("note"),
            ],
        ),
    ]


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "group"
    menu_label = _("Cơ quan, tổ chức")
    list_display = ["name", "short_name", "kind", "parent"]
    search_fields = ["name", "short_name"]
    search_backend_name = None
    filterset_class = BodyFilterSet
    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug", widget=vietnamese_slug_widget()),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("founded"), FieldPanel("dissolved")]),
        FieldPanel("description"),
    ]


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "tag"
    menu_label = _("Chức danh")
    list_display = ["title", "body", "shared"]
    search_fields = ["role", "label"]
    search_backend_name = None
    filterset_class = PostFilterSet

    def get_queryset(self, request):
        return Post.objects.select_related("body")

    panels = [FieldPanel("body"), FieldPanel("role"), FieldPanel("label"), FieldPanel("shared")]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ul"
    menu_label = _("Chỉ tiêu")
    list_display = ["name", "unit", "kind", "parent"]
    search_fields = ["name", "unit"]
    search_backend_name = None


class ObservationViewSet(SnippetViewSet):
    model = Observation
    add_view_class = PrefilledCreateView
    icon = "table"
    menu_label = _("Số liệu")
    list_display = ["indicator", "body", "display_value", "date"]
    search_fields = ["source_quote"]
    search_backend_name = None
    filterset_class = ObservationFilterSet

    def get_queryset(self, request):
        return Observation.objects.select_related("indicator", "body")

    panels = [
        FieldPanel("indicator"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("qualifier"), FieldPanel("value")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("date")]),
        MultiFieldPanel([FieldPanel("source_page"), FieldPanel("source_quote")], _("Nguồn")),
    ]


class OrganisationsGroup(SnippetViewSetGroup):
    menu_label = _("Tổ chức và nhân sự")
    menu_icon = "group"
    menu_order = 200
    items = (OfficialViewSet, BodyViewSet, PostViewSet, IndicatorViewSet, ObservationViewSet)


register_snippet(OrganisationsGroup)


# Appointments (Bổ nhiệm): a form that ends the replaced tenures for the staff (admin_views).
@hooks.register("register_admin_urls")
def register_appointment_url():
    return [path("bo-nhiem/", AppointView.as_view(), name="organisations_appoint")]


@hooks.register("register_snippet_listing_buttons")
def appoint_button(snippet, user, next_url=None):
    if isinstance(snippet, Official) and user.has_perm("organisations.change_official"):
        url = reverse("organisations_appoint") + f"?official={snippet.pk}"
        yield ListingButton(_("Bổ nhiệm"), url=url, icon_name="user", priority=15)


@hooks.register("register_log_actions")
def register_appointment_log_action(actions):
    actions.register_action(APPOINT_ACTION, _("Bổ nhiệm"), _("Bổ nhiệm, thay đổi chức vụ"))
