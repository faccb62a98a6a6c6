"""{% article_items %}: a list of articles, each item rendered once per process for the same
values (news.rendering; the item is news/includes/article_item.html). {% filter_form %}: the
/tin-tuc/ filter form, likewise for the same submitted values. {% article_mention %},
{% body_chips %} and {% tag_chips %}: an article's officials, bodies and topics, likewise: the
same official with the same titles, or the same bodies, are printed under many articles."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from organisations.paths import path_to

from ..cache import request_generation
from ..rendering import KeyedFragments, render_each, render_once

register = template.Library()

ITEM_TEMPLATE = "news/includes/article_item.html"


@register.simple_tag(takes_context=True)
def article_items(context, articles, show_lead=False, first_lead=False, heading_level=None):
    """Items for `articles`, newest first as given: every item's lead with `show_lead`, the
    first item's with `first_lead`, titles at `heading_level` (3 unless told)."""
    request = context.get("request")
    level = str(heading_level or 3)
    items = [
        {
            "url": article.get_url(request=request),
            "title": article.title,
            "published_at": article.published_at,
            "lead": article.lead if show_lead or (first_lead and index == 0) else None,
            "level": level,
        }
        for index, article in enumerate(articles)
    ]
    if not items:
        return format_html("<p>{}</p>", _("Chưa có bài viết."))
    return render_each(ITEM_TEMPLATE, items)


@register.simple_tag
def pagination(page_obj, query_string=""):
    """Links to the previous and next pages, rendered once per process for the same page, total
    and query string (news/includes/pagination.html)."""
    paginator = page_obj.paginator
    return render_once(
        "news/includes/pagination.html",
        number=page_obj.number,
        num_pages=paginator.num_pages,
        capped=getattr(paginator, "capped", False),
        query_string=query_string or "",
    )


@register.simple_tag
def archive_months(months):
    """A year archive's links to its months ((label, URL) pairs), rendered once per year."""
    return render_once("news/includes/archive_months.html", months=tuple(months))


@register.simple_tag
def article_mention(mention):
    """An official as an article shows them (news.models.article.OfficialMention): link, titles
    held on the article's date, role."""
    return render_once(
        "news/includes/article_mention.html",
        url=mention.official.get_absolute_url(),
        name=mention.official.full_name,
        titles=tuple(str(title) for title in mention.titles),
        role=str(mention.role),
    )


CHIP_TEMPLATE = "news/includes/chip.html"


@register.simple_tag
def body_chips(bodies):
    """The items of a list of chips (the template holds the list): each chip rendered once per
    process, as an article's bodies are seldom the same set twice."""
    chips = [{"url": body.get_absolute_url(), "name": body.name} for body in bodies]
    return render_each(CHIP_TEMPLATE, chips)


@register.simple_tag
def tag_chips(tags):
    chips = [{"url": path_to("news:topic", tag.slug), "name": tag.name} for tag in tags]
    return render_each(CHIP_TEMPLATE, chips)


# A printed filter form is ~35 kB (its hundreds of options): 64 of them, about 2 MB per worker.
FILTER_FORMS = KeyedFragments(size=64)


@register.simple_tag(takes_context=True)
def filter_form(context, filterset):
    """The filter form as submitted, with its errors. What it prints follows from the submitted
    values, the page's path and the options (sections, topics, officials, bodies: changed only
    with the page-cache generation), so it is printed once per process for those."""
    request = context["request"]
    submitted = tuple((name, tuple(filterset.data.getlist(name))) for name in filterset.form.fields)
    key = (request_generation(request), request.path, submitted)
    values = {"filter": filterset, "request": request}
    return FILTER_FORMS.render("news/includes/filter_form.html", key, values)
