"""Phrases and projects followed across a series by the fact pairing of consecutive comparisons.

Each version's phrase (or project) is a node; a pair in the comparison of two consecutive
versions is an edge; a connected group of nodes is one row, so a phrase reworded in one year
stays one row and that year is where its wording changed. A pair that keeps a phrase's form
while its clause changed (the fact pairing's re-qualified formulation) is where a modifier
changed on the kept phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from docdiff.comparison import Comparison
from docdiff.facts.models import FactChange, FactKind, Target
from docdiff.timeline.models import PhraseRow, ProjectRow, Requalification

Node = tuple[int, str]  # (version index, form or name)
# Words saying a work was finished, in a review (`建成投用`, `竣工验收`); not `主体完工`, a stage.
_COMPLETED = re.compile(r"竣工|建成|投用|投入使用|通车")
# A clause, not the sentence: `时代广场开工建设，…一期投入使用` finishes only the second work.
_CLAUSE_ENDS = ("。", "！", "？", "；", ";", "，", ",", "\n")


class _Groups:
    """Union-find over nodes."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def add(self, node: Node) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: Node) -> Node:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: Node, b: Node) -> None:
        self.parent[self.find(a)] = self.find(b)

    def components(self) -> list[list[Node]]:
        found: dict[Node, list[Node]] = {}
        for node in self.parent:
            found.setdefault(self.find(node), []).append(node)
        return [sorted(group) for group in found.values()]


def requalified(change: FactChange) -> bool:
    """A kept phrase whose modifier changed: the pairing kept its form and its clause differs
    (`积极的财政政策要加力提效` → `积极的财政政策要更加积极有为`, a re-qualified formulation)."""
    return (
        change.kind == "phrase"
        and change.status == "changed"
        and change.old is not None
        and change.new is not None
        and change.old.metric == change.new.metric
        and change.old.text != change.new.text
    )


def _graph(kind: FactKind, comparisons: Sequence[Comparison]) -> tuple[_Groups, set[Node], dict[Node, FactChange]]:
    """Nodes and edges of one fact kind; the later nodes whose name changed in the pair; and
    the later nodes of a kept phrase whose modifier changed, with that pair."""
    groups = _Groups()
    reworded: set[Node] = set()
    modifiers: dict[Node, FactChange] = {}
    for k, comparison in enumerate(comparisons):
        for change in comparison.facts:
            if change.kind != kind:
                continue
            old = (k, change.old.metric or "") if change.old else None
            new = (k + 1, change.new.metric or "") if change.new else None
            for node in (old, new):
                if node is not None:
                    groups.add(node)
            if old and new:
                groups.join(old, new)
                if requalified(change):
                    modifiers.setdefault(new, change)
                elif change.status == "changed":
                    reworded.add(new)
    # The same name a year later is the same phrase or work, even where the pairing kept them
    # apart (a project moved from last year's plans to this year's review of what was done).
    seen = set(groups.parent)
    for version, name in seen:
        if (version + 1, name) in seen:
            groups.join((version, name), (version + 1, name))
    return groups, reworded, modifiers


def phrase_rows(labels: Sequence[str], comparisons: Sequence[Comparison], match: str | None) -> list[PhraseRow]:
    """Every phrase of the series with the years it is seen in, the years its wording changed
    and the years a modifier changed on it while it was kept."""
    groups, reworded, modifiers = _graph("phrase", comparisons)
    rows = []
    for group in groups.components():
        forms = tuple(dict.fromkeys(form for _, form in group))
        if match and not any(match in form for form in forms):
            continue
        years = tuple(labels[k] for k in sorted({k for k, _ in group}))
        changes = [(node, modifiers[node]) for node in group if node in modifiers]
        rows.append(
            PhraseRow(
                phrase=forms[0],
                forms=forms,
                first=years[0],
                last=years[-1],
                years=years,
                modified=tuple(labels[k] for k in sorted({k for k, f in group if (k, f) in reworded})),
                requalified=tuple(
                    Requalification(year=labels[k], old=change.old.text, new=change.new.text)
                    for (k, _), change in sorted(changes, key=lambda item: item[0])
                    if change.old is not None and change.new is not None
                ),
            )
        )
    return sorted(rows, key=lambda r: (labels.index(r.first), r.phrase))


def review_parts(targets: Sequence[Target]) -> str | None:
    """The top-level part holding most result targets: the version's review of the past year."""
    counts = Counter(t.section[0] for t in targets if t.tense == "result" and t.section)
    return counts.most_common(1)[0][0] if counts else None


def clause_at(text: str, span: tuple[int, int]) -> str:
    """The clause of `text` holding `span` (a project fact's text is its name alone)."""
    start = max(text.rfind(mark, 0, span[0]) for mark in _CLAUSE_ENDS) + 1
    ends = [i for i in (text.find(mark, span[1]) for mark in _CLAUSE_ENDS) if i >= 0]
    return text[start : min(ends, default=len(text))]


def project_rows(
    labels: Sequence[str],
    comparisons: Sequence[Comparison],
    reviews: Sequence[str | None],
    texts: Sequence[str],
    match: str | None,
) -> list[ProjectRow]:
    """Every project: announced, the years it is named, completed (a finishing word in its
    clause, in the review part), or dropped."""
    groups, _, _ = _graph("project", comparisons)
    done: set[Node] = set()
    for k, comparison in enumerate(comparisons):
        for change in comparison.facts:
            if change.kind != "project":
                continue
            for index, side in ((k, change.old), (k + 1, change.new)):
                if not side or not side.section or side.section[0] != reviews[index]:
                    continue
                if _COMPLETED.search(clause_at(texts[index], side.span)):
                    done.add((index, side.metric or ""))
    rows = []
    last = len(labels) - 1
    for group in groups.components():
        names = list(dict.fromkeys(name for _, name in group))
        if match and not any(match in name for name in names):
            continue
        present = sorted({k for k, _ in group})
        finished = min((k for k, name in group if (k, name) in done), default=None)
        dropped = present[-1] + 1 if finished is None and present[-1] < last else None
        rows.append(
            ProjectRow(
                name=names[0],
                announced=labels[present[0]],
                years=tuple(labels[k] for k in present),
                completed=labels[finished] if finished is not None else None,
                dropped=labels[dropped] if dropped is not None else None,
            )
        )
    return sorted(rows, key=lambda r: (labels.index(r.announced), r.name))
