"""`docdiff blame SERIES@LABEL`: which text is new in a version and which was carried over."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.render import make_console, print_lines


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
) -> None:
    """For each sentence, the earliest version of the series that holds it (or a near copy)."""
    from docdiff.report.view import Run
    from docdiff.store.blame import blame as blame_version

    report = blame_version(open_store(store), ref)
    if output is BlameFormat.json:
        typer.echo(report.model_dump_json(by_alias=True, indent=2))
        return
    width = max([len(label) for label in report.earlier] + [3])
    lines = [
        (
            Run(f"{(line.origin or 'new'):<{width}} │ ", "dim" if line.origin else "good"),
            Run(line.text, "plain" if line.origin else "ins"),
        )
        for line in report.lines
    ]
    summary = " · ".join(f"{share.label} {share.share:.1%}" for share in report.shares)
    lines.append((Run("Carried over ", "heading"), Run(summary)))
    print_lines(make_console(no_color), lines)
