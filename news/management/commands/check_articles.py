"""`manage.py check_articles`: the consistency report (news.checks) for every article.

Exit code 1 when a problem is found, so a cron job or CI can alert someone.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from news.checks import check_article
from news.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Kiểm tra chức danh và số liệu trong các bài viết (bản nháp mới nhất nếu có); "
        "thoát với mã 1 nếu có vấn đề."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--live", action="store_true", help="Chỉ kiểm tra bản đang đăng của các bài đã đăng."
        )

    def handle(self, *args, live, **options):
        articles = ArticlePage.objects.order_by("-published_at", "pk")
        if live:
            articles = articles.live()
        checked = with_problems = 0
        for page in articles:
            if not live and page.has_unpublished_changes:
                page = page.get_latest_revision_as_object()
            checked += 1
            problems = check_article(page)
            if not problems:
                continue
            with_problems += 1
            edit_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "wagtailadmin_pages:edit", args=[page.pk]
            )
            self.stdout.write(self.style.WARNING(f"{page.title}\n  {edit_url}"))
            for problem in problems:
                self.stdout.write(f"  - {problem}")
        if with_problems:
            raise CommandError(f"{with_problems}/{checked} bài cần xem lại.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"Đã kiểm tra {checked} bài: không có vấn đề."))
