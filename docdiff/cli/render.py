"""Map the report view's style names to rich styles and print them."""

from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from docdiff.report.styles import STYLES, marked, styled_runs
from docdiff.report.view import Line

__all__ = ["STYLES", "make_console", "print_lines", "to_text"]


def to_text(line: Line) -> Text:
    """One styled line as rich Text."""
    return Text.assemble(*styled_runs(line))


def print_lines(console: Console, lines: Sequence[Line]) -> None:
    """Print styled lines; without colour, insertions and deletions get {+ +} and [- -] marks."""
    plain = console.no_color or console.color_system is None
    for line in lines:
        if plain:
            console.print(Text(marked(line)), highlight=False, soft_wrap=True)
        else:
            console.print(to_text(line), highlight=False, soft_wrap=True)


def make_console(no_color: bool = False) -> Console:
    """A stdout console; without colour when asked or when NO_COLOR is set."""
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(no_color=plain, color_system=None if plain else "auto", highlight=False)
