"""Tags for what crawlers, feed readers and social networks read in a page's <head>."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..absolute import absolute_static, absolute_url, page_url
from ..structured_data import DEFAULT_SHARE_IMAGE

register = template.Library()

# As django.utils.html.json_script escapes: the JSON can then never end the <script> element.
# Three replacements rather than str.translate with a table, which looks each character up in
# a dict: 0.1 ms for an article's JSON-LD.
_JSON_SCRIPT_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


@register.filter
def jsonld(value):
    """A dict as JSON safe to print inside <script type="application/ld+json">."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escaped in _JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(text)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute URL on the site's canonical host; `?page=N` is kept past page 1,
    every other query parameter dropped."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        url = page_url(page, request)
    elif request is not None:
        url = absolute_url(request.path, request)
    else:
        return ""
    number = request.GET.get("page", "") if request is not None else ""
    # ASCII digits only: str.isdigit() accepts "²", which int() refuses
    if number.isascii() and number.isdigit() and int(number) > 1:
        url = f"{url}?page={int(number)}"
    return url


@register.inclusion_tag("includes/head_meta.html", takes_context=True)
def head_meta(context, title="", description="", og_type="website", image="", image_alt=""):
    """Canonical link, Open Graph and Twitter card tags; what a page leaves out falls back to
    its Wagtail page's SEO fields, then to the site's name, description and share card."""
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    publisher = settings.NEWS_PUBLISHER
    return {
        "canonical": canonical_url(context),
        "publisher": publisher,
        "og_type": og_type,
        "title": title or (page and (page.seo_title or page.title)) or publisher,
        "description": description
        or (page and page.search_description)
        or _("Tin hội nghị, hoạt động của các cơ quan Đảng, chính quyền tỉnh"),
        "image": image or absolute_static(DEFAULT_SHARE_IMAGE[0], context.get("request")),
        "image_alt": image_alt or publisher,
    }
