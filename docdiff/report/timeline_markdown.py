"""Render a timeline or a ledger as Markdown tables."""

from __future__ import annotations

from docdiff.report.timeline import Grid, ledger_grid, timeline_grids
from docdiff.timeline.models import Ledger, Timeline

_ESCAPE = str.maketrans({ch: f"\\{ch}" for ch in "\\`*_~[]<>#|"})


def _table(grid: Grid) -> list[str]:
    header, rows = grid
    out = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _cell(text: str) -> str:
    # Document text is data: escape Markdown, keep indentation visible as non-breaking spaces.
    return text.translate(_ESCAPE).replace("\n", " ").replace("  ", "\u00a0\u00a0")


def timeline_markdown(timeline: Timeline) -> str:
    """A Markdown document: one table per kind followed."""
    years = f"{timeline.years[0]}–{timeline.years[-1]}"
    out = [f"# Timeline of {_cell(timeline.series)} ({years}, {len(timeline.years)} versions)"]
    for title, grid in timeline_grids(timeline):
        out += ["", f"## {title}", "", *_table(grid)]
    return "\n".join(out) + "\n"


def ledger_markdown(ledger: Ledger) -> str:
    """A Markdown document: the plan's targets and the outcome reported."""
    out = [f"# Plan → outcome: {_cell(ledger.plan)} → {_cell(ledger.outcome)}", "", *_table(ledger_grid(ledger))]
    return "\n".join(out) + "\n"
