"""Map the report view's style names to rich styles and print them."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from docdiff.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from docdiff.report.view import Line, Style

STYLES: dict[Style, str] = {
    "plain": "",
    "title": "bold",
    "heading": "bold cyan",
    "label": "magenta",
    "dim": "dim",
    "ins": "bold green",
    "del": "red strike",
    "move": "yellow",
    "count": "bold",
    "good": "green",
    "bad": "red",
}


def to_text(line: Line) -> Text:
    """One styled line as rich Text."""
    from rich.text import Text

    text = Text()
    for run in line:
        text.append(run.text, style=STYLES[run.style])
    return text


def print_lines(console: Console, lines: Sequence[Line]) -> None:
    """Print styled lines; without colour, insertions and deletions get {+ +} and [- -] marks."""
    plain = console.no_color or console.color_system is None
    for line in lines:
        if plain:
            console.print(_marked(line), highlight=False, soft_wrap=True)
        else:
            console.print(to_text(line), highlight=False, soft_wrap=True)


def _marked(line: Line) -> Text:
    from rich.text import Text

    text = Text()
    for run in line:
        if run.style == "ins" and run.text.strip():
            text.append("{+" + run.text + "+}")
        elif run.style == "del" and run.text.strip():
            text.append("[-" + run.text + "-]")
        else:
            text.append(run.text)
    return text


def make_console(no_color: bool = False, to_file: bool = False) -> Console:
    """A stdout console, or a plain one collecting text for a file; without colour when asked or NO_COLOR is set."""
    # rich is imported when something is printed, never for `--help`.
    from rich.console import Console

    if to_file:
        return Console(file=io.StringIO(), no_color=True, color_system=None, highlight=False, width=10_000)
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(no_color=plain, color_system=None if plain else "auto", highlight=False)


def write_output(text: str, path: Path | None) -> None:
    """Write a rendered report to `path`, or to stdout without adding a newline."""
    if path is None:
        typer.echo(text, nl=False)
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from error
