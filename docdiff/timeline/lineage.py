"""Section lineage: what each level-1 and level-2 section of a version became in the next.

Composed from the pairwise section verdicts of consecutive versions (a comparison's
`sections`, or any list of `SectionPair`s, such as a truth file's read into that shape):

- A pair between a level-1/2 section and a deeper one (a lead-sentence topic) counts for the
  level-1/2 section holding the deeper one, so a part folded into a topic of another part is a
  link to that part; a level change (a task promoted to a part) is a link like any other.
- The event of a link is read from the links of that step, not from one pair's status: a
  section with links to two sections was split, two sections with links to one were merged,
  whatever the aligner called each pair (a split whose pieces land in one section is none).
- A section gone one year whose heading comes back in a later one (same heading key) is
  linked across the gap, so its lineage goes on.
- `descendants` follows the links forward to the sections of a later year that a section's
  content reached.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from docdiff.comparison import Comparison, SectionPair, SectionRef
from docdiff.models import Document, Span
from docdiff.similarity import heading_key
from docdiff.timeline.models import SectionEvent, SectionLink, SectionNode

_TOP_LEVELS = 2


class _Nodes:
    """The level-1/2 sections of every version, indexed by (version, span)."""

    def __init__(self, labels: Sequence[str], documents: Sequence[Document]) -> None:
        self.labels, self.documents = labels, documents
        self.nodes: list[SectionNode] = []
        self.index: dict[tuple[int, Span], int] = {}
        self.spans: dict[int, list[tuple[Span, int]]] = {}
        self.version: list[int] = []

    def add(self, k: int, ref: SectionRef) -> None:
        if not 1 <= ref.level <= _TOP_LEVELS or (k, ref.span) in self.index:
            return
        text = self.documents[k].text
        self.index[(k, ref.span)] = len(self.nodes)
        self.spans.setdefault(k, []).append((ref.span, len(self.nodes)))
        self.version.append(k)
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

    def of(self, k: int) -> list[int]:
        """The nodes of version `k`, in the order they were met."""
        return [n for n, version in enumerate(self.version) if version == k]


def section_lineage(
    labels: Sequence[str], documents: Sequence[Document], comparisons: Sequence[Comparison]
) -> tuple[list[SectionNode], list[SectionLink]]:
    """Every level-1/2 section of every version and the links between consecutive versions."""
    return compose_lineage(labels, documents, [c.sections for c in comparisons])


def compose_lineage(
    labels: Sequence[str], documents: Sequence[Document], steps: Sequence[Sequence[SectionPair]]
) -> tuple[list[SectionNode], list[SectionLink]]:
    """The lineage composed from the section pairs of each version with the next (`steps[k]`
    pairs version `k` with `k + 1`)."""
    nodes = _Nodes(labels, documents)
    for k, pairs in enumerate(steps):
        for pair in pairs:
            if pair.old:
                nodes.add(k, pair.old)
            if pair.new:
                nodes.add(k + 1, pair.new)
    links: list[SectionLink] = []
    for k, pairs in enumerate(steps):
        edges = _edges(nodes, k, pairs)
        outgoing = Counter(old for old, _ in edges)
        incoming = Counter(new for _, new in edges)
        for (old, new), renamed in edges.items():
            event: SectionEvent = "continued"
            if outgoing[old] > 1:
                event = "split"
            elif incoming[new] > 1:
                event = "merged"
            elif renamed:
                event = "renamed"
            links.append(SectionLink(old_year=labels[k], new_year=labels[k + 1], old=old, new=new, event=event))
        for n in nodes.of(k):
            if n not in outgoing:
                links.append(SectionLink(old_year=labels[k], new_year=labels[k + 1], old=n, new=None, event="gone"))
        for n in nodes.of(k + 1):
            if n not in incoming:
                links.append(SectionLink(old_year=labels[k], new_year=labels[k + 1], old=None, new=n, event="new"))
    return nodes.nodes, links + _bridges(nodes.nodes, links, labels)


def _edges(nodes: _Nodes, k: int, pairs: Sequence[SectionPair]) -> dict[tuple[int, int], bool]:
    """(old node, new node) → renamed, for the pairs of version `k` with `k + 1`."""
    edges: dict[tuple[int, int], bool] = {}
    for pair in pairs:
        if pair.old is None or pair.new is None:
            continue
        if pair.old.level > _TOP_LEVELS and pair.new.level > _TOP_LEVELS:
            continue  # finer than the lineage
        old, new = nodes.holding(k, pair.old), nodes.holding(k + 1, pair.new)
        if old is None or new is None:
            continue
        exact = (k, pair.old.span) in nodes.index and (k + 1, pair.new.span) in nodes.index
        # The aligner's verdict for the pair itself; for a pair read up to its holders, the holders' headings.
        renamed = (
            pair.renamed if exact else heading_key(nodes.nodes[old].heading) != heading_key(nodes.nodes[new].heading)
        )
        edges[(old, new)] = edges.get((old, new), False) or renamed
    return edges


def _bridges(nodes: Sequence[SectionNode], links: Sequence[SectionLink], labels: Sequence[str]) -> list[SectionLink]:
    """Links over a gap: a section gone after one version and a section new in a version two or
    more later with the same heading key (nearest later version first, each used once)."""
    gone = [link.old for link in links if link.event == "gone" and link.old is not None]
    new = {link.new for link in links if link.event == "new" and link.new is not None}
    year = {label: k for k, label in enumerate(labels)}
    out: list[SectionLink] = []
    for old in gone:
        key, start = heading_key(nodes[old].heading), year[nodes[old].year]
        later = sorted(
            (year[nodes[n].year], n)
            for n in new
            if year[nodes[n].year] >= start + 2 and heading_key(nodes[n].heading) == key
        )
        if not later:
            continue
        target = later[0][1]
        new.discard(target)
        out.append(
            SectionLink(old_year=nodes[old].year, new_year=nodes[target].year, old=old, new=target, event="continued")
        )
    return out


def descendants(links: Sequence[SectionLink], start: int, last_year: str) -> set[int]:
    """The sections of `last_year` a section's content reached, following the links forward."""
    onward: dict[int, list[tuple[int, str]]] = {}
    for link in links:
        if link.old is not None and link.new is not None:
            onward.setdefault(link.old, []).append((link.new, link.new_year))
    reached: set[int] = set()
    seen, frontier = {start}, [start]
    while frontier:
        for node, year in onward.get(frontier.pop(), []):
            if node in seen:
                continue
            seen.add(node)
            if year == last_year:
                reached.add(node)
            else:
                frontier.append(node)
    return reached
