"""Public pages for officials and bodies."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from .mentions import mentions_page
from .models import Body, Observation, Official, Tenure


def official_detail(request, slug):
    tenures = Tenure.objects.select_related("post__body").order_by("-start")
    official = get_object_or_404(
        Official.objects.select_related("portrait").prefetch_related(
            Prefetch("tenures", queryset=tenures)
        ),
        slug=slug,
    )
    return render(
        request,
        "organisations/official_detail.html",
        {
            "official": official,
            "current_titles": official.current_titles(),
            "tenures": official.tenures.all(),
            "articles": mentions_page(official, request),
        },
    )


def body_detail(request, slug):
    body = get_object_or_404(Body.objects.select_related("parent__parent__parent"), slug=slug)
    current = (
        Tenure.objects.filter(post__body=body, end__isnull=True)
        .select_related("official", "post__body")
        .order_by("post__role")
    )
    observations = (
        Observation.objects.filter(body=body)
        .select_related("indicator", "body")
        .order_by("indicator__name", "-date")
    )
    return render(
        request,
        "organisations/body_detail.html",
        {
            "body": body,
            "ancestors": body.ancestors(),
            "children": body.children.order_by("name"),
            "office_holders": current,
            "observations": observations,
            "articles": mentions_page(body, request),
        },
    )
