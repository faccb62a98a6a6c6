"""Listings outside the page tree. Included before Wagtail's catch-all in config/urls.py."""

from django.urls import path, re_path

from . import views

app_name = "news"

urlpatterns = [
    path("tin-tuc/", views.article_list, name="articles"),
    path("chu-de/<str:slug>/", views.topic, name="topic"),
    re_path(r"^luu-tru/(?P<year>[0-9]{4})/$", views.archive, name="archive_year"),
    re_path(
        r"^luu-tru/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.archive, name="archive_month"
    ),
    re_path(
        r"^luu-tru/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/$",
        views.archive,
        name="archive_day",
    ),
    path("tim-kiem/", views.search_view, name="search"),
]
