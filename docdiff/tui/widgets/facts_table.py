"""The facts of a comparison as a sortable, filterable table."""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import DataTable

from docdiff.comparison import Comparison
from docdiff.facts.models import FactChange, FactSide
from docdiff.report.safe import one_line

COLUMNS = ("kind", "status", "metric", "old value", "new value", "delta", "section")
STATUS_FILTERS = ("all", "changed", "added", "dropped", "unchanged")
KIND_FILTERS = ("all", "target", "phrase", "project")


def _value(side: FactSide | None) -> str:
    if side is None:
        return ""
    if side.value is None:
        return "" if side.unit is None else f"— {side.unit}"
    return f"{side.value:g}{side.unit or ''}"


class FactsTable(DataTable[str]):
    """One row per fact pair; the row key is the pair's index in `Comparison.facts`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.facts: tuple[FactChange, ...] = ()
        self.status_filter = "all"
        self.kind_filter = "all"
        self.sorted_by: str | None = None
        self.reverse = False

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(column, key=column)

    def load(self, comparison: Comparison) -> None:
        """Fill the table from a comparison."""
        self.facts = comparison.facts
        self.refill()

    def refill(self) -> None:
        """Rows passing the status and kind filters, sorted as asked."""
        self.clear()
        for index, fact in enumerate(self.facts):
            if self.status_filter != "all" and fact.status != self.status_filter:
                continue
            if self.kind_filter != "all" and fact.kind != self.kind_filter:
                continue
            side = fact.new or fact.old
            assert side is not None
            delta = "" if fact.delta is None or (fact.delta == 0 and fact.tense_changed) else f"{fact.delta:+g}"
            if fact.tense_changed and fact.old and fact.new:
                delta = f"{delta} {fact.old.tense}→{fact.new.tense}".strip()
            cells = (
                fact.kind,
                fact.status,
                side.metric or "",
                _value(fact.old),
                _value(fact.new),
                delta,
                side.section[-1] if side.section else "",
            )
            # A str cell is read as rich markup: document text goes in escaped, controls shown
            # (kept str, not Text, so the columns still sort).
            self.add_row(*(escape(one_line(c)) for c in cells), key=str(index))
        if self.sorted_by:
            self.sort(self.sorted_by, reverse=self.reverse)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Sort by the clicked column; clicking again reverses."""
        column = str(event.column_key.value)
        self.reverse = not self.reverse if self.sorted_by == column else False
        self.sorted_by = column
        self.sort(column, reverse=self.reverse)

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
