"""Public listings that are not pages in the tree: all articles with filters, topics, date
archives, and search. Each costs a fixed number of queries, whatever the number of articles."""

import datetime
import functools

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from taggit.models import Tag

from organisations.text import format_date

from . import highlight, search
from .filters import ArticleFilterSet
from .listing import period_bounds
from .models import ArticlePage, SearchEntry
from .models.base import paginate
from .models.listed import PERIOD_LISTED, paginate_ids, paginate_listed, paginate_prepared
from .queries import listed_articles, mentioning_ids
from .rendering import render_each

ARCHIVE_YEARS = range(1900, 2101)


def kept_query_string(request, names):
    """The query string without `page`, for pagination links; only parameters the view reads."""
    params = request.GET.copy()
    for name in list(params):
        if name not in names:
            del params[name]
    return params.urlencode()


def article_list(request):
    """/tin-tuc/: every live article, newest first, narrowed by the filter form."""
    # The listed articles' queryset is built only when the filters need it (not for an official
    # or a body alone, whose ids are kept): the filter set is given the plain manager's.
    filterset = ArticleFilterSet(
        data=request.GET, queryset=ArticlePage.objects.all(), request=request
    )
    context = {
        "heading": _("Tất cả tin bài"),
        "filter": filterset,
        "query_string": kept_query_string(request, filterset.filters),
    }
    if not filterset.is_valid():
        # The form comes back with its errors; nothing is listed from half-understood filters.
        return render(request, "news/article_list.html", context, status=400)
    # An official's or a body's articles alone: their ids are kept (news.queries.mentioning_ids).
    mention = filterset.only_mention()
    ids = mentioning_ids(mention, request) if mention is not None else None
    if ids is not None:
        context["page_obj"] = paginate_ids(request, ids)
    else:
        context["page_obj"] = paginate_listed(request, filterset.filter_queryset(listed_articles()))
    return render(request, "news/article_list.html", context)


def topic(request, slug):
    if "\x00" in slug:  # PostgreSQL refuses NUL in a query: a 404, not a 500
        raise Http404
    tag = get_object_or_404(Tag, slug=slug)
    articles = listed_articles().filter(tagged_items__tag=tag)
    context = {
        "heading": _("Chủ đề: %(name)s") % {"name": tag.name},
        "page_obj": paginate_listed(request, articles),
        "breadcrumbs": [(_("Tất cả tin bài"), reverse("news:articles"))],
    }
    return render(request, "news/article_list.html", context)


@functools.lru_cache(maxsize=len(ARCHIVE_YEARS))
def month_links(year):
    """A year's twelve months, labelled and linked: no query (counting articles per month would
    scan the whole year), and worked out once per process (twelve `reverse()` calls)."""
    return tuple(
        (f"{n:02d}/{year}", reverse("news:archive_month", args=[f"{year:04d}", f"{n:02d}"]))
        for n in range(1, 13)
    )


def archive(request, year, month=None, day=None):
    """/luu-tru/2021/, /luu-tru/2021/11/, /luu-tru/2021/11/10/: local (Vietnamese) dates."""
    year = int(year)
    month = int(month) if month is not None else None
    day = int(day) if day is not None else None
    if year not in ARCHIVE_YEARS:
        raise Http404(_("Không có lưu trữ cho năm này."))
    try:
        start, end = period_bounds(year, month, day)
    except ValueError as exc:
        raise Http404(_("Ngày không hợp lệ.")) from exc

    breadcrumbs = [(_("Tất cả tin bài"), reverse("news:articles"))]
    months = []
    if day is not None:
        heading = _("Tin ngày %(date)s") % {"date": format_date(datetime.date(year, month, day))}
        breadcrumbs += [
            (str(year), reverse("news:archive_year", args=[f"{year:04d}"])),
            (
                f"{month:02d}/{year}",
                reverse("news:archive_month", args=[f"{year:04d}", f"{month:02d}"]),
            ),
        ]
    elif month is not None:
        heading = _("Tin tháng %(month)s") % {"month": f"{month:02d}/{year}"}
        breadcrumbs.append((str(year), reverse("news:archive_year", args=[f"{year:04d}"])))
    else:
        heading = _("Tin năm %(year)s") % {"year": year}
        months = month_links(year)
    context = {
        "heading": heading,
        "page_obj": paginate_prepared(request, PERIOD_LISTED, start, end),
        "breadcrumbs": breadcrumbs,
        "months": months,
    }
    return render(request, "news/article_list.html", context)


def search_view(request):
    """/tim-kiem/?q=…: articles, officials and bodies; see news.search for matching and ranking."""
    query = search.Query.parse(request.GET.get("q", ""))
    problem = query.problem()
    context = {
        "query": query,
        "search_query": query.text,
        "problem": problem,
        "notices": query.notices(),
        "query_string": kept_query_string(request, {"q"}),
    }
    if problem is None:
        ids = search.ranked_ids(query)
        context["capped"] = len(ids) >= search.CANDIDATES
        if ids:
            page_obj = paginate(request, ids)
            context["page_obj"] = page_obj
            # translated once a request: get_kind_display() hashes every label for each entry
            kind_names = {kind: str(label) for kind, label in SearchEntry.Kind.choices}
            context["results"] = render_each(
                "news/includes/search_result.html",
                [
                    {
                        "kind": entry.kind,
                        "kind_name": kind_names[entry.kind],
                        "date": entry.date,
                        "url": entry.url,
                        "title": highlight.highlight(entry.title, query.words),
                        "excerpt": highlight.excerpt(entry.text, query.words),
                    }
                    for entry in search.entries(page_obj.object_list)
                ],
            )
    return render(request, "news/search.html", context)
