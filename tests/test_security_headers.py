"""Production security headers on every public page type, and the relaxed CSP under /admin/."""

import re

from django.urls import reverse

import pytest

from news.models import SectionPage

pytestmark = pytest.mark.django_db

HTTPS = {"secure": True, "headers": {"host": "example.org"}}


@pytest.fixture
def public_urls(demo):
    section = SectionPage.objects.get(slug="xay-dung-dang")
    urls = [
        "/",
        section.url,
        demo.url,
        reverse("organisations:official", kwargs={"slug": "nguyen-khac-toan"}),
        reverse("organisations:body", kwargs={"slug": "dang-bo-tinh"}),
        "/tim-kiem/?q=dang+vien",
        "/rss/",
        "/sitemap.xml",
    ]
    return urls


@pytest.fixture
def secure_settings(production_like):
    production_like.ALLOWED_HOSTS = ["example.org"]
    return production_like


def directives(policy):
    return dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part
    )


def test_every_public_page_has_the_production_headers(client, secure_settings, public_urls):
    for url in public_urls:
        response = client.get(url, **HTTPS)
        assert response.status_code == 200, url
        assert response["Strict-Transport-Security"].startswith("max-age=31536000"), url
        assert "includeSubDomains" in response["Strict-Transport-Security"]
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["X-Frame-Options"] == "DENY", url
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == "'self'"
        assert policy["style-src"] == "'self'", url
        assert re.fullmatch(r"'self' 'nonce-[A-Za-z0-9_-]{20,}'", policy["script-src"]), url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert policy["object-src"] == "'none'"
        assert policy["base-uri"] == "'self'"
        assert policy["frame-ancestors"] == "'none'"
        assert policy["form-action"] == "'self'"
        assert policy["img-src"] == "'self' data:"


def test_http_is_redirected_to_https(client, secure_settings):
    response = client.get("/", headers={"host": "example.org"})
    assert response.status_code == 301
    assert response["Location"] == "https://example.org/"


def test_each_response_gets_its_own_nonce_and_pages_use_it(client, secure_settings, demo):
    first = client.get(demo.url, **HTTPS)
    second = client.get(demo.url, **HTTPS)
    nonce = first.wsgi_request.csp_nonce
    assert f"'nonce-{nonce}'" in first["Content-Security-Policy"]
    assert nonce != second.wsgi_request.csp_nonce
    # Every script element on the page carries this response's nonce (JSON-LD included).
    for tag in re.findall(r"<script\b[^>]*>", first.content.decode()):
        assert f'nonce="{nonce}"' in tag, tag


def test_public_pages_have_no_inline_style_or_unnonced_script(client, secure_settings, public_urls):
    for url in public_urls:
        html = client.get(url, **HTTPS).content.decode()
        assert not re.search(r"\sstyle\s*=", html), url
        assert "<style" not in html, url
        assert not re.search(r"\son[a-z]+\s*=", html), url  # no onclick= and the like
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "nonce=" in tag or "src=" in tag, (url, tag)


def test_templates_have_no_inline_style_or_unnonced_script():
    from pathlib import Path

    from django.conf import settings

    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\sstyle\s*=", text), path
        assert "<style" not in text, path
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "request.csp_nonce" in tag or "src=" in tag, (path, tag)


def test_admin_asks_no_outside_server_for_avatars(staff_client, demo):
    html = staff_client.get("/admin/").content.decode()
    assert "gravatar.com" not in html


def test_admin_gets_the_relaxed_policy(staff_client, secure_settings, demo):
    for url in ("/admin/", reverse("wagtailadmin_pages:edit", args=[demo.pk])):
        response = staff_client.get(url, **HTTPS)
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" in policy["script-src"]
        assert "'unsafe-inline'" in policy["style-src"]
        assert "nonce-" not in policy["script-src"]  # a nonce would disable 'unsafe-inline'
        assert policy["frame-ancestors"] == "'self'"  # the preview panel is an iframe
        assert policy["object-src"] == "'none'"
        assert (
            response["Cache-Control"].startswith("private")
            or "no-store" in response["Cache-Control"]
        )


def test_cookies_are_secure_and_http_only(client, secure_settings, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    response = client.get("/admin/login/", **HTTPS)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/",
        {
            "username": "editor",
            "password": "pw",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
        **HTTPS,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_deploy_check_passes_with_production_settings(monkeypatch):
    """`manage.py check --deploy` with production settings, in a subprocess (settings differ)."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 20 + "-production-check-9f8e7d6c5b4a3210zyxwvuts",
        ALLOWED_HOSTS="example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
