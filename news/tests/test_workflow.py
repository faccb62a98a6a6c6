"""The "Duyệt bài" workflow through the admin: an editor submits, a moderator approves (which
publishes) or rejects with a comment, and the audit log says who did what."""

from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState
from wagtail.rich_text import RichText

import pytest

from news.models import ArticleOfficialLink, ArticlePage, SectionPage
from news.roles import TASK_NAME, WORKFLOW_NAME
from organisations.models import Official

from .admin_forms import article_form_data, edit_form_data

pytestmark = pytest.mark.django_db

SLUG = "hoi-nghi-ban-chap-hanh-dang-bo-tinh"


def draft_article():
    article = ArticlePage(
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        slug=SLUG,
        lead="Sáng 12-11, Ban Chấp hành Đảng bộ tỉnh họp phiên thường kỳ.",
        byline="X.T",
        body=[("paragraph", RichText("<p>Có 45.239 đảng viên.</p>"))],
    )
    toan = Official.objects.get(slug="nguyen-khac-toan")
    article.official_links.add(ArticleOfficialLink(official=toan, role="chu_tri"))
    return article


@pytest.fixture
def submitted(editor_client, roles):
    """An article the editor created and submitted in one go, as the admin's "Submit" does."""
    section = SectionPage.objects.first()
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    data = article_form_data(draft_article(), **{"action-submit": "submit"})
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return ArticlePage.objects.get(slug=SLUG)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def log_of(page):
    return [
        (entry.action, entry.user.username if entry.user else None)
        for entry in PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
    ]


def test_submitted_article_waits_for_the_moderators(submitted):
    assert not submitted.live
    assert submitted.workflow_in_progress
    assert submitted.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert submitted.current_workflow_task.name == TASK_NAME


def test_moderator_approves_and_the_article_is_published(submitted, moderator_client):
    response = workflow_action(moderator_client, submitted, "approve")
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=submitted.pk)
    assert page.live
    assert page.current_workflow_state is None
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_APPROVED
    log = log_of(page)
    assert ("wagtail.create", "bientap") in log
    assert ("wagtail.workflow.start", "bientap") in log
    assert ("wagtail.workflow.approve", "thuky") in log
    assert ("wagtail.publish", "thuky") in log
    assert log.index(("wagtail.workflow.start", "bientap")) < log.index(
        ("wagtail.publish", "thuky")
    )


def test_moderator_rejects_with_a_comment_and_the_editor_resubmits(
    submitted, moderator_client, editor_client
):
    response = workflow_action(moderator_client, submitted, "reject", "Kiểm tra lại số đảng viên")
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=submitted.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejection = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert rejection.user == moderator_client.user
    assert rejection.data["comment"] == "Kiểm tra lại số đảng viên"

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(page, **{"action-submit": "submit"})
    assert editor_client.post(edit, data).status_code == 302
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert ("wagtail.workflow.resume", "bientap") in log_of(page)


def test_editor_cannot_approve_their_own_article(submitted, editor_client):
    response = workflow_action(editor_client, submitted, "approve")
    assert response.status_code in (302, 403)
    page = ArticlePage.objects.get(pk=submitted.pk)
    assert not page.live
    assert page.workflow_in_progress


def test_history_screen_shows_who_did_what(submitted, moderator_client):
    workflow_action(moderator_client, submitted, "approve")
    response = moderator_client.get(reverse("wagtailadmin_pages:history", args=[submitted.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "bientap" in html and "thuky" in html
