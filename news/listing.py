"""Date arithmetic for listings: days, months and years are Vietnamese ones (Asia/Ho_Chi_Minh),
so an article published at 00:30 on 11/11 local time (17:30 UTC on 10/11) is listed on 11/11."""

import datetime
import zoneinfo

from django.conf import settings


def site_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_midnight(date):
    return datetime.datetime.combine(date, datetime.time.min, tzinfo=site_zone())


def day_bounds(date):
    """[start, end) of a local day, as aware datetimes."""
    return local_midnight(date), local_midnight(date + datetime.timedelta(days=1))


def period_bounds(year, month=None, day=None):
    """[start, end) of a local year, month or day. Raises ValueError for a date that does not
    exist (31/02) or is out of range."""
    if day is not None:
        return day_bounds(datetime.date(year, month, day))
    if month is not None:
        start = datetime.date(year, month, 1)
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return local_midnight(start), local_midnight(following)
    return local_midnight(datetime.date(year, 1, 1)), local_midnight(datetime.date(year + 1, 1, 1))
