"""Search (/tim-kiem/): folded matching, ranking, polite messages, safe excerpts, index in sync."""

import datetime
import hashlib
import io
import re
import time

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news import highlight, search
from news.cache import current_generation
from news.models import ArticlePage, SearchEntry, SectionPage
from news.tests.articles import make_article, vn_time
from organisations.models import Body, Official
from organisations.tests.factories import PostFactory, TenureFactory

pytestmark = pytest.mark.django_db

URL = "/tim-kiem/"


def results(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def titles(response):
    """Result titles in order, without the <mark> tags."""
    html = response.content.decode()
    found = re.findall(r'<h3 class="item-title"><a href="[^"]*">(.*?)</a></h3>', html, re.S)
    return [re.sub(r"</?mark>", "", title) for title in found]


def kinds(response):
    return re.findall(r'class="search-result search-result--(\w+)"', response.content.decode())


SEED_TITLE = "Tổng kết công tác xây dựng tổ chức cơ sở đảng và đội ngũ đảng viên"


def test_without_diacritics_finds_dang_vien(client, demo):
    assert SEED_TITLE in titles(results(client, "dang vien"))


def test_official_found_by_name_without_diacritics(client, demo):
    response = results(client, "nguyen khac toan")
    found = titles(response)
    assert found[0] == "Nguyễn Khắc Toàn"
    assert SEED_TITLE in found
    assert "Nguyễn Khắc Hà" not in found  # every word must match: "toan" is not in Hà's entry
    assert 'href="/nhan-vat/nguyen-khac-toan/"' in response.content.decode()


def test_hdnd_finds_the_council_and_its_chairman(client, demo):
    found = titles(results(client, "HDND"))
    assert "Hội đồng nhân dân tỉnh" in found  # its short name is HĐND tỉnh
    assert "Nguyễn Khắc Toàn" in found  # Chủ tịch HĐND tỉnh
    assert SEED_TITLE in found
    assert found == titles(results(client, "HĐND"))
    assert found == titles(results(client, "hđnd"))


def test_exact_diacritics_rank_before_folded_matches(client, demo):
    make_article(title="Ông Doãn Văn Minh thăm trường học", published_at=vn_time(2023, 5, 2, 8))
    make_article(title="Ông Đoàn Văn Minh dự hội nghị", published_at=vn_time(2023, 5, 1, 8))
    make_article(title="Doanh nghiệp đóng góp quỹ", published_at=vn_time(2023, 5, 3, 8))
    doan, doan_tilde = "Ông Đoàn Văn Minh dự hội nghị", "Ông Doãn Văn Minh thăm trường học"
    assert titles(results(client, "Đoàn")) == [doan, doan_tilde]  # older, but exact
    assert titles(results(client, "Doãn")) == [doan_tilde, doan]
    # Without diacritics neither is exact: newest first. "doan" is not "doanh".
    assert titles(results(client, "doan")) == [doan_tilde, doan]
    assert titles(results(client, "đoàn văn minh")) == [doan, doan_tilde]


def test_exact_in_text_ranks_before_folded_in_title(client, demo):
    make_article(title="Tin Doãn Hùng", lead="Chưa có gì.", published_at=vn_time(2023, 1, 2))
    make_article(
        title="Tin hội nghị", lead="Ông Đoàn Hùng phát biểu.", published_at=vn_time(2023, 1, 1)
    )
    assert titles(results(client, "Đoàn Hùng")) == ["Tin hội nghị", "Tin Doãn Hùng"]


def test_newest_first_within_a_rank_to_the_microsecond(client, demo):
    """Ranking reads dates as sortable text (news.search_expressions.SortableDate)."""
    midnight = vn_time(2024, 1, 1, 0, 30)  # still 31/12/2023 in UTC
    # Created in this order: a later id does not decide (it breaks ties only).
    for name, when in [
        ("B", midnight + datetime.timedelta(microseconds=1)),
        ("A", midnight),
        ("C", midnight - datetime.timedelta(hours=1)),
        ("D", midnight + datetime.timedelta(seconds=1)),
        ("E", vn_time(2009, 9, 9)),
    ]:
        make_article(title=f"Hội thảo cây chè lần {name}", published_at=when)
    found = titles(results(client, "hoi thao cay che"))
    assert found == [f"Hội thảo cây chè lần {name}" for name in "DBACE"]


def test_empty_query_is_a_polite_message(client, demo):
    for q in ["", "   ", "\t\n"]:
        response = results(client, q)
        assert "Mời bạn nhập từ khóa" in response.content.decode()
        assert titles(response) == []
    assert "Mời bạn nhập từ khóa" in client.get(URL).content.decode()


def test_long_query_is_cut_to_200_characters_and_says_so(client, demo):
    started = time.monotonic()
    response = results(client, "đảng viên " * 100)  # 1,000 characters
    assert time.monotonic() - started < 3
    html = response.content.decode()
    assert "giới hạn ở 200 ký tự" in html
    assert SEED_TITLE in titles(response)
    value = re.search(r'id="search-q"[^>]*value="([^"]*)"', html).group(1)
    assert len(value) <= 200


@pytest.mark.parametrize(
    "q", ["%%%", "*", "???!!!", "___", "'\"", "\\", "…", "😀", "\x00", "-- ;", "%_%"]
)
def test_odd_symbols_do_not_crash(client, demo, q):
    assert titles(results(client, q)) == []


def test_symbols_only_query_asks_for_letters(client, demo):
    assert "ít nhất một chữ cái hoặc chữ số" in results(client, "%%% ***").content.decode()


def test_like_wildcards_are_literal(client, demo):
    assert titles(results(client, "d_ng")) == []
    assert titles(results(client, "%ang")) == []


def test_no_results_message(client, demo):
    assert "Không tìm thấy kết quả nào" in results(client, "khongcotutrongbai").content.decode()


def test_query_is_escaped(client, demo):
    html = results(client, '<script>alert("x")</script> đảng').content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_text_of_entries_is_escaped_around_the_highlight(client, demo):
    make_article(
        title="Cảnh báo <img src=x onerror=alert(1)> lừa đảo",
        lead='Thủ đoạn <script>alert("lead")</script> lừa đảo qua mạng.',
    )
    html = results(client, "lua dao").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;lead&quot;)&lt;/script&gt; <mark>lừa đảo</mark>" in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>lừa đảo</mark>" in html


