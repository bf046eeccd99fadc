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
        # Lookups are a bisection and a walk up the parents, not a scan of every section: a
        # document of 200,000 lines has tens of thousands of sections and as many repeats.
        self._section_starts = [span[0] for span, _path in self.sections]
        self._parents = _parents([span for span, _path in self.sections])
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
        self._headings = _Ranges(self.heading_ranges)
        self._tables = _Ranges(self.table_ranges)

    def occurrence(self, start: int, end: int) -> Occurrence:
        """The occurrence of normalised `[start, end)`."""
        span = self.doc.to_original(start, end)
        section = self._section_at(span[0])
        line = bisect_right(self.line_starts, span[0])
        return Occurrence(doc=self.label, span=span, section=section, line=line, text=self.doc.normalised[start:end])

    def in_heading(self, start: int, end: int) -> bool:
        """Whether a normalised range lies inside a heading or a table of contents."""
        return self._headings.covers(start, end)

    def in_table(self, start: int, end: int) -> bool:
        """Whether a normalised range lies inside a table."""
        return self._tables.covers(start, end)

    def _section_at(self, position: int) -> tuple[str, ...]:
        """Path of the deepest section holding an original position: the last section starting at
        or before it, or the nearest of its parents that reaches that far."""
        index = bisect_right(self._section_starts, position) - 1
        while index >= 0:
            (start, end), path = self.sections[index]
            if start <= position < end:
                return path
            index = self._parents[index]
        return ()


def _parents(spans: list[tuple[int, int]]) -> list[int]:
    """For spans in document order (nested like a section tree), each one's nearest enclosing
    span, or -1."""
    parents: list[int] = []
    stack: list[int] = []
    for index, (start, end) in enumerate(spans):
        while stack and not (spans[stack[-1]][0] <= start and end <= spans[stack[-1]][1]):
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        stack.append(index)
    return parents


class _Ranges:
    """Sorted ranges answering "does one of them cover [start, end)?" by bisection: among the
    ranges starting at or before `start`, the furthest end reaches `end` or it does not."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _e in ranges]
        self.reach: list[int] = []
        furthest = -1
        for _s, e in ranges:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and self.reach[index] >= end
