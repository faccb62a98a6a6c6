"""`manage.py eval_import [DIR]`: precision and recall of the importer's extraction.

Compares what the importer extracts from each file listed in DIR/expected.json with what an
editor extracted (news.importing.evaluate says how items are matched). Exit code 1 when overall
precision or recall of people+titles or of figures is under 0.95, so it can run as a check.
"""

from django.core.management.base import BaseCommand, CommandError

from news.importing.evaluate import DEFAULT_DIRECTORY, THRESHOLD, evaluate


def _cell(score):
    return f"P {score.precision:.2f} R {score.recall:.2f} ({score.matched}/{score.found}/{score.expected})"


class Command(BaseCommand):
    help = (
        "Đo độ chính xác (precision) và độ phủ (recall) của phần trích nhân vật + chức danh "
        "và số liệu so với expected.json; mã thoát 1 nếu dưới 0,95."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=str(DEFAULT_DIRECTORY),
            metavar="THƯ_MỤC",
            help="thư mục có expected.json (mặc định: news/tests/fixtures/samples)",
        )

    def handle(self, *args, **options):
        try:
            report = evaluate(options["directory"])
        except (OSError, ValueError) as exc:
            raise CommandError(f"Không đọc được expected.json: {exc}") from exc
        verbose = options["verbosity"] >= 2
        self.stdout.write(
            "Cột: P = precision, R = recall (khớp/tìm được/mong đợi)\n"
            f"{'Tệp':<45} {'Nhân vật + chức danh':<28} {'Số liệu':<28} Cơ quan (tham khảo)"
        )
        for file in report.files:
            self.stdout.write(
                f"{file.name[:45]:<45} {_cell(file.people):<28} {_cell(file.figures):<28} "
                f"{_cell(file.organisations)}"
            )
            if file.error:
                self.stderr.write(f"  Lỗi: {file.error}")
            for label, score in (("nhân vật", file.people), ("số liệu", file.figures)):
                if verbose or score.precision < 1 or score.recall < 1:
                    for item in score.missed:
                        self.stdout.write(f"  thiếu {label}: {item}")
                    for item in score.extra:
                        self.stdout.write(f"  thừa {label}: {item}")
        self.stdout.write(
            f"{'Tổng':<45} {_cell(report.people):<28} {_cell(report.figures):<28} "
            f"{_cell(report.organisations)}"
        )
        if not report.passed:
            raise CommandError(
                f"Dưới ngưỡng {THRESHOLD:.2f}: nhân vật P {report.people.precision:.2f} "
                f"R {report.people.recall:.2f}, số liệu P {report.figures.precision:.2f} "
                f"R {report.figures.recall:.2f}.",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(f"Đạt ngưỡng {THRESHOLD:.2f}."))
