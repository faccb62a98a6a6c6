"""schema.org NewsArticle JSON-LD and the sharing (Open Graph) facts of an article.

Built as a plain dict here, where it can be tested, and printed by the `jsonld` filter
(news.templatetags.seo) with <, > and & escaped so the text can never close the <script>.
"""

from django.conf import settings

from organisations.templatetags.vn import iso_datetime

from .absolute import absolute_static, absolute_url, page_url
from .models import MentionRole

# Shown when an article has no image of its own: the site's share card (a raster logo, since
# Google and social networks ignore SVG images).
DEFAULT_SHARE_IMAGE = ("img/share-card.png", 1200, 630)
PUBLISHER_LOGO = ("img/publisher-logo.png", 600, 60)
SHARE_RENDITION = "width-1200"

# Officials who chaired or spoke are what the article is `about`; others are `mentions`.
ABOUT_ROLES = {MentionRole.CHAIRED, MentionRole.SPOKE}


def last_modified(page, corrections=()):
    """When the article last changed for readers: the latest correction or publication. Never
    before `published_at`, which editors may set later than Wagtail's record of publishing."""
    candidates = [page.published_at, page.last_published_at]
    candidates += [correction.made_at for correction in corrections]
    return max(moment for moment in candidates if moment is not None)


def share_image(page, request=None):
    """{"url", "width", "height"} of the article's first body image, else the site's card."""
    block = page.body.first_block_by_name("image") if page.body else None
    image = block.value.get("image") if block is not None else None
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        return {
            "url": absolute_url(rendition.url, request),
            "width": rendition.width,
            "height": rendition.height,
            "alt": block.value.get("caption") or image.title,
        }
    path, width, height = DEFAULT_SHARE_IMAGE
    return {
        "url": absolute_static(path, request),
        "width": width,
        "height": height,
        "alt": settings.NEWS_PUBLISHER,
    }


def publisher(request=None):
    path, width, height = PUBLISHER_LOGO
    return {
        "@type": "Organization",
        "name": settings.NEWS_PUBLISHER,
        "url": absolute_url("/", request),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_static(path, request),
            "width": width,
            "height": height,
        },
    }


def person(mention, request=None):
    data = {
        "@type": "Person",
        "name": mention.official.full_name,
        "url": absolute_url(mention.official.get_absolute_url(), request),
    }
    if mention.titles:
        # several posts held at once are several values, as JSON-LD writes them
        data["jobTitle"] = mention.titles[0] if len(mention.titles) == 1 else mention.titles
    return data


def government_organization(body, request=None):
    data = {
        "@type": "GovernmentOrganization",
        "name": body.name,
        "url": absolute_url(body.get_absolute_url(), request),
    }
    if body.short_name:
        data["alternateName"] = body.short_name
    return data


def news_article(
    page,
    request=None,
    *,
    officials=(),
    bodies=(),
    corrections=(),
    tags=(),
    image=None,
    section=None,
):
    """The NewsArticle dict for `page`, from what its view has already loaded (no queries)."""
    url = page_url(page, request)
    image = image or share_image(page, request)
    if page.byline:
        author = {"@type": "Person", "name": page.byline}
    else:
        author = {"@type": "Organization", "name": settings.NEWS_PUBLISHER}
    about = [person(m, request) for m in officials if m.role_code in ABOUT_ROLES]
    mentions = [person(m, request) for m in officials if m.role_code not in ABOUT_ROLES]
    mentions += [government_organization(body, request) for body in bodies]

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.search_description or page.lead,
        "inLanguage": "vi",
        "datePublished": iso_datetime(page.published_at),
        "dateModified": iso_datetime(last_modified(page, corrections)),
        "author": author,
        "publisher": publisher(request),
        "image": {
            "@type": "ImageObject",
            "url": image["url"],
            "width": image["width"],
            "height": image["height"],
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    if section is not None:
        data["articleSection"] = section.title
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    return data
