"""The production file cache checks its size every few writes, and still culls."""

from config.cache import SampledCullFileBasedCache


def make_cache(tmp_path, max_entries):
    return SampledCullFileBasedCache(
        str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}}
    )


def test_file_cache_lists_its_files_only_every_few_writes(tmp_path, monkeypatch):
    cache = make_cache(tmp_path, max_entries=1000)
    listings = []
    original = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or original())
    for n in range(2 * cache.cull_check_every):
        cache.set(f"key-{n}", n)
    assert len(listings) == 2
    assert cache.get("key-0") == 0


def test_the_check_interval_stays_below_what_a_cull_removes(tmp_path):
    assert make_cache(tmp_path, max_entries=120).cull_check_every == 15  # 120 / 2 / 4
    assert make_cache(tmp_path, max_entries=20_000).cull_check_every == 1000
    assert make_cache(tmp_path, max_entries=3).cull_check_every == 1


def test_file_cache_still_culls_past_max_entries(tmp_path):
    cache = make_cache(tmp_path, max_entries=120)
    most = 0
    for n in range(120 + 6 * cache.cull_check_every):
        cache.set(f"key-{n}", n)
        most = max(most, len(cache._list_cache_files()))
    assert 120 <= most <= 120 + cache.cull_check_every  # 210 written: culled


def test_entries_are_compressed_fast_and_read_back_by_djangos_own_reader(tmp_path):
    import pickle
    import zlib

    from django.core.cache.backends.filebased import FileBasedCache

    page = ("<p>Hội nghị tổng kết công tác xây dựng Đảng</p>" * 400).encode()
    ours = make_cache(tmp_path / "ours", max_entries=100)
    ours.set("page", {"content": page}, 60)
    djangos = FileBasedCache(str(tmp_path / "ours"), {})
    assert djangos.get("page") == {"content": page}  # the same format, any zlib level
    [written] = (tmp_path / "ours").glob("*.djcache")
    with written.open("rb") as file:
        pickle.load(file)  # the expiry
        stored = file.read()
    value = pickle.dumps({"content": page}, ours.pickle_protocol)
    assert stored == zlib.compress(value, 1) != zlib.compress(value)  # zlib's fastest level
    assert len(stored) < len(page) / 5
