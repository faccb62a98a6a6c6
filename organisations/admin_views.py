"""Staff screens beyond the generated ones: "Bổ nhiệm" (appoint), one form instead of editing two
officials' tenures by hand, so the old tenure always ends the day before the new one starts
(appointments.appoint); and add forms that other screens can send someone to, filled in."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView
from wagtail.snippets.widgets import AdminSnippetChooser

from .appointments import appoint
from .models import Official, Post, Tenure


class TenureChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.official} – {obj.title} ({obj.period})"


class AppointForm(forms.Form):
    official = forms.ModelChoiceField(
        Official.objects.all(), label=_("Nhân vật"), widget=AdminSnippetChooser(Official)
    )
    post = forms.ModelChoiceField(
        Post.objects.select_related("body").order_by("body__name", "role"),
        label=_("Chức danh mới"),
        help_text=_("Người đang giữ chức danh này (nếu chỉ một người giữ) thôi giữ từ ngày trước."),
    )
    start = forms.DateField(label=_("Từ ngày"), widget=AdminDateInput)
    replaces = TenureChoiceField(
        Tenure.objects.none(),
        label=_("Thôi giữ chức vụ"),
        required=False,
        empty_label=_("Không (kiêm nhiệm)"),
        help_text=_("Chức vụ cũ kết thúc vào ngày trước ngày bổ nhiệm, ví dụ khi được thăng chức."),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)

    def __init__(self, *args, official=None, **kwargs):
        super().__init__(*args, **kwargs)
        tenures = Tenure.objects.filter(end__isnull=True).select_related("official", "post__body")
        if official is not None:
            self.initial.setdefault("official", official.pk)
            tenures = tenures.filter(official=official)
        self.fields["replaces"].queryset = tenures.order_by("official__full_name", "-start")

    def clean(self):
        data = super().clean()
        replaces, official = data.get("replaces"), data.get("official")
        if replaces and official and replaces.official_id != official.pk:
            self.add_error("replaces", _("Chức vụ này không phải của nhân vật được bổ nhiệm."))
        return data


class AppointView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Only those who may change officials (data staff) may appoint."""

    permission_policy = ModelPermissionPolicy(Official)
    permission_required = "change"
    form_class = AppointForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Bổ nhiệm")
    header_icon = "user"

    @cached_property
    def official(self):
        pk = self.request.GET.get("official")
        return Official.objects.filter(pk=pk).first() if pk and pk.isdigit() else None

    def get_breadcrumbs_items(self):
        official_list = reverse("wagtailsnippets_organisations_official:list")
        return self.breadcrumbs_items + [
            {"url": official_list, "label": Official._meta.verbose_name_plural},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "official": self.official}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.get_full_path(),
            submit_button_label=_("Bổ nhiệm"),
            submit_button_active_label=_("Đang lưu…"),
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            tenure = appoint(
                data["official"],
                data["post"],
                data["start"],
                replaces=data["replaces"],
                user=self.request.user,
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã bổ nhiệm %(name)s: %(title)s từ %(period)s.")
            % {"name": tenure.official, "title": tenure.title, "period": tenure.period},
        )
        return redirect(
            reverse("wagtailsnippets_organisations_official:edit", args=[quote(tenure.official_id)])
        )

    def form_invalid(self, form):
        messages.validation_error(self.request, _("Chưa bổ nhiệm được, xem lỗi bên dưới."), form)
        return super().form_invalid(form)


class PrefilledCreateView(CreateView):
    """A snippet's add form with fields filled in from the query string (?full_name=…), as the
    Django admin's add form does: an article's suggestions send staff here with the name or the
    figure the text prints. Only the form's fields, and only values the field accepts; nothing is
    saved until the form is submitted."""

    def get_initial(self):
        initial = super().get_initial()
        fields = self.get_form_class().base_fields
        for name, value in self.request.GET.items():
            if name in fields:
                try:
                    initial[name] = fields[name].clean(value)
                except ValidationError:
                    continue
        return initial
