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


def open_store(path: Path | None, create: bool = False) -> Store:
    """The store a command was pointed at; a `--store` folder that does not exist is an error
    (a typo would otherwise read as an empty store), unless the command creates it (`snap add`)."""
    # Imported here so that `--help` never loads the core (the store reads facts and numbers).
    from docdiff.store.store import Store, StoreError, default_root

    if path is not None and not create and not path.is_dir():
        raise StoreError(f"{path}: no such store folder")
    return Store(path if path is not None else default_root())
