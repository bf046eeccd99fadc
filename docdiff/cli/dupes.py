"""`docdiff dupes FILE [FILE ...]`: pasted passages inside files and reuse between them."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import MORE_HINT, AllOption, ColorMode, ColorOption, NoPagerOption, show_lines, terminal_limit


class DupesFormat(StrEnum):
    """Output formats of `docdiff dupes`."""

    table = "table"
    json = "json"


# Show a progress bar from this many files (or for any folder).
_PROGRESS_FROM = 3


@reports_errors
def dupes(
    files: Annotated[
        list[str],
        typer.Argument(help="Files, folders of documents (.txt, .docx, .pdf, .html), or SERIES@LABEL references."),
    ],
    min_chars: Annotated[int, typer.Option("--min-chars", min=4, help="Shortest repeat, in characters.")] = 15,
    min_reuse_chars: Annotated[
        int, typer.Option("--min-reuse-chars", min=4, help="Shortest passage reused across files, in characters.")
    ] = 30,
    threshold: Annotated[
        float, typer.Option("--threshold", min=0.5, max=1.0, help="Least similarity of two copies (1.0: exact only).")
    ] = 0.9,
    include_headings: Annotated[
        bool, typer.Option("--include-headings", help="Also report headings repeated by the contents or tables.")
    ] = False,
    output: Annotated[DupesFormat, typer.Option("--format", "-f", help="table or json.")] = DupesFormat.table,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours.")] = False,
    store: StoreOption = None,
    show_all: AllOption = False,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Local processes for the reuse scan (0: every core).")
    ] = 0,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Scan on a Dask cluster: tcp://HOST:PORT, or local (needs docdiff[dask])."),
    ] = None,
) -> None:
    """List passages repeated inside each file and reused between files, largest first."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from docdiff import api
    from docdiff.options import DuplicateOptions
    from docdiff.report.view import duplicate_lines

    options = DuplicateOptions(
        min_chars=min_chars, min_reuse_chars=min_reuse_chars, threshold=threshold, exclude_headings=not include_headings
    )
    show = len(files) >= _PROGRESS_FROM or any(Path(f).is_dir() for f in files)
    stderr = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        disable=not show or not sys.stderr.isatty(),
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        result = api.dupes(list(files), options, progress, store=open_store(store), jobs=jobs, scheduler=scheduler)
    if output is DupesFormat.json:
        typer.echo(result.model_dump_json(by_alias=True, indent=2))
        return
    lines = duplicate_lines(result.groups, result.ratios, result.excluded, terminal_limit(show_all), MORE_HINT)
    show_lines(lines, color, no_color, no_pager)
