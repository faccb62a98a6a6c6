"""Who may do what in the admin: one user per role (news.roles) and an anonymous visitor, against
every admin screen of our snippets and article pages, in the style of Wagtail's own
wagtail/snippets/tests/test_permissions.py. Allowed is 200; refused is a redirect or a 403."""

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Workflow

import pytest

from news.models import ArticlePage, SectionPage
from news.roles import DATA_STAFF, EDITORS, MODERATORS, WORKFLOW_NAME
from organisations.models import Body, Indicator, Observation, Official, Post

from .admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

SNIPPETS = {
    "official": Official,
    "body": Body,
    "post": Post,
    "indicator": Indicator,
    "observation": Observation,
}
SNIPPET_ACTIONS = ["list", "add", "edit", "delete", "history"]
PAGE_ACTIONS = ["explore_home", "explore", "add", "edit", "unpublish", "delete", "history"]

LOOK_UP = {f"{model}:list" for model in SNIPPETS}
WRITE_PAGES = {"page:explore_home", "page:explore", "page:add", "page:edit", "page:history"}
ROLE_ALLOWS = {
    "anonymous": set(),
    EDITORS: LOOK_UP | WRITE_PAGES,
    MODERATORS: LOOK_UP | WRITE_PAGES | {"page:unpublish", "page:delete"},  # a live article
    DATA_STAFF: {f"{model}:{action}" for model in SNIPPETS for action in SNIPPET_ACTIONS},
}
CLIENTS = {EDITORS: "editor_client", MODERATORS: "moderator_client", DATA_STAFF: "data_client"}

SCREENS = [f"{model}:{action}" for model in SNIPPETS for action in SNIPPET_ACTIONS] + [
    f"page:{action}" for action in PAGE_ACTIONS
]


def admin_url(screen, article):
    kind, action = screen.split(":")
    if kind == "page":
        section = article.get_parent()
        args = {
            "explore_home": [section.get_parent().pk],
            "explore": [section.pk],
            "add": ["news", "articlepage", section.pk],
        }.get(action, [article.pk])
        if action.startswith("explore"):
            return reverse("wagtailadmin_explore", args=args)
        return reverse(f"wagtailadmin_pages:{action}", args=args)
    url_name = f"wagtailsnippets_organisations_{kind}:{action}"
    if action in ("list", "add"):
        return reverse(url_name)
    return reverse(url_name, args=[SNIPPETS[kind].objects.order_by("pk").first().pk])


def role_client(request, role):
    if role == "anonymous":
        request.getfixturevalue("roles")
        return Client()
    return request.getfixturevalue(CLIENTS[role])


@pytest.mark.parametrize("role", list(ROLE_ALLOWS))
def test_role_reaches_exactly_its_admin_screens(request, demo, role):
    """Every screen for one role; the failure lists each screen that answered wrongly."""
    client = role_client(request, role)
    wrong = []
    for screen in SCREENS:
        response = client.get(admin_url(screen, demo))
        allowed = screen in ROLE_ALLOWS[role]
        if allowed and response.status_code != 200:
            wrong.append((screen, "should open", response.status_code))
        elif not allowed and response.status_code not in (302, 403):
            wrong.append((screen, "should be refused", response.status_code))
        elif role == "anonymous" and not response["Location"].startswith(
            reverse("wagtailadmin_login")
        ):
            wrong.append((screen, "should ask to log in", response["Location"]))
    assert wrong == []


@pytest.mark.parametrize("role", list(ROLE_ALLOWS))
def test_role_may_use_the_suggestion_actions_only_if_it_edits_articles(request, demo, role):
    """The edit form's one-click actions (news.admin_views) are POST-only page edits: editors and
    moderators are sent back to the edit form; the others are refused and nothing is saved."""
    client = role_client(request, role)
    toan = Official.objects.get(slug="nguyen-khac-toan")
    members = Observation.objects.get(source_quote="45.239 đảng viên")
    edit = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    allowed = "page:edit" in ROLE_ALLOWS[role]
    for url in (
        reverse("news_link_official", args=[demo.pk, toan.pk]),
        reverse("news_add_figure", args=[demo.pk, members.pk]),
    ):
        response = client.post(url)
        assert response.status_code == 302
        assert (response["Location"] == edit) is allowed, (url, response["Location"])
    assert ArticlePage.objects.get(pk=demo.pk).latest_revision_id == demo.latest_revision_id


def test_every_role_may_open_the_admin_dashboard(editor_client, moderator_client, data_client):
    for client in (editor_client, moderator_client, data_client):
        assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_editor_asking_to_publish_only_saves_a_draft(editor_client, demo):
    url = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    data = edit_form_data(demo, title="Tiêu đề sửa", **{"action-publish": "publish"})
    response = editor_client.post(url, data)
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=demo.pk)
    assert page.title == demo.title  # the live page is untouched
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Tiêu đề sửa"


def test_moderator_publishes_directly(moderator_client, demo):
    url = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    data = edit_form_data(demo, title="Tiêu đề mới", **{"action-publish": "publish"})
    assert moderator_client.post(url, data).status_code == 302
    assert ArticlePage.objects.get(pk=demo.pk).title == "Tiêu đề mới"


def test_data_staff_cannot_edit_or_create_an_article(data_client, demo):
    url = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    data = edit_form_data(demo, title="Không được sửa", **{"action-publish": "publish"})
    response = data_client.post(url, data)
    assert response.status_code in (302, 403)
    page = ArticlePage.objects.get(pk=demo.pk)
    assert page.title == demo.title
    assert page.latest_revision_id == demo.latest_revision_id
    section = SectionPage.objects.first()
    add_url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    response = data_client.post(add_url, edit_form_data(demo, slug="bai-moi"))
    assert response.status_code in (302, 403)
    assert ArticlePage.objects.count() == 1


def test_editor_and_moderator_cannot_change_organisations_data(
    editor_client, moderator_client, demo
):
    official = Official.objects.get(slug="nguyen-khac-toan")
    url = reverse("wagtailsnippets_organisations_official:edit", args=[official.pk])
    for client in (editor_client, moderator_client):
        response = client.post(url, {"full_name": "Đổi tên", "slug": official.slug})
        assert response.status_code in (302, 403)
        delete = reverse("wagtailsnippets_organisations_official:delete", args=[official.pk])
        assert client.post(delete).status_code in (302, 403)
    official.refresh_from_db()
    assert official.full_name == "Nguyễn Khắc Toàn"


def test_moderator_unpublishes_editor_cannot(editor_client, moderator_client, demo):
    url = reverse("wagtailadmin_pages:unpublish", args=[demo.pk])
    editor_client.post(url)
    assert Page.objects.get(pk=demo.pk).live
    assert moderator_client.post(url).status_code == 302
    assert not Page.objects.get(pk=demo.pk).live


def test_setup_roles_is_idempotent(roles):
    def snapshot():
        return (
            sorted(GroupPagePermission.objects.values_list("group__name", "permission__codename")),
            {
                g.name: sorted(g.permissions.values_list("codename", flat=True))
                for g in roles.values()
            },
            Workflow.objects.count(),
        )

    before = snapshot()
    call_command("setup_roles")
    call_command("setup_roles")
    assert snapshot() == before
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [t.specific.groups.get().name for t in workflow.tasks] == [MODERATORS]
    assert ArticlePage.objects.get().get_workflow() == workflow
