"""Reading the pair the review screen shows: from the cache on the spot, or compared in a worker."""

from __future__ import annotations

from docdiff.cache.analysis import Cache, cached_document, load_document
from docdiff.store.store import Store
from docdiff.tui.messages import ComparisonReady


def cached_pair(old: str, new: str, store: Store | None) -> ComparisonReady | None:
    """The pair's comparison and documents if the cache holds all three, else None.

    Only cached entries are read (a few milliseconds for the seeds), so the screen can show a
    pair it has seen before its first frame, with no loading screen; anything missing or
    unreadable is left to `compare_pair` in a worker, which reports what is wrong.
    """
    old_doc = cached_document(old, store)
    new_doc = cached_document(new, store) if old_doc is not None else None
    if old_doc is None or new_doc is None:
        return None
    comparison = Cache.default(store, old, new).cached_comparison(old_doc, new_doc)
    return ComparisonReady(comparison, old_doc, new_doc) if comparison is not None else None


def compare_pair(old: str, new: str, store: Store | None) -> ComparisonReady:
    """Read both versions and compare them, each step through the cache (slow on a miss: run it in a worker)."""
    old_doc = load_document(old, store)
    new_doc = load_document(new, store)
    # Cached per pair of contents: a second look at the same pair starts at once.
    comparison = Cache.default(store, old, new).comparison(old_doc, new_doc)
    return ComparisonReady(comparison, old_doc, new_doc)
