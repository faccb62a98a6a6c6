"""The newsroom's roles, declared in code so every environment has the same ones.

Three groups: editors write and submit articles, moderators approve and publish them (through the
"Duyệt bài" workflow), data staff keep the organisations data (officials, tenures, figures). Page
rights are Wagtail GroupPagePermissions on the home page, so they cover every section and article;
snippet rights are plain Django model permissions. `setup_roles()` converges the three groups to
this declaration: run it again and nothing changes; a right added to them by hand is removed.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import HomePage

EDITORS = "Biên tập viên"
MODERATORS = "Thư ký tòa soạn"
DATA_STAFF = "Cán bộ dữ liệu"

WORKFLOW_NAME = "Duyệt bài"
TASK_NAME = "Thư ký tòa soạn duyệt"

ORGANISATIONS_MODELS = ["official", "body", "post", "tenure", "indicator", "observation"]
# Editors and moderators look organisations data up and link it; only data staff change it.
LOOK_UP = [f"organisations.view_{model}" for model in ORGANISATIONS_MODELS]
MAINTAIN = [
    f"organisations.{action}_{model}"
    for model in ORGANISATIONS_MODELS
    for action in ("add", "change", "delete", "view")
]
MEDIA = [
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
]

# group: (model permissions, page permissions on the home page, collection permissions)
ROLES = {
    EDITORS: (["wagtailadmin.access_admin", *LOOK_UP], ["add_page", "change_page"], MEDIA),
    MODERATORS: (
        ["wagtailadmin.access_admin", *LOOK_UP],
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        MEDIA,
    ),
    DATA_STAFF: (
        ["wagtailadmin.access_admin", *MAINTAIN],
        [],
        ["wagtailimages.add_image", "wagtailimages.choose_image"],  # portraits
    ),
}


def permissions(names):
    """Permission objects for "app_label.codename" names; a missing one is an error, not a no-op."""
    wanted = [name.split(".") for name in names]
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(codename__in=[c for _, c in wanted]).select_related(
            "content_type"
        )
    }
    missing = [".".join(key) for key in map(tuple, wanted) if key not in found]
    if missing:
        raise LookupError(f"Unknown permissions: {', '.join(missing)}")
    return [found[tuple(key)] for key in wanted]


def page_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


@transaction.atomic
def setup_roles():
    """Create or update the three groups and the approval workflow; return the groups by name."""
    home = HomePage.objects.first() or Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, (model_perms, page_perms, collection_perms) in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions(model_perms))
        sync_page_permissions(group, home, page_permissions(page_perms))
        sync_collection_permissions(group, root_collection, permissions(collection_perms))
        groups[name] = group
    setup_workflow(home, groups[MODERATORS])
    return groups


def sync_page_permissions(group, page, wanted):
    GroupPagePermission.objects.filter(group=group).exclude(
        page=page, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def sync_collection_permissions(group, collection, wanted):
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def setup_workflow(page, moderators):
    """One approval step by the moderators, for every page under `page` (Wagtail's own
    "Moderators approval" stays on the tree root, for pages outside the site)."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
