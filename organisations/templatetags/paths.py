"""{% path "news:topic" tag.slug %}: `{% url %}` remembered per process (organisations.paths)."""

from django import template

from ..paths import path_to

register = template.Library()


@register.simple_tag
def path(name, *args):
    return path_to(name, *args)
