"""Build a `DuplicateReport` for documents: repeats inside each, reuse between them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docdiff.duplicates.engine import Engine
from docdiff.duplicates.locate import Locator
from docdiff.duplicates.models import DuplicateGroup, DuplicateReport, ReuseRatio
from docdiff.duplicates.repeats import Copies, find_repeats, make_group
from docdiff.duplicates.reuse import find_reuse
from docdiff.flat import FlatSection, flatten
from docdiff.models import Document, Outline
from docdiff.options import DuplicateOptions

Progress = Callable[[str, int, int], None]


def duplicate_report(
    documents: list[tuple[Document, Outline, str]],
    options: DuplicateOptions | None = None,
    progress: Progress | None = None,
    within_only: bool = False,
    flats: list[list[FlatSection]] | None = None,
    engine: Engine | None = None,
    repeats: Sequence[tuple[list[DuplicateGroup], int]] | None = None,
) -> DuplicateReport:
    """Repeats inside each (document, outline, label) and, unless `within_only`, passages reused
    between any two (scanned on `engine`'s workers if given). `repeats`, if given, are each
    document's `find_repeats` result already found (on the workers that read the documents)."""
    options = options or DuplicateOptions()
    groups: list[DuplicateGroup] = []
    excluded = 0
    locators = []
    for index, (doc, outline, label) in enumerate(documents):
        flat = flats[index] if flats is not None else flatten(doc, outline)
        found, left_out = repeats[index] if repeats is not None else find_repeats(doc, outline, label, options, flat)
        groups.extend(found)
        excluded += left_out
        locators.append(Locator(doc, outline, label, flat))
        if progress:
            progress("repeats", index + 1, len(documents))
    ratios: list[ReuseRatio] = []
    if len(documents) > 1 and not within_only:
        texts = [doc.normalised for doc, _, _ in documents]
        shared = find_reuse(
            texts,
            options,
            (lambda done, total: progress("fingerprints", done, total)) if progress else None,
            engine,
        )
        # Per pair of documents, the ranges of the first reused from the second (not a set of
        # character offsets: ranges cost two ints a passage, a set ~60 bytes a character).
        covered: dict[tuple[int, int], list[tuple[int, int]]] = {}
        copies = Copies()  # a passage shared by several documents becomes one group
        for passage in shared:
            block = passage.block
            copies.link(
                copies.node(block.a_start, block.a_end, passage.a),
                copies.node(block.b_start, block.b_end, passage.b),
                passage.similarity,
            )
            covered.setdefault((passage.a, passage.b), []).append((block.a_start, block.a_end))
            covered.setdefault((passage.b, passage.a), []).append((block.b_start, block.b_end))
        for root, nodes in copies.groups():
            ordered = sorted(nodes, key=lambda n: (copies.docs[n], copies.ranges[n]))
            occurrences = [locators[copies.docs[n]].occurrence(*copies.ranges[n]) for n in ordered]
            groups.append(make_group("reuse", occurrences, copies.similarity[root]))
        for (i, j), ranges in sorted(covered.items()):
            total = len(texts[i]) or 1
            chars = _union_length(ranges)
            ratios.append(
                ReuseRatio(doc=documents[i][2], other=documents[j][2], ratio=round(chars / total, 4), chars=chars)
            )
    groups.sort(key=lambda g: (-g.chars * len(g.occurrences), g.kind, g.occurrences[0].doc, g.occurrences[0].span))
    return DuplicateReport(groups=tuple(groups), ratios=tuple(ratios), excluded=excluded)


def _union_length(ranges: list[tuple[int, int]]) -> int:
    """Characters covered by the union of half-open ranges."""
    total = 0
    reach = -1
    for start, end in sorted(ranges):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total
