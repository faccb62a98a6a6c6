"""Appointing an official to a post, with the history kept right.

A new appointment ends the tenures it replaces on the day before it starts: the previous holder
of a single-holder post, and, on a promotion, the appointee's own former post. Every official
touched gets a revision (user and time), so the change can be compared and reverted in the
admin. Old articles are unaffected: they compute titles on their own date (Official.title_on).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import DatePrecision, Official, Tenure

# The audit-log action of an appointment (label registered in wagtail_hooks).
APPOINT_ACTION = "organisations.appoint"


@transaction.atomic
def appoint(official, post, start, replaces=None, user=None, note=""):
    """Official holds `post` from `start`; return the new Tenure.

    `replaces`: None (the official keeps their other posts, e.g. a concurrent role), a Tenure of
    the same official (it ends the day before `start`), or True (every post the official holds
    on `start` in the same body ends then: a promotion from Phó Chủ tịch to Chủ tịch)."""
    day_before = start - datetime.timedelta(days=1)
    to_close = _replaced(official, post, start, replaces)
    if not post.shared:
        to_close += _previous_holders(official, post, start)
    touched = {official.pk}
    for tenure in to_close:
        tenure.end, tenure.end_precision = day_before, DatePrecision.DAY
        tenure.full_clean()
        tenure.save(update_fields=["end", "end_precision"])
        touched.add(tenure.official_id)
    tenure = Tenure(official=official, post=post, start=start, note=note)
    tenure.full_clean()
    tenure.save()
    for person in Official.objects.filter(pk__in=touched).order_by("pk"):
        person.save_revision(user=user, log_action=APPOINT_ACTION)
    return tenure


def _held_on(start):
    return Q(start__lt=start) & (Q(end__isnull=True) | Q(end__gte=start))


def _replaced(official, post, start, replaces):
    if replaces is None or replaces is False:
        return []
    if replaces is True:
        return list(
            official.tenures.filter(_held_on(start), post__body_id=post.body_id).exclude(post=post)
        )
    if replaces.official_id != official.pk:
        raise ValidationError(_("Chỉ có thể thay một chức vụ của chính nhân vật này."))
    if not replaces.is_held_on(start) or replaces.start >= start:
        raise ValidationError(
            _("Chức vụ được thay (%(title)s) không còn giữ vào ngày bổ nhiệm.")
            % {"title": replaces.title}
        )
    return [replaces]


def _previous_holders(official, post, start):
    """Tenures of this single-holder post still running on `start`, which the appointment ends.
    A tenure starting on or after `start` is a clash the staff must resolve, not overwrite."""
    running = list(post.tenures.filter(_held_on(start)).select_related("official"))
    if any(t.official_id == official.pk for t in running):
        raise ValidationError(
            _("%(name)s đang giữ chức danh %(title)s.") % {"name": official, "title": post.title}
        )
    later = post.tenures.filter(start__gte=start).select_related("official").first()
    if later is not None:
        raise ValidationError(
            _("Chức danh %(title)s đã có %(name)s giữ từ %(period)s.")
            % {"title": post.title, "name": later.official, "period": later.period}
        )
    return running
