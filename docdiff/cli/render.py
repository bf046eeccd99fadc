"""Map the report view's style names to rich styles and print them."""

from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from docdiff.report.safe import one_line, visible
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
    """One styled line as rich Text (document text is never markup, and its control characters show)."""
    text = Text()
    for run in line:
        text.append(visible(run.text), style=STYLES[run.style])
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
    text = Text()
    for run in line:
        shown = visible(run.text)
        if run.style == "ins" and shown.strip():
            text.append("{+" + shown + "+}")
        elif run.style == "del" and shown.strip():
            text.append("[-" + shown + "-]")
        else:
            text.append(shown)
    return text


def make_console(no_color: bool = False) -> Console:
    """A stdout console; without colour when asked or when NO_COLOR is set."""
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(no_color=plain, color_system=None if plain else "auto", highlight=False)


def cell(text: str) -> Text:
    """A table cell or tree label of document text: plain rich Text (no markup), one line, controls shown."""
    return Text(one_line(text))
