"""What an article page served to a reader reads from its child tables (officials and bodies it
links, its tags and corrections), in one query: a UNION ALL of the four tables, by the article's
id, compiled once per process (news.prepared). Four small queries cost four round trips and four
plans; one costs one. Previews read the same from the page in memory instead (it may be unsaved).
"""

from dataclasses import dataclass, field

from django.db.models import DateTimeField, F, TextField, Value
from django.db.models.functions import Cast

from taggit.models import Tag

from ..prepared import PreparedRows
from .corrections import ArticleCorrection
from .links import ArticleBodyLink, ArticleOfficialLink, ArticlePageTag

COLUMNS = ("link_kind", "link_sort", "link_id", "link_ref", "link_a", "link_b", "link_when")
NO_TEXT = Cast(Value(None), TextField())  # typed, or PostgreSQL cannot match the union's columns
NO_TIME = Cast(Value(None), DateTimeField())


def _rows(queryset, kind, sort, ref, a=NO_TEXT, b=NO_TEXT, when=NO_TIME):
    values = dict(zip(COLUMNS, (Value(kind), sort, F("id"), ref, a, b, when), strict=True))
    return queryset.order_by().annotate(**values).values_list(*COLUMNS)


def _links_of(page_id):
    officials = _rows(
        ArticleOfficialLink.objects.filter(page_id=page_id),
        "official",
        F("sort_order"),
        F("official_id"),
        F("role"),
        F("printed_title"),
    )
    bodies = _rows(
        ArticleBodyLink.objects.filter(page_id=page_id), "body", F("sort_order"), F("body_id")
    )
    tags = _rows(
        ArticlePageTag.objects.filter(content_object_id=page_id),
        "tag",
        F("id"),
        F("tag_id"),
        F("tag__name"),
        F("tag__slug"),
    )
    corrections = _rows(
        ArticleCorrection.objects.filter(page_id=page_id),
        "correction",
        F("sort_order"),
        F("id"),
        F("kind"),
        F("note"),
        F("made_at"),
    )
    union = officials.union(bodies, tags, corrections, all=True)
    return union.order_by("link_kind", "link_sort", "link_id")


LINKS_OF = PreparedRows(_links_of)


@dataclass
class SavedLinks:
    """An article's saved links, in the order editors gave them."""

    official_links: list = field(default_factory=list)
    body_ids: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    corrections: list = field(default_factory=list)


def saved_links(page_id):
    links = SavedLinks()
    for kind, sort, pk, ref, a, b, when in LINKS_OF(page_id):
        if kind == "official":
            links.official_links.append(
                ArticleOfficialLink(
                    id=pk,
                    page_id=page_id,
                    sort_order=sort,
                    official_id=ref,
                    role=a,
                    printed_title=b,
                )
            )
        elif kind == "body":
            links.body_ids.append(ref)
        elif kind == "tag":
            links.tags.append(Tag(id=ref, name=a, slug=b))
        else:
            links.corrections.append(
                ArticleCorrection(
                    id=pk, page_id=page_id, sort_order=sort, kind=a, note=b, made_at=when
                )
            )
    return links
