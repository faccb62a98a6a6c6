"""Consistency checks on an article: what an editor should look at before publishing.

Three kinds of problem, shown in the article's edit form (news.panels) and listed by
`manage.py check_articles`:

- a title printed in the text that the official did not hold on the article's date;
- a figure in the figures box that the text does not carry: its source quote is not in the text,
  or its value is not printed as the site prints it (45.239);
- a breakdown that does not add up (259 + 427 must be 686; Observation.check_breakdown).

They are reported, not enforced: the printed title may be a quotation, and an editor decides.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from organisations.text import format_date, format_number


@dataclass(frozen=True)
class Problem:
    kind: str  # "title", "figure" or "breakdown"
    message: str

    def __str__(self):
        return self.message


def check_article(page):
    """Every problem found on `page` (saved, a revision or an unsaved preview), in reading order."""
    observations = figures_of(page)
    return [
        *title_problems(page),
        *figure_problems(page, observations, article_text(page)),
        *breakdown_problems(observations),
    ]


def title_problems(page):
    date = format_date(page.published_date)
    problems = []
    for mention in page.mentioned_officials():
        if mention.title_mismatch:
            held = ", ".join(mention.titles) or _("không giữ chức vụ nào")
            problems.append(
                Problem(
                    "title",
                    _("%(name)s: bài ghi “%(printed)s”, nhưng ngày %(date)s giữ: %(held)s.")
                    % {
                        "name": mention.official,
                        "printed": mention.printed_title,
                        "date": date,
                        "held": held,
                    },
                )
            )
    return problems


def figure_problems(page, observations, text):
    """Figures sourced to this article (or to nothing) must be in its text; a figure cited from
    another source is context, and its quote is not expected here."""
    folded = normalise(text)
    problems = []
    for obs in observations:
        if obs.source_page_id not in (None, page.pk):
            continue
        name = obs.indicator.name
        if obs.source_quote and normalise(obs.source_quote) not in folded:
            problems.append(
                Problem(
                    "figure",
                    _("%(name)s: câu trích “%(quote)s” không có trong bài.")
                    % {"name": name, "quote": obs.source_quote},
                )
            )
        number = format_number(obs.value)
        if not contains_number(text, number):
            problems.append(
                Problem(
                    "figure",
                    _("%(name)s: số liệu là %(number)s nhưng trong bài không có số này.")
                    % {"name": name, "number": number},
                )
            )
    return problems


def breakdown_problems(observations):
    messages = []
    for obs in observations:
        try:
            obs.check_breakdown()
        except ValidationError as error:
            message = " ".join(error.messages)
            if message not in messages:  # the whole and each part report the same sum
                messages.append(message)
    return [Problem("breakdown", message) for message in messages]


def figures_of(page):
    """Observations in the article's figures boxes, once each, in order."""
    seen, observations = set(), []
    for block in page.body:
        if block.block_type != "figures":
            continue
        for obs in block.value["observations"]:
            if obs is not None and obs.pk not in seen:
                seen.add(obs.pk)
                observations.append(obs)
    return observations


def article_text(page):
    """What a reader reads: title, lead and the body's words, as plain text."""
    return " ".join([html.unescape(page.title), *article_paragraphs(page)])


# Where a rich text block holds several paragraphs: each is read on its own (news.suggestions
# reads people's roles sentence by sentence, as the importer reads a file's blocks).
PARAGRAPH_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def article_paragraphs(page):
    """The lead and the body's words, one plain-text string per paragraph, empty ones left out."""
    texts = [page.lead]
    for block in page.body:
        if block.block_type == "paragraph":
            texts.extend(map(strip_tags, PARAGRAPH_END.split(block.value.source)))
        elif block.block_type == "heading":
            texts.append(str(block.value))
        elif block.block_type == "quote":
            texts.append(block.value["text"])
        elif block.block_type == "image":
            texts.append(block.value.get("caption") or "")
    texts = (html.unescape(text).strip() for text in texts if text)
    return [text for text in texts if text]


def normalise(text):
    """Compare text as a reader would: same letters whatever the Unicode form (Vietnamese can be
    typed precomposed or with combining marks), case and spacing."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def contains_number(text, number):
    """`number` ("45.239") appears as a whole number: not inside 145.239 or 45.2390."""
    pattern = rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)"
    return re.search(pattern, text) is not None
