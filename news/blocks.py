"""StreamField blocks of an article body."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from . import reference
from .rendering import render, render_each


class ObservationChooserBlock(SnippetChooserBlock):
    """Chooses an Observation; loads all of a list's figures with their indicator and body at
    once, from news.reference (a query only for those not read before), so a box of 20 figures
    costs what a box of 2 does."""

    def __init__(self, **kwargs):
        super().__init__("organisations.Observation", **kwargs)

    def bulk_to_python(self, values):
        objects = reference.observations(None, [value for value in values if value is not None])
        return [objects.get(value) for value in values]


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), required=False, default="Số liệu")
    observations = blocks.ListBlock(ObservationChooserBlock(label=_("Số liệu")), label=_("Số liệu"))

    class Meta:
        icon = "table"
        label = _("Hộp số liệu")
        template = "news/blocks/figures.html"

    def render(self, value, context=None):
        """Each figure prints the same wherever it appears: its row is rendered once per process
        for its printed values (news.rendering), so an article citing figures seen before
        renders no row; the box around them, seldom the same twice, is rendered each time. A
        figure deleted since the article was saved is left out."""
        rows = render_each(
            "news/blocks/figure_row.html",
            [
                {
                    "indicator": figure.indicator.name,
                    "body": figure.body.display_name,
                    "value": figure.display_value,
                    "unit": figure.display_unit,
                    "date": figure.date,
                }
                for figure in value["observations"]
                if figure
            ],
        )
        return render(self.meta.template, {"heading": value["heading"], "rows": rows})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "news/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)
    credit = blocks.CharBlock(label=_("Nguồn ảnh"), required=False)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "news/blocks/image.html"


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of rich text, printed without a template: Wagtail prints rich text through
    wagtailcore/shared/richtext.html, which holds only `{{ html|safe }}` (this project does not
    override it), and an article's six paragraphs spent more in the template engine than in
    expanding their links."""

    def render_basic(self, value, context=None):
        return mark_safe(expand_db_html(value.source))


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(label=_("Đoạn văn"), features=["bold", "italic", "link", "ol", "ul"])
    heading = blocks.CharBlock(
        label=_("Tiêu đề mục"), form_classname="title", template="news/blocks/heading.html"
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    figures = FiguresBlock()
