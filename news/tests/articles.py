"""Small builders for articles in tests of feeds, sitemaps and structured data."""

import datetime
import zoneinfo

from news.models import ArticleBodyLink, ArticleOfficialLink, ArticlePage, SectionPage

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def vn_time(*args):
    """An aware datetime in Vietnam time: vn_time(2021, 11, 10, 9, 11)."""
    return datetime.datetime(*args, tzinfo=HANOI)


def section(slug="xay-dung-dang"):
    return SectionPage.objects.get(slug=slug)


def make_article(parent=None, title="Bài viết", published_at=None, officials=(), bodies=(), **kw):
    """A published article under `parent` (the demo's first section by default)."""
    parent = parent or section()
    article = ArticlePage(
        title=title,
        lead=kw.pop("lead", f"Sapo của {title}"),
        published_at=published_at or vn_time(2022, 1, 1, 8, 0),
        **kw,
    )
    parent.add_child(instance=article)
    for official in officials:
        article.official_links.add(ArticleOfficialLink(official=official, role="du"))
    for body in bodies:
        article.body_links.add(ArticleBodyLink(body=body))
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def make_articles(count, **kw):
    return [
        make_article(title=f"Tin số {n}", published_at=vn_time(2022, 1, 1, 8, 0, n), **kw)
        for n in range(count)
    ]
