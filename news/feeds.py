"""RSS 2.0 feeds: the whole site, each section, each official and each body.

Dates are given in the site's time zone (RFC 822 with +0700), links are absolute on the site's
canonical host, and every feed costs the same few queries whatever the number of items.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from organisations.models import Body, Official

from .absolute import absolute_url, page_url
from .models import SectionPage
from .queries import live_articles, mentioning

FEED_LENGTH = 30


class LocalTimeRss201rev2Feed(Rss201rev2Feed):
    """RSS 2.0 whose <lastBuildDate> is in local time even for an empty feed (Django falls back
    to UTC now)."""

    def latest_post_date(self):
        return timezone.localtime(super().latest_post_date())


class ArticleFeed(Feed):
    """Latest live, public articles of the site; subclasses narrow `articles()` to one object."""

    feed_type = LocalTimeRss201rev2Feed
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self, obj):
        return settings.NEWS_PUBLISHER

    def description(self, obj):
        return _("Tin hội nghị, hoạt động của các cơ quan Đảng và chính quyền tỉnh")

    def link(self, obj):
        return absolute_url("/", self.request)

    def feed_url(self, obj):
        return absolute_url(self.request.path, self.request)

    def feed_copyright(self, obj):
        return settings.NEWS_PUBLISHER

    def articles(self, obj):
        return live_articles()

    def items(self, obj):
        # Public pages only (no view restriction); tags prefetched in one query for <category>;
        # the StreamField body is never loaded.
        return list(self.articles(obj).public().prefetch_related("tags")[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return page_url(item, self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return timezone.localtime(item.published_at)

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class SiteFeed(ArticleFeed):
    def get_object(self, request):
        return None


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(SectionPage.objects.live(), slug=slug)

    def title(self, obj):
        return f"{obj.title} – {settings.NEWS_PUBLISHER}"

    def description(self, obj):
        return obj.intro or obj.title

    def link(self, obj):
        return page_url(obj, self.request)

    def articles(self, obj):
        return live_articles().child_of(obj)


class MentionFeed(ArticleFeed):
    """The articles linked to one official or body (news.queries.mentioning)."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, obj):
        return f"{obj} – {settings.NEWS_PUBLISHER}"

    def description(self, obj):
        return _("Tin bài về %(name)s") % {"name": obj}

    def link(self, obj):
        return absolute_url(obj.get_absolute_url(), self.request)

    def articles(self, obj):
        return mentioning(obj)


class OfficialFeed(MentionFeed):
    model = Official


class BodyFeed(MentionFeed):
    model = Body


def per_request(feed_class):
    """A view making a fresh feed per request: the feed keeps `request` for absolute links, so a
    shared instance would not be thread-safe."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    view.feed_class = feed_class
    return view
