"""Template filters that print numbers and dates the Vietnamese way (see organisations.text)."""

from django import template

from .. import text

register = template.Library()

register.filter("vn_number", text.format_number)
register.filter("vn_date", text.format_date)
register.filter("vn_datetime", text.format_datetime)


@register.filter
def vn_partial_date(value, precision="day"):
    return text.format_partial_date(value, precision)


@register.filter
def iso_datetime(value):
    """ISO 8601 with the site's offset (+07:00), for <time datetime> and structured data."""
    from django.utils import timezone

    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds")
