"""NewsArticle JSON-LD, Open Graph and canonical links, read from the rendered pages."""

import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings

import pytest
import wagtail_factories

from news.templatetags.seo import jsonld

from .articles import make_article, vn_time
from .html_head import canonical_links, json_ld, meta_values

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"
SEED_PUBLISHED = "2021-11-10T09:11:00+07:00"
BODIES = {"Tỉnh ủy", "Hội đồng nhân dân tỉnh", "Ban Tổ chức Tỉnh ủy", "Đảng bộ tỉnh"}


def news_article(client, url):
    response = client.get(url)
    assert response.status_code == 200
    blocks = json_ld(response)
    assert len(blocks) == 1
    data, _attrs = blocks[0]
    return data


def people_and_bodies(data):
    things = data.get("about", []) + data.get("mentions", [])
    people = {thing["name"]: thing for thing in things if thing["@type"] == "Person"}
    bodies = {
        thing["name"]: thing for thing in things if thing["@type"] == "GovernmentOrganization"
    }
    return people, bodies


def test_seed_article_is_one_news_article(client, demo):
    data = news_article(client, demo.url)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == demo.title
    assert data["description"] == demo.lead
    assert data["inLanguage"] == "vi"
    assert data["datePublished"] == SEED_PUBLISHED
    assert data["dateModified"].endswith("+07:00")
    assert data["dateModified"] >= SEED_PUBLISHED
    assert data["author"] == {"@type": "Person", "name": "X.T"}
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": f"{ROOT}{demo.url}"}
    assert data["articleSection"] == "Xây dựng Đảng"
    assert data["keywords"] == ["Xây dựng Đảng", "Tổ chức cơ sở đảng"]


def test_seed_article_names_its_officials_with_titles_of_that_day(client, demo):
    people, _ = people_and_bodies(news_article(client, demo.url))
    assert set(people) == {"Nguyễn Khắc Toàn", "Nguyễn Khắc Hà"}
    toan, ha = people["Nguyễn Khắc Toàn"], people["Nguyễn Khắc Hà"]
    assert toan["jobTitle"] == ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert ha["jobTitle"] == "Trưởng Ban Tổ chức Tỉnh ủy"
    assert toan["url"] == f"{ROOT}/nhan-vat/nguyen-khac-toan/"
    assert ha["url"] == f"{ROOT}/nhan-vat/nguyen-khac-ha/"
    # both chaired the conference: the article is about them
    data = news_article(client, demo.url)
    assert {person["name"] for person in data["about"]} == set(people)


def test_seed_article_names_its_four_bodies(client, demo):
    _, bodies = people_and_bodies(news_article(client, demo.url))
    assert set(bodies) == BODIES
    assert bodies["Tỉnh ủy"]["url"] == f"{ROOT}/co-quan/tinh-uy/"
    assert bodies["Hội đồng nhân dân tỉnh"]["alternateName"] == "HĐND tỉnh"


def test_publisher_and_fallback_image_are_real_static_files(client, demo):
    data = news_article(client, demo.url)
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == settings.NEWS_PUBLISHER
    logo = publisher["logo"]["url"]
    assert logo.startswith(f"{ROOT}/static/") and logo.endswith(".png")
    assert finders.find(logo.removeprefix(f"{ROOT}/static/"))
    image = data["image"]["url"]
    assert image.startswith(f"{ROOT}/static/") and image.endswith(".png")
    assert finders.find(image.removeprefix(f"{ROOT}/static/"))
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 630)


def test_body_image_is_the_article_image(client, demo):
    image = wagtail_factories.ImageFactory(title="Quang cảnh hội nghị")
    article = make_article(
        title="Tin có ảnh",
        body=[("image", {"image": image, "caption": "Quang cảnh", "credit": ""})],
    )
    data = news_article(client, article.url)
    assert data["image"]["url"].startswith(f"{ROOT}/media/images/")
    response = client.get(article.url)
    assert meta_values(response, "og:image") == [data["image"]["url"]]


def test_article_without_byline_is_by_the_publisher(client, demo):
    article = make_article(title="Tin không ký tên", byline="")
    author = news_article(client, article.url)["author"]
    assert author == {"@type": "Organization", "name": settings.NEWS_PUBLISHER}


def test_official_only_attending_is_mentioned_not_about(client, demo):
    from organisations.models import Official

    article = make_article(
        title="Tin dự hội nghị", officials=[Official.objects.get(slug="nguyen-khac-ha")]
    )
    data = news_article(client, article.url)
    assert "about" not in data
    assert [person["name"] for person in data["mentions"]] == ["Nguyễn Khắc Hà"]