def test_excerpt_is_around_the_match_and_highlights_it(client, demo):
    filler = " ".join(["Nội dung mở đầu không liên quan."] * 60)
    make_article(
        title="Báo cáo dài",
        lead="Sapo ngắn.",
        body=[("paragraph", f"<p>{filler} Tỉnh có thêm 120 đảng viên mới trong quý.</p>")],
    )
    html = results(client, "dang vien moi").content.decode()
    excerpt = re.search(r'<p class="excerpt">(.*?)</p>', html, re.S).group(1)
    assert excerpt.startswith("… ")
    assert "<mark>đảng viên mới</mark>" in excerpt
    assert len(re.sub(r"<[^>]+>", "", excerpt)) < 300


def test_highlight_handles_decomposed_text_and_expanding_letters():
    decomposed = "Đa\u0309ng vie\u0302n va\u0300 ﬁ"  # "Đảng viên và ﬁ" typed with combining marks
    html = highlight.highlight(decomposed, ["dang", "vien", "fi"])
    assert html == "<mark>Đa\u0309ng vie\u0302n</mark> va\u0300 <mark>ﬁ</mark>"
    assert highlight.highlight("<b>đảng</b>", ["dang"]) == "&lt;b&gt;<mark>đảng</mark>&lt;/b&gt;"
    assert highlight.excerpt("", ["dang"]) == ""


def test_results_are_paginated_with_the_query_kept(client, demo):
    for n in range(25):
        make_article(
            title=f"Hội thảo nông thôn mới số {n}", published_at=vn_time(2023, 2, 1, n % 24)
        )
    first = results(client, "nong thon moi")
    assert len(titles(first)) == 20
    assert "?q=nong+thon+moi&amp;page=2" in first.content.decode()
    assert len(titles(results(client, "nong thon moi", page=2))) == 5
    assert client.get(URL, {"q": "nong thon moi", "page": "9"}).status_code == 404
    assert client.get(URL, {"q": "nong thon moi", "page": "x"}).status_code == 404


def test_search_queries_do_not_grow_with_matches(client, demo):
    def count():
        """Queries of a search ranked afresh (its ranking is not kept yet)."""
        client.get(URL, {"q": "hoi thao"})
        cache.delete(f"generation-cached:{current_generation()}:search:{digest('Hội thảo')}")
        with CaptureQueriesContext(connection) as context:
            results(client, "Hội thảo")
        return len(context)

    make_article(title="Hội thảo đầu tiên")
    few = count()
    for n in range(30):
        make_article(title=f"Hội thảo số {n}")
    assert count() == few
    # ranked afresh: the candidates in one statement, then the page's entries (a kept ranking: one)
    assert few == 2


# --- The index follows the content -----------------------------------------------------------


def entry(kind, pk):
    return SearchEntry.objects.filter(kind=kind, object_id=pk).first()


def test_demo_content_is_indexed(demo):
    assert entry("article", demo.pk).url == demo.url
    assert entry("official", Official.objects.get(full_name="Nguyễn Khắc Toàn").pk)
    assert SearchEntry.objects.filter(kind="body").count() == Body.objects.count()


