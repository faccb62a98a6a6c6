"""The /tin-tuc/ filter form printed once per process for the same submitted values
(news.templatetags.listing.filter_form): each reader still sees their own choices and errors,
and a new official is among the options at once."""

import pytest

from news import rendering
from news.templatetags import listing
from organisations.tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db


def form_html(client, **params):
    html = client.get("/tin-tuc/", params).content.decode()
    start = html.index('<form class="filter-form"')
    return html[start : html.index("</form>", start)]


def test_the_same_values_print_the_same_form_once(client, demo, monkeypatch):
    listing.FILTER_FORMS.clear()
    official = OfficialFactory(full_name="Trần Văn Hai")
    loaded = []
    real_get_template = rendering.get_template
    monkeypatch.setattr(
        rendering,
        "get_template",
        lambda name: loaded.append(name) or real_get_template(name),
    )
    first = form_html(client, official=official.slug)
    assert form_html(client, official=official.slug) == first
    assert loaded.count("news/includes/filter_form.html") == 1
    assert f'<option value="{official.slug}" selected>Trần Văn Hai</option>' in first
    form_html(client, official=official.slug, utm_source="rss")  # not one of its fields
    assert loaded.count("news/includes/filter_form.html") == 1


def test_each_reader_sees_their_own_choices_and_errors(client, demo):
    one, two = OfficialFactory(), OfficialFactory()
    first = form_html(client, official=one.slug)
    second = form_html(client, official=two.slug, tu_ngay="31/02/2022")
    assert f'value="{one.slug}" selected' in first and f'value="{two.slug}" selected' not in first
    assert f'value="{two.slug}" selected' in second and f'value="{one.slug}" selected' not in second
    assert "form-errors" in second and "form-errors" not in first
    assert 'value="31/02/2022"' in second


def test_a_new_official_is_an_option_at_once(client, demo):
    before = form_html(client)
    official = OfficialFactory(full_name="Người Mới Bổ Nhiệm")  # replaces the generation
    after = form_html(client)
    assert "Người Mới Bổ Nhiệm" not in before and "Người Mới Bổ Nhiệm" in after
    assert f'<option value="{official.slug}">' in after


def test_submitted_text_is_escaped(client, demo):
    html = form_html(client, tu_ngay='"><script>alert(1)</script>')
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