def test_script_text_cannot_close_the_script_element(client, demo):
    title = "Hỏi & đáp </script><script>alert(1)</script>"
    article = make_article(title=title, published_at=vn_time(2022, 2, 2, 8, 0))
    html = client.get(article.url).content.decode()
    script = html.split('<script type="application/ld+json"', 1)[1].split("</script>", 1)[0]
    assert "<" not in script.split(">", 1)[1]
    assert "\\u003C/script\\u003E" in script and "\\u0026" in script
    assert news_article(client, article.url)["headline"] == title


def test_jsonld_filter_escapes_like_json_script():
    assert str(jsonld({"a": "<&>"})) == '{"a": "\\u003C\\u0026\\u003E"}'
    assert json.loads(str(jsonld({"tên": "Đảng bộ"}))) == {"tên": "Đảng bộ"}


class FixedNonceMiddleware:
    """Stands in for the CSP middleware: sets request.csp_nonce."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = "test-nonce-123"
        return self.get_response(request)


def test_jsonld_script_carries_the_csp_nonce(client, demo):
    middleware = [f"{__name__}.FixedNonceMiddleware", *settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=middleware):
        response = client.get(demo.url)
    [(_data, attrs)] = json_ld(response)
    assert attrs["nonce"] == response.wsgi_request.csp_nonce


def test_jsonld_script_has_no_nonce_attribute_without_one(client, demo):
    middleware = [name for name in settings.MIDDLEWARE if "ContentSecurityPolicy" not in name]
    with override_settings(MIDDLEWARE=middleware):
        [(_data, attrs)] = json_ld(client.get(demo.url))
    assert "nonce" not in attrs


def test_open_graph_and_twitter_tags(client, demo):
    response = client.get(demo.url)
    canonical = f"{ROOT}{demo.url}"

    def one(key):
        values = meta_values(response, key)
        assert len(values) == 1, key
        return values[0]

    assert one("og:type") == "article"
    assert one("og:title") == demo.title
    assert one("og:description") == demo.lead
    assert one("og:url") == canonical
    assert one("og:locale") == "vi_VN"
    assert one("og:site_name") == settings.NEWS_PUBLISHER
    assert one("og:image").startswith(f"{ROOT}/static/img/")
    assert one("article:published_time") == SEED_PUBLISHED
    data = news_article(client, demo.url)
    assert one("article:modified_time") == data["dateModified"]
    assert one("article:section") == "Xây dựng Đảng"
    assert meta_values(response, "article:tag") == ["Xây dựng Đảng", "Tổ chức cơ sở đảng"]
    assert one("twitter:card") == "summary_large_image"
    assert one("twitter:title") == demo.title
    assert one("twitter:image") == one("og:image")


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/", "/"),
        ("/xay-dung-dang/", "/xay-dung-dang/"),
        ("/xay-dung-dang/?utm_source=zalo", "/xay-dung-dang/"),
        ("/nhan-vat/nguyen-khac-toan/", "/nhan-vat/nguyen-khac-toan/"),
        ("/co-quan/tinh-uy/?a=b", "/co-quan/tinh-uy/"),
    ],
)
def test_every_public_page_has_one_absolute_canonical_link(client, demo, url, canonical):
    response = client.get(url)
    assert response.status_code == 200
    assert canonical_links(response) == [f"{ROOT}{canonical}"]
    assert meta_values(response, "og:url") == [f"{ROOT}{canonical}"]
    assert meta_values(response, "og:type") == ["website"]


def test_article_canonical_link(client, demo):
    assert canonical_links(client.get(f"{demo.url}?fbclid=x")) == [f"{ROOT}{demo.url}"]


def test_listing_page_two_keeps_its_page_number(client, demo):
    for n in range(21):
        make_article(title=f"Tin {n}", published_at=vn_time(2022, 3, 1, 8, n))
    response = client.get("/xay-dung-dang/?page=2")
    assert canonical_links(response) == [f"{ROOT}/xay-dung-dang/?page=2"]


@pytest.mark.parametrize(
    ("number", "suffix"),
    [("²", ""), ("٣", ""), ("1", ""), ("0", ""), ("-2", ""), ("x", ""), ("3", "?page=3")],
)
def test_odd_page_numbers_never_break_the_canonical_link(rf, demo, number, suffix):
    from django.template import Context

    from news.templatetags.seo import canonical_url

    request = rf.get("/nhan-vat/nguyen-khac-toan/", {"page": number})
    url = canonical_url(Context({"request": request}))
    assert url == f"{ROOT}/nhan-vat/nguyen-khac-toan/{suffix}"


def test_missing_page_has_no_canonical_link(client, demo):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert canonical_links(response) == []
