"""Precision and recall of the extraction against what an editor extracted (expected.json).

How items are compared (the decisions, so the numbers mean something):

- people: a (name, title) pair per title, and (name, "") for a person named with no title.
  Names are compared exactly after NFC and white space normalisation (a name's case is part of
  it); titles also ignore case, because reports capitalise titles at random ("Phó bí thư
  thường trực huyện ủy") and an editor reads both spellings as one post.
- figures: one to one, in order; equal value (as decimals), equal `of` and `max` (x/y totals,
  ranges), and unit phrases that agree: "%" with "%", otherwise the shorter phrase begins the
  longer one, word by word, ignoring case ("trường" matches "trường đạt chuẩn Quốc gia"):
  where a unit phrase ends is a matter of taste, what is counted is not.
- organisations (reported, not checked): names equal ignoring case.

Precision is found-and-expected over found, recall over expected; with nothing to find and
nothing found both are 1. The overall figures add the counts of all files (micro average).
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .extract import extract
from .layout import LayoutError
from .sources import read_article
from .words import normalise

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "samples"
THRESHOLD = 0.95


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    matched: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self):
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self):
        return self.matched / self.expected if self.expected else 1.0

    def add(self, other):
        self.found += other.found
        self.expected += other.expected
        self.matched += other.matched


@dataclass
class FileReport:
    name: str
    people: Score
    figures: Score
    organisations: Score
    error: str = ""


@dataclass
class Report:
    files: list
    people: Score
    figures: Score
    organisations: Score

    @property
    def passed(self):
        return all(
            score.precision >= THRESHOLD and score.recall >= THRESHOLD
            for score in (self.people, self.figures)
        )


def person_pairs(people):
    pairs = []
    for person in people:
        name = normalise(person["name"])
        titles = person.get("titles") or [""]
        pairs.extend((name, normalise(title).casefold()) for title in titles)
    return pairs


def score_sets(found, expected):
    found_set, expected_set = set(found), set(expected)
    return Score(
        found=len(found_set),
        expected=len(expected_set),
        matched=len(found_set & expected_set),
        missed=sorted(expected_set - found_set),
        extra=sorted(found_set - expected_set),
    )


def _decimal(value):
    return None if value is None else Decimal(str(value))


def units_agree(a, b):
    a, b = normalise(a or "").casefold().split(), normalise(b or "").casefold().split()
    if not a or not b:
        return False
    if "%" in (a[0], b[0]):
        return a[0] == b[0]
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def figures_agree(found, expected):
    return (
        _decimal(found.get("value")) == _decimal(expected.get("value"))
        and _decimal(found.get("of")) == _decimal(expected.get("of"))
        and _decimal(found.get("max")) == _decimal(expected.get("max"))
        and units_agree(found.get("unit_phrase"), expected.get("unit_phrase"))
    )


def score_figures(found, expected):
    unmatched = list(found)
    missed = []
    for wanted in expected:
        hit = next((item for item in unmatched if figures_agree(item, wanted)), None)
        if hit is None:
            missed.append(wanted["text"])
        else:
            unmatched.remove(hit)
    return Score(
        found=len(found),
        expected=len(expected),
        matched=len(expected) - len(missed),
        missed=missed,
        extra=[item["text"] for item in unmatched],
    )


def evaluate_entry(directory, entry):
    """FileReport for one entry of expected.json, its file resolved against `directory`."""
    path = (Path(directory) / entry["file"]).resolve()
    try:
        data = extract(read_article(path)).as_json()
        error = ""
    except LayoutError as exc:
        data = {"people": [], "statistics": [], "organisations": []}
        error = str(exc)
    fold = [normalise(name).casefold() for name in data["organisations"]]
    wanted = [normalise(name).casefold() for name in entry.get("organisations", [])]
    return FileReport(
        name=path.name,
        people=score_sets(person_pairs(data["people"]), person_pairs(entry.get("people", []))),
        figures=score_figures(data["statistics"], entry.get("statistics", [])),
        organisations=score_sets(fold, wanted),
        error=error,
    )


def evaluate(directory=DEFAULT_DIRECTORY):
    """Report on every file of `directory`/expected.json."""
    directory = Path(directory)
    entries = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    files = [evaluate_entry(directory, entry) for entry in entries]
    report = Report(files=files, people=Score(), figures=Score(), organisations=Score())
    for file in files:
        report.people.add(file.people)
        report.figures.add(file.figures)
        report.organisations.add(file.organisations)
    return report
