"""Keep the search index in step with what readers can see; connected in NewsConfig.ready()."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from organisations.models import Body, Official, Post, Tenure

from . import search_index
from .models import ArticlePage


def article_published(sender, instance, **kwargs):
    search_index.index_article(instance)


def article_unpublished(sender, instance, **kwargs):
    search_index.remove(search_index.Kind.ARTICLE, instance.pk)


def article_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """A full save of a live page (created live, as imports and tests do) is what readers see;
    saves of a few fields (a draft revision's bookkeeping) are not, so they are ignored."""
    if update_fields is None and not raw:
        search_index.index_article(instance)


def article_deleted(sender, instance, **kwargs):
    search_index.remove(search_index.Kind.ARTICLE, instance.pk)


def page_moved(sender, instance, **kwargs):
    """A moved or renamed page changes the URLs of the live articles at and under it."""
    search_index.refresh_article_urls(instance)


def official_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index.index_official(instance)


def official_deleted(sender, instance, **kwargs):
    search_index.remove(search_index.Kind.OFFICIAL, instance.pk)


def tenure_changed(sender, instance, raw=False, **kwargs):
    """An official's titles are part of their entry."""
    if raw:  # loaddata: run rebuild_search_index afterwards
        return
    official = Official.objects.filter(pk=instance.official_id).first()
    if official is not None:
        search_index.index_official(official)


def post_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for official in Official.objects.filter(tenures__post=instance).distinct():
        search_index.index_official(official)


def body_saved(sender, instance, raw=False, **kwargs):
    """A body's entry, its children's, and those of the officials whose titles name it."""
    if raw:
        return
    search_index.index_body(instance)
    for child in instance.children.all():  # their entries name their parent
        search_index.index_body(child)
    for official in Official.objects.filter(tenures__post__body=instance).distinct():
        search_index.index_official(official)


def body_deleted(sender, instance, **kwargs):
    search_index.remove(search_index.Kind.BODY, instance.pk)


def connect():
    uid = "news.search."
    page_published.connect(article_published, sender=ArticlePage, dispatch_uid=uid + "pub")
    page_unpublished.connect(article_unpublished, sender=ArticlePage, dispatch_uid=uid + "unpub")
    post_save.connect(article_saved, sender=ArticlePage, dispatch_uid=uid + "save")
    post_delete.connect(article_deleted, sender=ArticlePage, dispatch_uid=uid + "del")
    # Any page type: moving or renaming a section moves its articles.
    post_page_move.connect(page_moved, dispatch_uid=uid + "move")
    page_slug_changed.connect(page_moved, dispatch_uid=uid + "slug")
    post_save.connect(official_saved, sender=Official, dispatch_uid=uid + "official")
    post_delete.connect(official_deleted, sender=Official, dispatch_uid=uid + "official-del")
    post_save.connect(tenure_changed, sender=Tenure, dispatch_uid=uid + "tenure")
    post_delete.connect(tenure_changed, sender=Tenure, dispatch_uid=uid + "tenure-del")
    post_save.connect(post_saved, sender=Post, dispatch_uid=uid + "post")
    post_save.connect(body_saved, sender=Body, dispatch_uid=uid + "body")
    post_delete.connect(body_deleted, sender=Body, dispatch_uid=uid + "body-del")
