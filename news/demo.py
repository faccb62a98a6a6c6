"""Demo content: the site tree and the seed conference report, as data an editor would enter.

Idempotent: every object is looked up by a natural key (slug, name) before it is created, so
running `manage.py load_demo` twice changes nothing.
"""

import datetime
import html
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from wagtail.models import Page, Site

from organisations.models import (
    Body,
    BodyKind,
    Indicator,
    IndicatorKind,
    Observation,
    Official,
    Post,
    Tenure,
)

from .importing.layout import parse_article
from .models import ArticleBodyLink, ArticleOfficialLink, ArticlePage, HomePage, SectionPage

SEED_FILE = Path(__file__).resolve().parent / "fixtures" / "articles" / "conference-report.txt"

SECTIONS = [
    ("Xây dựng Đảng", "Công tác xây dựng Đảng, tổ chức cơ sở đảng và đảng viên."),
    ("Chính quyền", "Hoạt động của HĐND, UBND các cấp."),
    ("Kinh tế - Xã hội", "Tình hình kinh tế - xã hội của tỉnh."),
]

# (name, short name, kind, parent name)
BODIES = [
    ("Đảng bộ tỉnh", "", BodyKind.PARTY_ORGANISATION, None),
    ("Tỉnh ủy", "", BodyKind.PARTY_COMMITTEE, "Đảng bộ tỉnh"),
    ("Ban Tổ chức Tỉnh ủy", "", BodyKind.BOARD, "Tỉnh ủy"),
    ("Hội đồng nhân dân tỉnh", "HĐND tỉnh", BodyKind.COUNCIL, None),
]

# Tenure dates are illustrative, month-precise: the seed only says what was held on 10/11/2021.
# (official, role, body, start)
TENURES = [
    ("Nguyễn Khắc Toàn", "Phó Bí thư Thường trực", "Tỉnh ủy", datetime.date(2020, 10, 1)),
    ("Nguyễn Khắc Toàn", "Chủ tịch", "Hội đồng nhân dân tỉnh", datetime.date(2021, 6, 1)),
    ("Nguyễn Khắc Hà", "Trưởng", "Ban Tổ chức Tỉnh ủy", datetime.date(2020, 10, 1)),
]

# (indicator, unit, kind, parent indicator, value, quote, period start)
FIGURES = [
    ("Đảng bộ trực thuộc", "đảng bộ", IndicatorKind.STOCK, None, 15, "15 đảng bộ trực thuộc", None),
    (
        "Đảng bộ cơ sở trực thuộc Tỉnh ủy",
        "đảng bộ",
        IndicatorKind.STOCK,
        None,
        2,
        "2 đảng bộ cơ sở trực thuộc Tỉnh ủy",
        None,
    ),
    (
        "Tổ chức cơ sở đảng",
        "tổ chức",
        IndicatorKind.STOCK,
        None,
        686,
        "686 tổ chức cơ sở đảng",
        None,
    ),
    (
        "Đảng bộ cơ sở",
        "đảng bộ",
        IndicatorKind.STOCK,
        "Tổ chức cơ sở đảng",
        259,
        "259 đảng bộ cơ sở",
        None,
    ),
    (
        "Chi bộ cơ sở",
        "chi bộ",
        IndicatorKind.STOCK,
        "Tổ chức cơ sở đảng",
        427,
        "427 chi bộ cơ sở",
        None,
    ),
    ("Đảng bộ bộ phận", "đảng bộ", IndicatorKind.STOCK, None, 13, "13 đảng bộ bộ phận", None),
    (
        "Chi bộ trực thuộc",
        "chi bộ",
        IndicatorKind.STOCK,
        None,
        2538,
        "2.538 chi bộ trực thuộc",
        None,
    ),
    ("Đảng viên", "đảng viên", IndicatorKind.STOCK, None, 45239, "45.239 đảng viên", None),
    (
        "Đảng viên kết nạp thêm mỗi năm",
        "đảng viên/năm",
        IndicatorKind.FLOW,
        None,
        1800,
        "Từ năm 2010 đến nay, mỗi năm, Đảng bộ tỉnh tăng thêm 1.800 đảng viên",
        datetime.date(2010, 1, 1),
    ),
    (
        "Tỷ lệ xã, phường, thị trấn có đảng bộ cơ sở",
        "%",
        IndicatorKind.SHARE,
        None,
        100,
        "100% xã, phường, thị trấn đã thành lập được đảng bộ cơ sở",
        None,
    ),
    (
        "Tỷ lệ thôn, tổ dân phố có chi bộ độc lập",
        "%",
        IndicatorKind.SHARE,
        None,
        100,
        "100% thôn, tổ dân phố đã có chi bộ độc lập",
        None,
    ),
]

