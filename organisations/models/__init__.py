"""Popolo-style model: Official (Person), Body (Organization), Post, Tenure (Membership),
plus Indicator and Observation for the figures reports cite."""

from .bodies import Body, BodyKind
from .officials import Official
from .positions import DatePrecision, Post, Tenure, titles_on
from .statistics import Indicator, IndicatorKind, Observation, Qualifier

__all__ = [
    "Body",
    "BodyKind",
    "DatePrecision",
    "Indicator",
    "IndicatorKind",
    "Observation",
    "Official",
    "Post",
    "Qualifier",
    "Tenure",
    "titles_on",
]
