"""Builds the benchmark data set fast: officials, bodies, posts, tenures, figures and N articles
linked to them as real reports are, with bulk inserts.

Articles are Wagtail pages (multi-table inheritance): the wagtailcore_page rows are bulk-created
with treebeard paths computed under each section (Page._get_path, numchild updated), then the
news_articlepage rows are inserted with the same primary keys. Run inside a configured Django.
"""

import datetime
import json
import random
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from news.demo import load_demo
from news.models import ArticleBodyLink, ArticleOfficialLink, ArticlePage, SearchEntry, SectionPage
from news.search_index import make_entry, organisation_entries, plain_text
from organisations.models import (
    Body,
    BodyKind,
    Indicator,
    Observation,
    Official,
    Post,
    Tenure,
)

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Khắc", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc"]
GIVEN = ["Toàn", "Hà", "Dũng", "Hùng", "Lan", "Hương", "Sơn", "Tuấn", "Thắng", "Đoàn", "Doãn"]
TOPICS = [
    "Hội nghị tổng kết công tác xây dựng Đảng",
    "Kỳ họp HĐND tỉnh thông qua nghị quyết",
    "Kết nạp đảng viên mới",
    "Sơ kết công tác kiểm tra, giám sát",
    "Triển khai nhiệm vụ phát triển kinh tế - xã hội",
    "Đại hội chi bộ nhiệm kỳ mới",
]
# Paragraphs in the style of the seed report; each article has the first and five of the others,
# so texts differ in their words as real ones do (a search's matches and excerpts vary).
OPENING = (
    "<p>Phát biểu chỉ đạo hội nghị, đồng chí {name} đề nghị các cấp ủy tiếp tục nâng cao chất "
    "lượng sinh hoạt chi bộ, chú trọng công tác phát triển đảng viên; toàn Đảng bộ hiện có "
    "{count} đảng viên, sinh hoạt tại {cells} chi bộ trực thuộc.</p>"
)
PARAGRAPHS = (
    "<p>Theo báo cáo, những năm qua, dưới sự lãnh đạo của Tỉnh ủy, công tác xây dựng tổ chức cơ "
    "sở đảng đã được các cấp ủy quan tâm; năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở "
    "đảng từng bước được nâng cao.</p>",
    "<p>Hội nghị đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội "
    "năm {year}; tổng sản phẩm trên địa bàn tăng {growth}% so với cùng kỳ, thu ngân sách vượt "
    "dự toán.</p>",
    "<p>Công tác kiểm tra, giám sát và thi hành kỷ luật đảng được thực hiện nghiêm túc; các cấp "
    "ủy đã kiểm tra {checks} tổ chức đảng và đảng viên khi có dấu hiệu vi phạm.</p>",
    "<p>Kỳ họp HĐND tỉnh đã xem xét, thông qua các nghị quyết quan trọng về đầu tư công, quy "
    "hoạch và chính sách hỗ trợ người dân ở các xã vùng cao, vùng đặc biệt khó khăn.</p>",
    "<p>Đại hội chi bộ nhiệm kỳ mới đã bầu cấp ủy, bí thư, phó bí thư và thông qua nghị quyết "
    "với các chỉ tiêu cụ thể về kết nạp đảng viên, xây dựng chi bộ trong sạch, vững mạnh.</p>",
    "<p>Đồng chí yêu cầu chính quyền các cấp đẩy mạnh cải cách hành chính, chuyển đổi số, nâng "
    "cao chỉ số năng lực cạnh tranh cấp tỉnh và sự hài lòng của người dân, doanh nghiệp.</p>",
    "<p>Ban Tổ chức Tỉnh ủy đã tham mưu ban hành quy định về công tác cán bộ, đánh giá, xếp loại "
    "chất lượng tổ chức đảng và đảng viên hằng năm theo hướng thực chất.</p>",
    "<p>Trong năm, toàn tỉnh đã tổ chức {meetings} hội nghị tiếp xúc cử tri, tiếp nhận và giải "
    "quyết kịp thời các kiến nghị của nhân dân về đất đai, môi trường và an sinh xã hội.</p>",
)


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def build_organisations(rng, officials=300, bodies=60):
    """Bodies under the demo's Đảng bộ tỉnh, posts in each, officials holding them over time."""
    root = Body.objects.get(name="Đảng bộ tỉnh")
    new_bodies = Body.objects.bulk_create(
        [
            Body(
                name=f"Đảng bộ xã số {n}",
                slug=f"dang-bo-xa-so-{n}",
                kind=BodyKind.GRASSROOTS_PARTY,
                parent=root,
            )
            for n in range(1, bodies + 1)
        ]
    )
    all_bodies = list(Body.objects.all())
    posts = Post.objects.bulk_create(
        [Post(body=body, role=role) for body in new_bodies for role in ("Bí thư", "Phó Bí thư")]
    )
    people = Official.objects.bulk_create(
        [
            Official(
                full_name=f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {n}",
                slug=f"can-bo-so-{n}",
            )
            for n in range(1, officials + 1)
        ]
    )
    tenures = []
    for index, post in enumerate(posts):
        # Two successive holders of each seat, the change in mid-2022.
        first, second = people[(2 * index) % len(people)], people[(2 * index + 1) % len(people)]
        tenures.append(
            Tenure(
                official=first,
                post=post,
                start=datetime.date(2015, 10, 1),
                end=datetime.date(2022, 6, 30),
            )
        )
        tenures.append(Tenure(official=second, post=post, start=datetime.date(2022, 7, 1)))
    Tenure.objects.bulk_create(tenures)
    indicator = Indicator.objects.get(name="Đảng viên")
    observations = Observation.objects.bulk_create(
        [
            Observation(
                indicator=indicator,
                body=body,
                value=Decimal(rng.randint(80, 900)),
                date=datetime.date(year, 12, 31),
            )
            for body in new_bodies
            for year in range(2018, 2025)
        ]
    )
    # Bulk-created rows send no signals: their search entries are made here, as the indexer would.
    SearchEntry.objects.exclude(kind=SearchEntry.Kind.ARTICLE).delete()
    SearchEntry.objects.bulk_create(organisation_entries())
    return people, all_bodies, observations


