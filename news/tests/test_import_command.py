"""`manage.py import_article` and `manage.py eval_import`, end to end."""

import datetime
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext

from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry
from wagtail.search.signal_handlers import post_save_signal_handler

import pytest

from news.importing.evaluate import THRESHOLD, evaluate
from news.importing.layout import SITE_ZONE as HCM
from news.models import ArticleBodyLink, ArticleOfficialLink, ArticlePage, SectionPage
from organisations.models import Official

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"
SEED = ROOT / "news" / "fixtures" / "articles" / "conference-report.txt"


def run(*args):
    """(stdout, stderr, error or None) of the command."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_article", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def seed_at(tmp_path, time="10:30, 12/11/2021", name="seed-copy.txt"):
    """The seed with another time, so it is not the demo's own article."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    path = tmp_path / name
    path.write_text("\n".join([time, *lines[1:]]) + "\n", encoding="utf-8")
    return path


def test_seed_dry_run_json():
    out, err, error = run("--dry-run", "--json", SEED)
    assert error is None
    (line,) = out.splitlines()
    data = json.loads(line)
    assert "Tổng kết" in line  # ensure_ascii=False
    assert data["title"] == "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"
    assert data["published_at"] == "2021-11-10T09:11:00+07:00"
    assert data["byline"] == "X.T"
    assert len(data["body"]) == 2 and data["lead"] not in data["body"]
    assert data["people"] == [
        {
            "name": "Nguyễn Khắc Toàn",
            "titles": ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
        },
        {"name": "Nguyễn Khắc Hà", "titles": ["Trưởng Ban Tổ chức Tỉnh ủy"]},
    ]
    values = [figure["value"] for figure in data["statistics"]]
    for value in (686, 259, 427, 13, 2538, 45239, 1800):
        assert value in values
    assert all(set(figure) >= {"value", "text"} for figure in data["statistics"])
    assert data["organisations"] == ["Tỉnh ủy", "HĐND tỉnh", "Ban Tổ chức Tỉnh ủy", "Đảng bộ tỉnh"]


@pytest.mark.django_db
def test_dry_run_writes_nothing(demo, tmp_path):
    pages = ArticlePage.objects.count()
    out, err, error = run("--dry-run", seed_at(tmp_path), SAMPLES)
    assert error is None
    assert ArticlePage.objects.count() == pages
    assert "sẽ tạo bản nháp" in out
    assert "Chạy thử" in out


@pytest.mark.django_db
def test_import_creates_linked_drafts_never_live(demo, tmp_path):
    out, err, error = run(seed_at(tmp_path))
    assert error is None, err
    page = ArticlePage.objects.get(published_at=datetime.datetime(2021, 11, 12, 10, 30, tzinfo=HCM))
    assert page.live is False and page.has_unpublished_changes
    assert page.first_published_at is None
    assert page.latest_revision is not None
    assert page.get_parent().specific_class is SectionPage
    assert page.byline == "X.T"
    assert page.lead.startswith("Chiều 10-11")
    blocks = list(page.body)
    assert [block.block_type for block in blocks] == ["paragraph", "paragraph"]
    assert str(blocks[0].value.source).startswith("<p>Theo báo cáo")
    assert "“trắng”" in str(blocks[0].value.source)
    links = list(page.official_links.order_by("sort_order"))
    assert [(link.official.full_name, link.printed_title, link.role) for link in links] == [
        ("Nguyễn Khắc Toàn", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh", "chu_tri"),
        ("Nguyễn Khắc Hà", "Trưởng Ban Tổ chức Tỉnh ủy", "chu_tri"),
    ]
    bodies = [link.body.name for link in page.body_links.order_by("sort_order")]
    assert bodies == ["Tỉnh ủy", "Hội đồng nhân dân tỉnh", "Ban Tổ chức Tỉnh ủy", "Đảng bộ tỉnh"]
    assert "đã tạo bản nháp" in out
    assert page.latest_revision.as_object().official_links.count() == 2


@pytest.mark.django_db
def test_drafts_are_in_wagtail_search_and_reference_indexes(demo, tmp_path):
    """Both indexes are built once per batch rather than on every save; they must still be."""
    run(seed_at(tmp_path))
    page = ArticlePage.objects.get(live=False)
    assert IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage), object_id=str(page.pk)
    ).exists()
    toan = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    assert page.pk in {int(ref.object_id) for ref in ReferenceIndex.get_references_to(toan)}
    # The search signal, held back during the import, is connected again.
    assert post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    post_save.connect(post_save_signal_handler, sender=ArticlePage)


@pytest.mark.django_db
def test_html_in_the_text_is_escaped(demo, tmp_path):
    path = tmp_path / "html.txt"
    path.write_text(
        "08:00, 01/02/2021\n\nTiêu đề <b>đậm</b>\n\nSapo.\n\nA < B & <script>x</script>\n\nX.T\n",
        encoding="utf-8",
    )
    assert run(path)[2] is None
    page = ArticlePage.objects.get(title="Tiêu đề <b>đậm</b>")
    assert page.body.raw_data[0]["value"] == "<p>A &lt; B &amp; &lt;script&gt;x&lt;/script&gt;</p>"


