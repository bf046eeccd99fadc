"""PDF → text: page by page, with running headers, footers and page numbers removed.

pdfplumber orders the characters into lines; the reader drops the second copy of a glyph
printed twice at the same place (the "bold" of many government PDFs, which would otherwise
read 上上海海). A line that runs to the right margin was wrapped by the page width when
it leaves its sentence open or the next line is not indented as a paragraph's first line is,
so it is joined to the next line (across a page break too); the
normaliser joins the wraps layout cannot tell and repairs doubled glyphs that survive as
whole doubled lines.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from docdiff.errors import InputError
from docdiff.textshape import HEADING_START

# A line that is only a page number: `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 10 页`, `3/10`.
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–·•]*(?:第\s*)?[0-9０-９]+(?:\s*页)?(?:\s*[/／]\s*[0-9０-９]+|\s*共\s*[0-9０-９]+\s*页)?[\s\-—–·•]*$"
)
# How many lines at the top and at the bottom of a page may be running furniture.
_EDGE_LINES = 2
# Share of pages a top or bottom line must recur on to count as a running header or footer.
_RUNNING_SHARE = 0.5
# A line ending within this many character heights of the right margin fills the line.
_MARGIN_CHARS = 1.5
_SENTENCE_END = tuple("。！？；：”’」』）)…")

_Line = TypeVar("_Line")


class PdfLine(NamedTuple):
    """One extracted line, whether it runs to the right margin (so may be wrapped) and whether it
    starts indented from the left margin (a paragraph's first line)."""

    text: str
    full: bool
    indented: bool


def read_pdf(raw: bytes, source: str) -> str:
    """The text of a PDF, its pages' lines in reading order, furniture removed."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            raw_pages = [_without_doubled_glyphs(page).extract_text_lines() for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many unrelated types for a damaged file
        raise InputError(f"{source}: not a readable PDF ({type(exc).__name__})") from exc
    right = max((float(line["x1"]) for page in raw_pages for line in page), default=0.0)
    left = min((float(line["x0"]) for page in raw_pages for line in page), default=0.0)
    pages = [
        [
            PdfLine(
                str(line["text"]).strip(),
                float(line["x1"]) >= right - _MARGIN_CHARS * (float(line["bottom"]) - float(line["top"])),
                float(line["x0"]) >= left + _MARGIN_CHARS * (float(line["bottom"]) - float(line["top"])),
            )
            for line in page
            if str(line["text"]).strip()
        ]
        for page in raw_pages
    ]
    if not any(pages):
        raise InputError(f"{source}: the PDF holds no extractable text (a scan needs OCR first)")
    return join_wraps([line for page in strip_furniture(pages, lambda line: line.text) for line in page])


def _without_doubled_glyphs(page: Any) -> Any:
    """The page less every glyph printed again at (about) the same place: the fake bold.

    pdfplumber's `dedupe_chars` does this too but compares every pair of characters, which
    costs more than parsing the page; a set of (glyph, rounded position) keys is linear.
    """
    seen: set[tuple[str, int, int]] = set()
    keep: set[int] = set()
    for char in page.chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key not in seen:
            seen.add(key)
            keep.add(id(char))
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in keep)


def join_wraps(lines: list[PdfLine]) -> str:
    """One line per paragraph: a full line runs on into the next when it leaves its sentence open,
    or when it closes one but the next line is not indented (a paragraph wrapped at a full stop)."""
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line.text)
        after = lines[index + 1] if index + 1 < len(lines) else None
        wrapped = (
            line.full
            and after is not None
            and (not line.text.endswith(_SENTENCE_END) or not (after.indented or HEADING_START.match(after.text)))
        )
        out.append("" if wrapped else "\n")
    return "".join(out)


def strip_furniture(pages: list[list[_Line]], text: Callable[[_Line], str]) -> list[list[_Line]]:
    """Drop page numbers and the header or footer lines repeated on most pages.

    A line is compared with its digits masked, so `2021年政府工作报告 3` recurs on every page.
    Only the top and bottom `_EDGE_LINES` of each page are candidates, so a sentence in the
    body that happens to repeat is kept.
    """
    edges: Counter[str] = Counter()
    for page in pages:
        texts = [text(line).strip() for line in page]
        edges.update({_mask(line) for line in texts[:_EDGE_LINES] + texts[-_EDGE_LINES:]})
    running = {key for key, count in edges.items() if len(pages) > 1 and count >= max(2, _RUNNING_SHARE * len(pages))}
    cleaned: list[list[_Line]] = []
    for page in pages:
        edge = set(range(min(_EDGE_LINES, len(page)))) | set(range(max(0, len(page) - _EDGE_LINES), len(page)))
        cleaned.append(
            [
                line
                for index, line in enumerate(page)
                if not _PAGE_NUMBER.match(text(line)) and not (index in edge and _mask(text(line)) in running)
            ]
        )
    return cleaned


def _mask(line: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", line))
