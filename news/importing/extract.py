"""Everything the importer reads from one article, as one object and as the JSON the command prints.

People and figures are read from the lead and the body (a headline restates them); bodies also
from the headline, which often names the body that held the event.
"""

from dataclasses import dataclass, field

from .bodies import find_bodies
from .figures import find_figures
from .layout import ParsedArticle, parse_article
from .people import find_people


@dataclass
class Extraction:
    article: ParsedArticle
    people: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    figures: list = field(default_factory=list)

    def as_json(self):
        """The `--dry-run --json` object: one per file, in this key order."""
        article = self.article
        return {
            "title": article.title,
            "published_at": article.published_at.isoformat(),
            "lead": article.lead,
            "body": list(article.body),
            "byline": article.byline,
            "people": [person.as_json() for person in self.people],
            "organisations": list(self.organisations),
            "statistics": [figure.as_json() for figure in self.figures],
        }


def extract(article):
    """Extraction of a ParsedArticle."""
    paragraphs = [article.lead, *article.body]
    return Extraction(
        article=article,
        people=find_people(paragraphs),
        organisations=find_bodies([article.title, *paragraphs]),
        figures=find_figures(paragraphs),
    )


def extract_text(text):
    """Extraction of an article's text; raises LayoutError when it is not in the layout."""
    return extract(parse_article(text))
