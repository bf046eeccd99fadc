"""Reading the pair the review screen shows: from the cache on the spot, or compared in a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docdiff.cache.analysis import Cache, cached_document, load_document
from docdiff.options import CompareOptions
from docdiff.store.store import Store, is_reference
from docdiff.tui.messages import ComparisonReady

# The steps of comparing a pair that is not cached, as the loading screen names them.
STEPS = ("reading {old}", "reading {new}", "segmenting {old}", "segmenting {new}", "comparing")


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


def compare_pair(old: str, new: str, store: Store | None, progress: Callable[[int, str], None]) -> ComparisonReady:
    """Read both versions and compare them, each step through the cache (slow on a miss: run it in
    a worker); `progress(step, name)` is called before each step of `STEPS`, counted from 0."""
    names = {"old": _name(old), "new": _name(new)}
    progress(0, STEPS[0].format_map(names))
    old_doc = load_document(old, store)
    progress(1, STEPS[1].format_map(names))
    new_doc = load_document(new, store)
    cache = Cache.default(store, old, new)
    comparison = cache.cached_comparison(old_doc, new_doc)
    if comparison is None:
        if cache.folder is not None:  # segmented here, one step each, and read back by `comparison`
            options = CompareOptions()
            progress(2, STEPS[2].format_map(names))
            cache.outline(old_doc, options.segment)
            progress(3, STEPS[3].format_map(names))
            cache.outline(new_doc, options.segment)
        progress(4, STEPS[4])
        comparison = cache.comparison(old_doc, new_doc)
    return ComparisonReady(comparison, old_doc, new_doc)


def _name(source: str) -> str:
    """How a step names a version: its reference, or its file name."""
    return source if is_reference(source) else Path(source).name
