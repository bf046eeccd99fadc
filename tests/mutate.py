"""Mutation test-bed: make a "next year" version of a real seed with known edits and the truth.

A seed's section tree is written back out as text (the old version) and, with mutations, as
the new version: headings renamed with synonyms, years advanced, sibling sections swapped,
sections dropped and inserted (from another seed), sentences edited, numbers changed,
sentences moved to another section, passages repeated. Numbered headings are renumbered as an
author would. Each written section records where its heading starts, so after segmenting both
versions the truth (which old section became which new one) is known exactly.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from docdiff.ingest import document_from_bytes
from docdiff.models import Contents, Document, Outline, Paragraph, Section, Table
from docdiff.segment import segment

SYNONYMS = {
    "提升": "增强",
    "加快": "加速",
    "推进": "推动",
    "建设": "打造",
    "持续": "不断",
    "全面": "全力",
    "强化": "加强",
    "完善": "健全",
    "优化": "改善",
    "发展": "进步",
    "促进": "助推",
    "深化": "深入",
}
_LOCAL_STYLES = {"cn-enum", "cn-paren", "arabic-paren", "chapter", "part", "section"}
_CN = "零一二三四五六七八九"
_YEAR = re.compile(r"(20[0-4]\d)(?=年)")
_NUMBER = re.compile(r"(?<![\d.、])(\d{2,4})(?=[台户家个项万亿%])")
_ENUMERATION = re.compile(r"([^，。；：、“”\d]{3,14})、([^，。；：、“”]{2,14})等(\d+)个项目")
NEW_PHRASES = ("虹口先锋示范", "北外滩新活力", "城区焕新计划", "数字虹口引擎")


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 40 → 四十 (enough for section numbering)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


@dataclass
class Node:
    """A section to write: its identity, heading and body lines, and children."""

    ident: int
    section: Section
    heading: str
    body: list[str]
    children: list[Node] = field(default_factory=list)
    keep_label: bool = False  # printed with its old number (siblings swapped without renumbering)
    full_stop: bool = False  # a standalone heading printed with a final 。
    wrapped: bool = False  # a long heading hard-wrapped onto a second line


@dataclass
class Mutated:
    """An old and a new text with the truth about which sections correspond and what changed."""

    old_text: str
    new_text: str
    old_ids: dict[int, int]  # heading start offset in old_text → section identity
    new_ids: dict[int, int]  # heading start offset in new_text → section identity
    truth: dict[int, int]  # old identity → new identity for every surviving section
    dropped: set[int]
    inserted: set[int]
    number_changes: list[tuple[str, str]] = field(default_factory=list)
    dropped_projects: list[str] = field(default_factory=list)
    added_phrases: list[str] = field(default_factory=list)
    moved_sentences: list[str] = field(default_factory=list)
    renamed: set[int] = field(default_factory=set)


def _tree(doc: Document, section: Section, counter: list[int]) -> Node:
    counter[0] += 1
    body: list[str] = []
    for block in section.blocks:
        if isinstance(block, Contents):
            continue
        if isinstance(block, Table):
            rows = ["\t".join(row) for row in block.rows]
            body.append("\n".join(([block.caption] if block.caption else []) + rows))
        elif isinstance(block, Paragraph):
            body.append(doc.normalised_slice(block.span))
    node = Node(counter[0], section, section.heading, body)
    node.children = [_tree(doc, child, counter) for child in section.children]
    return node


def _label(node: Node, number: int) -> str:
    section = node.section
    label = section.number_label or ""
    if section.style in ("arabic", "arabic-paren", "entry"):
        return re.sub(r"\d+", str(number), label, count=1)
    return re.sub(f"[{_CN}十百]+", cn_numeral(number), label, count=1)


class _Writer:
    def __init__(self, indent: str = "") -> None:
        self.parts: list[str] = []
        self.length = 0
        self.ids: dict[int, int] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.indent = indent  # printed before every paragraph (TAB and U+3000 in real reports)

    def add(self, text: str, ident: int | None = None) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        text = self.indent + text
        if ident is not None:
            self.ids[self.length + len(self.indent)] = ident
        self.parts.append(text)
        self.length += len(text)

    def heading(self, node: Node, label: str) -> str:
        """A numbered heading as a real draft may print it: with a full stop, or wrapped."""
        text = label + node.heading
        if node.wrapped and len(node.heading) >= 12:
            cut = len(label) + len(node.heading) * 3 // 4
            text = text[:cut] + "\n" + self.indent + text[cut:]
        return text + ("。" if node.full_stop else "")

    def number(self, node: Node, parent: int, global_arabic: bool) -> int:
        style = node.section.style
        key = (style, parent if (style in _LOCAL_STYLES or not global_arabic) else 0)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def write(self, node: Node, parent: int, global_arabic: bool) -> None:
        section = node.section
        body = list(node.body)
        if section.style == "topic":
            first = body.pop(0) if body else ""
            self.add(f"{node.heading}。{first}", node.ident)
        elif section.style == "entry":
            first = body.pop(0) if body else ""
            self.add(f"{_label(node, self.number(node, parent, False))}{node.heading}：{first}", node.ident)
        elif section.style == "article":
            first = body.pop(0) if body else ""
            self.add(f"{_label(node, self.number(node, parent, global_arabic))} {first}".rstrip(), node.ident)
        elif section.number_label:
            number = self.number(node, parent, global_arabic)
            label = section.number_label if node.keep_label else _label(node, number)
            self.add(self.heading(node, label), node.ident)
        else:
            self.add(node.heading, node.ident)
        for line in body:
            self.add(line)
        for child in node.children:
            self.write(child, node.ident, global_arabic)


def write(
    doc: Document, outline: Outline, root: Node, global_arabic: bool, indent: str = ""
) -> tuple[str, dict[int, int]]:
    """Text of a tree (title, front matter, sections) and where each section's heading starts."""
    writer = _Writer(indent)
    if outline.title:
        writer.add(outline.title)
    for line in root.body:
        writer.add(line)
    for child in root.children:
        writer.write(child, 0, global_arabic)
    return "".join(writer.parts), writer.ids


