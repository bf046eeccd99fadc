"""HTML → text: the main content of a (government portal) page, one block element a line.

Navigation, headers, footers, scripts, styles and forms are dropped; the article is the
first element matching a known content container, else `<main>`/`<article>`, else the
element holding the most paragraph text. Inline markup joins into its line; each block
element (`p`, `div`, `h1`–`h6`, `li`, `tr`, ...) starts a new line and table cells are
separated by tabs, so the segmenter sees headings and table rows as in a text file.
"""

from __future__ import annotations

import re
from typing import Any

from docdiff.errors import InputError
from docdiff.formats import grid_row

_DROP = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, menu"
# Content containers of common Chinese government site builders (TRS, UCAP, Hanweb) and blogs.
_CONTENT = (
    "#UCAP-CONTENT",
    ".TRS_Editor",
    ".TRS_UEDITOR",
    "#zoom",
    ".pages_content",
    ".article-content",
    ".article_con",
    "#content",
    "main",
    "article",
)
_BLOCKS = frozenset(
    "address article blockquote body dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre "
    "section tbody thead tfoot tr ul caption center".split()
)
_CELLS = frozenset({"td", "th"})


def read_html(raw: bytes, source: str) -> tuple[str, str]:
    """The main text of an HTML page and the encoding its bytes were decoded with."""
    from selectolax.lexbor import LexborHTMLParser

    from docdiff.ingest import decode

    markup, encoding = decode(raw, source)
    tree = LexborHTMLParser(markup)
    for node in tree.css(_DROP):
        node.decompose()
    root = _main(tree)
    if root is None:
        raise InputError(f"{source}: the HTML page has no body text")
    parts: list[str] = []
    title = _title_outside(tree, root)
    if title:
        parts.extend((title, "\n"))
    _walk(root, parts)
    # Spaces collapse to one; a table row's tabs stay, one between each two cells (see `_table`).
    lines = [re.sub(r"[ \u00a0]+", " ", line).strip(" ") for line in "".join(parts).split("\n")]
    lines = [re.sub(r" ?\t ?", "\t", line).rstrip("\t") for line in lines]
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise InputError(f"{source}: the HTML page has no body text")
    return text + "\n", encoding


# What separates a page's title from its site's name: `标题_某某市人民政府`, `标题 - 网站`, `标题|网站`.
_TITLE_PARTS = re.compile(r"[_|｜]|[-—–]{1,2}(?=[^-—–]*$)")


def _title_outside(tree: Any, root: Any) -> str:
    """The article's title when the content container leaves it out (`<h1>` above `.TRS_Editor`):
    a heading outside the container that the first part of the page's `<title>` holds
    (`2025年政府工作报告` of `2025年政府工作报告_某某市人民政府`; the site's name after the mark
    never is)."""
    page_title = tree.css_first("title")
    whole = re.sub(r"\s+", "", page_title.text()) if page_title is not None else ""
    title = _TITLE_PARTS.split(whole, maxsplit=1)[0]
    if not title or root.css_first("h1, h2") is not None:
        return ""
    for heading in tree.css("h1, h2"):
        text = re.sub(r"\s+", " ", heading.text()).strip()
        if len(text) >= 4 and text.replace(" ", "") in title:
            return text
    return ""


def _main(tree: Any) -> Any:
    for selector in _CONTENT:
        node = tree.css_first(selector)
        if node is not None and len(node.text(strip=True)) >= 200:
            return node
    best, best_chars = tree.body, 0
    for node in tree.css("div, section, td"):
        chars = sum(len(p.text(strip=True)) for p in node.css("p"))
        # The innermost container of most of the paragraphs: a deeper node wins ties.
        if chars >= best_chars and chars > 0:
            best, best_chars = node, chars
    return best


def _walk(node: Any, parts: list[str]) -> None:
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            parts.append(re.sub(r"\s+", " ", child.text_content or ""))
        elif tag == "br":
            parts.append("\n")
        elif tag == "table":
            _table(child, parts)
        elif tag in _BLOCKS:
            parts.append("\n")
            _walk(child, parts)
            parts.append("\n")
        elif tag in _CELLS:
            parts.append("\t")
            _walk(child, parts)
            parts.append("\t")
        elif not tag.startswith("-"):
            _walk(child, parts)
        child = child.next


def _table(table: Any, parts: list[str]) -> None:
    """A table as one line a row, its cells tab-separated in the columns they stand in: a cell
    spanning rows (`rowspan`, a category beside several indicators) or columns (`colspan`, a name
    over the category and indicator columns) is repeated in each, so every row's cells keep their
    header's column."""
    carried: dict[int, tuple[str, int]] = {}  # column → text of a cell spanning down, rows it still fills
    parts.append("\n")
    for row in _rows(table):
        cells: list[str] = []
        for cell in _row_cells(row):
            _fill_down(cells, carried)
            inner: list[str] = []
            _walk(cell, inner)
            text = re.sub(r"\s+", " ", "".join(inner)).strip()
            down, across = _span(cell, "rowspan"), _span(cell, "colspan")
            for _ in range(across):
                if down > 1:
                    carried[len(cells)] = (text, down - 1)
                cells.append(text)
        _fill_down(cells, carried)
        if any(cells):
            parts.append("\t".join(grid_row(cells)) + "\n")
    parts.append("\n")


def _fill_down(cells: list[str], carried: dict[int, tuple[str, int]]) -> None:
    """Put the cells spanning down from rows above into the row's next columns."""
    while len(cells) in carried:
        text, left = carried.pop(len(cells))
        if left > 1:
            carried[len(cells)] = (text, left - 1)
        cells.append(text)


def _rows(table: Any) -> list[Any]:
    """The table's own rows, in order (inside `thead`, `tbody`, `tfoot` or directly under it)."""
    rows = []
    child = table.child
    while child is not None:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(_rows(child))
        child = child.next
    return rows


def _row_cells(row: Any) -> list[Any]:
    cells = []
    child = row.child
    while child is not None:
        if child.tag in _CELLS:
            cells.append(child)
        child = child.next
    return cells


def _span(cell: Any, name: str) -> int:
    """A cell's `rowspan` or `colspan` (1 when missing or not a small number)."""
    value = (cell.attributes.get(name) or "").strip()
    return min(int(value), 50) if value.isdigit() and int(value) > 0 else 1
