"""Print the report view's styled lines to a terminal, a pipe or a file."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from docdiff.errors import OutputError

if TYPE_CHECKING:  # rich and the report load when something is printed, never for `--help`
    from rich.console import Console
    from rich.text import Text

    from docdiff.report.view import Line

__all__ = ["make_console", "print_lines", "to_text", "write_output"]


def to_text(line: Line) -> Text:
    """One styled line as rich Text."""
    from rich.text import Text

    from docdiff.report.styles import styled_runs

    return Text.assemble(*styled_runs(line))


def print_lines(console: Console, lines: Sequence[Line]) -> None:
    """Print styled lines; without colour, insertions and deletions get {+ +} and [- -] marks."""
    from rich.text import Text

    from docdiff.report.styles import marked

    plain = console.no_color or console.color_system is None
    for line in lines:
        if plain:
            console.print(Text(marked(line)), highlight=False, soft_wrap=True)
        else:
            console.print(to_text(line), highlight=False, soft_wrap=True)


def make_console(no_color: bool = False, to_file: bool = False) -> Console:
    """A stdout console, or a plain one collecting text for a file; without colour when asked or NO_COLOR is set."""
    from rich.console import Console

    if to_file:
        return Console(file=io.StringIO(), no_color=True, color_system=None, highlight=False, width=10_000)
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(no_color=plain, color_system=None if plain else "auto", highlight=False)


def write_plain(draw: Callable[[Console], None], path: Path) -> None:
    """Write to `path` what `draw` prints on a plain console (no colour, no wrapping)."""
    console = make_console(to_file=True)
    draw(console)
    assert isinstance(console.file, io.StringIO)
    write_output(console.file.getvalue(), path)


def write_output(text: str, path: Path | None) -> None:
    """Write a rendered report to `path`, or to stdout without adding a newline. A report is
    written verbatim to a file or a pipe; on a terminal its control characters are shown, not
    run (a Markdown or HTML report quotes document text, which may hold ESC sequences)."""
    if path is None:
        if sys.stdout.isatty():
            from docdiff.report.safe import visible

            text = visible(text)
        typer.echo(text, nl=False)
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from error


def cell(text: str) -> Text:
    """A table cell or tree label of document text: plain rich Text (no markup), one line, controls shown."""
    from rich.text import Text

    from docdiff.report.safe import one_line

    return Text(one_line(text))
