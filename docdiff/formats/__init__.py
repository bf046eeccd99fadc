"""Readers for documents that are not plain text: Word (.docx), PDF, web pages (.html) and Markdown (.md).

Each reader turns a file's bytes into plain text, one paragraph, heading or table row a
line — the "text as extracted" that every span of the `Document` indexes. The heavy
libraries (python-docx, pdfplumber, selectolax, markdown-it-py) are imported inside the reader that needs
them, so `docdiff --help` and plain-text comparisons never load them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SourceFormat = Literal["text", "docx", "pdf", "html", "markdown"]

# A ZIP container is a Word document only when it holds the main document part.
_DOCX_PART = b"word/document.xml"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml")
# Markdown is told by its suffix only: `#` and `|` open lines of plain text too.
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


# What a folder given as input is searched for: plain text, Word, PDF and web pages. Not Markdown,
# which a folder of documents mostly holds as its notes (`seeds/README.md`); name such files to read them.
FOLDER_SUFFIXES = (".txt", ".docx", ".pdf", *_HTML_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Extracted:
    """The plain text read out of a formatted file and what it was read from."""

    text: str
    source_format: SourceFormat
    encoding: str


def detect_format(raw: bytes, source: str) -> SourceFormat:
    """Which reader `raw` needs: by its magic number, then by an HTML suffix or opening tag, then
    by a Markdown suffix."""
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and _DOCX_PART in raw:
        return "docx"
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if source.lower().endswith(_HTML_SUFFIXES) or (
        head.startswith(_HTML_STARTS) and (b"<html" in head or b"<body" in raw[:4096].lower())
    ):
        return "html"
    if source.lower().endswith(_MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def zip_kind(raw: bytes) -> str:
    """What a ZIP container that holds no Word document is, by the parts it lists."""
    import io
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "a damaged or cut-short ZIP container (a Word, Excel or OpenDocument file?)"
    if any(name.startswith("xl/") for name in names):
        return "an Excel workbook (XLSX), not a Word document"
    if any(name.startswith("ppt/") for name in names):
        return "a PowerPoint file (PPTX), not a Word document"
    if "mimetype" in names or "content.xml" in names:
        return "an OpenDocument file (ODT/ODS), not a Word document; save it as DOCX"
    if "[Content_Types].xml" in names:
        return "an Office container without a Word document part (word/document.xml): damaged or not DOCX"
    return "a ZIP archive"


def extract(raw: bytes, source: str) -> Extracted | None:
    """The text of a Word, PDF, HTML or Markdown file, or None when `raw` is to be read as plain text."""
    kind = detect_format(raw, source)
    if kind == "docx":
        from docdiff.formats.docx import read_docx

        return Extracted(read_docx(raw, source), "docx", "utf-8")
    if kind == "pdf":
        from docdiff.formats.pdf import read_pdf

        return Extracted(read_pdf(raw, source), "pdf", "pdf")
    if kind == "html":
        from docdiff.formats.html import read_html

        text, encoding = read_html(raw, source)
        return Extracted(text, "html", encoding)
    if kind == "markdown":
        from docdiff.formats.markdown import read_markdown

        text, encoding = read_markdown(raw, source)
        return Extracted(text, "markdown", encoding)
    return None


def grid_row(cells: list[str]) -> list[str]:
    """A table row's cells as the text writes them: every cell in its header's column (a merged
    cell repeated in each column it spans, two equal figures side by side kept as two: `5.5 | 5.5`),
    except a row that is one cell across the table (a title, a group's name), which is that cell."""
    return cells[:1] if len(set(cells)) == 1 else cells
