"""Blocks of an article body that print without the template engine: the figures box (each
figure's row rendered once per process for its printed values, so the box must still follow
every edit and escape what staff typed) and a paragraph of rich text."""

import pytest

from news.blocks import FiguresBlock
from organisations.tests.factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db


def box(*figures, heading="Số liệu"):
    block = FiguresBlock()
    value = block.to_python({"heading": heading, "observations": [f.pk for f in figures]})
    return str(block.render(value))


def test_the_box_prints_each_figure_and_follows_an_edit(settings):
    settings.DEBUG = False  # the memo is bypassed with DEBUG on
    figure = ObservationFactory(indicator=IndicatorFactory(name="Số đảng viên"), value=45239)
    other = ObservationFactory(value=12)
    printed = box(figure, other)
    assert printed.count("<tr>") == 3  # the header and two figures
    assert "Số đảng viên" in printed and "45.239" in printed
    figure.value = 45240
    figure.save()  # replaces the generation: the figure is read again
    again = box(figure, other)
    assert "45.240" in again and "45.239" not in again


def test_what_staff_typed_is_escaped_in_rows_and_heading(settings):
    settings.DEBUG = False
    figure = ObservationFactory(indicator=IndicatorFactory(name="<script>alert(1)</script>"))
    printed = box(figure, heading="<b>Hộp</b>")
    assert "<script>" not in printed and "&lt;script&gt;" in printed
    assert "<b>Hộp</b>" not in printed and "&lt;b&gt;Hộp&lt;/b&gt;" in printed


def test_a_paragraph_prints_what_wagtails_rich_text_template_prints(demo):
    from wagtail.rich_text import RichText

    from news.blocks import ParagraphBlock

    source = (
        f'<p>Theo <a linktype="page" id="{demo.pk}">bài trước</a>, <b>45.239</b> đảng viên'
        " &amp; <i>hơn</i> 1.000 tổ chức.</p>"
    )
    block = ParagraphBlock()
    printed = block.render(RichText(source))
    assert printed == str(RichText(source))
    assert f'<a href="{demo.url}">bài trước</a>' in printed
