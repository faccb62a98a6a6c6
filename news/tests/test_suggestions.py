"""Suggestions in the article edit form (news.suggestions, news.panels, news.admin_views): the
officials the text names and the figures it prints that the article does not link yet, each
linked in one click as a new draft revision."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from wagtail.rich_text import RichText

import pytest

from news.checks import figures_of
from news.models import ArticlePage, SectionPage
from news.suggestions import article_paragraphs, suggest
from organisations.models import Observation, Official
from organisations.tests.factories import ObservationFactory

from .admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

HA = "nguyen-khac-ha"
TOAN = "nguyen-khac-toan"
MEMBERS = "45.239 đảng viên"
SHARE_OF_COMMUNES = "100% xã, phường, thị trấn đã thành lập được đảng bộ cơ sở"


def latest(page):
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def publish_without(article, official_slug=None, quotes=(), figures_box=True):
    """Publish `article` without the link to one official and without some figures."""
    page = ArticlePage.objects.get(pk=article.pk)
    page.official_links = [
        link for link in page.official_links.all() if link.official.slug != official_slug
    ]
    for index, block in reversed(list(enumerate(page.body))):
        if block.block_type != "figures":
            continue
        if not figures_box:
            del page.body[index]
            continue
        observations = block.value["observations"]
        for position in reversed(range(len(observations))):
            if observations[position].source_quote in quotes:
                del observations[position]
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def stripped(demo):
    """The seed article published without Nguyễn Khắc Hà's link and the 45.239 đảng viên."""
    return publish_without(demo, HA, quotes=[MEMBERS])


def link_url(page, official):
    return reverse("news_link_official", args=[page.pk, official.pk])


def figure_url(page, observation):
    return reverse("news_add_figure", args=[page.pk, observation.pk])


def official(slug):
    return Official.objects.get(slug=slug)


def observation(quote):
    return Observation.objects.get(source_quote=quote)


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# What the panel offers


def test_seed_article_has_nothing_to_suggest(demo):
    assert not suggest(demo)


def test_unlinked_official_and_figure_are_suggested_as_the_importer_reads_them(stripped):
    suggestions = suggest(stripped)
    [found] = suggestions.officials
    assert found.official == official(HA)
    assert found.person.role == "chu_tri"
    assert found.person.printed_title == "Trưởng Ban Tổ chức Tỉnh ủy"
    [figure] = suggestions.figures
    assert figure.figure.text == MEMBERS
    assert figure.observation == observation(MEMBERS)
    assert suggestions.unknown_people == []


def test_of_two_equal_shares_the_missing_one_is_offered(demo):
    page = publish_without(demo, quotes=[SHARE_OF_COMMUNES])
    [figure] = suggest(page).figures
    assert figure.figure.text == "100% xã"
    assert figure.observation == observation(SHARE_OF_COMMUNES)


def test_a_figure_from_elsewhere_is_offered_only_if_it_counts_the_same_thing(stripped):
    observation(MEMBERS).delete()
    homes = ObservationFactory(value=45239, indicator__unit="hộ", date=datetime.date(2022, 1, 1))
    [found] = suggest(stripped).figures
    assert found.observation is None
    members = ObservationFactory(value=45239, date=datetime.date(2020, 1, 1))  # đảng viên
    [found] = suggest(stripped).figures
    assert found.observation == members != homes


def test_edit_form_offers_exactly_what_is_not_linked(editor_client, stripped):
    html = edit_page(editor_client, stripped)
    assert "Gợi ý từ văn bản" in html
    assert link_url(stripped, official(HA)) in html
    assert link_url(stripped, official(TOAN)) not in html
    offered = [obs for obs in Observation.objects.all() if figure_url(stripped, obs) in html]
    assert offered == [observation(MEMBERS)]


def test_edit_form_of_a_fully_linked_article_offers_nothing(editor_client, demo):
    html = edit_page(editor_client, demo)
    assert "Không có gợi ý mới" in html
    assert 'data-suggestion="' not in html


def test_paragraphs_of_one_rich_text_block_are_read_one_by_one(demo):
    page = latest(demo)
    page.body = [("paragraph", RichText("<p>Ông A &amp; B</p><p>C<br>D</p>"))]
    assert article_paragraphs(page) == [page.lead, "Ông A & B", "C", "D"]


def test_person_matching_no_official_gets_a_prefilled_add_form(
    editor_client, data_client, stripped
):
    Official.objects.filter(slug=HA).update(full_name="Nguyễn Khắc Hạ")
    [found] = suggest(stripped).unknown_people
    assert found.person.name == "Nguyễn Khắc Hà"
    html = edit_page(editor_client, stripped)
    add = reverse("wagtailsnippets_organisations_official:add")
    [href] = re.findall(rf'href="({re.escape(add)}[^"]*)"', html)
    assert parse_qs(urlsplit(href).query) == {"full_name": ["Nguyễn Khắc Hà"]}
    form = data_client.get(href).context["form"]
    assert form["full_name"].value() == "Nguyễn Khắc Hà"


def test_figure_matching_no_observation_gets_a_prefilled_add_form(
    editor_client, data_client, stripped
):
    observation(MEMBERS).delete()
    [found] = suggest(stripped).figures
    assert found.figure.text == MEMBERS and found.observation is None
    html = edit_page(editor_client, stripped)
    add = reverse("wagtailsnippets_organisations_observation:add")
    [href] = re.findall(rf'href="({re.escape(add)}[^"]*)"', html)
    form = data_client.get(href.replace("&amp;", "&")).context["form"]
    assert form["value"].value() == 45239
    assert str(form["date"].value()) == "2021-11-10"
    assert form["source_page"].value() == stripped.pk
    assert form["source_quote"].value() == MEMBERS


