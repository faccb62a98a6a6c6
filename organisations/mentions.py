"""Where officials and bodies are mentioned, without this app knowing who mentions them.

`news` registers a finder at start-up (news.apps). Keeping the registry here lets official and
body pages list articles while `organisations` never imports `news`.
"""

_finders = []


def register(finder):
    """finder(obj, limit) → list of items with `url`, `title` and `date`, newest first."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def mentions_of(obj, limit=20):
    items = []
    for finder in _finders:
        items.extend(finder(obj, limit))
    return items[:limit]
