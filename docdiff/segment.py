"""Cut a normalised document into a section tree.

Headings are found from the shape of lines (numbering, length, punctuation, what follows)
and placed by numbering continuity and context, not by pattern alone: a numbering style
already open in the tree continues as a sibling, a new style nests under the nearest
higher-ranked one, and a numbering that restarts at 1 inside an open run is a list, not a
heading. Tables of contents, tables and glossaries are recognised first, so their lines
never become sections.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from docdiff import blocks
from docdiff.blocks import Line
from docdiff.models import Block, Contents, Document, Outline, Section
from docdiff.numbering import RANK, Numbering, parse_numbering
from docdiff.options import SegmentOptions
from docdiff.textshape import SENTENCE_END, SOFT_END, ends_sentence, labelled, unclosed_opener

# What opens a subtitle or a byline under a title: a dash (`——`, `--`).
_DASH_LED = ("—", "--")
# A speaker's role and name, a space between (`市长 张某某`, `国务院总理 李克强`).
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{2,12}[ \u3000]+[\u4e00-\u9fff]{2,4}$")
# `1.北外滩：指…` on one line, or the term alone on its line with the definition under it.
_GLOSSARY_ENTRY = re.compile(r"^(\d{1,3})[.．、]\s*([^：:。，]{1,30}?)(?:[：:](.+)|[：:]?()$)")
_TOC_TITLE_CHARS = 6
# Entries of a glossary a later version may drop without renumbering the rest, one after another.
_ENTRY_GAP = 2
# Tested against whole lines with set.isdisjoint (in C), not a generator per character.
_SENTENCE_END_SET = frozenset(SENTENCE_END)
_CLAUSE_ENDS = frozenset(SENTENCE_END + "，：:")
_TOC_ENTRY_CHARS = 40
_MIN_ECHOED_ENTRIES = 3
# Sections whose paragraphs are never cut into topics.
_NO_TOPICS = ("document", "entry", "topic", "glossary")
# Numbering styles that make a heading only standing alone on their line, never run in.
_STANDALONE_ONLY = ("cn-ordinal",)
# Numbering styles that open the parts of a document; never nested under an unnumbered heading.
_TOP_STYLES = ("part", "chapter", "cn-enum")
# The caption of a box, a table or a figure (`专栏1 重大产业项目`, `图 1 北外滩功能区空间布局`): it
# labels material inside the section it stands in, so it opens no section of the document.
_CAPTION = re.compile(r"^(?:专栏|附表|表|图)\s*[\d一二三四五六七八九十]+(?![\d一二三四五六七八九十])")


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
    faulty: bool = False  # placed although its number breaks the sequence of its siblings


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
        # Numbering style → number of the last one-sentence line read as a list item, until a
        # heading opens: the run's next number is its next item.
        self.items: dict[str, int] = {}
        self.title: str | None = None
        self.topics_in_use = False

    def build(self) -> Outline:
        items = _group(self.doc, blocks.split_lines(self.doc.normalised))
        index = 0
        while index < len(items):
            index = self._take(items, index)
        self.topics_in_use = self._uses_topics(self.root)
        root = self._finish(self.root)
        return Outline(source=self.doc.source, title=self.title, root=root, warnings=tuple(numbering_faults(root)))

    # -- reading items -------------------------------------------------------------------

    def _take(self, items: list[_Item], index: int) -> int:
        item = items[index]
        if item.block is not None:
            self._tail().blocks.append(item.block)
            return index + 1
        line = item.line
        following = items[index + 1 : index + 1 + self.options.min_glossary_entries]
        if (
            index == 0
            and self._heading_shaped(line.text)
            and parse_numbering(line.text) is None
            and (not self._is_body(following) or self._headings_follow(items))
        ):
            # The first line, short and unnumbered, titles the whole text: a headline, even with
            # running text right under it when the text goes on to headings of its own.
            self.title = line.text
            self.root.heading_end = line.end
            return 1
        numbering = parse_numbering(line.text)
        if numbering and self._numbered(line, numbering, following):
            return index + 1
        # A line led by a dash is a subtitle or a byline (`——2025年1月15日在…会议上`), never a heading;
        # nor is a speaker's role and name before the first section (`市长 张某某`).
        byline = line.text.startswith(_DASH_LED) or (len(self.stack) == 1 and bool(_SIGNATURE.match(line.text)))
        if self._heading_shaped(line.text) and numbering is None and not byline:
            entries = self._glossary_entries(items, index + 1)
            terms_alone = any(match is not None and match.group(3) is None for _, match in entries)
            # Terms standing alone over their definitions read like numbered headings over their
            # bodies; only a glossary closing the text is read that way.
            closes_text = index + 1 + len(entries) == len(items)
            if sum(match is not None for _, match in entries) >= self.options.min_glossary_entries and (
                closes_text or not terms_alone
            ):
                self._glossary(line, entries)
                return index + 1 + len(entries)
            if self._is_body(following) and not _CAPTION.match(line.text):
                self._open(_Node(line.text, "plain", 1, line.start, line.end), parent=0)
                return index + 1
        self._tail().blocks.append((line.start, line.end))
        return index + 1

    def _tail(self) -> _Node:
        """The section text read now belongs to: the innermost one open, or, when that one has
        sections already (a glossary's entries), the last of them, innermost. A section's own
        text comes before its first subsection: text after a glossary is never the root's."""
        node = self.stack[-1]
        while node.children:
            node = node.children[-1]
        return node

    def _headings_follow(self, items: list[_Item]) -> bool:
        """Whether a heading-shaped line with running text under it comes after the first paragraph."""
        return any(
            item.block is None and self._heading_shaped(item.line.text) and self._is_body(items[index + 1 : index + 2])
            for index, item in enumerate(items[2:], start=2)
        )

    def _heading_shaped(self, text: str, longest: int | None = None) -> bool:
        return (
            len(text) <= (longest or self.options.max_heading_chars)
            and _SENTENCE_END_SET.isdisjoint(text)
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

    def _numbered(self, line: Line, numbering: Numbering, following: list[_Item]) -> bool:
        rest = line.text[numbering.rest_start :]
        body: tuple[int, int] | None = None
        standalone = False
        longest = self.options.max_numbered_heading_chars
        if numbering.style == "article":
            heading, heading_end = numbering.label, line.start + len(numbering.label)
            if rest:
                body = (line.start + numbering.rest_start, line.end)
        elif rest and self._numbered_heading_shaped(rest):
            # The heading stands alone on its line, with or without a full stop.
            heading, heading_end = rest.removesuffix("。"), line.end
            # The last item of a run of one-sentence lines is followed by something else: it is
            # still an item of the run, as the ones before it were (`（1）…。（2）…。` then `（二）`).
            # The next number of an open heading is its sibling, whatever follows it (the last
            # heading of a text ends it).
            next_item = self.items.get(numbering.style) == numbering.number - 1
            sibling = any(n.style == numbering.style and n.number == numbering.number - 1 for n in self.stack)
            standalone = (
                rest[-1] != "。" or sibling or (not next_item and self._is_running_text(following, numbering.style))
            )
        else:
            lead = _lead_sentence(rest, longest, self.options.min_topic_body_chars)
            if lead is None:
                # An item of a list (`1.地区生产总值增长6%左右；`): the next number is its next item,
                # even the last one, closed by a full stop (`5.…下降3%。`).
                self.items[numbering.style] = numbering.number
                return False
            heading = rest[: lead - 1]
            heading_end = line.start + numbering.rest_start + lead
            body = (heading_end, line.end)
        if rest.endswith("。") and body is None and not standalone:
            self.items[numbering.style] = numbering.number
            return False  # one sentence in a run of numbered sentences: a list item
        if numbering.style in _STANDALONE_ONLY and (body is not None or not standalone):
            return False  # 一是…。二是… run on in a paragraph: points of a list
        placed = self._place(numbering, standalone and self._is_body(following))
        if placed is None:
            return False
        parent, faulty = placed
        node = _Node(heading, numbering.style, 0, line.start, heading_end, numbering.label, numbering.number)
        node.faulty = faulty
        if body:
            node.blocks.append(body)
        self._open(node, parent)
        self.last_number[numbering.style] = numbering.number
        return True

    def _numbered_heading_shaped(self, rest: str) -> bool:
        """A numbered line's text that can be a whole heading: one clause or one sentence, not too long."""
        core = rest.removesuffix("。")
        return bool(core) and self._heading_shaped(core, self.options.max_numbered_heading_chars)

    def _is_running_text(self, following: list[_Item], style: str) -> bool:
        """Whether what follows a numbered sentence is text under it, not the next item of its run."""
        if following and following[0].block is None:
            numbering = parse_numbering(following[0].line.text)
            if numbering is not None and numbering.style == style:
                return False
        return self._is_body(following)

    def _place(self, numbering: Numbering, standalone: bool) -> tuple[int, bool] | None:
        """Index in the stack of the new heading's parent and whether its number is out of
        sequence, or None if it is a list item.

        Numbering continuity decides first. A heading standing alone on its line with body
        text under it stays a heading even when its number is out of order, repeated or
        skipped (a real draft's fault, reported in the outline's warnings), unless a list of
        its style is running.
        """
        faulty = standalone and numbering.style not in self.lists
        for depth in range(len(self.stack) - 1, 0, -1):
            node = self.stack[depth]
            if node.style == numbering.style:
                parent = self._sibling_or_list(depth, node, numbering)
                if parent is None and faulty and (numbering.number != 1 or node.faulty):
                    self.lists.pop(numbering.style, None)
                    return depth - 1, True
                return None if parent is None else (parent, False)
        rank = RANK[numbering.style]
        parent = 0
        for depth in range(len(self.stack) - 1, 0, -1):
            style = self.stack[depth].style
            if style not in RANK or RANK[style] < rank:
                parent = depth
                break
        if self.stack[parent].style == "article":
            return None  # （一） items inside an article are a list
        # 前言 … 一、: a top-level numbering is a sibling of an unnumbered part, unless it restarts
        # at 1 after the parts have run (an appendix numbering its own list inside itself).
        appendix = numbering.number == 1 and bool(self.last_number.get(numbering.style))
        if self.stack[parent].style == "plain" and numbering.style in _TOP_STYLES and not appendix:
            parent = 0
        expected = (1, self.last_number.get(numbering.style, 0) + 1)
        if numbering.number in expected:
            return parent, False
        return (parent, True) if faulty else None

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
        self.items.clear()
        node.level = self.stack[-1].level + 1
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def _glossary_entries(self, items: list[_Item], index: int) -> list[tuple[Line, re.Match[str] | None]]:
        """Consecutive `N.term：definition` lines numbered from 1 up (see `_ENTRY_GAP`), with any
        paragraphs continuing them.

        Returns every item consumed; continuation paragraphs carry no match.
        """
        entries: list[tuple[Line, re.Match[str] | None]] = []
        expected = 1
        for position in range(index, len(items)):  # not items[index:], a copy of the rest for each line
            item = items[position]
            if item.block is not None:
                break
            match = _GLOSSARY_ENTRY.match(item.line.text)
            # Numbered from 1, each entry after the one before: a later version may drop an entry
            # and keep the others' numbers (`9.` then `11.`), though never the first one.
            number = int(match.group(1)) if match is not None else 0
            if match is not None and expected <= number <= (expected + _ENTRY_GAP if entries else 1):
                entries.append((item.line, match))
                expected = number + 1
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
            definition = entries.pop()  # a paragraph after the last entry belongs to what follows
            last = entries[-1][1] if entries else None
            if last is not None and last.group(3) is None:
                entries.append(definition)  # … unless the last term stands over its definition
                break
        return entries

    def _glossary(self, line: Line, entries: list[tuple[Line, re.Match[str] | None]]) -> None:
        glossary = _Node(line.text, "glossary", 1, line.start, line.end)
        self._open(glossary, parent=0)
        for entry, match in entries:
            if match is None:
                glossary.children[-1].blocks.append((entry.start, entry.end))
                continue
            definition = 3 if match.group(3) is not None else 4
            node = _Node(
                match.group(2),
                "entry",
                2,
                entry.start,
                entry.start + match.start(definition),
                f"{match.group(1)}.",
                int(match.group(1)),
            )
            if match.group(3) is not None:
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
        """For each block of a section, the length of its topic lead sentence, if it opens with one.

        A topic sums its paragraph up (`项目投资扎实推进。`); a short first sentence stating a figure
        other than a year (`新建高标准农田18万亩。`) is the first of its facts, no topic."""
        leads = []
        for b in node.blocks:
            text = self.doc.normalised[b[0] : b[1]] if isinstance(b, tuple) else ""
            lead = _lead_sentence(text, self.options.max_topic_chars, self.options.min_topic_body_chars, plain=True)
            leads.append(None if lead is not None and _FIGURE.search(_YEAR.sub("", text[:lead])) else lead)
        return leads

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


def numbering_faults(root: Section) -> list[str]:
    """Numbering faults among sibling headings: a number out of order, repeated, or skipped.

    A run may continue the numbering of the same style under the previous parent (some
    reports number their `（一）…` straight through the parts); a restart at 1 is no fault.
    """
    faults: list[str] = []
    last_run: dict[str, int] = {}
    for parent in root.walk():
        runs: dict[str, list[Section]] = {}
        for child in parent.children:
            if child.number is not None and child.style not in ("entry", "topic"):
                runs.setdefault(child.style, []).append(child)
        where = f"under {labelled(parent.number_label, parent.heading)}" if parent.level else "at the top"
        for style, run in runs.items():
            previous = last_run.get(style, 0)
            first = run[0].number or 0
            if first not in (1, previous + 1):
                faults.append(f"{run[0].number_label} opens the run {where}")
            seen = {first}
            for before, after in itertools.pairwise(run):
                a, b = before.number or 0, after.number or 0
                if b == a:
                    faults.append(f"{after.number_label} repeated {where}")
                elif b < a:
                    faults.append(f"{after.number_label} after {before.number_label} {where}")
                elif any(n not in seen for n in range(a + 1, b)):
                    faults.append(f"{after.number_label} after {before.number_label} {where}: skipped")
                seen.add(b)
            last_run[style] = run[-1].number or 0
    return faults


# A figure a topic sentence does not state; a year it may (`2023年经济运行稳中向好`).
_FIGURE = re.compile(r"[0-9０-９]")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}年")


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


def _echoed_run(lines: list[Line], index: int, last_seen: dict[str, int]) -> int:
    """Length of a table of contents without page numbers starting at `index`, or 0.

    A run of at least `_MIN_ECHOED_ENTRIES` consecutive short heading lines, each of which the
    body prints again later, in the same order, after the run (a law's `目录` of chapters).
    """
    end = index
    while (
        end < len(lines)
        and len(lines[end].text) <= _TOC_ENTRY_CHARS
        and _CLAUSE_ENDS.isdisjoint(lines[end].text)
        and last_seen.get(lines[end].text, -1) > end
    ):
        end += 1
    run = lines[index:end]
    if len(run) < _MIN_ECHOED_ENTRIES:
        return 0
    later = [last_seen[line.text] for line in run]
    in_order = all(a < b for a, b in itertools.pairwise(later))
    return len(run) if in_order and min(later) >= end else 0


def _group(doc: Document, lines: list[Line]) -> list[_Item]:
    """Lines, with tables and tables of contents gathered into blocks."""
    items: list[_Item] = []
    last_seen = {line.text: position for position, line in enumerate(lines)}
    index = 0
    while index < len(lines):
        line = lines[index]
        echoed = _echoed_run(lines, index, last_seen)
        if blocks.is_toc_entry(line.text) or blocks.is_table_row(line.text) or echoed:
            toc = blocks.is_toc_entry(line.text) or bool(echoed)
            same = blocks.is_toc_entry if toc else blocks.is_table_row
            end = index + echoed if echoed else index
            while not echoed and end < len(lines) and same(lines[end].text):
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
