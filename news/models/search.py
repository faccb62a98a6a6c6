"""A diacritic-folded copy of what readers search (articles, officials, bodies).

SQLite's FTS folds vowels but never đ, and PostgreSQL needs `unaccent`; indexing a folded copy
(organisations.text.fold) makes both databases answer "dang vien" the same way.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Bài viết")
        OFFICIAL = "official", _("Nhân vật")
        BODY = "body", _("Cơ quan, tổ chức")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    text = models.TextField(blank=True, help_text="The searchable text as written, for excerpts.")
    folded_title = models.CharField(max_length=500, db_index=True)
    folded_text = models.TextField(blank=True)
    # The text's words as written (news.search_index.exact_form): the database answers whether
    # a query's exact phrase is in the text, without sending the text back to be looked into.
    exact_text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("mục tìm kiếm")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")
        ]
        indexes = [models.Index(fields=["kind", "-date"])]

    def __str__(self):
        return f"{self.kind}: {self.title}"
