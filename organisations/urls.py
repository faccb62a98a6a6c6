from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("nhan-vat/<slug:slug>/", views.official_detail, name="official"),
    path("co-quan/<slug:slug>/", views.body_detail, name="body"),
]
