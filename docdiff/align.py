"""Pair the sections of two versions at every level of their trees.

Pairing is solved as an assignment over a score matrix (heading similarity of comparison
keys, content similarity of character trigrams), first among the children of already paired
parents (with a small bonus for keeping order), then among all sections still unpaired (a
stricter threshold: a move across parents). Unpaired sections whose sentences come mostly from
one section of the other version make a split or a merge.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from pydantic import Field
from scipy.optimize import linear_sum_assignment

from docdiff.comparison import PairStatus
from docdiff.flat import FlatSection
from docdiff.models import Document, Model
from docdiff.options import AlignOptions
from docdiff.sentences import sentence_units
from docdiff.similarity import NgramSpace, heading_key, ratio_matrix, text_ratio

_FORBIDDEN = 1e6


class AlignedPair(Model):
    """A pair of section indices (into the flattened trees) or a section on one side only."""

    old: int | None = Field(description="Index of the old section, None if added.")
    new: int | None = Field(description="Index of the new section, None if dropped.")
    status: PairStatus = Field(description="matched, added, dropped, split or merged.")
    renamed: bool = Field(description="Heading keys differ.")
    moved: bool = Field(description="Changed place among siblings or changed parent.")
    heading_similarity: float = Field(description="Heading key similarity, 0..1.")
    content_similarity: float = Field(description="Trigram cosine similarity of the whole sections, 0..1.")
    primary: bool = Field(
        default=True,
        description="False for the extra pairs of a split or merge, which show what moved rather than a full diff.",
    )


class Alignment(Model):
    """All pairs and one-sided sections of a comparison."""

    pairs: tuple[AlignedPair, ...] = Field(description="Every section of both versions appears at least once.")


@dataclass
class _Scores:
    """Scores of any old × new section pair, computed lazily from shared vectors."""

    old: list[FlatSection]
    new: list[FlatSection]
    options: AlignOptions
    old_keys: list[str] = field(init=False)
    new_keys: list[str] = field(init=False)

    def __post_init__(self) -> None:
        space = NgramSpace()
        self.old_vectors = space.vectors([s.content for s in self.old])
        self.new_vectors = space.vectors([s.content for s in self.new])
        width = len(space.vocabulary) or 1
        self.old_vectors.resize((len(self.old), width))
        self.new_vectors.resize((len(self.new), width))
        self.old_keys = [heading_key(s.section.heading) for s in self.old]
        self.new_keys = [heading_key(s.section.heading) for s in self.new]
        self.old_empty = np.asarray(self.old_vectors.getnnz(axis=1) == 0)
        self.new_empty = np.asarray(self.new_vectors.getnnz(axis=1) == 0)

    def content(self, rows: list[int], cols: list[int]) -> NDArray[np.float64]:
        return np.asarray((self.old_vectors[rows] @ self.new_vectors[cols].T).toarray(), dtype=np.float64)

    def heading(self, rows: list[int], cols: list[int]) -> NDArray[np.float64]:
        return ratio_matrix([self.old_keys[i] for i in rows], [self.new_keys[j] for j in cols])

    def combine(
        self, heading: NDArray[np.float64], content: NDArray[np.float64], rows: list[int], cols: list[int]
    ) -> NDArray[np.float64]:
        weight = self.options.heading_weight
        score = weight * heading + (1 - weight) * content
        no_content = self.old_empty[rows][:, None] | self.new_empty[cols][None, :]
        return np.where(no_content, heading, score)


def align(
    old_doc: Document,
    old: list[FlatSection],
    new_doc: Document,
    new: list[FlatSection],
    options: AlignOptions,
) -> Alignment:
    """Pair the flattened sections of two versions (index 0 of each is the document root)."""
    return _Aligner(old_doc, old, new_doc, new, options).run()


class _Aligner:
    def __init__(
        self,
        old_doc: Document,
        old: list[FlatSection],
        new_doc: Document,
        new: list[FlatSection],
        options: AlignOptions,
    ) -> None:
        self.old_doc, self.new_doc = old_doc, new_doc
        self.old, self.new = old, new
        self.options = options
        self.scores = _Scores(old, new, options)
        self.partner_of_old: dict[int, int] = {0: 0}
        self.partner_of_new: dict[int, int] = {0: 0}
        self.similarity: dict[tuple[int, int], tuple[float, float]] = {(0, 0): (1.0, 1.0)}
        self.cross: set[tuple[int, int]] = set()
        self.old_children = _children(old)
        self.new_children = _children(new)

    def run(self) -> Alignment:
        queue = [(0, 0)]
        for _ in range(3):
            self._descend(queue)
            queue = self._pair_across()
            if not queue:
                break
        return Alignment(pairs=tuple(self._pairs()))

    def _descend(self, queue: list[tuple[int, int]]) -> None:
        """Pair the children of each paired parent, breadth first."""
        while queue:
            old_parent, new_parent = queue.pop()
            rows = [i for i in self.old_children[old_parent] if i not in self.partner_of_old]
            cols = [j for j in self.new_children[new_parent] if j not in self.partner_of_new]
            for i, j in self._assign(rows, cols, self.options.min_pair_score, order=True):
                queue.append((i, j))

    def _pair_across(self) -> list[tuple[int, int]]:
        """Pair sections still unpaired anywhere in the trees (moves across parents)."""
        rows = [i for i in range(1, len(self.old)) if i not in self.partner_of_old]
        cols = [j for j in range(1, len(self.new)) if j not in self.partner_of_new]
        if not rows or not cols:
            return []
        # A pair can only pass the threshold with enough shared content or no content at all.
        content = self.scores.content(rows, cols)
        weight = self.options.heading_weight
        least = (self.options.min_cross_score - weight) / (1 - weight)
        empty = self.scores.old_empty[rows][:, None] | self.scores.new_empty[cols][None, :]
        hopeful = (content >= least) | empty
        keep_rows = [r for r, ok in zip(rows, hopeful.any(axis=1), strict=True) if ok]
        keep_cols = [c for c, ok in zip(cols, hopeful.any(axis=0), strict=True) if ok]
        found = self._assign(keep_rows, keep_cols, self.options.min_cross_score, order=False)
        self.cross.update(found)
        return found

    def _assign(self, rows: list[int], cols: list[int], threshold: float, order: bool) -> list[tuple[int, int]]:
        if not rows or not cols:
            return []
        heading = self.scores.heading(rows, cols)
        content = self.scores.content(rows, cols)
        score = self.scores.combine(heading, content, rows, cols)
        cost = -score
        if order:
            old_rank = np.array([self.old[i].position / max(1, self.old[i].siblings - 1) for i in rows])
            new_rank = np.array([self.new[j].position / max(1, self.new[j].siblings - 1) for j in cols])
            cost -= self.options.order_weight * (1 - np.abs(old_rank[:, None] - new_rank[None, :]))
        cost = np.where(score >= threshold, cost, _FORBIDDEN)
        found: list[tuple[int, int]] = []
        for r, c in zip(*linear_sum_assignment(cost), strict=True):
            if score[r, c] >= threshold:
                i, j = rows[r], cols[c]
                self.partner_of_old[i] = j
                self.partner_of_new[j] = i
                self.similarity[(i, j)] = (float(heading[r, c]), float(content[r, c]))
                found.append((i, j))
        return found

    # -- statuses --------------------------------------------------------------------------

    def _pairs(self) -> Iterable[AlignedPair]:
        moved = self._moved()
        splits, merges = self._splits_and_merges()
        for (i, j), (heading, content) in self.similarity.items():
            status: PairStatus = "split" if i in splits else "merged" if j in merges else "matched"
            yield self._pair(i, j, status, (i, j) in moved, heading, content)
        for i, js in splits.items():
            for k, j in enumerate(js):
                if self.partner_of_new.get(j) != i:
                    # An old section paired with none of its parts is diffed in full against the first.
                    primary = k == 0 and i not in self.partner_of_old
                    pair = self._pair(i, j, "split", True, *self._similarity(i, j))
                    yield pair.model_copy(update={"primary": primary})
        for j, is_ in merges.items():
            for k, i in enumerate(is_):
                if self.partner_of_old.get(i) != j:
                    primary = k == 0 and j not in self.partner_of_new
                    pair = self._pair(i, j, "merged", True, *self._similarity(i, j))
                    yield pair.model_copy(update={"primary": primary})
        in_split = {j for js in splits.values() for j in js}
        in_merge = {i for is_ in merges.values() for i in is_}
        for i in range(len(self.old)):
            if i not in self.partner_of_old and i not in in_merge and i not in splits:
                yield _one_sided(old=i)
        for j in range(len(self.new)):
            if j not in self.partner_of_new and j not in in_split and j not in merges:
                yield _one_sided(new=j)

    def _pair(self, i: int, j: int, status: PairStatus, moved: bool, heading: float, content: float) -> AlignedPair:
        renamed = self.scores.old_keys[i] != self.scores.new_keys[j]
        return AlignedPair(
            old=i,
            new=j,
            status=status,
            renamed=renamed,
            moved=moved,
            heading_similarity=round(heading, 4),
            content_similarity=round(min(content, 1.0), 4),
        )

    def _similarity(self, i: int, j: int) -> tuple[float, float]:
        return text_ratio(self.scores.old_keys[i], self.scores.new_keys[j]), float(self.scores.content([i], [j])[0, 0])

    def _moved(self) -> set[tuple[int, int]]:
        """Pairs that left their parent, or fell out of order among their paired siblings."""
        moved: set[tuple[int, int]] = set()
        groups: dict[tuple[int | None, int | None], list[tuple[int, int]]] = defaultdict(list)
        for i, j in self.similarity:
            if i == 0:
                continue
            old_parent, new_parent = self.old[i].parent, self.new[j].parent
            if old_parent is None or self.partner_of_old.get(old_parent) != new_parent:
                moved.add((i, j))
            else:
                groups[(old_parent, new_parent)].append((i, j))
        for members in groups.values():
            members.sort(key=lambda pair: self.old[pair[0]].position)
            keep = _longest_increasing([self.new[j].position for _, j in members])
            moved.update(pair for k, pair in enumerate(members) if k not in keep)
        return moved

    def _splits_and_merges(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """Unpaired sections whose sentences mostly come from one section of the other side."""
        splits = _sources(self.new_doc, self.new, self.partner_of_new, self.old_doc, self.old, self.options)
        merges = _sources(self.old_doc, self.old, self.partner_of_old, self.new_doc, self.new, self.options)
        # A split needs the old section spread over two or more new ones (its partner counts).
        split = {i: js for i, js in splits.items() if len(js) + (i in self.partner_of_old) >= 2}
        merged = {j: is_ for j, is_ in merges.items() if len(is_) + (j in self.partner_of_new) >= 2}
        return split, merged


def _one_sided(old: int | None = None, new: int | None = None) -> AlignedPair:
    """A section on one side only: dropped if it has no new side, added if it has no old one."""
    return AlignedPair(
        old=old,
        new=new,
        status="dropped" if new is None else "added",
        renamed=False,
        moved=False,
        heading_similarity=0.0,
        content_similarity=0.0,
    )


def _sources(
    doc: Document,
    sections: list[FlatSection],
    partners: dict[int, int],
    other_doc: Document,
    other: list[FlatSection],
    options: AlignOptions,
) -> dict[int, list[int]]:
    """For unpaired sections of one side: the section of the other side holding most of their sentences."""
    where: dict[str, int] = {}
    for section in other[1:]:
        for unit in sentence_units(other_doc.normalised, section.body):
            where.setdefault(unit.key, section.index)
    found: dict[int, list[int]] = defaultdict(list)
    for section in sections[1:]:
        if section.index in partners:
            continue
        units = sentence_units(doc.normalised, section.body)
        total = sum(len(u.key) for u in units)
        if total < options.min_split_chars:
            continue
        shares: dict[int, int] = defaultdict(int)
        for unit in units:
            if unit.key in where:
                shares[where[unit.key]] += len(unit.key)
        if shares:
            source, chars = max(shares.items(), key=lambda item: item[1])
            if chars >= options.split_share * total:
                found[source].append(section.index)
    return found


def _children(sections: list[FlatSection]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for section in sections:
        if section.parent is not None:
            children[section.parent].append(section.index)
    return children


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence of `values`."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        pos = bisect.bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[pos] = value
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        keep.add(k)
        k = previous[k]
    return keep
