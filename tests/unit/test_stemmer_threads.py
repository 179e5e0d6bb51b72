"""Stems are the same whichever thread asks: sync handlers run in a thread pool, and a snowball
stemmer keeps its current word in the object (app/lib/matching/terms.py keeps one per thread)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from app.lib.matching.terms import stems

WORDS = [
    f"{stem}{ending}"
    for stem in ("develop", "gestion", "utilisat", "manag", "analys", "programm", "concept")
    for ending in ("ement", "ing", "eur", "ions", "ers", "ation", "ed", "ait", "ement", "s")
]


def _all_stems(_: int) -> list[frozenset[str]]:
    uncached = stems.__wrapped__  # the cache would hide a corrupted stemmer
    return [uncached(word) for word in WORDS * 50]


def test_threads_stem_like_one_thread() -> None:
    expected = _all_stems(0)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_all_stems, range(16)))
    assert all(result == expected for result in results)