def test_publish_and_unpublish_keep_the_index_in_sync(client, demo):
    article = make_article(title="Khánh thành cầu Bến Thủy")
    assert titles(results(client, "ben thuy")) == ["Khánh thành cầu Bến Thủy"]
    article.unpublish()
    assert entry("article", article.pk) is None
    assert titles(results(client, "ben thuy")) == []
    article.save_revision().publish()
    assert titles(results(client, "ben thuy")) == ["Khánh thành cầu Bến Thủy"]


def test_a_draft_is_not_searchable_until_published(client, demo):
    article = make_article(title="Tin gốc về thủy lợi", lead="Sapo.")
    article.title = "Tin sửa về thủy điện"
    revision = article.save_revision()
    assert titles(results(client, "thuy dien")) == []
    revision.publish()
    assert titles(results(client, "thuy dien")) == ["Tin sửa về thủy điện"]
    assert titles(results(client, "thuy loi")) == []


def test_deleted_article_leaves_the_index(demo):
    article = make_article(title="Bài sẽ xóa")
    ArticlePage.objects.get(pk=article.pk).delete()
    assert entry("article", article.pk) is None


def test_deleting_a_section_removes_its_articles(demo):
    section = SectionPage.objects.get(slug="chinh-quyen")
    article = make_article(parent=section, title="Bài trong chuyên mục sẽ xóa")
    section.delete()
    assert entry("article", article.pk) is None


def test_renamed_section_updates_article_urls(demo, django_capture_on_commit_callbacks):
    section = SectionPage.objects.get(slug="chinh-quyen")
    article = make_article(parent=section, title="Bài chuyên mục")
    section.slug = "chinh-quyen-dia-phuong"
    with django_capture_on_commit_callbacks(execute=True):  # page_slug_changed is on commit
        section.save_revision().publish()
    assert entry("article", article.pk).url.startswith("/chinh-quyen-dia-phuong/")


def test_edited_official_is_reindexed(client, demo):
    official = Official.objects.get(full_name="Nguyễn Khắc Hà")
    official.full_name = "Nguyễn Khắc Hải"
    official.save()
    assert "Nguyễn Khắc Hải" in titles(results(client, "nguyen khac hai"))
    TenureFactory(official=official, post=PostFactory(role="Giám đốc", body__name="Sở Xây dựng"))
    assert "Nguyễn Khắc Hải" in titles(results(client, "giam doc so xay dung"))


def test_deleted_official_and_body_leave_the_index(demo):
    official = Official.objects.create(full_name="Lê Văn Tạm")
    body = Body.objects.create(name="Ban Tạm thời", kind="ban")
    assert entry("official", official.pk) and entry("body", body.pk)
    official.delete()
    body.delete()
    assert entry("official", official.pk) is None and entry("body", body.pk) is None


def test_renamed_body_updates_its_officials_titles(client, demo):
    body = Body.objects.get(name="Hội đồng nhân dân tỉnh")
    body.short_name = "HĐND tỉnh Hà Tĩnh"
    body.save()
    assert "Nguyễn Khắc Toàn" in titles(results(client, "hdnd tinh ha tinh"))


def test_rebuild_command_gives_the_same_index(demo):
    def snapshot():
        return sorted(
            SearchEntry.objects.values_list("kind", "object_id", "url", "folded_title", "text")
        )

    before = snapshot()
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert snapshot() == before


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def test_old_articles_matching_only_in_the_title_are_found(client, demo, monkeypatch):
    """Beyond the newest RECENT_WINDOW articles, title matches are looked for in every article
    (news.search._newest_matches), newest first."""
    make_article(title="Ngựa vằn năm xưa", published_at=vn_time(2001, 1, 1, 8, 0))
    make_article(title="Ngựa vằn thuở trước", published_at=vn_time(2002, 1, 1, 8, 0))
    for n in range(3):
        make_article(title=f"Tin mới {n}", published_at=vn_time(2030, 1, 1 + n, 8, 0))
    monkeypatch.setattr(search, "RECENT_WINDOW", 2)
    assert titles(results(client, "ngua van")) == ["Ngựa vằn thuở trước", "Ngựa vằn năm xưa"]


def test_ranking_reads_no_texts(demo, django_assert_num_queries):
    """Candidates come without their texts: the database says whether the folded and the exact
    phrase are in each text, so ranking reads nothing more."""
    make_article(title="Tin một", lead="Bàn về đảng viên mới")
    make_article(title="Tin hai", lead="Bàn về dang vien moi")
    make_article(title="Tin ba", lead="Không liên quan")
    query = search.Query.parse("đảng viên mới")
    # the cutoff (once per generation; with fewer articles than the recent window, the words
    # indexes' statistics are not needed), then officials and bodies, title and anywhere in one
    with django_assert_num_queries(2):
        found = search.find(query)
    ranks = {entry.title: entry.rank for entry in found}
    assert [entry.title for entry in found][:2] == ["Tin một", "Tin hai"]
    assert (ranks["Tin một"], ranks["Tin hai"], "Tin ba" in ranks) == (1, 3, False)
