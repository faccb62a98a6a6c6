"""Page types: one module each, re-exported here."""

from .article import ArticlePage, ArticlePageTag
from .corrections import ArticleCorrection, CorrectionKind
from .home import HomePage
from .links import ArticleBodyLink, ArticleOfficialLink, MentionRole
from .search import SearchEntry
from .section import SectionPage

__all__ = [
    "ArticleCorrection",
    "CorrectionKind",
    "SearchEntry",
    "ArticleBodyLink",
    "ArticleOfficialLink",
    "ArticlePage",
    "ArticlePageTag",
    "HomePage",
    "MentionRole",
    "SectionPage",
]
