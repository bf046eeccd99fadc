"""`docdiff timeline SERIES`: targets, phrases, projects and sections followed across a series;
and the plan → outcome ledger `docdiff compare PLAN OUTCOME --ledger` prints."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import AllOption, ColorMode, ColorOption, NoPagerOption, more_line, show, terminal_limit

if TYPE_CHECKING:  # the core and rich load when a command runs, not for `--help`
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from docdiff.report.timeline import Grid
    from docdiff.timeline.models import Ledger, TimelineKind


class KindOption(StrEnum):
    """What to follow."""

    target = "target"
    phrase = "phrase"
    project = "project"
    section = "section"


class TimelineFormat(StrEnum):
    """Output formats of `docdiff timeline`."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


@reports_errors
def timeline(
    series: Annotated[str, typer.Argument(help="A series of the store, e.g. national-gwr.")],
    kind: Annotated[
        list[KindOption] | None,
        typer.Option("--kind", "-k", help="What to follow (repeatable); default target, phrase, project, section."),
    ] = None,
    metric: Annotated[
        str | None, typer.Option("--metric", "-m", help="Only rows whose metric, phrase or project name holds this.")
    ] = None,
    output: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="table, json, markdown or html (a fragment with charts).")
    ] = TimelineFormat.table,
    store: StoreOption = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, help="Local processes for comparisons not cached yet (0: every core)."),
    ] = 0,
    show_all: AllOption = False,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """Follow SERIES across every version in the store, comparing each version with the next
    (comparisons are cached in the store, so a second run reads them back)."""
    from docdiff.report.timeline import timeline_grids
    from docdiff.timeline.build import timeline as build_timeline

    kinds: tuple[TimelineKind, ...] = (
        tuple(k.value for k in kind) if kind else ("target", "phrase", "project", "section")
    )
    result = build_timeline(series, kinds, metric, open_store(store), jobs=jobs or None)
    if output is TimelineFormat.json:
        typer.echo(result.to_json())
    elif output is TimelineFormat.markdown:
        from docdiff.report.timeline_markdown import timeline_markdown

        typer.echo(timeline_markdown(result), nl=False)
    elif output is TimelineFormat.html:
        from docdiff.report.timeline_html import timeline_html

        typer.echo(timeline_html(result), nl=False)
    else:
        limit = terminal_limit(show_all)
        tables = [part for title, grid in timeline_grids(result) for part in rich_table(title, grid, limit)]
        show(tables, color, no_pager)


def rich_table(title: str, grid: Grid, limit: int | None = None) -> list[Table | Text]:
    """A grid as a rich table (its first `limit` rows if given, then a line saying how many more);
    cells are Text, so document text is never read as markup."""
    from rich.table import Table
    from rich.text import Text

    header, rows = grid
    table = Table(title=Text(title), expand=False)
    for name in header:
        table.add_column(Text(name), overflow="fold")
    for row in rows[:limit]:
        table.add_row(*(Text(cell) for cell in row))
    hidden = len(rows) - limit if limit is not None else 0
    return [table, Text(more_line(hidden))] if hidden > 0 else [table]


def print_ledger(
    ledger: Ledger,
    output: str,
    color: ColorMode = ColorMode.auto,
    no_pager: bool = False,
    out_file: Path | None = None,
    show_all: bool = False,
) -> None:
    """Print a ledger as json, markdown or a table (text) to stdout, or write it to `out_file`."""
    from docdiff.cli.render import write_output, write_plain
    from docdiff.report.timeline import ledger_grid

    if output == "json":
        write_output(ledger.to_json() + "\n", out_file)
    elif output == "markdown":
        from docdiff.report.timeline_markdown import ledger_markdown

        write_output(ledger_markdown(ledger), out_file)
    else:
        limit = terminal_limit(show_all, out_file)
        tables = rich_table(f"{ledger.plan} → {ledger.outcome}", ledger_grid(ledger), limit)
        if out_file is None:
            show(tables, color, no_pager)
            return

        def draw(console: Console) -> None:
            for table in tables:
                console.print(table)

        write_plain(draw, out_file)
