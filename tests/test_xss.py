"""Text typed into the admin renders inert on public pages: HTML, attribute and script-breaking
payloads come out escaped, in HTML, in JSON-LD and in feeds."""

import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from news.models import ArticlePage, SectionPage
from news.tests.admin_forms import article_form_data
from organisations.models import Body, Official

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss-1')</script>",
    '"><img src=x onerror=alert("xss-2")>',
    "</script><script>alert('xss-3')</script>",
    "<svg/onload=alert('xss-4')>",
    "' onmouseover='alert(5)' x='",
    "<a href=\"javascript:alert('xss-6')\">bấm</a>",
    "<!--<script>alert('xss-7')//-->",
]


def official_form(official, **changes):
    tenures = list(official.tenures.all())
    data = nested_form_data(
        {
            "full_name": official.full_name,
            "slug": official.slug,
            "portrait": "",
            "bio": official.bio,
            "other_names": official.other_names,
            "tenures": inline_formset(
                [
                    {
                        "id": t.pk,
                        "post": t.post_id,
                        "start": t.start.strftime("%d/%m/%Y"),
                        "start_precision": t.start_precision,
                        "end": "",
                        "end_precision": t.end_precision,
                        "note": t.note,
                    }
                    for t in tenures
                ],
                initial=len(tenures),
            ),
        }
    )
    data.update(changes)
    return data


def save_payloads_through_the_admin(client, demo, payload):
    official = Official.objects.get(full_name="Nguyễn Khắc Toàn")
    response = client.post(
        reverse("wagtailsnippets_organisations_official:edit", args=[official.pk]),
        official_form(official, full_name=f"Toàn {payload}", bio=f"Tiểu sử {payload}"),
    )
    assert response.status_code == 302, response.context["form"].errors
    body = Body.objects.get(name="Tỉnh ủy")
    response = client.post(
        reverse("wagtailsnippets_organisations_body:edit", args=[body.pk]),
        {"name": f"Tỉnh ủy {payload}", "short_name": "", "slug": body.slug, "kind": body.kind},
    )
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(pk=demo.pk)
    data = article_form_data(
        article,
        title=f"Bài {payload}",
        lead=f"Sapo {payload}",
        byline=f"X.T {payload}",
        **{"official_links-0-printed_title": f"Chức danh {payload}", "action-publish": "publish"},
    )
    data.update(
        nested_form_data(
            {
                "corrections": inline_formset(
                    [
                        {
                            "kind": "correction",
                            "made_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
                            "note": f"Đính chính {payload}",
                        }
                    ]
                )
            }
        )
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[demo.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(pk=demo.pk)
    assert article.title == f"Bài {payload}" and article.live
    assert article.corrections.count() == 1
    return article, Official.objects.get(pk=official.pk), Body.objects.get(pk=body.pk)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_admin_text_renders_inert_on_public_pages(staff_client, demo, payload):
    article, official, body = save_payloads_through_the_admin(staff_client, demo, payload)
    section = SectionPage.objects.get(slug="xay-dung-dang")
    urls = [
        article.url,
        "/",
        section.url,
        official.get_absolute_url(),
        body.get_absolute_url(),
        "/tim-kiem/?q=" + "Bài",
    ]
    reader = Client()
    for url in urls:
        response = reader.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S)
        markup = re.sub(r"(<script\b[^>]*>).*?</script>", r"\1</script>", html, flags=re.S)
        assert payload not in markup, url
        # No element or attribute the payload tried to create made it through.
        assert not re.search(r"<(img|svg|a)\b[^>]*\b(onerror|onload|href=\"javascript)", markup)
        assert not re.search(r"\bonmouseover\s*=\s*'", markup), url
        for script in scripts:  # JSON-LD: the text is data inside a string, "<" escaped
            assert "<" not in script, url
            assert script.lstrip().startswith(("{", "[")), url
    # The feed is XML: quotes in text are harmless there, but no markup may come through raw.
    xml = reader.get("/rss/").content.decode()
    assert not re.search(r"<(script|img|svg|a)\b", xml)
    assert "&lt;" in xml or "<" not in payload  # escaped, not dropped
    # The editor's view (with the printed-title note) escapes too.
    html = staff_client.get(article.url).content.decode()
    assert payload not in re.sub(r"(<script\b[^>]*>).*?</script>", r"\1</script>", html, flags=re.S)
