"""Admin URLs of the article edit form's one-click suggestions (news.admin_views)."""

from django.urls import path

from wagtail import hooks

from .admin_views import add_figure, link_official


@hooks.register("register_admin_urls")
def register_suggestion_urls():
    return [
        path(
            "bai-viet/<int:page_id>/lien-ket-nhan-vat/<int:official_id>/",
            link_official,
            name="news_link_official",
        ),
        path(
            "bai-viet/<int:page_id>/them-so-lieu/<int:observation_id>/",
            add_figure,
            name="news_add_figure",
        ),
    ]
