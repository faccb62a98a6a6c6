"""An article's "Tin liên quan": the latest other articles that share one of its officials."""

import pytest

from news.tests.articles import make_article
from organisations.models import Official

pytestmark = pytest.mark.django_db


def test_related_articles_are_the_latest_sharing_an_official(client, demo):
    toan = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    older = make_article(title="Tin cũ có ông Toàn", officials=[toan, toan])
    make_article(title="Tin không liên quan")
    html = client.get(demo.url).content.decode()
    related = html.split('id="related-heading"', 1)[1]
    assert related.count(older.title) == 1
    assert "Tin không liên quan" not in related
