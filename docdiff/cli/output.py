"""Terminal output conventions: `--color auto|always|never`, `NO_COLOR`, and a pager on a TTY.

Long output on a terminal goes through `$PAGER` (default `less -FRX`: quit if it fits on one
screen, keep colours, leave the text on screen) unless `--no-pager`; a pipe or a file gets
the text straight, so scripts never wait on a pager.
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


def use_color(mode: ColorMode, no_color: bool = False) -> bool:
    """Whether to colour: `always` wins over all; `never`, `--no-color` and `NO_COLOR` over auto, which
    colours a terminal or, as rich does, any output when `FORCE_COLOR` is set."""
    if mode is ColorMode.always:
        return True
    if mode is ColorMode.never or no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def show_lines(lines: Sequence[Line], color: ColorMode, no_color: bool = False, no_pager: bool = False) -> None:
    """Print report lines with the chosen colouring, through the pager when long and on a TTY."""
    from rich.console import Console

    from docdiff.cli.render import print_lines

    coloured = use_color(color, no_color)
    console = Console(
        no_color=not coloured,
        color_system="standard" if coloured else None,
        force_terminal=coloured,
        highlight=False,
    )
    with console.capture() as captured:
        print_lines(console, lines)
    page(captured.get(), no_pager)


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
