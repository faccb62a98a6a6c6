"""Admin list filters (django-filter, through Wagtail's WagtailFilterSet)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

import django_filters

from .models import Body, Indicator, Observation, Official, Post


class OfficialFilterSet(WagtailFilterSet):
    body = django_filters.ModelChoiceFilter(
        label=_("Cơ quan, tổ chức"),
        queryset=Body.objects.all(),
        field_name="tenures__post__body",
        distinct=True,
    )
    holds_post_on = django_filters.DateFilter(
        label=_("Giữ chức vụ vào ngày"), method="filter_holds_post_on", widget=AdminDateInput
    )

    class Meta:
        model = Official
        fields = ["body", "holds_post_on"]

    def filter_holds_post_on(self, queryset, name, value):
        held = Q(tenures__start__lte=value) & (
            Q(tenures__end__isnull=True) | Q(tenures__end__gte=value)
        )
        body = self.form.cleaned_data.get("body")
        if body is not None:
            held &= Q(tenures__post__body=body)
        return queryset.filter(held).distinct()


class ObservationFilterSet(WagtailFilterSet):
    body = django_filters.ModelChoiceFilter(
        label=_("Cơ quan, tổ chức"), queryset=Body.objects.all()
    )
    indicator = django_filters.ModelChoiceFilter(
        label=_("Chỉ tiêu"), queryset=Indicator.objects.all()
    )
    date = django_filters.DateFromToRangeFilter(label=_("Tính đến ngày"))

    class Meta:
        model = Observation
        fields = ["body", "indicator", "date"]


class BodyFilterSet(WagtailFilterSet):
    class Meta:
        model = Body
        fields = ["kind", "parent"]


class PostFilterSet(WagtailFilterSet):
    class Meta:
        model = Post
        fields = ["body"]
