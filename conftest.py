"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives each test's rolled-back transaction: what one test cached (the site,
    the sections: news.cache.generation_cached) must not be served to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(db):
    """The demo site tree and the seed article, as `make run` loads them."""
    from news.demo import load_demo

    return load_demo()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    client.user = user
    return client