# The one-click actions


def test_linking_saves_one_draft_revision_by_the_user(client, editor_client, stripped):
    revisions = stripped.revisions.count()
    response = editor_client.post(link_url(stripped, official(HA)))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[stripped.pk])
    assert stripped.revisions.count() == revisions + 1
    revision = ArticlePage.objects.get(pk=stripped.pk).latest_revision
    assert revision.user == editor_client.user
    [link] = [link for link in latest(stripped).official_links.all() if link.official.slug == HA]
    assert (link.role, link.printed_title) == ("chu_tri", "Trưởng Ban Tổ chức Tỉnh ủy")
    live = ArticlePage.objects.get(pk=stripped.pk)
    assert [link.official.slug for link in live.official_links.all()] == [TOAN]
    assert live.has_unpublished_changes
    assert f"/nhan-vat/{HA}/" not in client.get(live.url).content.decode()
    revision.publish()
    assert f"/nhan-vat/{HA}/" in client.get(live.url).content.decode()


def test_linking_twice_links_once(editor_client, stripped):
    url = link_url(stripped, official(HA))
    editor_client.post(url)
    revisions = stripped.revisions.count()
    response = editor_client.post(url, follow=True)
    assert stripped.revisions.count() == revisions
    assert any("đã được liên kết" in message for message in messages_of(response))
    slugs = [link.official.slug for link in latest(stripped).official_links.all()]
    assert sorted(slugs) == [HA, TOAN]
    assert link_url(stripped, official(HA)) not in edit_page(editor_client, stripped)


def test_adding_a_figure_appends_it_to_the_box_of_a_new_draft(editor_client, stripped):
    members = observation(MEMBERS)
    boxed = figures_of(latest(stripped))
    revisions = stripped.revisions.count()
    response = editor_client.post(figure_url(stripped, members), follow=True)
    assert any("Đã thêm số liệu" in message for message in messages_of(response))
    assert stripped.revisions.count() == revisions + 1
    page = latest(stripped)
    assert [b.block_type for b in page.body].count("figures") == 1
    assert figures_of(page) == [*boxed, members]
    assert members not in figures_of(ArticlePage.objects.get(pk=stripped.pk))
    editor_client.post(figure_url(stripped, members))
    assert stripped.revisions.count() == revisions + 1
    assert figures_of(latest(stripped)) == [*boxed, members]


def test_adding_a_figure_to_an_article_without_a_box_creates_one(editor_client, demo):
    page = publish_without(demo, figures_box=False)
    members = observation(MEMBERS)
    assert suggest(page).figures  # every figure is offered again
    editor_client.post(figure_url(page, members))
    [box] = [block for block in latest(page).body if block.block_type == "figures"]
    assert box.value["heading"] == "Số liệu"
    assert list(box.value["observations"]) == [members]


def test_draft_never_published_keeps_its_row_in_step(editor_client, moderator_client, stripped):
    moderator_client.post(reverse("wagtailadmin_pages:unpublish", args=[stripped.pk]))
    editor_client.post(link_url(stripped, official(HA)))
    page = ArticlePage.objects.get(pk=stripped.pk)
    assert not page.live
    assert sorted(link.official.slug for link in page.official_links.all()) == [HA, TOAN]


# Refusals


def test_data_staff_and_anonymous_visitors_are_refused(client, data_client, stripped):
    revisions = stripped.revisions.count()
    urls = [link_url(stripped, official(HA)), figure_url(stripped, observation(MEMBERS))]
    for url in urls:
        response = data_client.post(url)  # the admin turns a refusal into a redirect home
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert stripped.revisions.count() == revisions


def test_get_is_not_allowed(editor_client, stripped):
    assert editor_client.get(link_url(stripped, official(HA))).status_code == 405
    assert editor_client.get(figure_url(stripped, observation(MEMBERS))).status_code == 405


def test_unknown_official_observation_or_article_is_404(editor_client, stripped):
    missing = 10**6
    section = SectionPage.objects.first()
    for url in (
        reverse("news_link_official", args=[stripped.pk, missing]),
        reverse("news_add_figure", args=[stripped.pk, missing]),
        reverse("news_link_official", args=[missing, official(HA).pk]),
        reverse("news_link_official", args=[section.pk, official(HA).pk]),
    ):
        assert editor_client.post(url).status_code == 404, url


def test_locked_article_is_not_changed(editor_client, moderator_client, stripped):
    moderator_client.post(reverse("wagtailadmin_pages:lock", args=[stripped.pk]))
    assert ArticlePage.objects.get(pk=stripped.pk).locked
    revisions = stripped.revisions.count()
    response = editor_client.post(link_url(stripped, official(HA)), follow=True)
    assert any("đang bị khóa" in message for message in messages_of(response))
    assert stripped.revisions.count() == revisions


def test_article_waiting_for_approval_is_locked_for_its_editor(editor_client, stripped):
    edit = reverse("wagtailadmin_pages:edit", args=[stripped.pk])
    data = edit_form_data(stripped, **{"action-submit": "submit"})
    assert editor_client.post(edit, data).status_code == 302
    assert ArticlePage.objects.get(pk=stripped.pk).workflow_in_progress
    revisions = stripped.revisions.count()
    editor_client.post(link_url(stripped, official(HA)))
    assert stripped.revisions.count() == revisions
