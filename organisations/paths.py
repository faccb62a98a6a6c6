"""Paths reversed once per process: an article prints each official's and body's link twice (the
page and its structured data), its feeds and its topics, and `reverse()` costs about 30 µs a
call. Keyed by the script prefix and URL configuration they are reversed under."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=8192)
def _reversed(name, args, kwargs, prefix, urlconf):
    """`prefix` is the one active while this runs: part of the key, not read here."""
    return reverse(name, args=args, kwargs=dict(kwargs), urlconf=urlconf)


def path_to(name, *args, **kwargs):
    """`reverse(name, args=args, kwargs=kwargs)`, remembered; the values must be hashable."""
    key = get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    return _reversed(name, args, tuple(sorted(kwargs.items())), *key)


def slug_path(name, slug):
    """`reverse(name, kwargs={"slug": slug})`, remembered."""
    return path_to(name, slug=slug)
