#!/usr/bin/env python
"""Benchmark of `manage.py import_article` (not a test): 1,000 articles into a fresh SQLite.

Generates article files from the samples (news/tests/fixtures/samples and the seed) with
varied titles and times, so none is a duplicate, migrates a throw-away SQLite database in a
temporary folder, loads the demo content (sections, officials, bodies) and times the import
alone. Prints the elapsed seconds; the exit code is 1 when it is over the target.

    .venv/bin/python scripts/bench_import.py [--files 1000] [--target 60]
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "news" / "fixtures" / "articles" / "conference-report.txt",
    *sorted((ROOT / "news" / "tests" / "fixtures" / "samples").glob("*.txt")),
]


def generate(directory, count):
    """`count` article files in `directory`: the samples in turn, each with its own title and
    time (a minute apart, from 1 January 2022)."""
    texts = [source.read_text(encoding="utf-8").split("\n", 1)[1] for source in SOURCES]
    start = datetime.datetime(2022, 1, 1, 6, 0)
    for number in range(count):
        when = start + datetime.timedelta(minutes=number)
        body = texts[number % len(texts)].lstrip("\n")
        title, rest = body.split("\n", 1)
        text = f"{when:%H:%M, %d/%m/%Y}\n\n{title} (bản {number + 1})\n{rest}"
        (directory / f"bai-{number + 1:05d}.txt").write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--target", type=float, default=60.0, help="seconds")
    parser.add_argument("--keep", action="store_true", help="keep the files and the database")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    articles = workdir / "articles"
    articles.mkdir()
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command

    from news.demo import load_demo
    from news.models import ArticlePage

    generate(articles, options.files)
    print(f"{options.files} tệp trong {articles}; tạo CSDL SQLite…", flush=True)
    call_command("migrate", verbosity=0)
    load_demo()
    before = ArticlePage.objects.count()

    started, cpu_started = time.perf_counter(), time.process_time()
    call_command("import_article", str(articles), verbosity=0)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    created = ArticlePage.objects.count() - before
    drafts = ArticlePage.objects.filter(live=False).count()
    print(f"Nhập {created} bài ({drafts} bản nháp) trong {elapsed:.1f} giây (CPU {cpu:.1f} giây)")
    print(f"{created / elapsed:.0f} bài/giây; mục tiêu dưới {options.target:.0f} giây")
    if options.keep:
        print(f"Giữ lại: {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    if created != options.files:
        print(f"Sai: mong đợi {options.files} bài mới", file=sys.stderr)
        return 1
    return 0 if elapsed < options.target else 1


if __name__ == "__main__":
    sys.exit(main())
