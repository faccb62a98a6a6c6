"""An article's officials, bodies, tags and corrections read for a reader in one query
(news.models.saved_links): the same objects, in the order editors gave them, on both databases."""

import datetime

import pytest

from news.models import ArticleBodyLink, ArticleCorrection, ArticleOfficialLink, ArticlePageTag
from news.models.saved_links import saved_links
from news.tests.articles import make_article, vn_time
from organisations.tests.factories import BodyFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def test_everything_an_article_links_comes_in_one_query_in_editors_order(
    demo, django_assert_num_queries
):
    first, second = OfficialFactory(), OfficialFactory()
    party, council = BodyFactory(), BodyFactory()
    article = make_article(title="Tin có đủ liên kết")
    article.official_links = [
        ArticleOfficialLink(official=second, role="chu_tri", printed_title="Bí thư Tỉnh ủy"),
        ArticleOfficialLink(official=first, role="du"),
    ]
    article.body_links = [ArticleBodyLink(body=council), ArticleBodyLink(body=party)]
    article.corrections = [
        ArticleCorrection(
            kind="correction", note="Sửa số liệu", made_at=vn_time(2022, 1, 2, 9, 30)
        ),
        ArticleCorrection(kind="update", note="Thêm ảnh", made_at=vn_time(2022, 1, 1, 10, 0)),
    ]
    article.tags.add("Xây dựng Đảng", "Nhân sự")
    article.save_revision().publish()

    with django_assert_num_queries(1):
        links = saved_links(article.pk)

    assert [(link.official_id, link.role, link.printed_title) for link in links.official_links] == [
        (second.pk, "chu_tri", "Bí thư Tỉnh ủy"),
        (first.pk, "du", ""),
    ]
    assert [link.get_role_display() for link in links.official_links] == ["chủ trì", "dự"]
    assert links.body_ids == [council.pk, party.pk]
    tagged = ArticlePageTag.objects.filter(content_object_id=article.pk).order_by("id")
    assert [(tag.pk, tag.name, tag.slug) for tag in links.tags] == [
        (item.tag.pk, item.tag.name, item.tag.slug) for item in tagged
    ]
    assert {tag.name for tag in links.tags} == {"Xây dựng Đảng", "Nhân sự"}
    assert [(c.kind, c.note) for c in links.corrections] == [
        ("correction", "Sửa số liệu"),
        ("update", "Thêm ảnh"),
    ]
    made = links.corrections[0].made_at
    assert isinstance(made, datetime.datetime) and made.tzinfo is not None
    assert made == vn_time(2022, 1, 2, 9, 30)


def test_an_article_that_links_nothing_reads_empty_lists(demo):
    links = saved_links(make_article(title="Tin không liên kết").pk)
    assert (links.official_links, links.body_ids, links.tags, links.corrections) == ([], [], [], [])
