"""Section lineage: what each level-1 and level-2 section of a version became in the next.

Read from the alignments of consecutive comparisons. A pair between a level-1/2 section and
a deeper one (a lead-sentence topic) counts for the level-1/2 section holding the deeper
one, so a part folded into a topic of another part is a link to that part.
"""

from __future__ import annotations

from collections.abc import Sequence

from docdiff.comparison import Comparison, SectionRef
from docdiff.models import Document, Span
from docdiff.timeline.models import SectionEvent, SectionLink, SectionNode

_TOP_LEVELS = 2


class _Nodes:
    """The level-1/2 sections of every version, indexed by (version, span)."""

    def __init__(self, labels: Sequence[str], documents: Sequence[Document]) -> None:
        self.labels, self.documents = labels, documents
        self.nodes: list[SectionNode] = []
        self.index: dict[tuple[int, Span], int] = {}
        self.spans: dict[int, list[tuple[Span, int]]] = {}

    def add(self, k: int, ref: SectionRef) -> None:
        if not 1 <= ref.level <= _TOP_LEVELS or (k, ref.span) in self.index:
            return
        text = self.documents[k].text
        self.index[(k, ref.span)] = len(self.nodes)
        self.spans.setdefault(k, []).append((ref.span, len(self.nodes)))
        self.nodes.append(
            SectionNode(
                year=self.labels[k],
                level=ref.level,
                heading=ref.heading,
                number_label=ref.number_label,
                line=text.count("\n", 0, ref.span[0]) + 1,
            )
        )

    def holding(self, k: int, ref: SectionRef) -> int | None:
        """The node of `ref`, or of the deepest level-1/2 section holding it."""
        if (k, ref.span) in self.index:
            return self.index[(k, ref.span)]
        inside = [(span, n) for span, n in self.spans.get(k, []) if span[0] <= ref.span[0] and ref.span[1] <= span[1]]
        if not inside:
            return None
        return max(inside, key=lambda item: (self.nodes[item[1]].level, item[0][0]))[1]


def section_lineage(
    labels: Sequence[str], documents: Sequence[Document], comparisons: Sequence[Comparison]
) -> tuple[list[SectionNode], list[SectionLink]]:
    """Every level-1/2 section of every version and the links between consecutive versions."""
    nodes = _Nodes(labels, documents)
    for k, comparison in enumerate(comparisons):
        for pair in comparison.sections:
            if pair.old:
                nodes.add(k, pair.old)
            if pair.new:
                nodes.add(k + 1, pair.new)
    links: list[SectionLink] = []
    for k, comparison in enumerate(comparisons):
        seen: dict[tuple[int, int], SectionEvent] = {}
        for pair in comparison.sections:
            if pair.old is None or pair.new is None:
                continue
            if pair.old.level > _TOP_LEVELS and pair.new.level > _TOP_LEVELS:
                continue  # finer than the lineage
            old, new = nodes.holding(k, pair.old), nodes.holding(k + 1, pair.new)
            if old is None or new is None:
                continue
            event: SectionEvent = "continued"
            if pair.status == "split":
                event = "split"
            elif pair.status == "merged":
                event = "merged"
            elif pair.renamed:
                event = "renamed"
            if (old, new) not in seen or seen[(old, new)] == "continued":
                seen[(old, new)] = event
        outgoing = {o for o, _ in seen}
        incoming = {n for _, n in seen}
        for (old, new), event in seen.items():
            links.append(SectionLink(old_year=labels[k], new_year=labels[k + 1], old=old, new=new, event=event))
        for n, node in enumerate(nodes.nodes):
            if node.year == labels[k] and n not in outgoing:
                links.append(SectionLink(old_year=labels[k], new_year=labels[k + 1], old=n, new=None, event="gone"))
            if node.year == labels[k + 1] and n not in incoming:
                links.append(SectionLink(old_year=labels[k], new_year=labels[k + 1], old=None, new=n, event="new"))
    return nodes.nodes, links


def descendants(links: Sequence[SectionLink], start: int, last_year: str) -> set[int]:
    """The sections of `last_year` a section's content reached, following the links year by year."""
    frontier = {start}
    while True:
        step = {link.new for link in links if link.old in frontier and link.new is not None}
        if not step:
            return set()
        years = {link.new_year for link in links if link.old in frontier and link.new is not None}
        frontier = step
        if last_year in years:
            return frontier
