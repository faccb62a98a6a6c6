"""An editor in the admin links, in one click, an official the article names but does not link
(news.panels.SuggestionsPanel): the button's script posts, and the edit form comes back with a
message and the new link. With edits not saved yet, the admin asks before leaving the form.

Runs Debian's chromium through Playwright against the live server (marker `browser`).
"""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HA = "Nguyễn Khắc Hà"


@pytest.fixture
def editor(site, django_user_model):
    from news.roles import EDITORS, setup_roles

    user = django_user_model.objects.create_user("bientap", "bientap@example.invalid", "mat-khau-1")
    user.groups.add(setup_roles()[EDITORS])
    return user


@pytest.fixture
def article(site):
    from news.tests.test_suggestions import HA as HA_SLUG
    from news.tests.test_suggestions import publish_without

    return publish_without(site.article, HA_SLUG)


def latest_links(article):
    from news.models import ArticlePage

    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    return [link.official.full_name for link in latest.official_links.all()]


@pytest.fixture(autouse=True)
def quiet_editing_sessions(settings):
    """The edit form pings /admin/editing-sessions/ every 10 s and releases its session as it
    closes; a request still running when the test database is flushed deadlocks the flush on
    PostgreSQL. Here it pings once, on load (the browse fixture waits for it), and the release
    is answered in the browser."""
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000


async def open_edit_form(page, site, article):
    await page.route(
        "**/admin/editing-sessions/release/**", lambda route: route.fulfill(status=200, json={})
    )
    await page.goto(f"{site.url}/admin/login/")
    await page.locator("#id_username").fill("bientap")
    await page.locator("#id_password").fill("mat-khau-1")
    await page.locator("#id_password").press("Enter")
    await page.wait_for_url(f"{site.url}/admin/")
    edit_url = f"{site.url}/admin/pages/{article.pk}/edit/"
    await page.goto(edit_url)
    return edit_url


def test_editor_links_a_named_official_in_one_click(site, editor, article, browse):
    from news.models import ArticlePage

    async def scenario(page):
        edit_url = await open_edit_form(page, site, article)
        suggestion = page.locator("[data-suggestion=official]")
        assert HA in await suggestion.inner_text()
        await suggestion.get_by_role("button", name="Liên kết").click()
        await page.wait_for_load_state("load")
        assert page.url.startswith(edit_url)
        assert "Đã liên kết “Nguyễn Khắc Hà”" in await page.locator(".messages").inner_text()
        assert await page.locator("[data-suggestion=official]").count() == 0
        # No console errors, Gravatar included: WAGTAIL_GRAVATAR_PROVIDER_URL is off.
        assert page.console_errors == []

    browse(scenario, viewport={"width": 1280, "height": 900})
    assert HA in latest_links(article)
    assert ArticlePage.objects.get(pk=article.pk).official_links.count() == 1  # live: unchanged


def test_unsaved_edits_make_the_admin_ask_before_leaving(site, editor, article, browse, settings):
    # Without autosave, which would otherwise save the edit within half a second and could still
    # be writing when the test database is flushed.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0

    async def scenario(page):
        edit_url = await open_edit_form(page, site, article)
        dialogs = []

        async def answer(dialog):
            """Stay on the form the first time; leave when the test ends (browse's teardown)."""
            dialogs.append(dialog.type)
            await (dialog.dismiss() if len(dialogs) == 1 else dialog.accept())

        page.on("dialog", answer)
        await page.wait_for_timeout(3000)  # the admin notes the form as loaded after 2 s
        await page.locator("#id_title").fill("Tiêu đề chưa lưu")
        await page.get_by_role("button", name="Liên kết").click()
        await page.wait_for_timeout(1000)
        assert dialogs == ["beforeunload"]
        assert page.url == edit_url  # the editor stayed on the form
        await page.wait_for_load_state("networkidle")

    browse(scenario, viewport={"width": 1280, "height": 900})
    assert HA not in latest_links(article)
