"""WSGI entry point; production sets DJANGO_SETTINGS_MODULE=config.settings.production."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# What loading Django, Wagtail and the project made (some hundred thousand objects, there for the
# life of the process) is moved out of the garbage collector's sight: a full collection then
# looks only at what requests made since. Without this each full collection paused a worker for
# 100–130 ms under load, the slowest percentile of every page (docs/performance.md).
gc.freeze()
