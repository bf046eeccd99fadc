"""`docdiff tui [OLD NEW]`: the review TUI (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DEFAULT_OLD = "seeds/2024-hongkou-news-outlook.txt"
DEFAULT_NEW = "seeds/2025-hongkou-gov-work-report.txt"


def _default(relative: str) -> str:
    """A bundled seed, from the working folder or from the checkout docdiff runs from."""
    if Path(relative).exists():
        return relative
    return str(_SEEDS / Path(relative).name)


@reports_errors
def tui(
    old: Annotated[
        str | None, typer.Argument(help="Earlier version: file or SERIES@LABEL (default: the 2024 outlook).")
    ] = None,
    new: Annotated[
        str | None, typer.Argument(help="Later version: file or SERIES@LABEL (default: the 2025 report).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Browse a comparison in the terminal. Keys: n/p changes, [ ] sections, s layout, f filter, ? help, q quit."""
    from docdiff import api
    from docdiff.tui.app import DocdiffApp

    opened, sources = open_store(store), (old or _default(DEFAULT_OLD), new or _default(DEFAULT_NEW))
    for source in sources:
        api.load(source, opened)  # a bad file: one line and exit 2 before the terminal is taken over
    DocdiffApp(*sources, opened).run()
