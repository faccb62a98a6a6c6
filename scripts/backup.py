"""`make backup` / `make restore FILE=…`: the database and the media files in one archive.

    .venv/bin/python -m scripts.backup backup [--output-dir backups]
    .venv/bin/python -m scripts.backup restore backups/newsroom-….tar.gz --yes
    .venv/bin/python -m scripts.backup stats      # row counts and content hash, as JSON

The archive (`newsroom-<vendor>-<UTC time>.tar.gz`) holds `manifest.json`, the database
(`database.dump` from `pg_dump --format=custom`, or `database.sqlite3` copied with SQLite's
backup API, never the live file) and `media/` (MEDIA_ROOT). The manifest records the vendor, the
row count of every table, a hash over the rows of the content tables in primary-key order and
checksums of the files, so a restore can refuse a damaged archive and prove what it restored.

The database is the one Django is configured with (DATABASE_URL, read by config.settings), so
the same environment that serves the site backs it up. Exit codes: 0 done, 1 restored but the
result differs from the manifest, 2 refused (missing or damaged archive, other vendor, no --yes).
"""

import argparse
import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .backup_stats import model_tables, table_stats

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = "manifest.json"
FORMAT_VERSION = 1
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Rows that are not content: sessions and login-throttling logs change on every visit.


class Refused(Exception):
    """The archive or the request is not safe to restore; nothing has been changed."""


def setup_django():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def database():
    """The `default` database settings (parsed from DATABASE_URL by config.settings.base)."""
    from django.db import connections

    return connections["default"].vendor, connections["default"].settings_dict


def pg_env(db):
    """libpq environment for pg_dump/pg_restore: no password on a command line."""
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    env["PGDATABASE"] = db["NAME"]
    return env


def pg_connect(db):
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )


def current_stats():
    """Counts and hash of the configured database as it is now."""
    vendor, db = database()
    tables = model_tables()
    if vendor == "sqlite":
        with sqlite_connection(db["NAME"]) as conn:
            return {"vendor": vendor, **table_stats(conn.cursor(), vendor, tables)}
    with pg_connect(db) as conn, conn.cursor() as cursor:
        return {"vendor": vendor, **table_stats(cursor, vendor, tables)}


