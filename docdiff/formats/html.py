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
    "section table tbody thead tfoot tr ul caption center".split()
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
    _walk(root, parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip(" ") for line in "".join(parts).split("\n")]
    lines = [re.sub(r" ?\t ?", "\t", line).strip("\t") for line in lines]
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise InputError(f"{source}: the HTML page has no body text")
    return text + "\n", encoding


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