def build_articles(count, rng, people, bodies, observations, batch=2000):
    sections = list(SectionPage.objects.order_by("path"))
    root_url_path = sections[0].get_parent().url_path  # the site root: "/trang-chu/"
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    local_fields = [f for f in ArticlePage._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in local_fields)
    placeholders = ", ".join(["%s"] * len(local_fields))
    insert_sql = f"INSERT INTO {ArticlePage._meta.db_table} ({columns}) VALUES ({placeholders})"
    start = datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC)
    next_step = {section.pk: (Page.objects.child_of(section).count() + 1) for section in sections}
    made = 0
    while made < count:
        size = min(batch, count - made)
        pages, extras = [], []
        for n in range(made, made + size):
            section = sections[n % len(sections)]
            step = next_step[section.pk]
            next_step[section.pk] += 1
            title = f"{rng.choice(TOPICS)} (số {n + 1})"
            slug = f"bai-so-{n + 1}"
            published = start + datetime.timedelta(minutes=97 * n)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{section.url_path}{slug}/",
                    path=Page._get_path(section.path, section.depth + 1, step),
                    depth=section.depth + 1,
                    numchild=0,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            official = people[n % len(people)]
            figures = rng.sample(observations, 3)
            paragraphs = [OPENING, *rng.sample(PARAGRAPHS, 5)]
            body = [
                {
                    "type": "paragraph",
                    "value": paragraph.format(
                        name=official.full_name,
                        count="45.239",
                        cells="2.538",
                        year=published.year,
                        growth=f"{rng.randint(50, 99) / 10:.1f}".replace(".", ","),
                        checks=rng.randint(20, 400),
                        meetings=rng.randint(30, 200),
                    ),
                    "id": str(uuid.uuid4()),
                }
                for paragraph in paragraphs
            ]
            body.append(
                {
                    "type": "figures",
                    "value": {"heading": "Số liệu", "observations": [o.pk for o in figures]},
                    "id": str(uuid.uuid4()),
                }
            )
            extras.append((title, published, body, official, rng.sample(bodies, 2)))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            rows, links, body_links, entries = [], [], [], []
            for page, (title, published, body, official, linked) in zip(
                created, extras, strict=True
            ):
                values = {
                    "page_ptr_id": page.pk,
                    "lead": f"Sáng nay, {official.full_name} chủ trì {title.lower()}.",
                    "body": json.dumps(body, ensure_ascii=False),
                    "published_at": published,
                    "byline": "X.T",
                }
                rows.append(
                    [
                        f.get_db_prep_save(values.get(f.attname, f.get_default()), connection)
                        for f in local_fields
                    ]
                )
                links.append(
                    ArticleOfficialLink(
                        page_id=page.pk, official=official, role="chu_tri", sort_order=0
                    )
                )
                body_links += [
                    ArticleBodyLink(page_id=page.pk, body=b, sort_order=i)
                    for i, b in enumerate(linked)
                ]
                entries.append(  # as news.search_index indexes an article
                    make_entry(
                        SearchEntry.Kind.ARTICLE,
                        page.pk,
                        title,
                        page.url_path[len(root_url_path) - 1 :],
                        plain_text(values["lead"], body),
                        date=published,
                    )
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert_sql, rows)
            ArticleOfficialLink.objects.bulk_create(links)
            ArticleBodyLink.objects.bulk_create(body_links)
            SearchEntry.objects.bulk_create(entries)
        made += size
    for section in sections:
        Page.objects.filter(pk=section.pk).update(numchild=next_step[section.pk] - 1)
    return made


def build(articles=10_000, seed=20211110):
    """The demo content, then the organisations and `articles` articles. Returns counts."""
    rng = random.Random(seed)
    started = timezone.now()
    load_demo()
    people, bodies, observations = build_organisations(rng)
    made = build_articles(articles, rng, people, bodies, observations)
    # Planner statistics and PostgreSQL's visibility map (index-only scans) for the new rows, as
    # autovacuum would set them; else the run depends on whether autovacuum got there first.
    analyse(vacuum=True)
    return {
        "articles": made,
        "officials": len(people),
        "bodies": len(bodies),
        "observations": len(observations),
        "seconds": round((timezone.now() - started).total_seconds(), 1),
    }


def analyse(vacuum=False):
    """Table statistics for the planner, as autovacuum (PostgreSQL) or `ANALYZE` would leave
    them. Also run when a data set is reused: a migration that rebuilds a table on SQLite (an
    altered StreamField) drops its statistics, and the planner then picks other plans."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        else:
            cursor.execute("ANALYZE")
