"""Fixtures for the project-wide tests in tests/ (security, limits, operations)."""

import importlib
import sys

import pytest

SECURITY_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "X_FRAME_OPTIONS")


def load_production_settings(monkeypatch, **env):
    """config.settings.production as a module, imported afresh under `env`."""
    monkeypatch.setenv(
        "SECRET_KEY", "x" * 10 + "production-like-key-for-tests-0123456789abcdefghij"
    )
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("config.settings.production", None)
    try:
        return importlib.import_module("config.settings.production")
    finally:
        sys.modules.pop("config.settings.production", None)


def load_base_settings(monkeypatch, **env):
    """config.settings.base imported afresh under `env` (it reads the environment as it is
    imported); the test run's own module is put back."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    saved = sys.modules.pop("config.settings.base")
    try:
        return importlib.import_module("config.settings.base")
    finally:
        sys.modules["config.settings.base"] = saved


@pytest.fixture
def production_like(settings, monkeypatch):
    """The test settings with production's security settings copied over (HSTS, SSL redirect,
    secure cookies…). Apply before the first request: SecurityMiddleware reads them at start."""
    production = load_production_settings(monkeypatch)
    for name in dir(production):
        if name.startswith(SECURITY_PREFIXES):
            setattr(settings, name, getattr(production, name))
    settings.DEBUG = False
    return settings
