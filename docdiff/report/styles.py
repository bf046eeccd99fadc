"""What each report style name looks like on a screen, shared by the terminal and the TUI.

The values are rich style strings, but this module imports no UI library: the CLI and the
TUI each build their own rich objects from `styled_runs`, so both render a report line the
same way and neither depends on the other (core → report → cli/tui, one way).
"""

from __future__ import annotations

from docdiff.report.safe import visible
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


def styled_runs(line: Line) -> list[tuple[str, str]]:
    """The line's runs as (text, rich style string) pairs; document text never carries control
    characters to the screen (they are shown as escapes)."""
    return [(visible(run.text), STYLES[run.style]) for run in line]


def marked(line: Line) -> str:
    """The line as plain text, insertions as {+ +} and deletions as [- -] (for output without colour)."""
    parts: list[str] = []
    for run in line:
        shown = visible(run.text)
        if run.style == "ins" and shown.strip():
            parts.append("{+" + shown + "+}")
        elif run.style == "del" and shown.strip():
            parts.append("[-" + shown + "-]")
        else:
            parts.append(shown)
    return "".join(parts)
