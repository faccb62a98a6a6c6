"""Officials with their tenures, bodies, and figures with their indicator and body, read by id
from the page-cache store.

Thousands of articles name the same few hundred officials and cite the same figures. Loading an
official's tenures (through posts and bodies) or a figure's indicator and body on every uncached
article costs a query each time, while the answer changes only when staff edit an official, a
tenure, a post, a body, an indicator or an observation: each of which replaces the page-cache
generation (news.cache_signals). Kept under that generation, these objects are never staler than
the cached pages that print them; one `get_many` reads all an article needs, and each process
keeps what it has read until the generation moves (news.cache.process_memo).

A table of at most WHOLE_TABLE_LIMIT rows (a province's officials, its bodies and figures) is
read whole, in one go per generation: a new generation (any publication) or a new worker then
costs each process one read of the shared cache, not a query and a cache write for each article
that names someone not seen yet. A larger table is read by id.
"""

from django.conf import settings

from organisations.models import Body, Observation, Official, Tenure

from . import cache

WHOLE_TABLE_LIMIT = 2_000


def by_id(request, name, ids, load, load_whole=None):
    """{id: object} for `ids`, from the store; those missing come from `load(missing)` (a dict by
    id, stored for next time). An id that `load` does not find is left out. With `load_whole`
    (`load_whole(limit)`: every object by id, or None past `limit` rows), the whole table is
    read instead while it is small enough."""
    if load_whole is not None:
        table = cache.generation_cached(
            request, f"{name}:whole", lambda: _false_if_none(load_whole(WHOLE_TABLE_LIMIT))
        )
        if table is not False:
            return {pk: table[pk] for pk in ids if pk in table}
    generation = cache.request_generation(request)
    memo = cache.process_memo(generation).setdefault(name, {})
    found = {pk: memo[pk] for pk in ids if pk in memo}
    wanted = [pk for pk in ids if pk not in found]
    if not wanted:
        return found
    store = cache.page_cache()
    prefix = f"generation-cached:{generation}:{name}:"
    stored = store.get_many([f"{prefix}{pk}" for pk in wanted])
    found.update((int(key[len(prefix) :]), value) for key, value in stored.items())
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        loaded = load(missing)
        store.set_many(
            {f"{prefix}{pk}": value for pk, value in loaded.items()}, settings.PAGE_CACHE_TIMEOUT
        )
        found.update(loaded)
    memo.update((pk, found[pk]) for pk in wanted if pk in found)
    return found


def _false_if_none(table):
    """What the cache keeps for a table too large to read whole (it takes None for "absent")."""
    return False if table is None else table


def _whole(queryset, limit):
    """{id: object} of `queryset`, or None if it has more than `limit` rows."""
    rows = list(queryset.order_by("pk")[: limit + 1])
    return None if len(rows) > limit else {row.pk: row for row in rows}


def _with_tenures(officials, tenures):
    for official in officials.values():
        official.loaded_tenures = []
    for tenure in tenures.select_related("post__body"):
        if tenure.official_id in officials:
            officials[tenure.official_id].loaded_tenures.append(tenure)
    return officials


def _officials_with_tenures(ids):
    return _with_tenures(Official.objects.in_bulk(ids), Tenure.objects.filter(official_id__in=ids))


def _all_officials_with_tenures(limit):
    officials = _whole(Official.objects.all(), limit)
    return officials and _with_tenures(officials, Tenure.objects.all())


def officials(request, ids):
    """Officials by id, each with `loaded_tenures` (posts and bodies loaded): what an article
    needs to print the titles held on its date."""
    return by_id(
        request, "official-tenures", ids, _officials_with_tenures, _all_officials_with_tenures
    )


def bodies(request, ids):
    """Bodies by id: the chips under an article."""
    return by_id(
        request, "body", ids, Body.objects.in_bulk, lambda limit: _whole(Body.objects.all(), limit)
    )


def _figures():
    return Observation.objects.select_related("indicator", "body")


def observations(request, ids):
    """Figures by id with their indicator and body, for the figures box of an article."""
    return by_id(
        request,
        "observation",
        ids,
        lambda missing: _figures().in_bulk(missing),
        lambda limit: _whole(_figures(), limit),
    )
