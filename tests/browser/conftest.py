"""Browser fixtures: Debian's chromium driven by Playwright, axe-core vendored from npm, and the
demo site on pytest-django's live server.

Never a downloaded browser and never a CDN: chromium comes from apt (.ci/run installs it) and
axe-core from the npm registry at the exact version pinned in package.json / package-lock.json.
Without chromium or npm these tests skip, saying why.

Playwright's async API runs on an event loop of our own, driven only while a scenario runs.
(Its sync API leaves a loop marked running in the test's thread; Django then treats the test as
async code, and hands it database connections other than the test database's.) Tests therefore
set up data with the ORM first, then run a browser scenario with `browse`.
"""

import asyncio
import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def axe_source():
    """The path of axe.min.js, installed with npm on first use (node_modules is not committed)."""
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot vendor axe-core (apt-get install npm)")
        result = subprocess.run(
            [npm, "install", "--prefix", str(HERE), "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0 or not AXE.exists():
            pytest.fail(f"npm install of axe-core failed:\n{result.stdout}\n{result.stderr}")
    return AXE


@pytest.fixture(scope="session")
def browser_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def browser(browser_loop):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Debian's chromium is missing (/usr/bin/chromium): apt-get install chromium")
    from playwright.async_api import async_playwright

    playwright = browser_loop.run_until_complete(async_playwright().start())
    browser = browser_loop.run_until_complete(
        playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    )
    yield browser
    browser_loop.run_until_complete(browser.close())
    browser_loop.run_until_complete(playwright.stop())


def track_requests(page):
    """The page's requests still waiting for an answer (a set that empties as they end)."""
    in_flight = set()
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))
    return in_flight


async def settle(in_flight, timeout=10):
    """Wait until the live server has answered everything the page asked, e.g. the admin's
    editing-session pings: a request still running when the test database is flushed deadlocks
    the flush on PostgreSQL."""
    for _ in range(int(timeout / 0.05)):
        if not in_flight:
            return
        await asyncio.sleep(0.05)


async def leave(page):
    """Navigate away while the test still holds the database: what a page sends as it goes
    (the admin's editing-session release, a beacon on `pagehide`) then reaches the live server
    now, not while the context closes after the test, when database access is blocked and a
    request cut off halfway leaves the shared SQLite connection outside autocommit."""
    if not page.is_closed() and page.url != "about:blank":
        await page.goto("about:blank")


@pytest.fixture
def browse(browser, browser_loop):
    """browse(scenario, **context_options): runs `await scenario(page)` in a fresh browser context
    (a phone-sized viewport unless told otherwise) and returns its result. The page records
    console errors and uncaught script errors in `page.console_errors`."""

    async def run(scenario, options):
        options.setdefault("viewport", PHONE)
        options.setdefault("locale", "vi-VN")
        context = await browser.new_context(**options)
        in_flight = set()
        try:
            page = await context.new_page()
            page.console_errors = []
            page.on(
                "console",
                lambda message: (
                    message.type == "error" and page.console_errors.append(message.text)
                ),
            )
            page.on("pageerror", lambda error: page.console_errors.append(str(error)))
            in_flight = track_requests(page)
            return await scenario(page)
        finally:
            await leave(page)
            await settle(in_flight)
            await context.close()

    return lambda scenario, **options: browser_loop.run_until_complete(run(scenario, options))


@pytest.fixture
def site(live_server):
    """The demo content on the live server, with one correction on the seed article.

    Tests using it need transactional database access (the live server's thread must see the
    data) with serialized rollback (the rows Wagtail's migrations create, the root page and the
    default site, must come back for the tests that follow)."""
    from news.demo import load_demo
    from news.models import ArticleCorrection

    article = load_demo()
    ArticleCorrection.objects.create(
        page=article, kind="correction", note="Sửa lại chức danh của ông Nguyễn Khắc Hà."
    )
    return SimpleNamespace(url=live_server.url, article=article)


async def run_axe(page, axe_path):
    """axe-core's violations on the page (WCAG 2.1 A/AA and best practices), as a list."""
    await page.add_script_tag(path=str(axe_path))
    return await page.evaluate(
        """async () => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
                resultTypes: ["violations"],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )
