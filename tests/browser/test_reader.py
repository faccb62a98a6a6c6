"""A reader on a phone: home → the seed article → an official → search; every page passes axe.

Runs Debian's chromium through Playwright against the live server (marker `browser`).
"""

import re

import pytest

from .conftest import run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SEED_TITLE = "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"
OFFICIAL = "Nguyễn Khắc Toàn"


def search_is_built():
    """The search page is being built beside this work; until it answers, its steps xfail."""
    from django.test import Client

    return Client().get("/tim-kiem/", {"q": "dang vien"}).status_code == 200


def test_reader_follows_home_to_article_to_official(site, browse):
    article_url = site.article.url

    async def scenario(page):
        await page.goto(f"{site.url}/")
        assert await page.locator("html").get_attribute("lang") == "vi"

        await page.get_by_role("link", name=SEED_TITLE).first.click()
        await page.wait_for_url(f"**{article_url}")
        assert await page.get_by_role("heading", level=1).inner_text() == SEED_TITLE
        assert await page.get_by_text("09:11, 10/11/2021").first.is_visible()
        assert await page.get_by_text("45.239", exact=False).first.is_visible()
        correction = await page.locator("#corrections .correction-when").inner_text()
        assert correction.startswith("Đính chính ")
        canonical = await page.locator("link[rel=canonical]").get_attribute("href")
        assert canonical.endswith(article_url)

        await page.get_by_role("link", name=OFFICIAL).first.click()
        await page.wait_for_url("**/nhan-vat/nguyen-khac-toan/")
        assert await page.get_by_role("heading", level=1).inner_text() == OFFICIAL
        assert await page.get_by_text("Phó Bí thư Thường trực Tỉnh ủy").first.is_visible()

        # and back to the article from the official's list
        await page.get_by_role("link", name=SEED_TITLE).first.click()
        await page.wait_for_url(f"**{article_url}")
        assert page.console_errors == []  # no CSP violation, no missing asset, no script error

    browse(scenario)


def test_reader_searches_without_diacritics(site, browse):
    if not search_is_built():
        pytest.xfail("the search page (/tim-kiem/) is not built yet")
    article_url = site.article.url

    async def scenario(page):
        await page.goto(f"{site.url}/")
        await page.get_by_role("searchbox").fill("dang vien")
        await page.get_by_role("searchbox").press("Enter")
        await page.wait_for_url(re.compile(r".*/tim-kiem/\?q=dang\+vien"))
        await page.get_by_role("link", name=SEED_TITLE).first.click()
        await page.wait_for_url(f"**{article_url}")
        assert page.console_errors == []

    browse(scenario)


def test_article_reads_without_javascript(site, browse):
    async def scenario(page):
        await page.goto(f"{site.url}{site.article.url}")
        assert await page.get_by_role("heading", level=1).inner_text() == SEED_TITLE
        assert "45.239 đảng viên" in await page.locator(".article-body").inner_text()
        assert await page.get_by_role("link", name=OFFICIAL).first.is_visible()

    browse(scenario, java_script_enabled=False)


def test_article_prints_without_site_chrome(site, browse):
    async def scenario(page):
        await page.goto(f"{site.url}{site.article.url}")
        await page.emulate_media(media="print")
        assert await page.locator(".site-header").is_hidden()
        assert await page.locator(".site-footer").is_hidden()
        assert await page.get_by_role("heading", level=1).is_visible()
        assert await page.locator("#corrections").is_visible()

    browse(scenario)


def test_desktop_layout_keeps_a_readable_measure(site, browse):
    async def scenario(page):
        await page.goto(f"{site.url}{site.article.url}")
        box = await page.locator(".article-body").bounding_box()
        assert box["width"] <= 760  # about 70 characters a line

    browse(scenario, viewport={"width": 1280, "height": 900})


AXE_PAGES = {
    "home": "/",
    "article": None,  # the seed article
    "official": "/nhan-vat/nguyen-khac-toan/",
    "body": "/co-quan/tinh-uy/",
    "section": "/xay-dung-dang/",
    "search": "/tim-kiem/?q=dang+vien",
}


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]
)
@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_axe_finds_no_violations(site, browse, axe_source, name, viewport):
    if name == "search" and not search_is_built():
        pytest.xfail("the search page (/tim-kiem/) is not built yet")
    url = f"{site.url}{AXE_PAGES[name] or site.article.url}"

    async def scenario(page):
        response = await page.goto(url)
        assert response.status == 200
        if viewport["width"] < 400:  # mobile first: nothing scrolls sideways
            assert await page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        return await run_axe(page, axe_source)

    # axe is injected as a script tag, which the site's strict CSP would rightly refuse
    violations = browse(scenario, viewport=viewport, bypass_csp=True)
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )
