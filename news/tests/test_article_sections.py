"""An article's officials, bodies and topics, each printed once per process for the same values
(news.templatetags.listing): what they print follows every edit, and is escaped."""

import pytest

from news.tests.articles import make_article
from organisations.tests.factories import BodyFactory, PostFactory, TenureFactory

pytestmark = pytest.mark.django_db


def section_of(html, css_class):
    return html.split(f'<section class="{css_class}"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def memoised(settings):
    settings.DEBUG = False  # the memo is bypassed with DEBUG on


def test_officials_print_their_link_titles_and_role_and_follow_an_edit(client, demo, memoised):
    post = PostFactory(role="Bí thư", body=BodyFactory(name="Tỉnh ủy"))
    tenure = TenureFactory(official__full_name="Lê Văn <b>A</b>", post=post)
    article = make_article(title="Hội nghị", officials=[tenure.official])
    html = section_of(client.get(article.url).content.decode(), "officials")
    assert f'<a href="{tenure.official.get_absolute_url()}">Lê Văn &lt;b&gt;A&lt;/b&gt;</a>' in html
    assert '<span class="titles">– Bí thư Tỉnh ủy</span>' in html
    post.role = "Phó Bí thư"
    post.save()  # replaces the generation (news.cache_signals)
    html = section_of(client.get(article.url).content.decode(), "officials")
    assert '<span class="titles">– Phó Bí thư Tỉnh ủy</span>' in html


def test_body_chips_follow_a_rename(client, demo, memoised):
    body = BodyFactory(name="Ban Tuyên giáo Tỉnh ủy")
    article = make_article(title="Hội nghị", bodies=[body])
    html = section_of(client.get(article.url).content.decode(), "bodies")
    assert f'<li><a href="{body.get_absolute_url()}">Ban Tuyên giáo Tỉnh ủy</a></li>' in html
    body.name = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    body.save()
    html = section_of(client.get(article.url).content.decode(), "bodies")
    assert ">Ban Tuyên giáo và Dân vận Tỉnh ủy</a>" in html


def test_topic_chips_link_each_topic(client, demo, memoised):
    article = make_article(title="Hội nghị")
    article.tags.add("Xây dựng Đảng", "<script>x</script>")
    article.save_revision().publish()
    html = section_of(client.get(article.url).content.decode(), "tags")
    assert '<a href="/chu-de/xay-dung-dang/">Xây dựng Đảng</a>' in html
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
