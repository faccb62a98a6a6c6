"""Where officials and bodies are mentioned, without this app knowing who mentions them.

`news` registers a finder at start-up (news.apps). Keeping the registry here lets official and
body pages list articles while `organisations` never imports `news`.
"""

from dataclasses import dataclass

from django.http import Http404

PER_PAGE = 20

_finder = None


def register(finder):
    """finder(obj, limit, offset) → items with `url`, `title` and `date`, newest first.

    One finder only: pages are cut by the finder's own query, so two finders could not share
    one page numbering."""
    global _finder
    _finder = finder
    return finder


def mentions_of(obj, limit=PER_PAGE, offset=0):
    return list(_finder(obj, limit, offset)) if _finder else []


@dataclass
class MentionsPage:
    """One page of mentions, with previous/next only: no count query, so a page of an official
    with thousands of articles costs what a page of one with two does."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1


def mentions_page(obj, request, per_page=PER_PAGE):
    """The `?page=` of `obj`'s mentions; a page that is not a number, or past the end, is a 404."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdecimal()) or int(raw) < 1 or len(raw) > 6:
        raise Http404("Trang không hợp lệ")
    number = int(raw)
    items = mentions_of(obj, per_page + 1, (number - 1) * per_page)
    if number > 1 and not items:
        raise Http404("Không có trang này")
    return MentionsPage(items=items[:per_page], number=number, has_next=len(items) > per_page)
