"""Passages repeated inside either version, selectable to jump to them."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from docdiff.comparison import Comparison
from docdiff.duplicates.models import DuplicateGroup
from docdiff.report.safe import one_line


class DupesTable(DataTable[str | Text]):
    """One row per repeated passage; the row key is its index in `Comparison.duplicates`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.groups: tuple[DuplicateGroup, ...] = ()

    def on_mount(self) -> None:
        for column in ("version", "copies", "chars", "alike", "passage", "where"):
            self.add_column(column, key=column)

    def load(self, comparison: Comparison) -> None:
        """Fill the table from a comparison."""
        self.groups = comparison.duplicates
        self.clear()
        for index, group in enumerate(self.groups):
            first = group.occurrences[0]
            self.add_row(
                first.doc,
                str(len(group.occurrences)),
                str(group.chars),
                f"{group.similarity:.0%}",
                Text(one_line(group.text[:60])),  # document text: a Text cell, so "[...]" is never read as markup
                Text(one_line(" › ".join(first.section[-1:]))),
                key=str(index),
            )

    def selected_group(self) -> DuplicateGroup | None:
        """The passage under the cursor."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.groups[int(key)] if key is not None else None
