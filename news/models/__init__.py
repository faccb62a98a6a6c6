"""Page types: one module each, re-exported here."""

from .article import ArticlePage, ArticlePageTag
from .home import HomePage
from .links import ArticleBodyLink, ArticleOfficialLink, MentionRole
from .section import SectionPage

__all__ = [
    "ArticleBodyLink",
    "ArticleOfficialLink",
    "ArticlePage",
    "ArticlePageTag",
    "HomePage",
    "MentionRole",
    "SectionPage",
]
