"""`docdiff blame SERIES@LABEL`: which text is new in a version and which was carried over."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import ColorMode, ColorOption, NoPagerOption, show_lines


class BlameFormat(StrEnum):
    """Output formats of `docdiff blame`."""

    text = "text"
    json = "json"


@reports_errors
def blame(
    ref: Annotated[str, typer.Argument(help="SERIES@LABEL (or @latest, @previous) to blame.")],
    output: Annotated[BlameFormat, typer.Option("--format", "-f", help="text or json.")] = BlameFormat.text,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours.")] = False,
    store: StoreOption = None,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """For each sentence, the earliest version of the series that holds it (or a near copy, marked ≈
    with what changed since: [-old-]{+new+} without colour)."""
    from docdiff.report.blame import blame_lines
    from docdiff.store.blame import blame as blame_version

    report = blame_version(open_store(store), ref)
    if output is BlameFormat.json:
        typer.echo(report.model_dump_json(by_alias=True, indent=2))
        return
    show_lines(blame_lines(report), color, no_color, no_pager)