# (official, role, title as printed)
MENTIONS = [
    ("Nguyễn Khắc Toàn", "chu_tri", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"),
    ("Nguyễn Khắc Hà", "chu_tri", "Trưởng Ban Tổ chức Tỉnh ủy"),
]
MENTIONED_BODIES = ["Tỉnh ủy", "Hội đồng nhân dân tỉnh", "Ban Tổ chức Tỉnh ủy", "Đảng bộ tỉnh"]
SEED_TAGS = ["Xây dựng Đảng", "Tổ chức cơ sở đảng"]


@transaction.atomic
def load_demo():
    """Create whatever of the demo content is missing; return the seed article."""
    home = ensure_home()
    sections = [ensure_section(home, title, intro) for title, intro in SECTIONS]
    bodies = ensure_bodies()
    ensure_officials(bodies)
    return ensure_seed_article(sections[0], bodies)


def ensure_home():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Tin Hội nghị tỉnh",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Tin Hội nghị tỉnh"
        site.save()
        if old_root.depth == 2 and not old_root.specific_class == HomePage:
            old_root.delete()
    return home


def ensure_section(home, title, intro):
    section = SectionPage.objects.child_of(home).filter(title=title).first()
    if section is None:
        section = home.add_child(instance=SectionPage(title=title, intro=intro, show_in_menus=True))
        section.save_revision().publish()
    return section


def ensure_bodies():
    bodies = {}
    for name, short_name, kind, parent in BODIES:
        body, _ = Body.objects.get_or_create(
            name=name,
            defaults={"short_name": short_name, "kind": kind, "parent": bodies.get(parent)},
        )
        bodies[name] = body
    return bodies


def ensure_officials(bodies):
    for name, role, body_name, start in TENURES:
        official, _ = Official.objects.get_or_create(full_name=name)
        post, _ = Post.objects.get_or_create(body=bodies[body_name], role=role)
        Tenure.objects.get_or_create(
            official=official, post=post, defaults={"start": start, "start_precision": "month"}
        )


def ensure_seed_article(section, bodies):
    parsed = parse_article(SEED_FILE.read_text(encoding="utf-8"))
    article = ArticlePage.objects.filter(title=parsed.title).first()
    if article is not None:
        return article
    article = ArticlePage(
        title=parsed.title,
        lead=parsed.lead,
        published_at=parsed.published_at,
        byline=parsed.byline,
        body=[("paragraph", f"<p>{html.escape(p, quote=False)}</p>") for p in parsed.body],
    )
    section.add_child(instance=article)
    for name, role, printed in MENTIONS:
        article.official_links.add(
            ArticleOfficialLink(
                official=Official.objects.get(full_name=name), role=role, printed_title=printed
            )
        )
    for name in MENTIONED_BODIES:
        article.body_links.add(ArticleBodyLink(body=bodies[name]))
    article.tags.add(*SEED_TAGS)
    observations = ensure_figures(bodies["Đảng bộ tỉnh"], article, parsed.published_at.date())
    article.body.append(("figures", {"heading": "Số liệu trong bài", "observations": observations}))
    article.save_revision().publish()
    return article


def ensure_figures(body, article, date):
    indicators, observations = {}, []
    for name, unit, kind, parent, value, quote, period_start in FIGURES:
        indicator, _ = Indicator.objects.get_or_create(
            name=name, defaults={"unit": unit, "kind": kind, "parent": indicators.get(parent)}
        )
        indicators[name] = indicator
        observation, _ = Observation.objects.get_or_create(
            indicator=indicator,
            body=body,
            date=date,
            defaults={
                "value": Decimal(value),
                "period_start": period_start,
                "source_page": article,
                "source_quote": quote,
            },
        )
        observations.append(observation)
    total = indicators["Tổ chức cơ sở đảng"]
    if not total.is_sum_of_children:
        total.is_sum_of_children = True
        total.save(update_fields=["is_sum_of_children"])
    return observations
