"""Cut a normalised document into a section tree.

Headings are found from the shape of lines (numbering, length, punctuation, what follows)
and placed by numbering continuity and context, not by pattern alone: a numbering style
already open in the tree continues as a sibling, a new style nests under the nearest
higher-ranked one, and a numbering that restarts at 1 inside an open run is a list, not a
heading. Tables of contents, tables and glossaries are recognised first, so their lines
never become sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docdiff import blocks
from docdiff.blocks import Line
from docdiff.models import Block, Contents, Document, Outline, Section
from docdiff.numbering import RANK, Numbering, parse_numbering
from docdiff.options import SegmentOptions
from docdiff.textshape import SENTENCE_END, SOFT_END, ends_sentence, unclosed_opener

_GLOSSARY_ENTRY = re.compile(r"^(\d{1,3})[.．、]\s*([^：:。，]{1,30}?)[：:](.+)$")
_TOC_TITLE_CHARS = 6
# Sections whose paragraphs are never cut into topics.
_NO_TOPICS = ("document", "entry", "topic", "glossary")
# Numbering styles that open the parts of a document; never nested under an unnumbered heading.
_TOP_STYLES = ("part", "chapter", "cn-enum")


@dataclass
class _Node:
    """A section under construction; offsets are normalised."""

    heading: str
    style: str
    level: int
    start: int
    heading_end: int
    label: str | None = None
    number: int | None = None
    blocks: list[Block | tuple[int, int]] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    end: int = 0


@dataclass
class _Item:
    """A line, or a group of lines already recognised as a table or a table of contents."""

    line: Line
    block: Block | None = None


def segment(doc: Document, options: SegmentOptions | None = None) -> Outline:
    """Build the section tree of a normalised document."""
    return _Builder(doc, options or SegmentOptions()).build()


class _Builder:
    def __init__(self, doc: Document, options: SegmentOptions) -> None:
        self.doc = doc
        self.options = options
        self.root = _Node("", "document", 0, 0, 0)
        self.stack: list[_Node] = [self.root]
        self.last_number: dict[str, int] = {}
        self.lists: dict[str, int] = {}  # numbering style → last number of a list running in the text
        self.title: str | None = None
        self.topics_in_use = False

    def build(self) -> Outline:
        items = _group(self.doc, blocks.split_lines(self.doc.normalised))
        index = 0
        while index < len(items):
            index = self._take(items, index)
        self.topics_in_use = self._uses_topics(self.root)
        root = self._finish(self.root)
        return Outline(source=self.doc.source, title=self.title, root=root)

    # -- reading items -------------------------------------------------------------------

    def _take(self, items: list[_Item], index: int) -> int:
        item = items[index]
        if item.block is not None:
            self.stack[-1].blocks.append(item.block)
            return index + 1
        line = item.line
        following = items[index + 1 : index + 1 + self.options.min_glossary_entries]
        if index == 0 and self._heading_shaped(line.text) and not self._is_body(following):
            self.title = line.text
            self.root.heading_end = line.end
            return 1
        numbering = parse_numbering(line.text)
        if numbering and self._numbered(line, numbering):
            return index + 1
        if self._heading_shaped(line.text) and numbering is None:
            entries = self._glossary_entries(items, index + 1)
            if sum(match is not None for _, match in entries) >= self.options.min_glossary_entries:
                self._glossary(line, entries)
                return index + 1 + len(entries)
            if self._is_body(following):
                self._open(_Node(line.text, "plain", 1, line.start, line.end), parent=0)
                return index + 1
        self.stack[-1].blocks.append((line.start, line.end))
        return index + 1

    def _heading_shaped(self, text: str) -> bool:
        return (
            len(text) <= self.options.max_heading_chars
            and not any(ch in SENTENCE_END for ch in text)
            and not text.endswith(("：", ":"))
            and text[-1] not in SOFT_END
            and unclosed_opener(text) is None
        )

    def _is_body(self, following: list[_Item]) -> bool:
        """Whether what follows a line is running text (so the line can head it)."""
        if not following or following[0].block is not None:
            return bool(following) and not isinstance(following[0].block, Contents)
        text = following[0].line.text
        if parse_numbering(text) is not None:
            return True
        return len(text) > self.options.max_heading_chars or (ends_sentence(text) and not text.endswith(("：", ":")))

    def _numbered(self, line: Line, numbering: Numbering) -> bool:
        rest = line.text[numbering.rest_start :]
        body: tuple[int, int] | None = None
        if numbering.style == "article":
            heading, heading_end = numbering.label, line.start + len(numbering.label)
            if rest:
                body = (line.start + numbering.rest_start, line.end)
        elif self._heading_shaped(rest) and rest:
            heading, heading_end = rest, line.end
        else:
            lead = _lead_sentence(rest, self.options.max_heading_chars, self.options.min_topic_body_chars)
            if lead is None:
                return False
            heading = rest[: lead - 1]
            heading_end = line.start + numbering.rest_start + lead
            body = (heading_end, line.end)
        parent = self._place(numbering)
        if parent is None:
            return False
        node = _Node(heading, numbering.style, 0, line.start, heading_end, numbering.label, numbering.number)
        if body:
            node.blocks.append(body)
        self._open(node, parent)
        self.last_number[numbering.style] = numbering.number
        return True

    def _place(self, numbering: Numbering) -> int | None:
        """Index in the stack of the new heading's parent, or None if it is a list item."""
        for depth in range(len(self.stack) - 1, 0, -1):
            node = self.stack[depth]
            if node.style == numbering.style:
                return self._sibling_or_list(depth, node, numbering)
        rank = RANK[numbering.style]
        parent = 0
        for depth in range(len(self.stack) - 1, 0, -1):
            style = self.stack[depth].style
            if style not in RANK or RANK[style] < rank:
                parent = depth
                break
        if self.stack[parent].style == "plain" and numbering.style in _TOP_STYLES:
            parent = 0  # 前言 … 一、: a top-level numbering is a sibling of an unnumbered part
        expected = (1, self.last_number.get(numbering.style, 0) + 1)
        return parent if numbering.number in expected else None

    def _sibling_or_list(self, depth: int, node: _Node, numbering: Numbering) -> int | None:
        """A heading of a style already open: the next sibling, or an item of a list inside it.

        A numbering that restarts at 1 opens a list; while that list runs, its next number is
        a list item even where it also continues the headings (一、二、三 inside 二、).
        """
        listed = self.lists.get(numbering.style)
        if listed is not None and numbering.number == listed + 1:
            self.lists[numbering.style] = numbering.number
            return None
        if node.number is not None and numbering.number > node.number:
            self.lists.pop(numbering.style, None)
            return depth - 1
        if numbering.number == 1:
            self.lists[numbering.style] = 1
        return None

    def _open(self, node: _Node, parent: int) -> None:
        del self.stack[parent + 1 :]
        node.level = self.stack[-1].level + 1
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def _glossary_entries(self, items: list[_Item], index: int) -> list[tuple[Line, re.Match[str] | None]]:
        """Consecutive `N.term：definition` lines numbered from 1, with any paragraphs continuing them.

        Returns every item consumed; continuation paragraphs carry no match.
        """
        entries: list[tuple[Line, re.Match[str] | None]] = []
        expected = 1
        for item in items[index:]:
            if item.block is not None:
                break
            match = _GLOSSARY_ENTRY.match(item.line.text)
            if match is not None and int(match.group(1)) == expected:
                entries.append((item.line, match))
                expected += 1
            elif (
                entries
                and match is None
                and parse_numbering(item.line.text) is None
                and not self._heading_shaped(item.line.text)
            ):
                entries.append((item.line, None))
            else:
                break
        while entries and entries[-1][1] is None:
            entries.pop()  # a paragraph after the last entry belongs to what follows
        return entries

    def _glossary(self, line: Line, entries: list[tuple[Line, re.Match[str] | None]]) -> None:
        glossary = _Node(line.text, "glossary", 1, line.start, line.end)
        self._open(glossary, parent=0)
        for entry, match in entries:
            if match is None:
                glossary.children[-1].blocks.append((entry.start, entry.end))
                continue
            node = _Node(
                match.group(2),
                "entry",
                2,
                entry.start,
                entry.start + match.start(3),
                f"{match.group(1)}.",
                int(match.group(1)),
            )
            node.blocks.append((entry.start + match.start(3), entry.end))
            glossary.children.append(node)
        del self.stack[1:]

    # -- finishing -------------------------------------------------------------------------

    def _finish(self, node: _Node) -> Section:
        if not node.children and node.style not in _NO_TOPICS:
            self._split_topics(node)
        children = tuple(self._finish(child) for child in node.children)
        made = tuple(self._block(block) for block in node.blocks)
        end = self._norm_end(node)
        start = node.start if node.style != "document" else 0
        return Section(
            heading=node.heading,
            number_label=node.label,
            number=node.number,
            style=node.style,
            level=node.level,
            span=self.doc.to_original(start, end) if end > start else (0, 0),
            heading_span=self.doc.to_original(node.start, node.heading_end) if node.heading_end > node.start else None,
            blocks=made,
            children=children,
        )

    def _norm_end(self, node: _Node) -> int:
        """Normalised end of a section: its last block or its last child's end."""
        ends = [node.heading_end]
        for block in node.blocks:
            ends.append(block[1] if isinstance(block, tuple) else self.doc.to_normalised(block.span)[1])
        if node.children:
            ends.append(self._norm_end(node.children[-1]))
        return max(ends)

    def _block(self, block: Block | tuple[int, int]) -> Block:
        if isinstance(block, tuple):
            return blocks.paragraph(self.doc, *block)
        return block

    def _topic_leads(self, node: _Node) -> list[int | None]:
        """For each block of a section, the length of its topic lead sentence, if it opens with one."""
        return [
            _lead_sentence(
                self.doc.normalised[b[0] : b[1]],
                self.options.max_topic_chars,
                self.options.min_topic_body_chars,
                plain=True,
            )
            if isinstance(b, tuple)
            else None
            for b in node.blocks
        ]

    def _uses_topics(self, node: _Node) -> bool:
        """Whether some section of the document has enough topic paragraphs to show the style is used."""
        if not node.children and node.style not in _NO_TOPICS:
            leads = self._topic_leads(node)
            if sum(lead is not None for lead in leads) >= self.options.min_topic_siblings:
                return True
        return any(self._uses_topics(child) for child in node.children)

    def _split_topics(self, node: _Node) -> None:
        """Paragraphs opening with a short lead sentence (`投资促进成效显著。…`) become topic sections.

        A section needs `min_topic_siblings` such paragraphs, or one if the document already
        writes topics that way elsewhere (context decides, not the pattern alone).
        """
        leads = self._topic_leads(node)
        topics = sum(lead is not None for lead in leads)
        if not topics or (topics < self.options.min_topic_siblings and not self.topics_in_use):
            return
        kept: list[Block | tuple[int, int]] = []
        current: _Node | None = None
        for block, lead in zip(node.blocks, leads, strict=True):
            if isinstance(block, tuple) and lead is not None:
                start = block[0]
                current = _Node(
                    self.doc.normalised[start : start + lead - 1],
                    "topic",
                    node.level + 1,
                    start,
                    start + lead,
                )
                current.blocks.append((start + lead, block[1]))
                node.children.append(current)
            elif current is not None:
                current.blocks.append(block)
            else:
                kept.append(block)
        node.blocks = kept


