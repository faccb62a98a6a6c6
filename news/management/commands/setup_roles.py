"""`manage.py setup_roles`: the newsroom's groups and approval workflow (news.roles)."""

from django.core.management.base import BaseCommand

from news.roles import WORKFLOW_NAME, setup_roles


class Command(BaseCommand):
    help = (
        "Tạo hoặc cập nhật các nhóm Biên tập viên, Thư ký tòa soạn, Cán bộ dữ liệu và quy trình "
        "Duyệt bài (chạy lại không tạo trùng)."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        names = ", ".join(groups)
        self.stdout.write(self.style.SUCCESS(f"Nhóm quyền: {names}; quy trình: {WORKFLOW_NAME}."))
