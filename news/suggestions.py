"""What an article's own text suggests linking: the officials it names, the figures it prints.

The importer's extraction (news.importing) runs on the version being edited, and what it finds is
compared with what the article links already; the rest is offered in the edit form
(news.panels.SuggestionsPanel) for one-click linking (news.admin_views). Nothing here writes to
the database: `add_official_link` and `add_to_figures_box` change a page in memory, and the caller
saves a revision.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, F, Value, When, Window
from django.db.models.functions import RowNumber

from organisations.models import IndicatorKind, Observation

from .checks import article_paragraphs, figures_of
from .importing.figures import find_figures
from .importing.people import find_people
from .importing.store import PRINTED_TITLE_MAX, OfficialIndex
from .importing.words import normalise
from .models import ArticleOfficialLink, MentionRole

# Observation.value has 20 digits, 4 of them decimals: a larger number cannot be stored.
MAX_VALUE = 10**16


@dataclass
class PersonFound:
    person: object  # news.importing.people.Person: name, titles as printed, role
    official: object = None  # the Official the importer matches, or None
    reason: str = ""  # why none matches

    @property
    def role_label(self):
        return MentionRole(self.person.role).label


@dataclass
class FigureFound:
    figure: object  # news.importing.figures.Figure: value, unit phrase, text
    observation: object = None  # the existing Observation that fits best, or None


@dataclass
class Suggestions:
    officials: list = field(default_factory=list)  # PersonFound: an official not linked yet
    unknown_people: list = field(default_factory=list)  # PersonFound: no official
    figures: list = field(default_factory=list)  # FigureFound: not in a figures box yet

    def __bool__(self):
        return bool(self.officials or self.unknown_people or self.figures)


def suggest(page):
    """Suggestions for `page` (saved, a revision, or an edit form's instance)."""
    paragraphs = article_paragraphs(page)
    suggestions = Suggestions(figures=figures_found(page, paragraphs))
    seen = linked_official_ids(page)
    for found in people_found(page, paragraphs):
        if found.official is None:
            suggestions.unknown_people.append(found)
        elif found.official.pk not in seen:
            seen.add(found.official.pk)
            suggestions.officials.append(found)
    return suggestions


def people_found(page, paragraphs=None):
    """Everyone the text names, matched to officials as the importer matches them."""
    if paragraphs is None:
        paragraphs = article_paragraphs(page)
    people = find_people(paragraphs)
    if not people:
        return []
    index = OfficialIndex.load(names=[person.name for person in people])
    return [PersonFound(person, *index.match(person, page.published_date)) for person in people]


def linked_official_ids(page):
    return {link.official_id for link in page.official_links.all()}


def figures_found(page, paragraphs=None):
    """Figures the text prints that no observation in a figures box stands for, each with the
    existing observation that fits it best. One observation stands for one figure: the two
    "100%" of the seed are two shares."""
    if paragraphs is None:
        paragraphs = article_paragraphs(page)
    figures = _distinct(find_figures(paragraphs))
    in_box = figures_of(page)
    boxed = {obs.pk for obs in in_box}
    candidates = in_box + _candidates(page, figures, exclude=boxed)
    bodies = {link.body_id for link in page.body_links.all()}
    fits = (
        (_fit(page, figure, obs, obs.pk in boxed, bodies), order, position)
        for order, figure in enumerate(figures)
        for position, obs in enumerate(candidates)
    )
    pairs = sorted(
        (tuple(-x for x in fit), order, position) for fit, order, position in fits if fit
    )
    matched, used = {}, set()
    for _, order, position in pairs:
        if order not in matched and position not in used:
            matched[order] = candidates[position]
            used.add(position)
    found = [FigureFound(figure, matched.get(order)) for order, figure in enumerate(figures)]
    return [f for f in found if f.observation is None or f.observation.pk not in boxed]


def _distinct(figures):
    """A figure printed twice in the same words is one figure."""
    seen, kept = set(), []
    for figure in figures:
        key = (figure.value, normalise(figure.text).casefold())
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def _candidates(page, figures, exclude):
    """Observations with a value the text prints, the likeliest few per value: sourced to this
    article first, then of its date, then the latest. One query."""
    values = Counter(figure.value for figure in figures if abs(figure.value) < MAX_VALUE)
    if not values:
        return []
    likeliest = [
        Case(When(source_page_id=page.pk, then=Value(0)), default=Value(1)).asc(),
        Case(When(date=page.published_date, then=Value(0)), default=Value(1)).asc(),
        F("date").desc(),
        F("pk").asc(),
    ]
    return list(
        Observation.objects.filter(value__in=list(values))
        .exclude(pk__in=exclude)
        .select_related("indicator", "body")
        .annotate(rank=Window(RowNumber(), partition_by=[F("value")], order_by=likeliest))
        .filter(rank__lte=max(values.values()) + 2)
        .order_by("pk")
    )


def _fit(page, figure, obs, in_box, bodies):
    """How well `obs` stands for `figure`, as a tuple to compare, or None when it cannot: it must
    have the same value, be a share (%) if the figure is one and a count if not, and be in the
    figures box, quote these words, be sourced to this article or count what the text counts.
    Then, best first: it quotes these words; it is in the box already; it is sourced here; its
    unit is what the text counts; it is of the article's date; of a body the article links; the
    latest."""
    is_share = obs.indicator.kind == IndicatorKind.SHARE
    if obs.value != figure.value or is_share != (figure.unit_phrase == "%"):
        return None
    quote, text = (normalise(s).casefold() for s in (obs.source_quote, figure.text))
    quoted = bool(quote) and (text in quote or quote in text)
    sourced = obs.source_page_id == page.pk
    unit = normalise(obs.indicator.unit.split("/")[0]).casefold()
    same_unit = is_share or (bool(unit) and figure.unit_phrase.casefold().startswith(unit))
    if not (in_box or quoted or sourced or same_unit):
        return None
    return (
        quoted,
        in_box,
        sourced,
        same_unit,
        obs.date == page.published_date,
        obs.body_id in bodies,
        obs.date.toordinal(),
    )


def person_naming(page, official):
    """The person in the text that matches `official` (role, titles as printed), or None."""
    for found in people_found(page):
        if found.official is not None and found.official.pk == official.pk:
            return found.person
    return None


def add_official_link(page, official, person=None):
    """Link `official` to `page` in memory, with the role and the titles as printed that the text
    gives `person`; False (and nothing changed) when the official is linked already."""
    if official.pk in linked_official_ids(page):
        return False
    orders = [link.sort_order or 0 for link in page.official_links.all()]
    page.official_links.add(
        ArticleOfficialLink(
            official=official,
            role=person.role if person else MentionRole.MENTIONED,
            printed_title=person.printed_title[:PRINTED_TITLE_MAX] if person else "",
            sort_order=max(orders, default=-1) + 1,
        )
    )
    return True


def add_to_figures_box(page, observation):
    """Append `observation` to the first figures box of `page` in memory, or to a new box at the
    end of the body; False (and nothing changed) when a figures box shows it already."""
    if observation.pk in {obs.pk for obs in figures_of(page)}:
        return False
    for block in page.body:
        if block.block_type == "figures":
            block.value["observations"].append(observation)
            return True
    heading = page.body.stream_block.child_blocks["figures"].child_blocks["heading"]
    page.body.append(("figures", {"heading": heading.get_default(), "observations": [observation]}))
    return True
