"""Backup and restore (scripts/backup.py): a round trip gives back the same rows and media, and a
damaged or foreign archive is refused before anything is touched.

The round trip runs the real command line in subprocesses against a scratch database (a SQLite
file, or the PostgreSQL database newsroom_backup_test), never against the test database: the
restore drops and recreates every table. Its schema is copied from the already-migrated test
database, which is much faster than running the migrations again.
"""

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import urllib.parse
from pathlib import Path

from django.db import connection

import pytest

from scripts import backup

ROOT = Path(__file__).resolve().parents[1]
SCRATCH_PG = "newsroom_backup_test"

POPULATE = """
import sys, django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from news.demo import load_demo
load_demo()
default_storage.save("original_images/hoi-nghi.jpg", ContentFile(b"\\xff\\xd8 anh hoi nghi"))
default_storage.save("documents/bao-cao.txt", ContentFile("Báo cáo tổng kết".encode()))
from scripts.backup import main
sys.exit(main(["backup", "--output-dir", sys.argv[1]]))
"""

# Raw SQL, as a mistaken bulk edit would be: a rename, a deleted index, a retitled article.
MUTATE = [
    "UPDATE organisations_official SET full_name = 'Tên đã bị sửa'",
    "DELETE FROM news_searchentry",
    "DELETE FROM news_articlepagetag",
    "UPDATE wagtailcore_page SET title = 'Tiêu đề sai' WHERE depth = 4",
]


def run(args, env):
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def round_trip(database_url, connect, tmp_path):
    """Back up, damage rows and media, restore; `connect()` opens a DB-API connection to the
    scratch database, for the changes and for the checks."""
    media = tmp_path / "media"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        PYTHONPATH=str(ROOT),
    )
    archive = Path(run(["-c", POPULATE, str(tmp_path / "backups")], env).strip().splitlines()[-1])
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["row_counts"]["news_articlepage"] >= 1
    assert set(manifest["media"]) == {"original_images/hoi-nghi.jpg", "documents/bao-cao.txt"}

    vendor, tables = manifest["vendor"], backup.model_tables()
    conn = connect()
    try:
        for statement in MUTATE:
            conn.execute(statement)
        conn.commit()
        changed = backup.table_stats(conn.cursor(), vendor, tables)
    finally:
        conn.close()
    assert changed["content_hash"] != manifest["content_hash"]
    assert changed["row_counts"] != manifest["row_counts"]
    (media / "original_images" / "hoi-nghi.jpg").unlink()
    (media / "documents" / "bao-cao.txt").write_text("sửa sau sao lưu")
    (media / "sau-sao-luu.txt").write_text("tệp tải lên sau bản sao lưu")

    run(["-m", "scripts.backup", "restore", str(archive), "--yes"], env)

    conn = connect()
    try:
        after = backup.table_stats(conn.cursor(), vendor, tables)
    finally:
        conn.close()
    assert after["row_counts"] == manifest["row_counts"]
    assert after["content_hash"] == manifest["content_hash"]
    assert (media / "original_images" / "hoi-nghi.jpg").read_bytes() == b"\xff\xd8 anh hoi nghi"
    assert (media / "documents" / "bao-cao.txt").read_text() == "Báo cáo tổng kết"
    assert not (media / "sau-sao-luu.txt").exists()


@pytest.mark.django_db
def test_sqlite_round_trip(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the test database is PostgreSQL; the SQLite run covers the SQLite round trip")
    connection.ensure_connection()
    scratch = tmp_path / "newsroom.sqlite3"
    target = sqlite3.connect(scratch)
    connection.connection.backup(target)  # the migrated, still empty test database
    target.close()
    round_trip(f"sqlite:///{scratch}", lambda: sqlite3.connect(scratch), tmp_path)


def pg_url(settings_dict, name):
    user = urllib.parse.quote(settings_dict.get("USER") or "")
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{urllib.parse.quote(password)}" if password else user
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{name}"


@pytest.mark.django_db
def test_postgresql_round_trip(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL is not postgres://…: the PostgreSQL round trip needs a server")
    import psycopg

    db = connection.settings_dict
    env = backup.pg_env(db)
    admin = pg_url(db, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_PG}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{SCRATCH_PG}"')
    try:
        # The schema (and migration data) of the test database: committed before this test.
        dump = tmp_path / "schema.dump"
        subprocess.run(["pg_dump", "--format=custom", "-f", dump], env=env, check=True)
        subprocess.run(
            ["pg_restore", "--no-owner", "--single-transaction", "-d", SCRATCH_PG, dump],
            env=env,
            check=True,
        )
        url = pg_url(db, SCRATCH_PG)
        round_trip(url, lambda: psycopg.connect(url), tmp_path)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_PG}" WITH (FORCE)')


# --- Refusals: exit code 2, a Vietnamese reason, nothing touched ---------------------------------


def restore_exit(path, capsys, *extra):
    code = backup.main(["restore", str(path), *extra])
    return code, capsys.readouterr().err


def fake_archive(path, manifest, dump=b"dump"):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in (("manifest.json", json.dumps(manifest).encode()), ("database", dump)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def good_manifest(vendor, dump=b"dump"):
    import hashlib

    return {
        "vendor": vendor,
        "database_file": "database",
        "database_sha256": hashlib.sha256(dump).hexdigest(),
        "media": {},
    }


def test_missing_archive_is_refused(tmp_path, capsys):
    code, err = restore_exit(tmp_path / "khong-co.tar.gz", capsys, "--yes")
    assert code == 2
    assert "Không tìm thấy tệp sao lưu" in err


def test_corrupt_archive_is_refused(tmp_path, capsys):
    broken = tmp_path / "hong.tar.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 this is not really gzip")
    code, err = restore_exit(broken, capsys, "--yes")
    assert code == 2
    assert "bị hỏng" in err


def test_tampered_dump_is_refused(tmp_path, capsys):
    manifest = good_manifest(connection.vendor, dump=b"original")
    archive = fake_archive(tmp_path / "sua.tar.gz", manifest, dump=b"tampered")
    code, err = restore_exit(archive, capsys, "--yes")
    assert code == 2
    assert "sai mã kiểm tra" in err


def test_other_vendor_is_refused(tmp_path, capsys):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = fake_archive(tmp_path / "khac.tar.gz", good_manifest(other))
    code, err = restore_exit(archive, capsys, "--yes")
    assert code == 2
    assert "không khôi phục chéo" in err


def test_restore_without_yes_does_not_wait_for_input(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    archive = fake_archive(tmp_path / "ok.tar.gz", good_manifest(connection.vendor))
    code, err = restore_exit(archive, capsys)
    assert code == 2
    assert "--yes" in err
