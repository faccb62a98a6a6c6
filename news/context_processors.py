"""Template context every public page needs: the sections for the navigation bar."""

from django.utils.functional import SimpleLazyObject

from .models import SectionPage


def site_navigation(request):
    return {
        "nav_sections": SimpleLazyObject(
            lambda: list(SectionPage.objects.live().in_menu().order_by("path"))
        )
    }
