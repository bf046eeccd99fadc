"""A series' history: each version with a one-line summary of what changed since the one before."""

from __future__ import annotations

from pydantic import Field

from docdiff.models import Model
from docdiff.sentences import sentence_units
from docdiff.store.models import Snapshot
from docdiff.store.store import Store


class HistoryEntry(Model):
    """One version in a series' log."""

    snapshot: Snapshot = Field(description="The version.")
    previous: str | None = Field(description="Label of the version before it in its series.")
    change: str | None = Field(description="Sentences added and dropped, and the size change, since `previous`.")


def _sentences(text: str) -> set[str]:
    return {unit.key for unit in sentence_units(text, (0, len(text))) if len(unit.key) > 1}


def history(store: Store, series: str | None = None) -> list[HistoryEntry]:
    """Snapshots newest first, each compared (by sentences, cheaply) with its predecessor."""
    entries: list[HistoryEntry] = []
    snapshots = store.snapshots(series)
    by_series: dict[str, list[Snapshot]] = {}
    for snapshot in snapshots:
        by_series.setdefault(snapshot.series, []).append(snapshot)
    sentences: dict[str, set[str]] = {}
    for versions in by_series.values():
        for index, snapshot in enumerate(versions):
            if snapshot.sha256 not in sentences:
                sentences[snapshot.sha256] = _sentences(store.text(snapshot))
            previous = versions[index - 1] if index else None
            change = None
            if previous is not None:
                old, new = sentences[previous.sha256], sentences[snapshot.sha256]
                kept = len(old & new)
                delta = snapshot.chars - previous.chars
                change = (
                    f"+{len(new - old)} −{len(old - new)} sentences, {kept} kept; "
                    f"{'+' if delta >= 0 else '−'}{abs(delta):,} chars"
                    if old != new
                    else "same sentences"
                )
            entries.append(
                HistoryEntry(snapshot=snapshot, previous=previous.label if previous else None, change=change)
            )
    entries.sort(key=lambda e: (e.snapshot.date or "", e.snapshot.added), reverse=True)
    return entries
