"""Create the demo admin account once, with a random password kept outside git."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-admin-password"


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị mẫu 'admin' nếu chưa có; mật khẩu ngẫu nhiên lưu ở .demo-admin-password."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            if PASSWORD_FILE.exists():
                self.stdout.write(
                    f"Đăng nhập /admin/ với tài khoản admin, mật khẩu trong {PASSWORD_FILE.name}: "
                    f"{PASSWORD_FILE.read_text().strip()}"
                )
            else:
                self.stdout.write(
                    "Tài khoản admin đã có (đặt lại: manage.py changepassword admin)."
                )
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tạo tài khoản admin. Đăng nhập http://127.0.0.1:8000/admin/ với admin / {password}"
                f" (lưu trong {PASSWORD_FILE.name})"
            )
        )
