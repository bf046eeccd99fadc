"""Markdown → text: one heading, paragraph, list item or table row a line, without the markup.

A work report converted from a web page or a word processor often arrives as Markdown: `#`
marks its headings, `|` its tables, `**` its emphasis. Read as plain text, the marks stay in the
headings (`###一、主要指标`) and a table is one line of pipes that no indicator reader sees. The
file is parsed by markdown-it-py (CommonMark, with tables and strikethrough; a YAML front matter
block is skipped) and written out as the other readers write their text:

- a heading, a paragraph, a list item, a quote's paragraph: one line of its words, the marks
  gone (`## 第一章 发展目标` → `第一章 发展目标`), an ordered item keeping its number (`1.`),
  which may be the document's own numbering;
- a table: one line a row, its cells tab-separated (see `grid_row`);
- a code block: its lines as they are; raw HTML: its text, tags dropped.

A line broken inside a paragraph joins without a space next to a Han character or a full-width
mark (Chinese text is hard-wrapped without spaces), with one between two Latin words.
"""

from __future__ import annotations

import re
from typing import Any

from docdiff.errors import InputError
from docdiff.formats import grid_row

_HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_TAG = re.compile(r"<[^>]*>")


def read_markdown(raw: bytes, source: str) -> tuple[str, str]:
    """The text of a Markdown file and the encoding its bytes were decoded with."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    from docdiff.ingest import decode

    markup, encoding = decode(raw, source)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    lines = _lines(parser.parse(markup))
    text = "\n".join(line for line in (re.sub(r"[ \u00a0]+", " ", line).strip(" ") for line in lines) if line)
    if not text.strip():
        raise InputError(f"{source}: the Markdown file has no text")
    return text + "\n", encoding


def _lines(tokens: list[Any]) -> list[str]:
    """The lines of a token stream: one per block that holds words, one per table row."""
    lines: list[str] = []
    row: list[str] | None = None
    pending = ""  # an ordered item's number (`1.`), put before the first line the item holds
    for token in tokens:
        kind = token.type
        if kind == "list_item_open":
            pending = f"{token.info}{token.markup}" if token.info else ""
        elif kind == "list_item_close":
            pending = ""
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            if any(row):
                lines.append("\t".join(grid_row(row)))
            row = None
        elif kind == "inline":
            words = _inline(token.children or [])
            if row is not None:
                row.append(words.replace("\t", " ").strip())
            else:
                lines.extend(_labelled(pending, words).split("\n"))
                pending = ""
        elif kind in ("fence", "code_block"):
            lines.extend(token.content.split("\n"))
        elif kind == "html_block":
            lines.extend(_TAG.sub("", token.content).split("\n"))
    return lines


def _labelled(label: str, words: str) -> str:
    return f"{label}{words}" if label and words else words


def _inline(children: list[Any]) -> str:
    """The words of an inline run: text, code and image descriptions, the marks dropped."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "image":
            parts.append(_inline(child.children or []))
        elif kind == "softbreak":
            parts.append("\x00")  # decided below, once both neighbours are known
        elif kind == "hardbreak":
            parts.append("\n")
    text = "".join(parts)
    return re.sub(r"(.?)\x00(.?)", _join, text)


def _join(match: re.Match[str]) -> str:
    """A soft line break: nothing next to a Han character or a full-width mark, a space otherwise."""
    before, after = match.group(1), match.group(2)
    glue = "" if _HAN.match(before or " ") or _HAN.match(after or " ") else " "
    return f"{before}{glue}{after}"
