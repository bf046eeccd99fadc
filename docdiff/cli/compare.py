"""`docdiff compare OLD NEW`: what changed between two versions."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from docdiff import api
from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import ColorMode, ColorOption, NoPagerOption, show_lines
from docdiff.report.markdown import render_markdown
from docdiff.report.view import fact_lines, report_lines, summary_lines

EXIT_SAME = 0
EXIT_DIFFERENT = 1


class CompareFormat(StrEnum):
    """Output formats of `docdiff compare`."""

    text = "text"
    json = "json"
    markdown = "markdown"


@reports_errors
def compare(
    old: Annotated[str, typer.Argument(help="The earlier version: a text file or SERIES@LABEL.")],
    new: Annotated[str, typer.Argument(help="The later version: a text file or SERIES@LABEL.")],
    output: Annotated[
        CompareFormat,
        typer.Option("--format", "-f", help="text (terminal report), json (the contract) or markdown."),
    ] = CompareFormat.text,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours; marks edits as [-old-]{+new+}.")] = False,
    facts_only: Annotated[
        bool,
        typer.Option("--facts-only", help="Only the facts: changed targets, added and dropped projects and phrases."),
    ] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="List every pair of sections with its confidence and the evidence for it."),
    ] = False,
    store: StoreOption = None,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """Compare two versions section by section. Exit 0 if identical, 1 if they differ, 2 on error."""
    result = api.compare(old, new, store=open_store(store))
    if output is CompareFormat.json:
        typer.echo(result.to_json())
    elif output is CompareFormat.markdown:
        typer.echo(render_markdown(result), nl=False)
    else:
        lines = [*summary_lines(result)[:1], *fact_lines(result)] if facts_only else report_lines(result, explain)
        show_lines(lines, color, no_color, no_pager)
    raise typer.Exit(EXIT_SAME if result.summary.identical else EXIT_DIFFERENT)
