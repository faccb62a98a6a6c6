"""Production settings switch on S3 media, Redis and a CDN purge from the environment alone."""

import importlib
import sys

from tests.conftest import load_base_settings, load_production_settings


def test_defaults_without_services(monkeypatch):
    for name in ("AWS_STORAGE_BUCKET_NAME", "REDIS_URL", "FRONTEND_CACHE_PURGE_URL"):
        monkeypatch.delenv(name, raising=False)
    production = load_production_settings(monkeypatch)
    assert production.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert production.CACHES["default"]["BACKEND"].endswith("FileBasedCache")
    assert production.DEBUG is False
    assert production.SECURE_SSL_REDIRECT is True


def test_s3_media_when_a_bucket_is_named(monkeypatch):
    production = load_production_settings(
        monkeypatch,
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.invalid",
    )
    default = production.STORAGES["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "newsroom-media"
    assert default["OPTIONS"]["endpoint_url"] == "https://s3.example.invalid"
    assert production.STORAGES["staticfiles"]["BACKEND"].startswith("whitenoise")
    from storages.backends.s3 import S3Storage  # the pinned package is installed

    assert S3Storage


def test_redis_cache_and_cdn_purge(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://127.0.0.1:6081")
    monkeypatch.setenv("FRONTEND_CACHE_CLOUDFLARE_ZONEID", "zone")
    monkeypatch.setenv("FRONTEND_CACHE_CLOUDFLARE_TOKEN", "token")
    # base.py reads these at import: import it afresh too, then put the test's copy back.
    saved = sys.modules.pop("config.settings.base")
    try:
        importlib.import_module("config.settings.base")
        production = load_production_settings(monkeypatch)
    finally:
        sys.modules["config.settings.base"] = saved
    assert production.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert production.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/3"
    frontend = production.WAGTAILFRONTENDCACHE
    assert frontend["http"]["LOCATION"] == "http://127.0.0.1:6081"
    assert frontend["cloudflare"]["ZONEID"] == "zone"
    assert frontend["cloudflare"]["BACKEND"].endswith("CloudflareBackend")


def test_read_replica_switch(monkeypatch):
    replica_url = "postgres://reader@replica.invalid:5432/newsroom"
    base = load_base_settings(monkeypatch, DATABASE_REPLICA_URL=replica_url)
    replica = base.DATABASES["replica"]
    assert replica["HOST"] == "replica.invalid"
    assert replica["TEST"] == {"MIRROR": "default"}
    assert base.DATABASE_ROUTERS == ["config.db_router.ReplicaRouter"]
    assert base.MIDDLEWARE[0] == "config.db_router.ReplicaReadsMiddleware"
    assert "replica" not in sys.modules["config.settings.base"].DATABASES  # off without it


def test_replica_router_serves_only_anonymous_reads():
    from django.test import RequestFactory

    from config.db_router import ReplicaReadsMiddleware, ReplicaRouter

    router, factory = ReplicaRouter(), RequestFactory()
    chosen = []
    middleware = ReplicaReadsMiddleware(lambda request: chosen.append(router.db_for_read(None)))
    middleware(factory.get("/xay-dung-dang/"))
    middleware(factory.post("/tim-kiem/"))
    middleware(factory.get("/admin/pages/"))
    middleware(factory.get("/", HTTP_COOKIE="sessionid=editor"))
    assert chosen == ["replica", "default", "default", "default"]
    assert router.db_for_read(None) == "default"  # outside a request: the scheduler, commands
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica", "news") is False


def test_an_empty_database_url_means_the_embedded_database(monkeypatch):
    base = load_base_settings(monkeypatch, DATABASE_URL="")
    assert base.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert base.DATABASES["default"]["NAME"].endswith("db.sqlite3")
