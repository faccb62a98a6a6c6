"""Tests: fast hashing, in-memory cache and media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The page cache is tested on its own (news/tests/test_cache.py turns it on); elsewhere a test
# changes data inside a transaction and expects the next GET to show it.
PAGE_CACHE_ENABLED = False
# Tests log in and out many times from one address; tests/test_abuse_limits.py turns it on.
AXES_ENABLED = False
