"""{% site_assets %}, {% site_header %}, {% site_footer %}: what every public page prints around
its content, rendered once per process for the same values (news.rendering). The header's
values are the navigation's sections (URL, title) and the search box's text."""

from django import template
from django.core.exceptions import DisallowedHost

from ..cache import generation_cached
from ..rendering import render_once

register = template.Library()


@register.simple_tag
def site_assets():
    """Icons, theme colour and style sheets."""
    return render_once("includes/site_assets.html")


def nav_links(request, sections):
    """(URL, title) of the navigation's sections. A section's URL depends on the host asked
    (relative on its own site), and sections change only with the page-cache generation: so
    kept under it, per host."""

    def links():
        return tuple((section.get_url(request=request), section.title) for section in sections)

    try:
        host = request.get_host() if request is not None else None
    except DisallowedHost:  # the 400 page of a host not allowed: printed, not kept
        host = None
    return links() if host is None else generation_cached(request, f"nav-links:{host}", links)


@register.simple_tag(takes_context=True)
def site_header(context):
    request = context.get("request")
    sections = nav_links(request, context.get("nav_sections") or ())
    return render_once(
        "includes/site_header.html",
        sections=sections,
        search_query=context.get("search_query") or "",
    )


@register.simple_tag
def site_footer():
    return render_once("includes/site_footer.html")
