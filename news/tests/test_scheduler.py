"""Scheduled publishing fires: `run_scheduler` publishes what is due and nothing early."""

import datetime
import io
import os
import signal
from unittest import mock

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

import pytest

from news.management.commands.run_scheduler import LOCK_ID, Command
from news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def article_with_go_live_at(slug, go_live_at):
    """A new, never published article whose latest revision goes live at `go_live_at`."""
    section = SectionPage.objects.first()
    article = section.add_child(
        instance=ArticlePage(
            title=f"Bài {slug}", slug=slug, lead="Sapo.", live=False, go_live_at=go_live_at
        )
    )
    return article, article.save_revision()


def scheduled_article(slug, go_live_at):
    """Approved for a future time: publishing only records approved_go_live_at."""
    article, revision = article_with_go_live_at(slug, go_live_at)
    revision.publish()
    revision.refresh_from_db()
    assert revision.approved_go_live_at == go_live_at
    return article, revision


def run_once():
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    return out.getvalue()


def test_article_due_in_the_past_is_published_and_a_future_one_waits(demo):
    past = timezone.now() - datetime.timedelta(minutes=5)
    due, revision = article_with_go_live_at("bai-den-gio", past)
    # Approved while its time was still ahead: what the scheduler finds once that time passes.
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past)
    later, _ = scheduled_article("bai-chua-den-gio", timezone.now() + datetime.timedelta(hours=1))
    assert not ArticlePage.objects.get(pk=due.pk).live

    output = run_once()

    assert ArticlePage.objects.get(pk=due.pk).live
    assert not ArticlePage.objects.get(pk=later.pk).live
    assert "Đã đăng: Bài bai-den-gio" in output
    assert "bai-chua-den-gio" not in output
    entry = PageLogEntry.objects.get(page=due, action="wagtail.publish.scheduled")
    assert entry.user is None  # nobody pressed a button


def test_future_article_goes_live_when_its_time_comes(demo):
    go_live_at = timezone.now() + datetime.timedelta(hours=1)
    article, _ = scheduled_article("bai-hen-gio", go_live_at)
    run_once()
    assert not ArticlePage.objects.get(pk=article.pk).live
    with mock.patch("django.utils.timezone.now", return_value=go_live_at + datetime.timedelta(1)):
        run_once()
    assert ArticlePage.objects.get(pk=article.pk).live


def test_loop_stops_cleanly_on_sigterm(demo):
    calls = []

    def run_once_then_terminate(self):
        calls.append(1)
        os.kill(os.getpid(), signal.SIGTERM)

    before = signal.getsignal(signal.SIGTERM)
    with mock.patch.object(Command, "run_once", run_once_then_terminate):
        out = io.StringIO()
        call_command("run_scheduler", "--interval", "3600", stdout=out)
    assert calls == [1]  # no second round, and no hour-long wait
    assert "Đã dừng." in out.getvalue()
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_a_second_scheduler_skips_while_another_is_publishing(demo):
    past = timezone.now() - datetime.timedelta(minutes=5)
    due, revision = article_with_go_live_at("bai-den-gio", past)
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past)
    other = connections.create_connection(DEFAULT_DB_ALIAS)  # another app server's scheduler
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
        run_once()
        assert not ArticlePage.objects.get(pk=due.pk).live
    finally:
        # Unlock before closing: the server drops a closed session's locks a moment after the
        # client has gone, so relying on close() alone races with the next run_once().
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])
        other.close()
    run_once()
    assert ArticlePage.objects.get(pk=due.pk).live
