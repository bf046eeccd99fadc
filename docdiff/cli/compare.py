"""`docdiff compare OLD NEW`: what changed between two versions."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import MORE_HINT, AllOption, ColorMode, ColorOption, NoPagerOption, show_lines, terminal_limit
from docdiff.cli.render import print_lines, write_output, write_plain
from docdiff.errors import OutputError

EXIT_SAME = 0
EXIT_DIFFERENT = 1


class CompareFormat(StrEnum):
    """Output formats of `docdiff compare`."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@reports_errors
def compare(
    old: Annotated[str, typer.Argument(help="The earlier version: a text file or SERIES@LABEL.")],
    new: Annotated[str, typer.Argument(help="The later version: a text file or SERIES@LABEL.")],
    output: Annotated[
        CompareFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (terminal report), json (the contract), markdown or html (one self-contained page).",
        ),
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
    ledger: Annotated[
        bool,
        typer.Option("--ledger", help="OLD is a plan, NEW its outcome: each plan target with the result reported."),
    ] = False,
    out_file: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    show_all: AllOption = False,
    store: StoreOption = None,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """Compare two versions section by section. Exit 0 if identical, 1 if they differ, 2 on error."""
    if ledger:
        from docdiff.cli.timeline import print_ledger
        from docdiff.timeline.ledger import ledger_of

        if output is CompareFormat.html:
            raise OutputError("--ledger writes text, json or markdown, not html")
        print_ledger(ledger_of(old, new, open_store(store)), output.value, color, no_pager, out_file, show_all)
        return
    from docdiff import api
    from docdiff.report.markdown import render_markdown

    # Both shape the terminal report; other formats would silently give the full report.
    if facts_only and output in (CompareFormat.json, CompareFormat.html):
        raise OutputError(f"--facts-only is for the text and markdown reports, not {output.value}")
    if explain and output is not CompareFormat.text:
        raise OutputError(f"--explain is for the text report, not {output.value} (json holds every pair's evidence)")
    from docdiff.report.view import fact_lines, report_lines, summary_lines

    result = api.compare(old, new, store=open_store(store))
    if output is CompareFormat.json:
        write_output(result.to_json() + "\n", out_file)
    elif output is CompareFormat.markdown:
        write_output(render_markdown(result, facts_only), out_file)
    elif output is CompareFormat.html:
        from docdiff.report.html import render_html  # jinja2 loads only for this format

        write_output(render_html(result), out_file)
    else:
        limit = terminal_limit(show_all, out_file)  # lists cut only for a reader at a terminal
        if facts_only:
            lines = [*summary_lines(result)[:1], *fact_lines(result, limit, MORE_HINT)]
        else:
            lines = report_lines(result, explain, limit, MORE_HINT)
        if out_file is None:
            show_lines(lines, color, no_color, no_pager)
        else:
            write_plain(lambda console: print_lines(console, lines), out_file)
    raise typer.Exit(EXIT_SAME if result.summary.identical else EXIT_DIFFERENT)