def _lead_sentence(text: str, max_chars: int, min_body: int, plain: bool = False) -> int | None:
    """Length (full stop included) of a short opening sentence followed by more text, if any.

    With `plain`, the sentence must be a bare clause, without commas or colons, as topic
    sentences are.
    """
    stop = text.find("。")
    if stop <= 1 or stop > max_chars or len(text) - stop - 1 < min_body:
        return None
    lead = text[:stop]
    if plain and any(ch in "，,；;：:！？“”" for ch in lead):
        return None
    return stop + 1


def _group(doc: Document, lines: list[Line]) -> list[_Item]:
    """Lines, with tables and tables of contents gathered into blocks."""
    items: list[_Item] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if blocks.is_toc_entry(line.text) or blocks.is_table_row(line.text):
            toc = blocks.is_toc_entry(line.text)
            same = blocks.is_toc_entry if toc else blocks.is_table_row
            end = index
            while end < len(lines) and same(lines[end].text):
                end += 1
            group = lines[index:end]
            head: Line | None = None
            if items and items[-1].block is None:
                previous = items[-1].line.text
                if (toc and len(previous) <= _TOC_TITLE_CHARS) or (not toc and blocks.is_table_caption(previous)):
                    head = items.pop().line
            block: Block = blocks.contents(doc, group, head) if toc else blocks.table(doc, group, head)
            items.append(_Item(head or group[0], block))
            index = end
            continue
        items.append(_Item(line))
        index += 1
    return items
