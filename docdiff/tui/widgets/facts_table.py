"""The facts of a comparison as a sortable, filterable table that fits its width.

At 80 columns the table keeps metric, old, new, Δ and section: columns shrink to what fits and
long cells wrap onto more lines; where even that does not fit, the least needed columns go
first (kind, then status, then section). Cells are Text, so document text is never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from docdiff.comparison import Comparison
from docdiff.facts.models import FactChange, FactSide
from docdiff.report.rows import delta_places, number, readable_delta
from docdiff.report.safe import one_line

STATUS_FILTERS = ("all", "changed", "added", "dropped", "unchanged")
KIND_FILTERS = ("all", "target", "phrase", "project")
# Cells a column pads on both sides (DataTable's cell_padding 1) and the vertical scrollbar.
_PADDING = 2
_SCROLLBAR = 2


@dataclass(frozen=True)
class FactColumn:
    """A column: its key and label, the width it never goes below and the widest it needs (cells)."""

    key: str
    label: str
    least: int
    most: int


# Display order; `_KEEP` says which are dropped first when the width runs out.
COLUMNS = (
    FactColumn("kind", "kind", 7, 7),
    FactColumn("status", "status", 9, 9),
    FactColumn("metric", "metric", 12, 30),
    FactColumn("old value", "old", 9, 16),
    FactColumn("new value", "new", 9, 16),
    FactColumn("delta", "Δ", 11, 18),
    FactColumn("section", "section", 12, 28),
)
_KEEP = ("metric", "old value", "new value", "delta", "section", "status", "kind")


def fit_columns(width: int) -> dict[str, int]:
    """Column key → width for a table `width` cells wide: drop from the end of `_KEEP`, then share what is left."""
    by_key = {column.key: column for column in COLUMNS}
    kept = list(_KEEP)
    while len(kept) > 4 and sum(by_key[k].least + _PADDING for k in kept) > width:
        kept.pop()
    widths = {k: by_key[k].least for k in kept}
    spare = width - sum(w + _PADDING for w in widths.values())
    while spare > 0:  # one cell at a time, in keep order, to each column still below its most
        growing = [k for k in kept if widths[k] < by_key[k].most]
        if not growing:
            break
        for k in growing[:spare]:
            widths[k] += 1
        spare -= min(spare, len(growing))
    return {column.key: widths[column.key] for column in COLUMNS if column.key in widths}


def _value(side: FactSide | None) -> str:
    if side is None:
        return ""
    if side.value is None:
        return "" if side.unit is None else f"— {side.unit}"
    return f"{number(side.value)}{side.unit or ''}"


def _delta(fact: FactChange) -> str:
    shown = fact.delta is not None and not (fact.delta == 0 and fact.tense_changed)
    delta = f"{readable_delta(fact.delta or 0.0, delta_places(fact))}{fact.delta_unit or ''}" if shown else ""
    if fact.tense_changed and fact.old and fact.new:
        delta = f"{delta} {fact.old.tense}→{fact.new.tense}".strip()
    return delta


def fact_cells(fact: FactChange) -> dict[str, str]:
    """A fact pair's cells by column key."""
    side = fact.new or fact.old
    assert side is not None
    return {
        "kind": fact.kind,
        "status": fact.status,
        "metric": side.metric or "",
        "old value": _value(fact.old),
        "new value": _value(fact.new),
        "delta": _delta(fact),
        "section": side.section[-1] if side.section else "",
    }


class FactsTable(DataTable[Text]):
    """One row per fact pair; the row key is the pair's index in `Comparison.facts`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.facts: tuple[FactChange, ...] = ()
        self.status_filter = "all"
        self.kind_filter = "all"
        self.sorted_by: str | None = None
        self.reverse = False
        self.widths: dict[str, int] = {}

    def _available(self) -> int:
        # A hidden tab has no size yet: lay out for the screen's width until it is shown.
        return (self.size.width or self.app.size.width) - _SCROLLBAR

    def on_resize(self, event: events.Resize) -> None:
        if fit_columns(self._available()) != self.widths:
            self.refill()

    def load(self, comparison: Comparison) -> None:
        """Fill the table from a comparison."""
        self.facts = comparison.facts
        self.refill()

    def refill(self) -> None:
        """Rows passing the status and kind filters, in the columns that fit, sorted as asked."""
        self.widths = fit_columns(self._available())
        self.clear(columns=True)
        for column in COLUMNS:
            if column.key in self.widths:
                self.add_column(Text(column.label), width=self.widths[column.key], key=column.key)
        for index, fact in enumerate(self.facts):
            if self.status_filter != "all" and fact.status != self.status_filter:
                continue
            if self.kind_filter != "all" and fact.kind != self.kind_filter:
                continue
            cells = fact_cells(fact)
            # height None: a row grows to hold its wrapped cells.
            self.add_row(*(Text(one_line(cells[key])) for key in self.widths), key=str(index), height=None)
        if self.sorted_by in self.widths:
            self._sort()

    def _sort(self) -> None:
        assert self.sorted_by is not None
        self.sort(self.sorted_by, key=lambda cell: cell.plain, reverse=self.reverse)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Sort by the clicked column; clicking again reverses."""
        column = str(event.column_key.value)
        self.reverse = not self.reverse if self.sorted_by == column else False
        self.sorted_by = column
        self._sort()

    def cycle_status(self) -> str:
        """Next status filter."""
        self.status_filter = STATUS_FILTERS[(STATUS_FILTERS.index(self.status_filter) + 1) % len(STATUS_FILTERS)]
        self.refill()
        return self.status_filter

    def cycle_kind(self) -> str:
        """Next kind filter."""
        self.kind_filter = KIND_FILTERS[(KIND_FILTERS.index(self.kind_filter) + 1) % len(KIND_FILTERS)]
        self.refill()
        return self.kind_filter

    def selected_fact(self) -> FactChange | None:
        """The fact under the cursor."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.facts[int(key)] if key is not None else None

    def shown_cells(self) -> list[dict[str, str]]:
        """What the table shows, row by row: column key → cell text."""
        keys = list(self.widths)
        return [
            dict(zip(keys, (cell.plain for cell in self.get_row_at(i)), strict=True)) for i in range(self.row_count)
        ]
