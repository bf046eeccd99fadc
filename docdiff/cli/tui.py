"""`docdiff tui [OLD NEW]`: the review TUI (Textual is imported only here)."""

from __future__ import annotations

from typing import Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store


@reports_errors
def tui(
    old: Annotated[
        str | None,
        typer.Argument(help="Earlier version: file or SERIES@LABEL (default: the bundled store's newest pair)."),
    ] = None,
    new: Annotated[str | None, typer.Argument(help="Later version: file or SERIES@LABEL.")] = None,
    store: StoreOption = None,
) -> None:
    """Browse a comparison in the terminal. Keys: n/p changes, [ ] sections, o open a pair, ? help, q quit."""
    # Not docdiff.api: it imports the whole pipeline (numpy, scipy, ~1 s), which a TUI opening a
    # cached comparison never needs; load_document is what api.load calls.
    from docdiff.cache.analysis import load_document
    from docdiff.tui.series import browsable_store, check_sources

    browsing = browsable_store(open_store(store), explicit=store is not None)
    old, new = check_sources(old, new, browsing)  # bad arguments are an error before the app starts
    for source in (old, new):
        load_document(source, browsing)  # a bad file: one line and exit 2 before the terminal is taken over
    from docdiff.tui.app import DocdiffApp

    DocdiffApp(old, new, browsing).run()
