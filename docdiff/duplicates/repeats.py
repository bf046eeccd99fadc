"""Passages repeated inside one document, grouped once per passage with all their copies."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import defaultdict
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from docdiff.duplicates.hashing import codes, kgram_hashes
from docdiff.duplicates.locate import Locator
from docdiff.duplicates.matching import Block, across_edits, chain, verified
from docdiff.duplicates.models import Difference, DuplicateGroup, Occurrence
from docdiff.duplicates.runs import self_exact_blocks
from docdiff.flat import FlatSection
from docdiff.models import Document, Outline
from docdiff.options import DuplicateOptions
from docdiff.sorted_runs import grouped_order, run_starts

# Two sightings of a copy that overlap this much (share of the longer) are the same copy.
_SAME_COPY = 0.8
_BUCKET = 64
_SEED_REACH = 2
_MAX_DIFFERENCE_CHARS = 2000
# A group whose copies are this much covered by a larger group's copies adds nothing.
_EXPLAINED = 0.9


def seed_k(min_chars: int) -> int:
    """k-gram length for seeds: short enough that a near copy keeps an exact stretch of k."""
    return max(4, min_chars // 3)


def find_repeats(
    doc: Document, outline: Outline, label: str, options: DuplicateOptions, flat: list[FlatSection] | None = None
) -> tuple[list[DuplicateGroup], int]:
    """Groups of repeated passages in one document, and how many groups were excluded as headings."""
    text = doc.normalised
    k = seed_k(options.min_chars)
    points = codes(text)
    hashes = kgram_hashes(points, k)
    first, second = _seed_arrays(hashes, options.max_kgram_repeats, points, k)
    blocks = chain(self_exact_blocks(text, points, first, second, k), options.max_gap)
    blocks = across_edits(text, text, blocks, options.max_gap, same=True, min_chars=options.min_chars)
    pairs = verified(text, text, blocks, options.min_chars, options.threshold)
    locator = Locator(doc, outline, label, flat)
    groups, excluded = _group(text, pairs, options, locator)
    return groups, excluded


def _seed_arrays(
    hashes: NDArray[np.uint64], max_repeats: int, points: NDArray[np.uint64], k: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Pairs of nearby sightings of the same k-gram, as two arrays (first positions, second
    positions), sorted by the first position (then the second)."""
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # Each k-gram's sightings side by side in text order, so neighbours in `order` that share a
    # hash are neighbouring sightings (which k-gram comes first does not matter: the seeds are
    # sorted by position below); all of it in numpy, no Python tuple per seed.
    order = grouped_order(hashes)
    ordered = hashes[order]
    starts = np.flatnonzero(run_starts(ordered))
    counts = np.diff(np.concatenate([starts, [len(ordered)]]))
    count_of = np.repeat(counts, counts)
    firsts: list[NDArray[np.int64]] = []
    seconds: list[NDArray[np.int64]] = []
    # Neighbouring sightings (and the next but one, past an unrelated use of a common
    # phrase) are enough: grouping links copies transitively, and seeds stay linear in m.
    for reach in range(1, _SEED_REACH + 1):
        same = (ordered[:-reach] == ordered[reach:]) & (count_of[:-reach] <= max_repeats)
        firsts.append(order[:-reach][same])
        seconds.append(order[reach:][same])
    first = np.concatenate(firsts)
    second = np.concatenate(seconds)
    by_position = np.lexsort((second, first))
    first, second = first[by_position], second[by_position]
    return _uncovered(points, first, second, k)


