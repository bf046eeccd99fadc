"""Where a passage is: its original span, line number and section path."""

from __future__ import annotations

from bisect import bisect_right

from docdiff.duplicates.models import Occurrence
from docdiff.flat import FlatSection, flatten
from docdiff.models import Contents, Document, Outline, Table


class Locator:
    """Maps normalised ranges of one document to occurrences a reader can find."""

    def __init__(self, doc: Document, outline: Outline, label: str, flat: list[FlatSection] | None = None) -> None:
        self.doc = doc
        self.label = label
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(doc.text) if ch == "\n"]
        flat = flat if flat is not None else flatten(doc, outline)
        self.sections = [(f.section.span, f.path) for f in flat[1:]]
        headings = [
            doc.to_normalised(f.section.heading_span)
            for f in flat
            if f.section.heading_span and f.section.style not in ("topic",)
        ]
        contents = [doc.to_normalised(b.span) for f in flat for b in f.section.blocks if isinstance(b, Contents)]
        tables = [doc.to_normalised(b.span) for f in flat for b in f.section.blocks if isinstance(b, Table)]
        # Headings and tables of contents echo each other by their nature; so do table rows.
        self.heading_ranges = sorted(headings + contents)
        self.table_ranges = sorted(tables)

    def occurrence(self, start: int, end: int) -> Occurrence:
        """The occurrence of normalised `[start, end)`."""
        span = self.doc.to_original(start, end)
        holders = [path for (s, e), path in self.sections if s <= span[0] < e]
        section = max(holders, key=len) if holders else ()
        line = bisect_right(self.line_starts, span[0])
        return Occurrence(doc=self.label, span=span, section=section, line=line, text=self.doc.normalised[start:end])

    def in_heading(self, start: int, end: int) -> bool:
        """Whether a normalised range lies inside a heading or a table of contents."""
        return any(s <= start and end <= e for s, e in self.heading_ranges)

    def in_table(self, start: int, end: int) -> bool:
        """Whether a normalised range lies inside a table."""
        return any(s <= start and end <= e for s, e in self.table_ranges)
