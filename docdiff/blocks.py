"""Build blocks (paragraphs with sentences, tables, tables of contents) from normalised lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docdiff.models import Contents, Document, Paragraph, Span, Table
from docdiff.sentences import sentence_units

# A sentence runs to its final punctuation and any closing quotes or brackets after it.
_TOC_ENTRY = re.compile(r"^(?P<title>.+?)(?:\.{2,}|…+|·{3,}|\t)\s*\t?\s*\d{1,4}$")
_TABLE_CAPTION = re.compile(r"^(表|附表)[\d一二三四五六七八九十]+[：:.、]?\S")


@dataclass(frozen=True)
class Line:
    """One line of the normalised text with its normalised offsets."""

    text: str
    start: int
    end: int


def split_lines(normalised: str) -> list[Line]:
    """The normalised text as lines, each with its normalised span."""
    lines: list[Line] = []
    start = 0
    for text in normalised.split("\n"):
        if text.strip():
            lines.append(Line(text, start, start + len(text)))
        start += len(text) + 1
    return lines


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: a title, leader dots or a tab, and a page number."""
    return bool(_TOC_ENTRY.match(text)) and ("." in text or "…" in text or "·" in text)


def toc_title(text: str) -> str:
    """The entry title of a table-of-contents line."""
    match = _TOC_ENTRY.match(text)
    return match.group("title").rstrip(".…· \t") if match else text


def is_table_row(text: str) -> bool:
    """A tab-separated table row."""
    return "\t" in text.strip("\t")


def is_table_caption(text: str) -> bool:
    """A caption such as `表五：…` introducing a table."""
    return bool(_TABLE_CAPTION.match(text)) and len(text) <= 60


def sentence_spans(doc: Document, start: int, end: int) -> tuple[Span, ...]:
    """Original spans of the sentences in the normalised range [start, end), without the
    spaces around them."""
    spans: list[Span] = []
    for unit in sentence_units(doc.normalised, (start, end)):
        if unit.key:
            lead = doc.normalised.index(unit.key, unit.start)
            spans.append(doc.to_original(lead, lead + len(unit.key)))
    return tuple(spans)


def paragraph(doc: Document, start: int, end: int) -> Paragraph:
    """A paragraph block over the normalised range [start, end)."""
    return Paragraph(span=doc.to_original(start, end), sentences=sentence_spans(doc, start, end))


def table(doc: Document, rows: list[Line], caption: Line | None) -> Table:
    """A table block over tab-separated rows, with an optional caption line."""
    first = caption or rows[0]
    return Table(
        span=doc.to_original(first.start, rows[-1].end),
        caption=caption.text if caption else None,
        rows=tuple(tuple(cell.strip() for cell in row.text.split("\t")) for row in rows),
        row_spans=tuple(doc.to_original(row.start, row.end) for row in rows),
    )


def contents(doc: Document, entries: list[Line], title: Line | None) -> Contents:
    """A table-of-contents block, so its entries never become sections."""
    first = title or entries[0]
    return Contents(
        span=doc.to_original(first.start, entries[-1].end),
        entries=tuple(toc_title(entry.text) for entry in entries),
    )
