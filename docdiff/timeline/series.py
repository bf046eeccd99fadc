"""The versions of a series and what the timeline reads from each: documents, facts, comparisons.

Every comparison the timeline needs goes through `compare_series`: read from the comparison
cache (the store's `analysis/` folder for its snapshots), the missing ones computed on `jobs`
processes and cached, so a second run reads every comparison back; the documents and their
facts come from the same cache. A memo keeps them for the life of the process, so a TUI screen
or a second `--kind` does not even read the cache again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from docdiff.cache import Cache, compare_many, load_document
from docdiff.comparison import Comparison
from docdiff.errors import DocdiffError
from docdiff.facts.models import Target
from docdiff.models import Document
from docdiff.store.models import Snapshot
from docdiff.store.store import Store, is_reference

# (old sha256, new sha256) → comparison; (sha256,) → targets. Kept for the life of the process.
_COMPARISONS: dict[tuple[str, str], Comparison] = {}
_TARGETS: dict[str, list[Target]] = {}


class SeriesError(DocdiffError):
    """A series cannot be followed: unknown, or fewer than two versions."""


@dataclass(frozen=True)
class Version:
    """One version of the series, read."""

    label: str
    snapshot: Snapshot
    document: Document


def clear_memo() -> None:
    """Forget every memoised comparison and fact list (for a cold benchmark)."""
    _COMPARISONS.clear()
    _TARGETS.clear()


def versions(store: Store, series: str) -> list[Version]:
    """Every version of `series` in date order (documents read through the store's cache)."""
    snapshots = store.snapshots(series)
    if not snapshots:
        have = ", ".join(store.series_names()) or "none"
        raise SeriesError(f"no series {series!r} in {store.root} (have: {have})")
    if len(snapshots) < 2:
        raise SeriesError(f"series {series!r} has only one version; a timeline needs two or more")
    cache = series_cache(store, snapshots)
    return [Version(s.label, s, load_document(s.ref, store, cache=cache)) for s in snapshots]


def series_cache(store: Store, snapshots: Sequence[Snapshot]) -> Cache:
    """The cache a series' analyses live in: the store's own (or none when caching is off)."""
    return Cache.default(store, *(s.ref for s in snapshots))


def compare_series(store: Store, found: Sequence[Version], jobs: int | None = 1) -> list[Comparison]:
    """The comparisons of each version with the next: the one place the timeline compares.
    Memoised or cached ones are read back; the rest run on `jobs` processes (None: every core)."""
    keys = [(old.snapshot.sha256, new.snapshot.sha256) for old, new in pairwise(found)]
    missing = [(key, pair) for key, pair in zip(keys, pairwise(found), strict=True) if key not in _COMPARISONS]
    if missing:
        cache = series_cache(store, [v.snapshot for v in found])
        pairs = [(old.document, new.document) for _, (old, new) in missing]
        for (key, _), comparison in zip(missing, compare_many(pairs, jobs=jobs, cache=cache), strict=True):
            _COMPARISONS[key] = comparison
    return [_COMPARISONS[key] for key in keys]


def targets_of(document: Document, cache: Cache | None = None) -> list[Target]:
    """The targets of a document with every field (the comparison's fact sides omit ranges),
    from the cache's fact list when this content was read before."""
    if document.sha256 not in _TARGETS:
        cache = cache if cache is not None else Cache.default()
        found = cache.facts(document, cache.outline(document)).facts
        _TARGETS[document.sha256] = [f for f in found if isinstance(f, Target)]
    return _TARGETS[document.sha256]


def series_holding(store: Store, source: str) -> str | None:
    """The series a document belongs to: named by a `SERIES@LABEL` reference, or a stored
    version with the same bytes as the file."""
    if is_reference(source):
        return source.split("@", 1)[0]
    path = Path(source)
    if not path.is_file():
        return None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return next((s.series for s in store.snapshots() if s.sha256 == digest), None)
