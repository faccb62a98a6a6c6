"""Old articles keep the titles held on their date, whatever appointments come later."""

import datetime
import re

from django.utils import timezone

import pytest

from organisations.appointments import appoint
from organisations.models import Official, Post, Tenure
from organisations.tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db

DEPUTY = "Phó Bí thư Thường trực Tỉnh ủy"


def text_of(response):
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def promoted_today(demo):
    """Toàn becomes Bí thư Tỉnh ủy today; a newcomer takes his seat as Phó Bí thư Thường trực."""
    today = timezone.localdate()
    toan = Official.objects.get(slug="nguyen-khac-toan")
    deputy = Tenure.objects.get(official=toan, post__role="Phó Bí thư Thường trực")
    secretary = Post.objects.create(body=deputy.post.body, role="Bí thư")
    appoint(toan, secretary, today, replaces=deputy)
    appoint(OfficialFactory(full_name="Trần Văn Mới"), deputy.post, today)
    return toan


def test_promotion_today_changes_current_titles(promoted_today):
    today = timezone.localdate()
    assert promoted_today.title_on(today) == ["Chủ tịch HĐND tỉnh", "Bí thư Tỉnh ủy"]
    yesterday = today - datetime.timedelta(days=1)
    assert DEPUTY in promoted_today.title_on(yesterday)


def test_the_2021_article_still_reads_the_2021_titles(client, demo, promoted_today):
    mention = next(m for m in demo.mentioned_officials() if m.official == promoted_today)
    assert mention.titles == [DEPUTY, "Chủ tịch HĐND tỉnh"]
    assert not mention.title_mismatch
    text = text_of(client.get(demo.url))
    assert f"Nguyễn Khắc Toàn – {DEPUTY}, Chủ tịch HĐND tỉnh" in text
    assert "Bí thư Tỉnh ủy" not in text.replace(DEPUTY, "")


def test_official_page_shows_the_whole_history(client, promoted_today):
    text = text_of(client.get(promoted_today.get_absolute_url()))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert "Bí thư Tỉnh ủy" in text
    assert f"{DEPUTY} 10/2020 – {yesterday:%d/%m/%Y}" in text
    assert "Chủ tịch HĐND tỉnh 06/2021 – nay" in text
