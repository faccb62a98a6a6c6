"""The public article filter at /tin-tuc/: a plain GET form, so every filtered list is a
bookmarkable URL and works without JavaScript."""

import copy
import datetime
import functools

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

import django_filters

from organisations.models import Body, Official

from .cache import generation_cached
from .listing import day_bounds
from .models import ArticleBodyLink, ArticleOfficialLink, SectionPage
from .prepared import PreparedQuery

# Day first whatever language the browser asks for; ISO too, for <input type="date"> and links.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
# Dates outside these years are typing mistakes, and near year 1 or 9999 the conversion to UTC
# would overflow.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)


class PlainTextInput(forms.TextInput):
    """A text input printed in Python, as Django's template prints it (django/forms/widgets/
    text.html): the template engine costs more than the rest of the field."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        printed_value = format_html(' value="{}"', value) if value is not None else ""
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html(
            '<input type="{}" name="{}"{}{}>', self.input_type, name, printed_value, attrs
        )


class DayFirstDateField(forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault(
            "widget",
            PlainTextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "size": 10}),
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                _("Ngày phải trong khoảng %(start)s – %(end)s."),
                code="out_of_range",
                params={"start": "01/01/1900", "end": "31/12/2100"},
            )


def printed_options(choices):
    """Each option printed once, as it reads unselected and selected, in order."""
    return [
        (
            str(value),
            format_html('<option value="{}">{}</option>', value, label),
            format_html('<option value="{}" selected>{}</option>', value, label),
        )
        for value, label in choices
    ]


class PlainSelect(forms.Select):
    """A <select> printed in Python, not through Django's template per option: the official and
    body lists have hundreds of options, which cost /tin-tuc/ about 20 ms a request that way.
    `printed` (printed_options) may be given, read from the cache: the options are then joined,
    not formatted, on each request."""

    printed = None

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        printed = self.printed or printed_options(self.choices)
        chosen = (on if key in selected else off for key, off, on in printed)
        options = mark_safe("".join(chosen))  # noqa: S308 - format_html escaped each option
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attrs, options)


class ShallowCopied:
    """django-filter deep-copies every filter for each filter set, querysets and all (some 300
    objects a request). A filter keeps nothing of a request but the `model` and `parent` it is
    given, so a shallow copy will do, its method bound to the copy as a deep copy binds it."""

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.method = self.method
        return copied


class DayFilter(ShallowCopied, django_filters.DateFilter):
    field_class = DayFirstDateField


class SlugChoiceField(django_filters.fields.ModelChoiceField):
    """A choice by slug, looked up through a prepared query (news.prepared) rather than by
    building `queryset.get(slug=…)` on each request; anything but one match is left to Django's
    own lookup and its error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.by_slug = PreparedQuery(
            lambda slug, queryset=self.queryset: queryset.filter(slug=slug)
        )

    def __deepcopy__(self, memo):
        """As Django copies a field for each form, without cloning the queryset twice over (its
        copies never evaluate it in place: a choice comes from `by_slug` or a `get()`, the
        options from the cache or an iterator); the widget's options bound to the copy."""
        result = forms.Field.__deepcopy__(self, memo)
        result.widget.choices = result.choices
        return result

    def to_python(self, value):
        if isinstance(value, str) and value and "\x00" not in value:
            try:
                found = self.by_slug(value)
            except (ValueError, TypeError):  # as Django's lookup: an invalid choice
                found = ()
            if len(found) == 1:
                return found[0]
        return super().to_python(value)


class SlugChoiceFilter(ShallowCopied, django_filters.ModelChoiceFilter):
    field_class = SlugChoiceField


class ArticleFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tu_ngay"), cleaned.get("den_ngay")
        if start and end and start > end:
            self.add_error("den_ngay", _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
        return cleaned


def used_tags():
    return Tag.objects.filter(news_articlepagetag_items__isnull=False).distinct().order_by("name")


def slug_choice(label, queryset, **kwargs):
    """A select of `queryset` by slug, "Tất cả" first, so URLs read ?official=nguyen-khac-toan."""
    return SlugChoiceFilter(
        label=label,
        queryset=queryset,
        to_field_name="slug",
        empty_label=_("Tất cả"),
        widget=PlainSelect,
        **kwargs,
    )


class ArticleFilterSet(django_filters.FilterSet):
    """Date range (Asia/Ho_Chi_Minh days, inclusive), section, topic, official and body.

    Choices are given by slug, so URLs read /tin-tuc/?official=nguyen-khac-toan."""

    tu_ngay = DayFilter(label=_("Từ ngày"), method="filter_from")
    den_ngay = DayFilter(label=_("Đến ngày"), method="filter_to")
    section = slug_choice(
        _("Chuyên mục"), SectionPage.objects.live().order_by("path"), method="filter_section"
    )
    topic = slug_choice(_("Chủ đề"), used_tags(), field_name="tagged_items__tag")
    official = slug_choice(
        _("Nhân vật"), Official.objects.order_by("full_name"), method="filter_official"
    )
    body = slug_choice(_("Cơ quan, tổ chức"), Body.objects.order_by("name"), method="filter_body")

    class Meta:
        form = ArticleFilterForm
        fields = []

    CHOICE_FILTERS = ("section", "topic", "official", "body")

    @classmethod
    @functools.cache
    def form_class(cls):
        """django-filter builds the form class (and its six fields) for every filter set; the
        fields depend on nothing of a request, so it is built once per process. Each form still
        works on its own copies of the fields, as every Django form does."""
        fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
        return type(f"{cls.__name__}Form", (cls._meta.form,), fields)

    def get_form_class(self):
        return self.form_class()

    def only_mention(self):
        """The official or body chosen when it is the only filter given (a valid form's)."""
        given = {name: value for name, value in self.form.cleaned_data.items() if value}
        if len(given) == 1 and given.keys() <= {"official", "body"}:
            return next(iter(given.values()))
        return None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The options (hundreds of officials and bodies) change only when a section, tag,
        # official or body does, which replaces the page-cache generation: read them, printed,
        # from the cache. Validating a chosen value still asks the field's queryset.
        for name in self.CHOICE_FILTERS:
            field = self.form.fields[name]
            field.widget.printed = generation_cached(
                self.request,
                f"filter-options:{name}",
                lambda field=field: printed_options(field.choices),
            )

    def filter_from(self, queryset, name, value):
        return queryset.filter(published_at__gte=day_bounds(value)[0])

    def filter_to(self, queryset, name, value):
        return queryset.filter(published_at__lt=day_bounds(value)[1])

    def filter_section(self, queryset, name, value):
        return queryset.child_of(value)

    # Subqueries rather than joins: an article linking one official twice is still listed once.
    def filter_official(self, queryset, name, value):
        links = ArticleOfficialLink.objects.filter(official=value).values("page_id")
        return queryset.filter(pk__in=links)

    def filter_body(self, queryset, name, value):
        return queryset.filter(pk__in=ArticleBodyLink.objects.filter(body=value).values("page_id"))
