"""Terminal output conventions, shared by every command that prints a report, a table or a tree:
`--color auto|always|never`, `NO_COLOR`, a pager on a TTY and lists cut only there.

Long output on a terminal goes through `$PAGER` (default `less -FRX`: quit if it fits on one
screen, keep colours, leave the text on screen) unless `--no-pager`; a pipe or a file gets
the text straight, so scripts never wait on a pager. Lists are cut (`… and N more (--all shows
every one)`) only for a reader at a terminal: a pipe and `-o FILE` always get every entry.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # rich and the report load when something is shown, never for `--help`
    from pathlib import Path

    from rich.console import Console, RenderableType
    from rich.table import Table

    from docdiff.report.view import Line

DEFAULT_PAGER = "less -FRX"


class ColorMode(StrEnum):
    """When to colour output."""

    auto = "auto"
    always = "always"
    never = "never"


ColorOption = Annotated[
    ColorMode,
    typer.Option("--color", help="auto (on a terminal, unless NO_COLOR is set), always or never."),
]
NoPagerOption = Annotated[bool, typer.Option("--no-pager", help="Never page long output on a terminal.")]
AllOption = Annotated[
    bool, typer.Option("--all", help="On a terminal, list every entry (files and pipes always get all).")
]
# Said after each list cut on a terminal.
MORE_HINT = " (--all shows every one)"


def use_color(mode: ColorMode, no_color: bool = False) -> bool:
    """Whether to colour: `always` wins over all; `never`, `--no-color` and `NO_COLOR` over auto, which
    colours a terminal or, as rich does, any output when `FORCE_COLOR` is set."""
    if mode is ColorMode.always:
        return True
    if mode is ColorMode.never or no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def terminal_limit(show_all: bool = False, out_file: Path | None = None) -> int | None:
    """How many entries a list shows: a screenful's worth on a terminal (unless `--all`), every
    one in a pipe or a file. (sys.stdout itself, not rich's guess, which FORCE_COLOR turns on.)"""
    from docdiff.report.view import LIST_LIMIT

    return LIST_LIMIT if out_file is None and _stdout_is_terminal() and not show_all else None


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def more_line(hidden: int) -> str:
    """The line that ends a list cut on a terminal."""
    return f"… and {hidden} more{MORE_HINT}"


def _console(color: ColorMode, no_color: bool) -> Console:
    from rich.console import Console

    coloured = use_color(color, no_color)
    return Console(
        no_color=not coloured,
        color_system="standard" if coloured else None,
        force_terminal=coloured,
        highlight=False,
    )


def show_lines(lines: Sequence[Line], color: ColorMode, no_color: bool = False, no_pager: bool = False) -> None:
    """Print report lines with the chosen colouring, through the pager when long and on a TTY."""
    from docdiff.cli.render import print_lines

    console = _console(color, no_color)
    with console.capture() as captured:
        print_lines(console, lines)
    page(captured.get(), no_pager)


# A table longer than this, written to a pipe or a file, is written as tab-separated lines: rich
# lays a table out at about a millisecond a row (the facts of a 200,000-line file: 15,000 rows,
# over ten seconds), a pipe's reader wants the rows, not the box.
PLAIN_TABLE_ROWS = 1000


def show(renderables: Sequence[RenderableType], color: ColorMode, no_pager: bool = False) -> None:
    """Print rich tables, trees or Text (document text in them already plain Text, never markup)
    with the chosen colouring, through the pager when long and on a TTY."""
    from rich.table import Table

    console = _console(color, False)
    parts: list[str] = []
    for renderable in renderables:
        if isinstance(renderable, Table) and renderable.row_count > PLAIN_TABLE_ROWS and not _stdout_is_terminal():
            parts.append(tab_separated(renderable) + "\n")
            continue
        with console.capture() as captured:
            console.print(renderable)
        parts.append(captured.get())
    page("".join(parts), no_pager)


def tab_separated(table: Table) -> str:
    """A table as its title, then a header line and one line per row, cells separated by tabs
    (the cells are one-line plain Text: no tab, newline or control character inside)."""
    columns = [[str(cell) for cell in column.cells] for column in table.columns]
    lines = ["\t".join(str(column.header) for column in table.columns)]
    lines += ["\t".join(row) for row in zip(*columns, strict=True)]
    title = [str(table.title)] if table.title is not None else []
    return "\n".join([*title, *lines])


def page(text: str, no_pager: bool = False) -> None:
    """Write `text` to stdout, through `$PAGER` when stdout is a terminal and it is taller than one."""
    height = _terminal_height()
    if no_pager or height is None or text.count("\n") < height:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    command = shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)
    try:
        subprocess.run(command, input=text, text=True, check=False)
    except OSError:  # no such pager: the text still has to reach the user
        sys.stdout.write(text)


def _terminal_height() -> int | None:
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        return None
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except OSError:
        return None