def _uncovered(
    points: NDArray[np.uint64], first: NDArray[np.int64], second: NDArray[np.int64], k: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Seeds less those inside a long repeat: a seed whose diagonal neighbour one character
    back is also a seed, with that character the same on both sides, lies in the block grown
    from the neighbour (which matches from one before it to k after it), so the block finder
    would skip it; dropping it here, in numpy, leaves the blocks exactly as they were."""
    if len(first) == 0:
        return first, second
    width = np.int64(len(points) + k + 1)
    keys = first * width + second  # sorted, as the seeds are sorted by (first, second)
    back = keys - width - 1
    at = np.minimum(np.searchsorted(keys, back), len(keys) - 1)
    has_back = (keys[at] == back) & (first > 0)
    same_char = np.zeros(len(first), dtype=bool)
    inner = np.nonzero(has_back)[0]
    same_char[inner] = points[first[inner] - 1] == points[second[inner] - 1]
    keep = ~(has_back & same_char)
    return first[keep], second[keep]


class Copies:
    """Union-find over copies (ranges of one or more documents), merging near-identical
    sightings of a copy into one node."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []
        self.docs: list[int] = []
        self.parent: list[int] = []
        self.similarity: dict[int, float] = defaultdict(lambda: 1.0)
        self.by_start: dict[tuple[int, int], list[int]] = defaultdict(list)  # (doc, start // bucket) → nodes

    def node(self, start: int, end: int, doc: int = 0) -> int:
        """The node of a copy in `doc`, reusing one that covers nearly the same range."""
        # Two sightings of one copy start within a fifth of its length of each other.
        reach = max(1, (end - start) // 4)
        for bucket in range((start - reach) // _BUCKET, (start + reach) // _BUCKET + 1):
            for index in self.by_start.get((doc, bucket), ()):
                s, e = self.ranges[index]
                overlap = min(e, end) - max(s, start)
                if overlap >= _SAME_COPY * max(e - s, end - start):
                    return index
        self.ranges.append((start, end))
        self.docs.append(doc)
        self.parent.append(len(self.parent))
        self.by_start[(doc, start // _BUCKET)].append(len(self.ranges) - 1)
        return len(self.ranges) - 1

    def groups(self) -> list[tuple[int, list[int]]]:
        """(root, member nodes) for every set of two or more copies."""
        members: dict[int, list[int]] = defaultdict(list)
        for index in range(len(self.ranges)):
            members[self.find(index)].append(index)
        return [(root, group) for root, group in members.items() if len(group) >= 2]

    def find(self, index: int) -> int:
        """The root of a node's set."""
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def link(self, a: int, b: int, similarity: float) -> None:
        """Join two copies' sets; the set's similarity is the least of its links."""
        ra, rb = self.find(a), self.find(b)
        root = min(ra, rb)
        self.parent[max(ra, rb)] = root
        self.similarity[root] = min(self.similarity[ra], self.similarity[rb], similarity)


def _group(
    text: str, pairs: list[tuple[Block, float]], options: DuplicateOptions, locator: Locator
) -> tuple[list[DuplicateGroup], int]:
    copies = Copies()
    for block, similarity in pairs:
        if block.b_start < block.a_end:
            # A tandem repeat (the same passage pasted back to back): cut the run into its periods.
            period = block.b_start - block.a_start
            if period < options.min_chars:
                continue
            units = _tandem_units(
                text, _clause_start(text, block.a_start, period), block.b_end, period, options.max_gap
            )
            if len(units) < 2:
                continue
            first = copies.node(*units[0])
            for unit in units[1:]:
                copies.link(first, copies.node(*unit), similarity)
        else:
            copies.link(copies.node(block.a_start, block.a_end), copies.node(block.b_start, block.b_end), similarity)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(copies.ranges)):
        members[copies.find(index)].append(index)
    found = [
        (root, ranges)
        for root, group in members.items()
        if len(group) >= 2 and len(ranges := _disjoint([_trim(text, *copies.ranges[i]) for i in group])) >= 2
    ]
    found = _without_explained(found)
    groups: list[DuplicateGroup] = []
    excluded = 0
    for root, ranges in found:
        headings = sum(locator.in_heading(s, e) for s, e in ranges)
        tables = sum(locator.in_table(s, e) for s, e in ranges)
        echo = headings and len(ranges) - headings <= 1  # a heading, its contents entry, its mention
        if options.exclude_headings and (echo or tables == len(ranges)):
            excluded += 1  # headings echoed by the contents, or a pattern repeated down a table
            continue
        groups.append(make_group("repeat", [locator.occurrence(s, e) for s, e in ranges], copies.similarity[root]))
    groups.sort(key=lambda g: (-g.chars * len(g.occurrences), g.occurrences[0].span))
    return groups, excluded


_EDGE = "，。、；：！？,.;:!? \n\t"


def _disjoint(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A group's copies, none overlapping another: two sightings of one stretch that the chain
    kept apart (a copy and the copy inside it, `第十四个五年规划…纲要` and `十四个五年规划…`) are
    one copy, its longest, so a passage is never counted twice. In document order."""
    # The kept copies never overlap, so sorted by start they are sorted by end too: a new copy
    # overlaps one of them only if it overlaps its neighbours there (n·log n, not n², for a
    # line repeated 10,000 times).
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(set(ranges), key=lambda r: (r[0] - r[1], r[0])):
        i = bisect_right(starts, start)
        if (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
    return list(zip(starts, ends, strict=True))


# A copy's piece of a paragraph shorter than this, at either end, is a fragment of that paragraph.
_MIN_PIECE = 8


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A copy without punctuation or line breaks at its edges, nor a few characters of the
    paragraph before or after it: two articles that each end `…罚款。` and are each followed by
    one opening on `第` repeat `…罚款。\n第`, and the `第` is no part of the passage."""
    start, end = _trim_edges(text, start, end)
    last = text.rfind("\n", start, end)
    if last >= 0 and end - last - 1 < _MIN_PIECE and last - start >= _MIN_PIECE:
        start, end = _trim_edges(text, start, last)
    first = text.find("\n", start, end)
    if first >= 0 and first - start < _MIN_PIECE and end - first - 1 >= _MIN_PIECE:
        start, end = _trim_edges(text, first + 1, end)
    return start, end


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and text[end - 1] not in "。！？":
        end -= 1
    return start, end


def _tandem_units(text: str, start: int, end: int, period: int, gap: int) -> list[tuple[int, int]]:
    """The copies of a run pasted back to back, each starting where the first one's opening
    words recur (copies may differ by a word, so their lengths vary a little)."""
    opening = text[start : start + 6]
    starts = [start]
    while True:
        expected = starts[-1] + period
        if expected + len(opening) > end + gap:
            break
        window = text.find(opening, expected - gap, expected + gap + len(opening))
        if window < 0:
            break
        starts.append(window)
    bounds = [*starts, min(end, starts[-1] + period)]
    return [(a, b) for a, b in itertools.pairwise(bounds)]


def _clause_start(text: str, start: int, period: int) -> int:
    """Where the copies of a pasted run begin: just after a clause break near the run's start."""
    window = text[start : start + period // 3]
    breaks = [i for i, ch in enumerate(window) if ch in "，。；！？\n"]
    return start + breaks[0] + 1 if breaks else start


def _without_explained(found: list[tuple[int, list[tuple[int, int]]]]) -> list[tuple[int, list[tuple[int, int]]]]:
    """Drop a group whose every copy is covered by the copies of groups with more copies
    (two pasted pairs found as one double-length pair, next to the four single copies).

    Groups are taken largest first; the copies of larger groups are kept as a sorted union
    of intervals, so each check is a binary search, not a scan of every other group.
    """
    kept: list[int] = []
    cover: list[tuple[int, int]] = []  # disjoint, sorted union of the copies of larger groups
    order = sorted(range(len(found)), key=lambda i: -len(found[i][1]))
    k = 0
    while k < len(order):
        size = len(found[order[k]][1])
        batch = [i for i in order[k:] if len(found[i][1]) == size]
        for i in batch:
            if not all(_covered(cover, s, e) >= _EXPLAINED * (e - s) for s, e in found[i][1]):
                kept.append(i)
        cover = _union(cover + [r for i in batch for r in found[i][1]])
        k += len(batch)
    return [found[i] for i in sorted(kept)]


def _union(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted disjoint union of intervals."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(cover: list[tuple[int, int]], start: int, end: int) -> int:
    """Characters of [start, end) inside a sorted disjoint interval list."""
    index = max(0, bisect_right(cover, (start, start)) - 1)
    total = 0
    while index < len(cover) and cover[index][0] < end:
        s, e = cover[index]
        total += max(0, min(e, end) - max(s, start))
        index += 1
    return total


def make_group(kind: Literal["repeat", "reuse"], occurrences: list[Occurrence], similarity: float) -> DuplicateGroup:
    """A group with the differing tokens between its first copy and the first copy that differs."""
    from docdiff.diff import token_pieces

    first = occurrences[0].text
    differences: list[Difference] = []
    other = next((o.text for o in occurrences[1:] if o.text != first), None)
    # Differences are listed for passages a reader compares by eye; whole pasted documents are not diffed.
    if other is not None and max(len(first), len(other)) <= _MAX_DIFFERENCE_CHARS:
        pending_old = pending_new = ""
        for op, piece in [*token_pieces(first, other), ("equal", "")]:
            if op == "delete":
                pending_old += piece
            elif op == "insert":
                pending_new += piece
            elif pending_old or pending_new:
                differences.append(Difference(old=pending_old, new=pending_new))
                pending_old = pending_new = ""
    return DuplicateGroup(
        kind=kind,
        text=first,
        chars=len(first),
        similarity=round(similarity, 4),
        occurrences=tuple(occurrences),
        differences=tuple(differences),
    )
