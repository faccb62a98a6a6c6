"""Public paths of officials and bodies by slug, reversed once per process: an article prints
each official's and body's link twice (the page and its structured data), and `reverse()` costs
about 30 µs a call. Keyed by the script prefix and URL configuration they are reversed under."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=8192)
def _reversed(name, slug, prefix, urlconf):
    """`prefix` is the one active while this runs: part of the key, not read here."""
    return reverse(name, kwargs={"slug": slug}, urlconf=urlconf)


def slug_path(name, slug):
    """`reverse(name, kwargs={"slug": slug})`, remembered."""
    return _reversed(name, slug, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
