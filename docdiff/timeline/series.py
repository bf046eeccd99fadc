"""The versions of a series and what the timeline reads from each: documents, facts, comparisons.

Every comparison the timeline needs goes through `compare_versions`, memoised for the run, so
a TUI screen or a second `--kind` costs nothing and a comparison cache can replace the memo in
one place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from docdiff import api
from docdiff.comparison import Comparison
from docdiff.errors import DocdiffError
from docdiff.facts.extract import extract_facts
from docdiff.facts.models import Target
from docdiff.models import Document
from docdiff.segment import segment
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
    """Every version of `series` in date order."""
    snapshots = store.snapshots(series)
    if not snapshots:
        have = ", ".join(store.series_names()) or "none"
        raise SeriesError(f"no series {series!r} in {store.root} (have: {have})")
    if len(snapshots) < 2:
        raise SeriesError(f"series {series!r} has only one version; a timeline needs two or more")
    return [Version(s.label, s, store.document(s)) for s in snapshots]


def compare_versions(store: Store, old: Version, new: Version) -> Comparison:
    """The comparison of two consecutive versions: the one place the timeline compares."""
    key = (old.snapshot.sha256, new.snapshot.sha256)
    if key not in _COMPARISONS:
        _COMPARISONS[key] = api.compare(old.snapshot.ref, new.snapshot.ref, store=store)
    return _COMPARISONS[key]


def targets_of(document: Document) -> list[Target]:
    """The targets of a document with every field (the comparison's fact sides omit ranges)."""
    if document.sha256 not in _TARGETS:
        found = extract_facts(document, segment(document))
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
