"""{% article_items %}: a list of articles, each item rendered once per process for the same
values (news.rendering; the item is news/includes/article_item.html)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..rendering import render_once

register = template.Library()

ITEM_TEMPLATE = "news/includes/article_item.html"


@register.simple_tag(takes_context=True)
def article_items(context, articles, show_lead=False, first_lead=False, heading_level=None):
    """Items for `articles`, newest first as given: every item's lead with `show_lead`, the
    first item's with `first_lead`, titles at `heading_level` (3 unless told)."""
    request = context.get("request")
    level = str(heading_level or 3)
    items = [
        render_once(
            ITEM_TEMPLATE,
            url=article.get_url(request=request),
            title=article.title,
            published_at=article.published_at,
            lead=article.lead if show_lead or (first_lead and index == 0) else None,
            level=level,
        )
        for index, article in enumerate(articles)
    ]
    if not items:
        return format_html("<p>{}</p>", _("Chưa có bài viết."))
    return mark_safe("".join(items))
