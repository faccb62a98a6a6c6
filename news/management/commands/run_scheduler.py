"""`manage.py run_scheduler`: publish scheduled articles on time, with nobody at the keyboard.

Wagtail only records "go live at": a page goes live when something runs `publish_scheduled`
after that moment (it also unpublishes pages whose "expire at" has passed). This loop runs it
every `--interval` seconds, says what it published, and stops cleanly on SIGTERM/SIGINT, so it
can run beside `runserver` (`make run`) or as a service (docs/newsroom.md).
"""

import signal
import threading
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone

from wagtail.models import Revision

from organisations.text import format_datetime

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
LOCK_ID = 4_310_2021  # any constant: names this job's PostgreSQL advisory lock


class Command(BaseCommand):
    help = "Chạy publish_scheduled mỗi N giây để bài hẹn giờ tự lên trang (dừng bằng Ctrl+C)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Số giây giữa hai lần chạy (mặc định 60)."
        )
        parser.add_argument("--once", action="store_true", help="Chạy một lần rồi thoát.")

    def handle(self, *args, interval, once, **options):
        if once:
            self.run_once()
            return
        stop = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in STOP_SIGNALS}
        self.log(f"Bắt đầu: kiểm tra bài hẹn giờ mỗi {interval} giây.")
        try:
            while not stop.is_set():
                try:
                    close_old_connections()  # a long-lived worker: drop dead, old connections
                    self.run_once()
                except Exception as exc:  # a database hiccup must not end the worker
                    self.stderr.write(f"Lỗi khi đăng bài hẹn giờ: {exc!r}")
                stop.wait(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.log("Đã dừng.")

    def run_once(self):
        """Publish what is due; return the revisions published."""
        with single_runner() as alone:
            if not alone:
                return []
            due = list(
                Revision.objects.filter(approved_go_live_at__lt=timezone.now())
                .select_related("content_type")
                .order_by("approved_go_live_at")
            )
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        for revision in due:
            self.log(
                f"Đã đăng: {revision.object_str} (hẹn giờ {format_datetime(revision.approved_go_live_at)})"
            )
        return due

    def log(self, message):
        self.stdout.write(f"[{format_datetime(timezone.now())}] {message}")
        self.stdout.flush()


@contextmanager
def single_runner():
    """True if no other scheduler is publishing now. With one scheduler per app server on a
    shared PostgreSQL database, an advisory lock lets only one publish at a time; SQLite has a
    single host and serialises writers itself."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_ID])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])
