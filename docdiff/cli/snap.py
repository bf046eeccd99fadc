"""`docdiff snap …`: keep every version of a document series in the snapshot store."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from docdiff.cli.errors import EXIT_ERROR, reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import AllOption, ColorMode, ColorOption, NoPagerOption, more_line, terminal_limit
from docdiff.cli.output import show as show_renderables
from docdiff.cli.render import cell
from docdiff.report.safe import one_line, visible

app = typer.Typer(
    help="Store versions of document series and see their history.", no_args_is_help=True, rich_markup_mode=None
)


class LogFormat(StrEnum):
    """Output formats of `docdiff snap log`."""

    table = "table"
    json = "json"


@app.command("add")
@reports_errors
def add(
    file: Annotated[Path, typer.Argument(help="The file to store.")],
    series: Annotated[str, typer.Option("--series", "-s", help="Series name, e.g. hongkou-reports.")],
    label: Annotated[str, typer.Option("--label", "-l", help="Version label, unique in the series, e.g. 2025-01-08.")],
    date: Annotated[
        str | None, typer.Option("--date", help="Date of the version: YYYY-MM-DD (or YYYY-MM, YYYY).")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title (default: read from the document).")] = None,
    store: StoreOption = None,
) -> None:
    """Add FILE to the store as SERIES@LABEL. Existing snapshots are never overwritten."""
    snapshot = open_store(store, create=True).add(file, series, label, date, title)
    typer.echo(f"added {snapshot.ref} ({snapshot.size:,} bytes, sha256 {snapshot.sha256[:12]})")


@app.command("log")
@reports_errors
def log(
    series: Annotated[str | None, typer.Argument(help="Only this series.")] = None,
    output: Annotated[LogFormat, typer.Option("--format", "-f", help="table or json.")] = LogFormat.table,
    store: StoreOption = None,
    show_all: AllOption = False,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """List snapshots newest first, with sizes and what changed since the previous version."""
    from rich.table import Table
    from rich.text import Text

    from docdiff.store.history import history
    from docdiff.store.store import StoreError

    opened = open_store(store)
    if series is not None and not opened.snapshots(series):
        raise StoreError(f"no series '{series}' in {opened.root}")
    for problem in opened.invalid(series):
        typer.echo(f"docdiff: warning: {one_line(problem)}", err=True)
    entries = history(opened, series)
    if output is LogFormat.json:
        typer.echo("[" + ",\n".join(e.model_dump_json(indent=2) for e in entries) + "]")
        return
    table = Table(title=f"{series or 'all series'}: {_count(len(entries))}")
    for column in ("reference", "date", "title", "size", "changes since previous"):
        table.add_column(column, overflow="fold")
    limit = terminal_limit(show_all)
    for entry in entries[:limit]:
        snap = entry.snapshot
        row = (snap.ref, snap.date or "", snap.title or "", f"{snap.size:,} B", entry.change or "first version")
        table.add_row(*(cell(text) for text in row))  # a title is document text: never markup
    hidden = len(entries) - limit if limit is not None else 0
    show_renderables([table, Text(more_line(hidden))] if hidden > 0 else [table], color, no_pager)


@app.command("show")
@reports_errors
def show(
    ref: Annotated[str, typer.Argument(help="SERIES@LABEL, SERIES@latest or SERIES@previous.")],
    text: Annotated[bool, typer.Option("--text", help="Print the stored text instead of the metadata.")] = False,
    store: StoreOption = None,
) -> None:
    """Show a snapshot's metadata (or its text)."""
    opened = open_store(store)
    snapshot = opened.get(ref)
    if text:
        stored = opened.text(snapshot)
        # As stored, byte for byte, into a pipe or file; a terminal gets no control sequences.
        typer.echo(visible(stored) if sys.stdout.isatty() else stored, nl=False)
    else:
        typer.echo(snapshot.model_dump_json(indent=2))


@app.command("verify")
@reports_errors
def verify(
    repair: Annotated[
        bool, typer.Option("--repair", help="Remove objects no snapshot uses (left by an interrupted add).")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Re-hash every stored object; exit 2 if anything is missing or corrupted."""
    opened = open_store(store)
    if repair:
        for path in opened.repair():
            typer.echo(f"removed {one_line(str(path.relative_to(opened.root)))}", err=True)
    problems, notes = opened.verify()
    for note in notes:
        typer.echo(f"note: {one_line(note)}", err=True)
    if problems:
        for problem in problems:
            typer.echo(f"docdiff: error: {one_line(problem)}", err=True)
        raise typer.Exit(EXIT_ERROR)
    typer.echo(f"{opened.root}: {_count(len(opened.snapshots()))} verified")


@app.command("rm")
@reports_errors
def rm(
    ref: Annotated[str, typer.Argument(help="SERIES@LABEL to delete.")],
    yes: Annotated[bool, typer.Option("--yes", help="Really delete it (required).")] = False,
    store: StoreOption = None,
) -> None:
    """Delete one snapshot. Nothing else ever deletes or changes a snapshot."""
    if not yes:
        print(f"docdiff: error: deleting {ref} needs --yes", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR)
    snapshot = open_store(store).remove(ref)
    typer.echo(f"removed {snapshot.ref}")


def _count(n: int) -> str:
    """`1 snapshot`, `16 snapshots`."""
    return f"{n} snapshot{'' if n == 1 else 's'}"
