"""Which versions the TUI opens: the bundled store's series and their newest consecutive pair.

No Textual here: the CLI asks for the default pair before the app starts, so a store without
a series to open is a one-line error rather than an empty app.
"""

from __future__ import annotations

from pathlib import Path

from docdiff.store.store import Store, StoreError

# The snapshot store shipped in the checkout, next to the package.
BUNDLED_STORE = Path(__file__).resolve().parents[2] / "snapshots"
# The series opened first: the State Council's government work reports, the longest real series.
DEFAULT_SERIES = "national-gwr"


def series_versions(store: Store) -> dict[str, list[str]]:
    """Every series with at least two versions → its labels, oldest first."""
    versions: dict[str, list[str]] = {}
    for snapshot in store.snapshots():
        versions.setdefault(snapshot.series, []).append(snapshot.label)
    return {series: labels for series, labels in versions.items() if len(labels) >= 2}


def browsable_store(store: Store | None, explicit: bool) -> Store:
    """The store the TUI browses: the one asked for, else ./snapshots if it has a series, else the bundled one."""
    if store is not None and (explicit or series_versions_or_empty(store)):
        return store
    return Store(BUNDLED_STORE)


def series_versions_or_empty(store: Store) -> dict[str, list[str]]:
    """`series_versions`, or nothing if the folder is not a readable store."""
    try:
        return series_versions(store) if (store.root / "series").is_dir() else {}
    except StoreError:
        return {}


def default_pair(store: Store) -> tuple[str, str]:
    """`SERIES@LABEL` references of the newest consecutive pair: of national-gwr, else the first series."""
    versions = series_versions_or_empty(store)
    if not versions:
        raise StoreError(f"{store.root}: no series with two versions to open; give OLD and NEW files")
    series = DEFAULT_SERIES if DEFAULT_SERIES in versions else sorted(versions)[0]
    old, new = versions[series][-2:]
    return f"{series}@{old}", f"{series}@{new}"


def check_sources(old: str | None, new: str | None, store: Store) -> tuple[str, str]:
    """The two versions to open, checked before the app starts: both or neither, each a file or a stored snapshot."""
    from docdiff.errors import InputError
    from docdiff.readable import check_readable
    from docdiff.store.store import is_reference

    if old is None and new is None:
        return default_pair(store)
    if old is None or new is None:
        raise InputError("give two versions (OLD NEW), or none to open the newest pair of the bundled store")
    for source in (old, new):
        if is_reference(source):
            store.get(source)  # raises StoreError naming what the store holds
        else:
            check_readable(source)  # the line every command gives: missing, a folder, a FIFO…
    return old, new
