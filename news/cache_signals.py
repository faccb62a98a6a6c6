"""Cache invalidation wiring: what may change a public page drops the page cache and purges the CDN.

Lives in `news` because `organisations` never imports `news`; connected in NewsConfig.ready().
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from organisations.models import Body, Indicator, Observation, Official, Post, Tenure

from . import cache
from .models import ArticleCorrection, ArticlePage, HomePage, SectionPage


def _purge(compute):
    """Compute the URL list only when a CDN purge backend is configured (it costs queries)."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        cache.purge_urls(compute())


def page_changed(sender, instance, **kwargs):
    cache.bump_generation()
    _purge(lambda: cache.urls_for_page(instance))


def official_changed(sender, instance, **kwargs):
    cache.bump_generation()
    _purge(lambda: cache.urls_for_official(instance))


def tenure_changed(sender, instance, **kwargs):
    cache.bump_generation()
    _purge(lambda: cache.urls_for_official(instance.official))


def post_changed(sender, instance, **kwargs):
    cache.bump_generation()
    _purge(lambda: cache.urls_for_body(instance.body))


def body_changed(sender, instance, **kwargs):
    cache.bump_generation()
    _purge(lambda: cache.urls_for_body(instance))


def observation_changed(sender, instance, **kwargs):
    cache.bump_generation()
    _purge(lambda: cache.urls_for_observation(instance))


def anything_changed(sender, instance=None, **kwargs):
    """Indicators, corrections, images, sites: shown in many places; drop the server cache."""
    cache.bump_generation()


def article_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """A live article saved whole outside publishing (an import, a script): listings change.
    Saving a draft (Wagtail saves a few fields) changes nothing public and drops nothing."""
    if instance.live and (created or update_fields is None):
        cache.bump_generation()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        cache.bump_generation()


def connect():
    """Called from NewsConfig.ready(), once the models are loaded."""
    page_published.connect(page_changed, dispatch_uid="news.cache.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="news.cache.page_unpublished")
    # A move changes URLs and two parents' listings (and the navigation, for a section).
    post_page_move.connect(anything_changed, dispatch_uid="news.cache.page_moved")
    handlers = [
        (Official, official_changed),
        (Tenure, tenure_changed),
        (Post, post_changed),
        (Body, body_changed),
        (Observation, observation_changed),
        (Indicator, anything_changed),
        (ArticleCorrection, anything_changed),
        (get_image_model(), anything_changed),
        (Site, anything_changed),
        (Tag, anything_changed),  # topic names, and the topic filter's options
        # A page made private must not go on being served from the cache to anyone.
        (PageViewRestriction, anything_changed),
        # The home page and sections are in every page's navigation (news.context_processors);
        # saving one, even without publishing (as tests and `load_demo` do), drops the cache.
        (HomePage, anything_changed),
        (SectionPage, anything_changed),
    ]
    for model, handler in handlers:
        uid = f"news.cache.{model._meta.label_lower}"
        post_save.connect(handler, sender=model, dispatch_uid=f"{uid}.save")
        # Before the delete too, while relations still resolve for the purge list.
        pre_delete.connect(handler, sender=model, dispatch_uid=f"{uid}.pre_delete")
        post_delete.connect(anything_changed, sender=model, dispatch_uid=f"{uid}.delete")
    post_delete.connect(page_deleted, dispatch_uid="news.cache.page_deleted")
    post_save.connect(article_saved, sender=ArticlePage, dispatch_uid="news.cache.article_saved")
