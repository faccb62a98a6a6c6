"""{% article_items %}: a list of articles, each item's HTML rendered once per process.

An item (news/includes/article_item.html) shows only its article's URL, title, date and lead, so
its HTML is a pure function of those values (and of the language and time zone it is printed
in). Each is rendered by the template engine on first sight and then taken from a bounded
in-process memo keyed by those very values: never stale, since a changed title or URL is a new
key, and shared by every list the article appears in (its section, the archive, filters, an
official's page). Rendering twenty items through the engine was most of an uncached listing.
"""

import functools

from django import template
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

ITEM_TEMPLATE = "news/includes/article_item.html"
MEMO_SIZE = 4096  # items of ~0.5 kB: a couple of MB per worker at most


@functools.lru_cache(maxsize=MEMO_SIZE)
def item_html(url, title, published_at, lead, level, language, zone):
    """One item's HTML. `language` and `zone` are what it is printed in (they are active when
    this runs): part of the key, not read here."""
    context = {"url": url, "title": title, "published_at": published_at, "lead": lead}
    return mark_safe(get_template(ITEM_TEMPLATE).render({**context, "level": level}))


@register.simple_tag(takes_context=True)
def article_items(context, articles, show_lead=False, first_lead=False, heading_level=None):
    """Items for `articles`, newest first as given: every item's lead with `show_lead`, the
    first item's with `first_lead`, titles at `heading_level` (3 unless told)."""
    request = context.get("request")
    level = str(heading_level or 3)
    language = translation.get_language()
    zone = timezone.get_current_timezone_name()
    items = [
        item_html(
            article.get_url(request=request),
            article.title,
            article.published_at,
            article.lead if show_lead or (first_lead and index == 0) else None,
            level,
            language,
            zone,
        )
        for index, article in enumerate(articles)
    ]
    if not items:
        return format_html("<p>{}</p>", _("Chưa có bài viết."))
    return mark_safe("".join(items))
