"""Consistency checks (news.checks): titles against tenures, figures against the text,
breakdowns against their total; shown in the edit form and by `manage.py check_articles`."""

import io
from decimal import Decimal

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

import pytest

from news.checks import check_article, contains_number
from news.models import ArticleOfficialLink, ArticlePage
from organisations.models import Observation
from organisations.tests.factories import ObservationFactory

pytestmark = pytest.mark.django_db


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def kinds(problems):
    return [problem.kind for problem in problems]


def set_figure(quote_start, **changes):
    Observation.objects.filter(source_quote__startswith=quote_start).update(**changes)


def test_seed_article_is_consistent(demo):
    assert check_article(demo) == []


def test_printed_title_not_held_on_the_day_is_reported(demo):
    ArticleOfficialLink.objects.filter(official__slug="nguyen-khac-ha").update(
        printed_title="Phó Trưởng Ban Tổ chức Tỉnh ủy"
    )
    [problem] = check_article(fresh(demo))
    assert problem.kind == "title"
    assert "Nguyễn Khắc Hà" in problem.message
    assert "“Phó Trưởng Ban Tổ chức Tỉnh ủy”" in problem.message
    assert "ngày 10/11/2021 giữ: Trưởng Ban Tổ chức Tỉnh ủy" in problem.message


def test_figure_whose_value_is_not_in_the_text_is_reported(demo):
    set_figure("45.239", value=Decimal(45293))
    [problem] = check_article(fresh(demo))
    assert problem.kind == "figure"
    assert "45.293" in problem.message and "Đảng viên" in problem.message


def test_figure_whose_quote_is_not_in_the_text_is_reported(demo):
    set_figure("45.239", source_quote="45.239 đảng viên chính thức")
    [problem] = check_article(fresh(demo))
    assert problem.kind == "figure"
    assert "45.239 đảng viên chính thức" in problem.message


def test_quote_matches_whatever_the_unicode_form_and_case(demo):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Từ năm 2010 đến nay, mỗi năm, ĐẢNG BỘ tỉnh")
    set_figure("Từ năm 2010", source_quote=decomposed)
    assert check_article(fresh(demo)) == []


def test_breakdown_that_does_not_add_up_is_reported_once(demo):
    set_figure("686", value=Decimal(687))
    problems = check_article(fresh(demo))
    breakdowns = [p for p in problems if p.kind == "breakdown"]
    assert len(breakdowns) == 1
    assert "259 + 427 = 686" in breakdowns[0].message
    assert "687" in breakdowns[0].message


def test_figure_cited_from_another_source_is_not_looked_for_in_the_text(demo):
    other = ObservationFactory(
        value=999, source_quote="999 đảng viên", source_page=demo.get_parent()
    )
    page = fresh(demo)
    page.body.append(("figures", {"heading": "Thêm", "observations": [other]}))
    assert check_article(page) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("với 45.239 đảng viên", True),
        ("với 45.239, tăng", True),
        ("(45.239)", True),
        ("với 145.239 đảng viên", False),
        ("với 45.2391 đảng viên", False),
        ("với 45.239.000 đồng", False),
        ("với 45239 đảng viên", False),  # printed as the site prints it, or flagged
    ],
)
def test_numbers_are_matched_whole(text, found):
    assert contains_number(text, "45.239") is found


def test_edit_form_shows_the_problems(staff_client, demo):
    url = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    html = staff_client.get(url).content.decode()
    assert "Kiểm tra chức danh, số liệu" in html
    assert "khớp với dữ liệu" in html
    set_figure("686", value=Decimal(687))
    html = staff_client.get(url).content.decode()
    assert 'data-problem-kind="breakdown"' in html
    assert "259 + 427 = 686" in html


def test_check_articles_reports_and_exits_with_1(demo):
    out = io.StringIO()
    call_command("check_articles", stdout=out)
    assert "không có vấn đề" in out.getvalue()
    set_figure("686", value=Decimal(687))
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("check_articles", stdout=out)
    assert error.value.returncode == 1
    report = out.getvalue()
    assert demo.title in report
    assert f"/admin/pages/{demo.pk}/edit/" in report
    assert "259 + 427 = 686" in report


def test_check_articles_reads_the_latest_draft_unless_live(demo):
    draft = fresh(demo)
    links = list(draft.official_links.all())
    next(link for link in links if link.official.slug == "nguyen-khac-ha").printed_title = "Bí thư"
    draft.official_links = links  # edited in memory, saved only in the draft revision
    draft.save_revision()
    assert fresh(demo).has_unpublished_changes
    with pytest.raises(CommandError):
        call_command("check_articles", stdout=io.StringIO())
    call_command("check_articles", "--live", stdout=io.StringIO())
