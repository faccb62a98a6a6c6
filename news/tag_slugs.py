"""Topic (tag) slugs in ASCII, like every other URL of the site: "Xây dựng Đảng" → "xay-dung-dang".

taggit keeps Unicode slugs unless `unidecode` is installed, and Django's slugify drops đ; so the
slug taggit picks is replaced before the row is written, keeping taggit's "_N" suffix, which it
adds when two names give the same slug ("Đảng" and "Dang").
"""

import re

from django.db.models.signals import pre_save

from organisations.text import vn_slugify

SLUG_MAX = 100  # taggit's TagBase.slug max_length
_SUFFIX = re.compile(r"_\d+$")


def ascii_tag_slug(sender, instance, **kwargs):
    """New tags, and old ones still carrying a Unicode slug; a renamed tag keeps its URL."""
    if instance.pk and (instance.slug or "").isascii():
        return
    suffix = _SUFFIX.search(instance.slug or "")
    suffix = suffix.group() if suffix else ""
    base = vn_slugify(instance.name, max_length=SLUG_MAX - len(suffix)) or "chu-de"
    instance.slug = base + suffix


def connect():
    from taggit.models import Tag

    pre_save.connect(ascii_tag_slug, sender=Tag, dispatch_uid="news.ascii_tag_slug")
