"""Where a passage is: its original span, line number and section path.

Every lookup is a binary search (sections, lines, headings and tables are indexed once per
document), so locating the copies of a large document grows as m·log n, not m·n.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from docdiff.duplicates.models import Occurrence
from docdiff.flat import FlatSection, flatten
from docdiff.models import Contents, Document, Outline, Table


class Locator:
    """Maps normalised ranges of one document to occurrences a reader can find."""

    def __init__(self, doc: Document, outline: Outline, label: str, flat: list[FlatSection] | None = None) -> None:
        self.doc = doc
        self.label = label
        self.line_starts = [0, *_line_ends(doc.text)]
        flat = flat if flat is not None else flatten(doc, outline)
        # Sections in document order (parents before children): the innermost section holding
        # a position is the last one starting at or before it that still runs past it, found
        # by a binary search and a walk up its (few) ancestors.
        self.sections = [(f.section.span, f.path) for f in flat[1:]]
        self._starts = [span[0] for span, _ in self.sections]
        self._parent = [(f.parent or 0) - 1 for f in flat[1:]]  # index into self.sections, -1 for the root
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
        self._headings = _RangeIndex(self.heading_ranges)
        self._tables = _RangeIndex(self.table_ranges)

    def occurrence(self, start: int, end: int) -> Occurrence:
        """The occurrence of normalised `[start, end)`."""
        span = self.doc.to_original(start, end)
        line = bisect_right(self.line_starts, span[0])
        return Occurrence(
            doc=self.label, span=span, section=self.section_at(span[0]), line=line, text=self.doc.normalised[start:end]
        )

    def section_at(self, pos: int) -> tuple[str, ...]:
        """The path of the innermost section whose span holds original offset `pos` (() if none)."""
        index = bisect_right(self._starts, pos) - 1
        while index >= 0:
            (start, end), path = self.sections[index]
            if start <= pos < end:
                return path
            index = self._parent[index]
        return ()

    def in_heading(self, start: int, end: int) -> bool:
        """Whether a normalised range lies inside a heading or a table of contents."""
        return self._headings.holds(start, end)

    def in_table(self, start: int, end: int) -> bool:
        """Whether a normalised range lies inside a table."""
        return self._tables.holds(start, end)


class _RangeIndex:
    """Ranges sorted by start with the running maximum of their ends: whether any range holds
    `[start, end)` is one binary search."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in ranges]
        self.reach = list(accumulate((e for _, e in ranges), max))

    def holds(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start)
        return index > 0 and self.reach[index - 1] >= end


def _line_ends(text: str) -> list[int]:
    """Offsets just after each line break (str.find runs in C; a character loop would not)."""
    out: list[int] = []
    pos = text.find("\n")
    while pos >= 0:
        out.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return out