def advance_years(text: str) -> str:
    """Every `20xx年` one year later, as next year's report would say."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + 1), text)


def _walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out.extend(_walk(child))
    return out


def mutate(doc: Document, outline: Outline, donor: Outline, donor_doc: Document, seed: int) -> Mutated:
    """A mutated next version of `doc`, with `donor` sections available for insertion."""
    rng = random.Random(seed)
    counter = [0]
    old_root = _tree(doc, outline.root, counter)
    arabic = [s.number for s in outline.root.walk() if s.style == "arabic"]
    global_arabic = (
        len(arabic) > 1
        and arabic == list(range(1, len(arabic) + 1))
        and any(s.style == "arabic" and s.level == 2 for s in outline.root.walk())
    )
    old_text, old_ids = write(doc, outline, old_root, global_arabic)

    new_root = _tree(doc, outline.root, [0])
    nodes = _walk(new_root)[1:]
    result = Mutated(old_text, "", old_ids, {}, {}, set(), set())
    # Rename a few headings with synonyms.
    for node in rng.sample(nodes, k=min(len(nodes), max(1, len(nodes) // 8))):
        renamed = node.heading
        for word, synonym in SYNONYMS.items():
            if word in renamed:
                renamed = renamed.replace(word, synonym, 1)
                break
        else:
            renamed = "进一步" + renamed if node.section.style != "entry" else renamed + "机制"
        node.heading = renamed
        result.renamed.add(node.ident)
    # Swap two adjacent siblings somewhere.
    parents = [n for n in _walk(new_root) if len(n.children) >= 3 and n.children[0].section.style != "entry"]
    if parents:
        parent = rng.choice(parents)
        k = rng.randrange(len(parent.children) - 1)
        parent.children[k], parent.children[k + 1] = parent.children[k + 1], parent.children[k]
    # Layout faults of real drafts: two numbered siblings swapped without renumbering, headings
    # standing alone with a full stop, a long heading wrapped, a newspaper page marker, indentation.
    numbered = [
        n
        for n in _walk(new_root)
        if len(n.children) >= 2 and all(c.section.style in ("cn-paren", "cn-enum") for c in n.children[:2])
    ]
    if numbered:
        parent = rng.choice(numbered)
        parent.children[0], parent.children[1] = parent.children[1], parent.children[0]
        parent.children[0].keep_label = parent.children[1].keep_label = True
    headed = [n for n in _walk(new_root)[1:] if n.section.style in ("cn-paren", "cn-enum")]
    for node in rng.sample(headed, k=min(len(headed), 3)):
        node.full_stop = True
    long_headings = [n for n in headed if len(n.heading) >= 16 and not n.full_stop]
    if long_headings:
        rng.choice(long_headings).wrapped = True
    # Drop a leaf section (not the only child).
    leaves = [(p, c) for p in _walk(new_root) for c in p.children if not c.children and len(p.children) >= 2]
    if leaves:
        parent, child = rng.choice(leaves)
        parent.children.remove(child)
        result.dropped.add(child.ident)
    # Insert a section taken from the donor document at the top level.
    donors = [s for s in donor.root.walk()[1:] if s.level == 1 and s.blocks and s.style == "plain"]
    if donors:
        donated = _tree(donor_doc, rng.choice(donors), [10_000 + seed * 10])
        donated.children = []
        new_root.children.insert(rng.randrange(len(new_root.children) + 1), donated)
        result.inserted.add(donated.ident)
    # Edit sentences, change numbers, repeat a passage, move a sentence between sections.
    bodied = [n for n in _walk(new_root) if n.body and n.ident < 10_000]
    for node in rng.sample(bodied, k=min(len(bodied), max(1, len(bodied) // 6))):
        line = node.body[0]
        match = _NUMBER.search(line)
        if match:
            new_number = str(int(match.group(1)) + rng.randrange(1, 9))
            node.body[0] = line[: match.start()] + new_number + line[match.end() :]
            result.number_changes.append((match.group(1), new_number))
        else:
            pos = rng.randrange(len(line))
            node.body[0] = line[:pos] + "切实" + line[pos:]
    # Drop the first item of an enumerated list of projects, and add a new quoted phrase.
    for node in bodied:
        enumeration = _ENUMERATION.search(node.body[0])
        if enumeration:
            node.body[0] = node.body[0].replace(enumeration.group(1) + "、", "", 1)
            result.dropped_projects.append(enumeration.group(1))
            break
    phrase = rng.choice(NEW_PHRASES)
    rng.choice(bodied).body.append(f"坚持“{phrase}”理念，推动各项工作落地见效。")
    result.added_phrases.append(phrase)
    if len(bodied) >= 2:
        source, target = rng.sample(bodied, k=2)
        sentences = re.findall(r"[^。]+。", source.body[-1])
        movable = [s for s in sentences if len(s) >= 12 and s not in source.heading]
        if len(movable) >= 2:
            sentence = movable[-1]
            source.body[-1] = source.body[-1].replace(sentence, "", 1)
            target.body.append(sentence)
            result.moved_sentences.append(sentence)
        repeated = rng.choice(bodied)
        repeated.body.append(repeated.body[0][:60] + "。")
    marked = [n for n in _walk(new_root) if len(n.body) >= 2 and n.ident < 10_000]
    if marked:
        node = rng.choice(marked)
        node.body[1] = "（上接第1版）" + node.body[1]
        node.body.insert(1, "下转◆2版")
    indent = rng.choice(["", "\t", "\t\u3000\u3000", "\u3000\u3000"])
    new_text, new_ids = write(doc, outline, new_root, global_arabic, indent)
    new_text = advance_years(new_text)
    # Advancing years changes lengths only when a year gains a digit (never between 2000 and 2048).
    result.new_text, result.new_ids = new_text, new_ids
    survivors = {n.ident for n in _walk(new_root)}
    result.truth = {n.ident: n.ident for n in _walk(old_root)[1:] if n.ident in survivors}
    return result


def documents(mutated: Mutated) -> tuple[Document, Document]:
    """Both versions read as documents."""
    return (
        document_from_bytes(mutated.old_text.encode("utf-8"), "old"),
        document_from_bytes(mutated.new_text.encode("utf-8"), "new"),
    )


def identities(doc: Document, ids: dict[int, int]) -> dict[int, int]:
    """Flat index (as in `docdiff.flat.flatten`) → section identity, for sections found again."""
    from docdiff.flat import flatten

    found: dict[int, int] = {}
    for flat in flatten(doc, segment(doc))[1:]:
        span = flat.section.heading_span
        if span is None:
            continue
        start = doc.to_normalised(span)[0]
        ident = ids.get(doc.offsets[start]) if start < len(doc.offsets) else None
        if ident is not None:
            found[flat.index] = ident
    return found
