"""One-click actions of the article edit form's suggestions (news.panels.SuggestionsPanel): link an
official the text names, add an existing figure to the figures box.

Each is a POST that works like the edit form's "Save draft": it needs the right to edit the page
and refuses a locked page (locked by someone, waiting in the approval workflow, scheduled); it
takes the latest revision, adds the one item, saves a new revision by the user and never
publishes. The form's unsaved edits are not in that revision: the editor saves first (the admin
asks before leaving a form with unsaved changes).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from organisations.models import Observation, Official

from .models import ArticlePage
from .suggestions import add_official_link, add_to_figures_box, person_naming


@require_POST
def link_official(request, page_id, official_id):
    official = get_object_or_404(Official, pk=official_id)

    def change(page):
        return add_official_link(page, official, person_naming(page, official))

    names = {"name": official.full_name}
    return save_draft_with(
        request,
        page_id,
        change,
        done=_("Đã liên kết “%(name)s” với bài trong bản nháp mới.") % names,
        already=_("“%(name)s” đã được liên kết với bài: không thêm lần nữa.") % names,
    )


@require_POST
def add_figure(request, page_id, observation_id):
    observation = get_object_or_404(
        Observation.objects.select_related("indicator", "body"), pk=observation_id
    )
    names = {"figure": observation}
    return save_draft_with(
        request,
        page_id,
        lambda page: add_to_figures_box(page, observation),
        done=_("Đã thêm số liệu “%(figure)s” vào hộp số liệu trong bản nháp mới.") % names,
        already=_("Số liệu “%(figure)s” đã có trong hộp số liệu: không thêm lần nữa.") % names,
    )


def save_draft_with(request, page_id, change, done, already):
    """Apply `change` (page → False if there was nothing to do) to the latest revision of the
    article and save it as a new draft revision by the user; back to the edit form. The article's
    row is locked meanwhile, so a double click cannot build two revisions on the same one."""
    with transaction.atomic():
        article = get_object_or_404(ArticlePage.objects.select_for_update(), pk=page_id)
        if not article.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
        lock = article.get_lock()
        if lock is not None and lock.for_user(request.user):
            messages.error(
                request,
                _(
                    "Bài đang bị khóa (có người khóa, đang chờ duyệt hoặc đã hẹn giờ đăng): "
                    "chưa sửa được."
                ),
            )
            return redirect(edit_url)
        page = article.get_latest_revision_as_object()
        if not change(page):
            messages.info(request, already)
            return redirect(edit_url)
        if not page.live:
            page.save(clean=False)  # a draft's row follows its latest revision, as in the edit view
        page.save_revision(user=request.user, log_action=True, clean=False)
    messages.success(request, done + " " + _("Bài đang đăng chỉ đổi khi bản nháp được xuất bản."))
    return redirect(edit_url)
