"""`manage.py import_article FILE|DIR…`: plain-text articles to draft ArticlePages.

See docs/import.md. Each file is read, parsed and saved on its own: a bad file is reported on
stderr (name, line, reason) and the others still import; the exit code is 1 if any failed.
With --json, stdout carries only the JSON lines and every message goes to stderr.
"""

import contextlib
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from news.importing.extract import extract
from news.importing.layout import LayoutError
from news.importing.progress import Progress
from news.importing.sources import expand, read_article
from news.importing.store import BATCH_SIZE, Importer, SectionNotFound, find_section


class Command(BaseCommand):
    help = (
        "Nhập bài viết từ tệp văn bản (dòng giờ “HH:MM, dd/mm/yyyy”, tiêu đề, sapo, các đoạn, "
        "tác giả) thành bản nháp trong một chuyên mục; nhận cả thư mục (mọi tệp *.txt)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="TỆP", help="tệp .txt hoặc thư mục")
        parser.add_argument(
            "--section", metavar="SLUG", help="chuyên mục nhận bài (mặc định: chuyên mục đầu tiên)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="chỉ đọc và báo cáo, không ghi gì vào CSDL"
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="in mỗi tệp một dòng JSON (tiêu đề, sapo, nội dung, nhân vật, cơ quan, số liệu)",
        )
        parser.add_argument(
            "--progress", action="store_true", help="luôn hiện thanh tiến trình (trên stderr)"
        )

    def handle(self, *args, **options):
        files = expand(options["paths"])
        if not files:
            raise CommandError("Không có tệp .txt nào để nhập.")
        self.dry_run, self.as_json = options["dry_run"], options["json"]
        self.verbosity = options["verbosity"]
        self.messages = self.stderr if self.as_json else self.stdout
        # A dry run with --json is pure text processing: it needs no database at all.
        self.importer = None if (self.dry_run and self.as_json) else self._importer(options)
        raw_stderr = getattr(self.stderr, "_out", self.stderr)
        self.progress = Progress(
            raw_stderr, len(files), enabled=options["progress"] or self.stderr.isatty()
        )
        counts = {"created": 0, "duplicate": 0, "checked": 0, "failed": 0}
        for start in range(0, len(files), BATCH_SIZE):
            with self._batch():
                for path in files[start : start + BATCH_SIZE]:
                    counts[self._one(path)] += 1
                    self.progress.advance()
        self.progress.finish()
        self._summary(counts, len(files))
        if counts["failed"]:
            raise CommandError(
                f"{counts['failed']}/{len(files)} tệp không nhập được (xem các dòng “Lỗi” ở trên).",
                returncode=1,
            )

    def _importer(self, options):
        try:
            section = find_section(options["section"])
        except SectionNotFound as exc:
            if self.dry_run and not options["section"]:
                section = None
            else:
                raise CommandError(str(exc)) from exc
        return Importer(section)

    def _batch(self):
        if self.importer is None or self.dry_run:
            return contextlib.nullcontext()
        return self.importer.batch()

    def _say(self, line, level=1):
        if self.verbosity >= level:
            self.progress.write(self.messages, line)

    def _one(self, path):
        """Import one file; the key of `counts` it adds to."""
        try:
            extraction = extract(read_article(path))
        except LayoutError as exc:
            self.progress.write(self.stderr, f"Lỗi {path}: {exc}")
            return "failed"
        if self.as_json:
            self.progress.write(self.stdout, json.dumps(extraction.as_json(), ensure_ascii=False))
        if self.importer is None:
            return "checked"
        try:
            if self.dry_run:
                outcome = self.importer.plan(extraction)
            else:
                outcome = self.importer.save(extraction)
        except ValidationError as exc:
            problems = "; ".join(exc.messages)
            self.progress.write(self.stderr, f"Lỗi {path}: không lưu được bài ({problems})")
            return "failed"
        except DatabaseError as exc:
            self.progress.write(self.stderr, f"Lỗi {path}: không lưu được vào CSDL ({exc})")
            return "failed"
        self._report(path, extraction, outcome)
        return outcome.status

    def _report(self, path, extraction, outcome):
        article = extraction.article
        when = timezone.localtime(article.published_at).strftime("%H:%M, %d/%m/%Y")
        if outcome.status == "duplicate":
            section = self.importer.section.title
            self._say(f"{path.name}: đã có “{article.title}” ({when}) trong “{section}”, bỏ qua.")
            return
        if outcome.status == "created":
            self._say(f"{path.name}: đã tạo bản nháp “{article.title}” (trang #{outcome.page.pk}).")
        else:
            self._say(f"{path.name}: sẽ tạo bản nháp “{article.title}” ({when}).")
        linked = "; ".join(
            f"{official.full_name} ({person.printed_title or 'không ghi chức danh'})"
            for person, official in outcome.linked_people
        )
        if linked:
            self._say(f"  Nhân vật liên kết: {linked}")
        for person, reason in outcome.proposed_people:
            title = person.printed_title or "không ghi chức danh"
            self._say(f"  Đề xuất thêm nhân vật (chưa tạo): {person.name} – {title} [{reason}]")
        if outcome.linked_bodies:
            names = "; ".join(body.name for body in outcome.linked_bodies)
            self._say(f"  Cơ quan liên kết: {names}", 2)
        if outcome.unknown_bodies:
            self._say(f"  Cơ quan chưa có trong danh mục: {'; '.join(outcome.unknown_bodies)}", 2)
        self._say(f"  Số liệu tìm thấy: {outcome.figures}", 2)

    def _summary(self, counts, total):
        if self.dry_run:
            line = (
                f"Chạy thử, không ghi gì: {total} tệp, {counts['checked']} đọc được, "
                f"{counts['duplicate']} đã có, {counts['failed']} lỗi."
            )
        else:
            line = (
                f"Xong: {total} tệp, {counts['created']} bản nháp mới, "
                f"{counts['duplicate']} đã có, {counts['failed']} lỗi."
            )
        self._say(line)
