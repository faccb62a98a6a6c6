"""Template fragments that are pure functions of their values, rendered once per process.

A listed article or a search result prints only a few values (a URL, a title, a date, a lead),
so its HTML is a function of them and of the language and time zone it is printed in. Such a
fragment is rendered by the template engine the first time those values are seen and then
taken from a bounded in-process memo keyed by the values themselves: never stale (a changed
title is a new key), and shared by every page that shows it. Rendering twenty items through
the engine was most of an uncached listing.
"""

import functools
from collections import OrderedDict

from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

MEMO_SIZE = 8192  # fragments of ~0.5 kB and their keys: under 10 MB per worker


def render(template_name, context):
    """`template_name` rendered with `context` (a dict), as safe HTML: for a fragment whose
    values are seldom seen twice, which would only push others out of the memo."""
    return mark_safe(get_template(template_name).render(context))


def _printed_in():
    """The language and time zone a fragment is printed in: part of every key."""
    return translation.get_language(), timezone.get_current_timezone_name()


@functools.lru_cache(maxsize=MEMO_SIZE)
def _rendered(template_name, values, language, zone):
    """`language` and `zone` are active while this runs: part of the key, not read here."""
    return render(template_name, dict(values))


def render_once(template_name, **values):
    """`template_name` rendered with `values` (hashable: strings, numbers, dates, None). With
    DEBUG on, every time: a template edited in development shows without a restart."""
    return render_each(template_name, (values,))


def render_each(template_name, values_list):
    """`template_name` rendered once for each dict of `values_list` (as render_once), joined:
    a list's items, each memoised alone, so a list that differs from another by one item
    renders one item. The language and time zone are read once for the whole list."""
    if settings.DEBUG:
        return mark_safe("".join(render(template_name, values) for values in values_list))
    printed_in = _printed_in()
    return mark_safe(
        "".join(
            _rendered(template_name, tuple(sorted(values.items())), *printed_in)
            for values in values_list
        )
    )


class KeyedFragments:
    """Larger fragments rendered from objects (a bound form), memoised by a key that the caller
    derives from everything the fragment prints; at most `size` of them, least recently used
    dropped first. Bypassed with DEBUG, as render_once is."""

    def __init__(self, size):
        self.size = size
        self._fragments = OrderedDict()

    def render(self, template_name, key, context):
        if settings.DEBUG:
            return render(template_name, context)
        key = (template_name, key, *_printed_in())
        if key in self._fragments:
            self._fragments.move_to_end(key)
            return self._fragments[key]
        fragment = render(template_name, context)
        self._fragments[key] = fragment
        if len(self._fragments) > self.size:
            self._fragments.popitem(last=False)
        return fragment

    def clear(self):
        self._fragments.clear()


def cache_info():
    return _rendered.cache_info()


def cache_clear():
    _rendered.cache_clear()
