"""Word (.docx) → text: paragraphs and table rows in document order, list numbers written out.

Word keeps an automatic list number (`一、`, `（一）`, `1.`) out of the paragraph's text, in
the numbering part; the segmenter finds headings by those numbers, so the reader writes
each one in front of its paragraph as Word would display it. A paragraph in a Heading style
with no number of its own stays a line by itself, which is how the segmenter sees a heading.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docdiff.errors import InputError
from docdiff.formats import grid_row

_CN_DIGITS = "零一二三四五六七八九"
_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes, source: str) -> str:
    """The text of a Word document, one paragraph or table row a line."""
    try:
        return _read(raw)
    except Exception as exc:  # python-docx raises zip, XML and key errors alike for a broken file
        raise InputError(f"{source}: not a readable Word document: {broken_because(exc)}") from exc


def broken_because(exc: Exception) -> str:
    """What is wrong with a Word file, from what reading it raised, in words a user can act on."""
    import zipfile
    import zlib

    from lxml import etree

    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return "its ZIP container is damaged or cut short (an incomplete download or copy?)"
    if isinstance(exc, KeyError):
        missing = str(exc.args[0]) if exc.args else ""
        return f"a part it needs is missing ({missing[:120]})" if missing else "a part it needs is missing"
    if isinstance(exc, etree.XMLSyntaxError):
        return f"the XML inside is broken ({str(exc)[:120]})"
    return f"{type(exc).__name__}: {str(exc)[:120]}" if str(exc) else type(exc).__name__


def _read(raw: bytes) -> str:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(raw))
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = [_one_line(cell.text) for cell in row.cells]
                lines.append("\t".join(grid_row(cells)))
        else:
            text = _one_line(block.text)
            prefix = numbering.label(block._p, block.style)
            if text or prefix:
                lines.append(prefix + text)
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """A paragraph's soft line breaks and tabs are layout, not structure."""
    return re.sub(r"[\n\v]+", "", text).strip()


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (list numbers stay below a hundred)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "bullet":
        return ""
    return str(n)


class _Numbering:
    """Counts automatic list numbers as Word renders them: one running count per abstract list
    definition, which every list instance (`w:num`) made from it shares (a report's headings are
    often split across instances, and number on: 一、二、 then 三、), restarted where an instance
    first used overrides a level's start (`w:startOverride`, "restart at 1")."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._abstract: dict[str, str] = {}  # instance → its abstract definition
        self._restarts: dict[tuple[str, int], int] = {}  # (instance, level) → the start it overrides
        self._counts: dict[str, list[int]] = {}  # abstract definition → items so far per level
        self._entered: set[tuple[str, int]] = set()
        try:
            part = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in part.iter(f"{_WORD_NS}abstractNum"):
            levels = abstract.setdefault(node.get(f"{_WORD_NS}abstractNumId", ""), {})
            for lvl in node.iter(f"{_WORD_NS}lvl"):
                levels[int(lvl.get(f"{_WORD_NS}ilvl", "0"))] = _level(lvl)
        for num in part.iter(f"{_WORD_NS}num"):
            ref = num.find(f"{_WORD_NS}abstractNumId")
            if ref is None:
                continue
            num_id, abstract_id = num.get(f"{_WORD_NS}numId", ""), ref.get(f"{_WORD_NS}val", "")
            self._abstract[num_id] = abstract_id
            for ilvl, level in abstract.get(abstract_id, {}).items():
                self._levels[(num_id, ilvl)] = level
            for override in num.iter(f"{_WORD_NS}lvlOverride"):
                ilvl = int(override.get(f"{_WORD_NS}ilvl", "0"))
                lvl = override.find(f"{_WORD_NS}lvl")
                if lvl is not None:  # the level redefined for this instance
                    self._levels[(num_id, ilvl)] = _level(lvl)
                start = override.find(f"{_WORD_NS}startOverride")
                if start is not None:
                    self._restarts[(num_id, ilvl)] = int(start.get(f"{_WORD_NS}val", "1"))

    def label(self, paragraph: Any, style: Any) -> str:
        """The number Word shows before `paragraph`, or "" when it is not in a numbered list.

        The numbering is the paragraph's own or else its style's (a "List Number" or a numbered
        heading style), following the styles it is based on.
        """
        num_pr = paragraph.find(f"{_WORD_NS}pPr/{_WORD_NS}numPr")
        while num_pr is None and style is not None:
            num_pr = style.element.find(f"{_WORD_NS}pPr/{_WORD_NS}numPr")
            style = style.base_style
        if num_pr is None:
            return ""
        num_id = _val(num_pr, "numId", "")
        ilvl = int(_val(num_pr, "ilvl", "0"))
        if (num_id, ilvl) not in self._levels:
            return ""
        counts = self._counts.setdefault(self._abstract.get(num_id, num_id), [0] * 9)
        if (num_id, ilvl) not in self._entered:
            self._entered.add((num_id, ilvl))
            if (num_id, ilvl) in self._restarts:  # shown as the override, counted on from it
                counts[ilvl] = self._restarts[(num_id, ilvl)] - self._levels[(num_id, ilvl)][2]
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0

        def render(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            fmt, _, start = self._levels.get((num_id, level), ("decimal", "", 1))
            return _format(max(counts[level], 1) + start - 1, fmt)

        fmt, text, _ = self._levels[(num_id, ilvl)]
        return "" if fmt == "bullet" else re.sub(r"%(\d)", render, text)


def _level(lvl: Any) -> tuple[str, str, int]:
    """A list level's number format, its text (`%1、`) and its start."""
    return _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""), int(_val(lvl, "start", "1"))


def _val(node: Any, tag: str, default: str) -> str:
    child = node.find(f"{_WORD_NS}{tag}")
    value = None if child is None else child.get(f"{_WORD_NS}val")
    return default if value is None else str(value)
