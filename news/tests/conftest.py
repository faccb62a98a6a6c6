"""One user per newsroom role (news.roles), each with a logged-in client."""

from django.test import Client

import pytest

from news.roles import DATA_STAFF, EDITORS, MODERATORS, setup_roles


@pytest.fixture
def roles(demo):
    return setup_roles()


def _member(django_user_model, groups, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "pw")
    user.groups.add(groups[group_name])
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor_client(roles, django_user_model):
    return _member(django_user_model, roles, "bientap", EDITORS)


@pytest.fixture
def moderator_client(roles, django_user_model):
    return _member(django_user_model, roles, "thuky", MODERATORS)


@pytest.fixture
def data_client(roles, django_user_model):
    return _member(django_user_model, roles, "dulieu", DATA_STAFF)
