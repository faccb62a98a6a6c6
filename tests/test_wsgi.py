"""The WSGI entry point hides what loading the project made from the garbage collector, so a full
collection does not pause a worker for a tenth of a second under load."""

import subprocess
import sys

CHECK = """
import gc
before = gc.get_freeze_count()
import config.wsgi
print(before, gc.get_freeze_count(), callable(config.wsgi.application))
"""


def test_loading_the_application_freezes_what_it_made():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    before, after, loaded = int(out[0]), int(out[1]), out[2]
    assert before == 0
    assert after > 50_000  # Django, Wagtail and the project's modules
    assert loaded == "True"