class sqlite_connection:
    """A plain sqlite3 connection (no Django converters) that is closed on exit."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        self.conn.close()


# --- Media ---------------------------------------------------------------------------------------


def media_root():
    """MEDIA_ROOT when uploads live on this disk; None when they are on S3-style storage."""
    from django.conf import settings

    backend = settings.STORAGES["default"]["BACKEND"]
    if not backend.endswith("FileSystemStorage"):
        return None
    return Path(settings.MEDIA_ROOT)


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root):
    """{relative path: sha256} of every regular file under `root`."""
    if root is None or not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): file_sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


# --- Backup --------------------------------------------------------------------------------------


def dump_database(vendor, db, target):
    """Write the database to `target` and return its stats, both from one consistent snapshot."""
    tables = model_tables()
    if vendor == "sqlite":
        # The backup API copies a consistent snapshot even while the site writes to the file.
        with sqlite_connection(db["NAME"]) as source, sqlite_connection(target) as copy:
            source.backup(copy)
        with sqlite_connection(target) as copy:
            return table_stats(copy.cursor(), vendor, tables)
    if vendor != "postgresql":
        raise Refused(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    import psycopg

    # The counts and hash are read in the transaction whose snapshot pg_dump uses.
    with pg_connect(db) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            command = ["pg_dump", "--format=custom", f"--snapshot={snapshot}", "-f", str(target)]
            result = subprocess.run(command, env=pg_env(db), capture_output=True, text=True)
            if result.returncode != 0:
                raise RuntimeError(f"pg_dump thất bại: {result.stderr.strip()}")
            return table_stats(cursor, vendor, tables)


def archive_name(vendor, now):
    return f"newsroom-{vendor}-{now:%Y%m%d-%H%M%S}.tar.gz"


def backup(output_dir):
    """Create the archive under `output_dir`; returns its path and manifest."""
    vendor, db = database()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    root = media_root()
    with tempfile.TemporaryDirectory(prefix="newsroom-backup-") as work:
        dump = Path(work) / DUMP_NAMES.get(vendor, "database")
        stats = dump_database(vendor, db, dump)
        media = media_files(root)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": now.isoformat(timespec="seconds"),
            "vendor": vendor,
            "database_name": Path(db["NAME"]).name if vendor == "sqlite" else db["NAME"],
            "database_file": dump.name,
            "database_sha256": file_sha256(dump),
            **stats,
            "media": "external storage, not included" if root is None else media,
        }
        target = output_dir / archive_name(vendor, now)
        counter = 1
        while target.exists():
            counter += 1
            target = output_dir / archive_name(vendor, now).replace(".tar", f"-{counter}.tar")
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for name in media:
                tar.add(root / name, arcname=f"media/{name}")
        partial.rename(target)  # a crash mid-write never leaves a plausible-looking archive
    return target, manifest


# --- Restore -------------------------------------------------------------------------------------


def read_archive(path, work):
    """Extract and check `path` into `work`; returns the manifest or raises Refused."""
    path = Path(path)
    if not path.is_file():
        raise Refused(f"Không tìm thấy tệp sao lưu: {path}")
    try:
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(work, filter="data")
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise Refused(f"Tệp sao lưu bị hỏng hoặc không đúng định dạng ({exc}).") from exc
    try:
        manifest = json.loads((Path(work) / MANIFEST).read_text(encoding="utf-8"))
        vendor, name = manifest["vendor"], manifest["database_file"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise Refused("Tệp sao lưu thiếu manifest.json hợp lệ.") from exc
    dump = Path(work) / name
    if not dump.is_file() or file_sha256(dump) != manifest.get("database_sha256"):
        raise Refused("Bản sao cơ sở dữ liệu trong tệp sao lưu bị thiếu hoặc sai mã kiểm tra.")
    media = manifest.get("media")
    if isinstance(media, dict):
        for relative, digest in media.items():
            file = Path(work) / "media" / relative
            if not file.is_file() or file_sha256(file) != digest:
                raise Refused(f"Tệp media {relative} trong bản sao lưu bị thiếu hoặc hỏng.")
    return manifest | {"vendor": vendor}


def restore_database(vendor, db, dump):
    if vendor == "sqlite":
        with sqlite_connection(dump) as source, sqlite_connection(db["NAME"]) as target:
            source.backup(target)
        return
    # One transaction: if anything fails, the database is left as it was.
    command = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        "-d",
        db["NAME"],
        str(dump),
    ]
    result = subprocess.run(command, env=pg_env(db), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"pg_restore thất bại, cơ sở dữ liệu giữ nguyên: {result.stderr.strip()}"
        )


def restore_media(root, extracted):
    """Make MEDIA_ROOT hold exactly the archived files: uploads made after the backup belong to
    rows the restore removed, so they are removed too."""
    root.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(extracted).as_posix() for p in extracted.rglob("*") if p.is_file()}
    for path in sorted(root.rglob("*"), reverse=True):
        relative = path.relative_to(root).as_posix()
        if (path.is_file() or path.is_symlink()) and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for relative in wanted:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(extracted / relative, target)


def drop_cached_pages():
    """Cached pages show the data before the restore: a new page-cache generation drops them."""
    try:
        from news.cache import bump_generation

        bump_generation()
    except Exception as exc:  # the cache is an optimisation; the restore is done
        print(f"Cảnh báo: không xóa được bộ nhớ đệm trang ({exc}).", file=sys.stderr)


def restore(path, yes=False, ask=input):
    """Restore the archive at `path` over the configured database and MEDIA_ROOT. Returns
    (manifest, stats after). Raises Refused before changing anything."""
    vendor, db = database()
    with tempfile.TemporaryDirectory(prefix="newsroom-restore-") as work:
        manifest = read_archive(path, work)
        if manifest["vendor"] != vendor:
            raise Refused(
                f"Bản sao lưu là của {manifest['vendor']}, còn cơ sở dữ liệu đang cấu hình là "
                f"{vendor}: không khôi phục chéo loại cơ sở dữ liệu."
            )
        if not yes:
            if not sys.stdin.isatty():
                raise Refused("Khôi phục sẽ ghi đè dữ liệu hiện có: chạy lại với --yes.")
            answer = ask(f"Ghi đè cơ sở dữ liệu {db['NAME']} và thư mục media? Gõ 'yes': ")
            if answer.strip().lower() != "yes":
                raise Refused("Đã hủy, không có gì thay đổi.")
        from django.db import connections

        connections.close_all()
        restore_database(vendor, db, Path(work) / manifest["database_file"])
        root = media_root()
        if root is not None and isinstance(manifest.get("media"), dict):
            restore_media(root, Path(work) / "media")
    drop_cached_pages()
    return manifest, current_stats()


# --- Command line --------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="create an archive")
    make.add_argument("--output-dir", default=str(ROOT / "backups"))
    back = commands.add_parser("restore", help="restore an archive (overwrites!)")
    back.add_argument("file")
    back.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    commands.add_parser("stats", help="row counts and content hash of the database, as JSON")
    args = parser.parse_args(argv)
    setup_django()

    if args.command == "stats":
        print(json.dumps(current_stats(), ensure_ascii=False, indent=2))
        return 0
    if args.command == "backup":
        target, manifest = backup(args.output_dir)
        rows = sum(manifest["row_counts"].values())
        media = manifest["media"]
        files = len(media) if isinstance(media, dict) else media
        print(f"Đã sao lưu {manifest['vendor']}: {rows} dòng, media: {files} tệp.")
        print(target)
        return 0
    try:
        manifest, after = restore(args.file, yes=args.yes)
    except Refused as exc:
        print(f"Từ chối khôi phục: {exc}", file=sys.stderr)
        return 2
    if (after["row_counts"], after["content_hash"]) != (
        manifest["row_counts"],
        manifest["content_hash"],
    ):
        print(
            "Đã khôi phục, nhưng số dòng hoặc mã băm nội dung khác manifest: "
            "có thể có ghi đồng thời, hãy kiểm tra.",
            file=sys.stderr,
        )
        return 1
    print(
        f"Đã khôi phục bản sao lưu {manifest['created_at']}: "
        f"{sum(after['row_counts'].values())} dòng, mã băm {after['content_hash'][:19]}… khớp."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
