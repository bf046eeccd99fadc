"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from docdiff.store.store import Store

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store", envvar="DOCDIFF_STORE", help="Snapshot store folder (default ./snapshots).", show_default=False
    ),
]


def open_store(path: Path | None) -> Store:
    """The store a command was pointed at."""
    # Imported here so that `--help` never loads the core (the store reads facts and numbers).
    from docdiff.store.store import Store, default_root

    return Store(path if path is not None else default_root())
