"""The header: both documents and the comparison's counts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from docdiff.comparison import Comparison
from docdiff.report.safe import one_line


class DocHeader(Static):
    """`old title → new title` and one line of counts."""

    DEFAULT_CSS = """
    DocHeader { height: auto; max-height: 3; background: $primary-background; padding: 0 1; }
    """

    def show(self, comparison: Comparison, old_date: str | None = None, new_date: str | None = None) -> None:
        """Render the two documents and the counts."""
        old = one_line(comparison.old.title or comparison.old.source)
        new = one_line(comparison.new.title or comparison.new.source)
        statuses = comparison.summary.statuses
        facts = comparison.summary.facts.get("target", {})
        text = Text.assemble(
            (old, "bold"),
            (f" ({old_date})" if old_date else "", "dim"),
            (" → ", "dim"),
            (new, "bold"),
            (f" ({new_date})" if new_date else "", "dim"),
            "\n",
            f"{statuses.get('matched', 0)} matched · {statuses.get('added', 0)} added · "
            f"{statuses.get('dropped', 0)} dropped · {comparison.summary.changed} changed · "
            f"{comparison.summary.renamed} renamed · {comparison.summary.moved} moved · "
            f"targets changed {facts.get('changed', 0)} · repeats {len(comparison.duplicates)}",
        )
        self.update(text)