@pytest.mark.django_db
def test_unmatched_people_are_proposed_not_created(demo):
    officials = Official.objects.count()
    out, err, error = run(SAMPLES / "02-dai-hoi-dang-bo-xa-thuan-ha.txt")
    assert error is None
    assert Official.objects.count() == officials
    assert "Đề xuất thêm nhân vật (chưa tạo): Phan Văn Hợp – Bí thư Huyện ủy" in out
    assert not ArticleOfficialLink.objects.filter(page__title__contains="Thuận Hà").exists()


@pytest.mark.django_db
def test_reimport_is_not_a_duplicate(demo, tmp_path):
    path = seed_at(tmp_path)
    run(path)
    count = ArticlePage.objects.count()
    out, err, error = run(path)
    assert error is None
    assert ArticlePage.objects.count() == count
    assert "đã có" in out
    # The demo's own seed article (published, same title and time) is found too.
    out, err, error = run(SEED)
    assert "đã có" in out and ArticlePage.objects.count() == count


@pytest.mark.django_db
def test_bad_file_is_reported_and_the_others_still_import(demo, tmp_path):
    bad_date = tmp_path / "b-bad-date.txt"
    bad_date.write_text("09:11, 31/02/2021\n\nTiêu đề\n\nSapo.\n", encoding="utf-8")
    binary = tmp_path / "c-binary.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    empty = tmp_path / "d-empty.txt"
    empty.write_bytes(b"")
    good = seed_at(tmp_path, name="a-good.txt")
    other = shutil.copy(SAMPLES / "04-ky-hop-hdnd-xa-thuan-ha.txt", tmp_path / "e-other.txt")

    out, err, error = run(tmp_path, tmp_path / "missing.txt")

    assert error is not None and error.returncode == 1
    assert f"Lỗi {bad_date}: dòng 1: ngày giờ không có thật" in err
    assert f"Lỗi {binary}: tệp nhị phân" in err
    assert f"Lỗi {empty}: tệp trống" in err
    assert "missing.txt: không tìm thấy tệp" in err
    assert "4 lỗi" in out
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert read_title(good) in titles and read_title(Path(other)) in titles


def read_title(path):
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][1]


@pytest.mark.django_db
def test_without_a_section_it_says_so(db, tmp_path):
    out, err, error = run(seed_at(tmp_path))
    assert error is not None and "Chưa có chuyên mục" in str(error)


@pytest.mark.django_db
def test_section_option(demo, tmp_path):
    out, err, error = run("--section", "khong-co", seed_at(tmp_path))
    assert error is not None and "Không có chuyên mục “khong-co”" in str(error)
    section = SectionPage.objects.order_by("path").last()
    assert run("--section", section.slug, seed_at(tmp_path))[2] is None
    assert ArticlePage.objects.child_of(section).filter(live=False).count() == 1


@pytest.mark.django_db
def test_progress_bar_on_request(demo, tmp_path):
    seed_at(tmp_path, name="a.txt")
    seed_at(tmp_path, time="11:00, 12/11/2021", name="b.txt")
    out, err, error = run("--progress", "-v", "0", tmp_path)
    assert error is None
    assert "2/2 tệp" in err
    assert ArticleBodyLink.objects.filter(page__live=False).count() == 8


@pytest.mark.django_db
def test_officials_and_bodies_are_looked_up_once_per_run(demo, tmp_path):
    def lookups(count):
        directory = tmp_path / str(count)
        directory.mkdir()
        for number in range(count):
            seed_at(directory, time=f"{10 + number}:00, 12/11/2021", name=f"{number}.txt")
        with CaptureQueriesContext(connection) as queries:
            assert run(directory)[2] is None
        tables = ('"organisations_official"', '"organisations_body"', '"organisations_tenure"')
        return sum(
            1
            for query in queries.captured_queries
            if query["sql"].startswith("SELECT")
            and any(f"FROM {t}" in query["sql"] for t in tables)
        )

    once = lookups(1)
    assert once > 0 and lookups(4) == once


def test_real_exit_code_and_streams(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("không phải ngày\n\nTiêu đề\n", encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", "--dry-run", "--json", str(bad), str(SEED)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"Lỗi {bad}: dòng 1:" in result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["byline"] == "X.T"


# --- eval_import --------------------------------------------------------------------------


def test_eval_precision_and_recall_reach_the_threshold():
    report = evaluate(SAMPLES)
    for score in (report.people, report.figures):
        assert score.precision >= THRESHOLD and score.recall >= THRESHOLD
    assert report.passed
    assert len(report.files) == 6 and not any(file.error for file in report.files)


def test_eval_command_prints_scores():
    out = io.StringIO()
    call_command("eval_import", stdout=out)
    assert "Tổng" in out.getvalue() and "conference-report.txt" in out.getvalue()


def test_eval_command_fails_under_the_threshold(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    wrong = {
        "file": "seed.txt",
        "people": [{"name": "Nguyễn Văn Không", "titles": ["Chủ tịch UBND xã"]}],
        "statistics": [{"value": 7, "unit_phrase": "hộ", "text": "7 hộ"}],
        "organisations": [],
    }
    (tmp_path / "expected.json").write_text(json.dumps([wrong]), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("eval_import", str(tmp_path), stdout=out)
    assert caught.value.returncode == 1
    assert "thiếu nhân vật" in out.getvalue()
