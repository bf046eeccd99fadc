"""Pair the sections of two versions at every level of their trees.

Pairing is one assignment over all sections of both trees (heading similarity of comparison
keys, IDF-weighted content similarity), solved in rounds that add the tree's shape as
evidence: parents paired together, order kept, a level shift past a vanished part. Unpaired
sections carried over from one section of the other version, or continuing inside their
parent's undivided counterpart, make a split or a merge. Each pair carries its confidence and
the evidence for it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from docdiff.align.candidates import PairTable, near_among, near_best
from docdiff.align.gather import pair_gatherers
from docdiff.align.models import NEVER_PARTS, AlignedPair, Alignment
from docdiff.align.roles import in_review, role_blind
from docdiff.align.splits import splits_and_merges
from docdiff.comparison import PairStatus
from docdiff.flat import FlatSection
from docdiff.models import Document
from docdiff.options import AlignOptions
from docdiff.sentences import sentence_keys
from docdiff.similarity import WeightedSpace, heading_key, paired_ratios, ratio_matrix, ratio_pairs, text_ratio
from docdiff.sorted_runs import run_starts, stable_order
from docdiff.sparse_assign import chosen_pairs

# How much the tree's shape alone speaks for a pair (see `_Aligner._confidence`).
_ORDER_EVIDENCE = {"kept": 0.6, "reordered": 0.4, "level": 0.3, "moved": 0.1}
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
_MIN_CARRIED_CHARS = 8
# A large comparison scores only candidate pairs (`AlignOptions.dense_pairs`): those sharing an
# n-gram held by at most this many of all sections, or whose headings reach this similarity.
# Two versions of a section share rare n-grams; a pair sharing only common ones has a cosine
# near 0, below what any pair needs.
_TELLING_SECTIONS = 64
# Of those, each section's this many most alike by the telling n-grams are scored in full.
_TELLING_RIVALS = 8
_LIKE_HEADINGS = 0.7


class _Evidence:
    """What speaks for pairing each old section with each new one, for all pairs at once.

    Heading similarity of comparison keys, and content similarity as the cosine of n-gram
    vectors weighted by how distinctive each n-gram is across the sections of both versions.
    """

    def __init__(self, old: list[FlatSection], new: list[FlatSection], old_doc: Document, new_doc: Document) -> None:
        self.n = len(old)
        own = [old_doc.normalised[s.body[0] : s.body[1]] for s in old]
        own += [new_doc.normalised[s.body[0] : s.body[1]] for s in new]
        self.space = WeightedSpace(own, _ancestry(old, new))
        self.old_keys = [heading_key(s.section.heading) for s in old]
        self.new_keys = [heading_key(s.section.heading) for s in new]
        mass = self.space.mass
        self.old_empty = mass[: self.n] == 0
        self.new_empty = mass[self.n :] == 0

    def heading(self, rows: list[int], cols: list[int]) -> NDArray[np.float64]:
        return ratio_matrix([self.old_keys[i] for i in rows], [self.new_keys[j] for j in cols])

    def content(self, rows: list[int], cols: list[int]) -> NDArray[np.float64]:
        return self.space.cosine(rows, [self.n + j for j in cols])

    def candidates(self, rows: list[int], cols: list[int]) -> PairTable:
        """The pairs of `rows` × `cols` (as positions) worth scoring in a large comparison: those
        sharing an n-gram few sections hold, and those with headings alike."""
        i, j, partial = self.space.sharing(rows, [self.n + c for c in cols], _TELLING_SECTIONS)
        # The few most alike by those n-grams, for each section of either side.
        best = _top_of_groups(i, partial, _TELLING_RIVALS) | _top_of_groups(j, partial, _TELLING_RIVALS)
        i, j = i[best], j[best]
        # Headings with words only: two empty keys are alike (ratio 1) but say nothing (`worded`),
        # and a law's thousands of `第N条` would pair all with all.
        worded_rows = np.array([k for k, r in enumerate(rows) if self.old_keys[r]], dtype=np.intp)
        worded_cols = np.array([k for k, c in enumerate(cols) if self.new_keys[c]], dtype=np.intp)
        hi, hj, _ = ratio_pairs(
            [self.old_keys[rows[k]] for k in worded_rows.tolist()],
            [self.new_keys[cols[k]] for k in worded_cols.tolist()],
            _LIKE_HEADINGS,
        )
        hi, hj = worded_rows[hi], worded_cols[hj]
        width = max(1, len(cols))
        keys = np.unique(np.concatenate([i.astype(np.int64) * width + j, hi.astype(np.int64) * width + hj]))
        first, second = np.divmod(keys, width)
        return PairTable(first.astype(np.intp), second.astype(np.intp))

    def pair_heading(self, rows: list[int], cols: list[int], pairs: PairTable) -> NDArray[np.float64]:
        """Heading similarity of each pair of `pairs` (positions in `rows` and `cols`)."""
        return paired_ratios(
            [self.old_keys[rows[i]] for i in pairs.i.tolist()], [self.new_keys[cols[j]] for j in pairs.j.tolist()]
        )

    def pair_content_of(self, rows: list[int], cols: list[int], pairs: PairTable) -> NDArray[np.float64]:
        """Content similarity of each pair of `pairs` (positions in `rows` and `cols`)."""
        return self.space.looked_up_cosines(
            [rows[i] for i in pairs.i.tolist()], [self.n + cols[j] for j in pairs.j.tolist()]
        )

    def pair_content(self, pairs: list[tuple[int, int]]) -> list[float]:
        """Content similarity of each (old, new) pair."""
        return [float(x) for x in self.space.pair_cosines([i for i, _ in pairs], [self.n + j for _, j in pairs])]


def _ancestry(old: list[FlatSection], new: list[FlatSection]) -> sparse.csr_matrix:
    """Block matrix with [i, k] = 1 when section k is section i or inside it (old rows first)."""
    rows: list[int] = []
    cols: list[int] = []
    for offset, sections in ((0, old), (len(old), new)):
        for section in sections:
            k: int | None = section.index
            while k is not None:
                rows.append(offset + k)
                cols.append(offset + section.index)
                k = sections[k].parent
    size = len(old) + len(new)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))


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
        self.evidence = _Evidence(old, new, old_doc, new_doc)
        self.partner_of_old: dict[int, int] = {0: 0}
        self.partner_of_new: dict[int, int] = {0: 0}
        self.similarity: dict[tuple[int, int], tuple[float, float]] = {(0, 0): (1.0, 1.0)}
        self.old_children = _children(old)
        self.new_children = _children(new)
        self.old_keys_cache: dict[int, set[str]] = {}
        self.new_keys_cache: dict[int, set[str]] = {}
        self.line_keys: dict[str, frozenset[str]] = {}
        # Pairs of a container with the part its children came after (see `gather.pair_gatherers`).
        self.gathered: set[tuple[int, int]] = set()
        self.old_review, self.new_review = in_review(old), in_review(new)
        if not options.keep_part_roles or role_blind(self.old_review, self.new_review):
            self.old_review, self.new_review = np.zeros(len(old), dtype=bool), np.zeros(len(new), dtype=bool)

    def run(self) -> Alignment:
        rows = list(range(1, len(self.old)))
        cols = list(range(1, len(self.new)))
        if rows and cols:
            self._assign_globally(rows, cols)
            pair_gatherers(self, new_side=True)
            pair_gatherers(self, new_side=False)
        return Alignment(pairs=tuple(self._pairs()))

    @staticmethod
    def _grandparent(sections: list[FlatSection], index: int) -> int:
        parent = sections[index].parent
        grand = sections[parent].parent if parent is not None else None
        return -1 if grand is None else grand

    def _sides(self, rows: list[int], cols: list[int]) -> dict[str, tuple[NDArray[Any], NDArray[Any]]]:
        """What `_base_scores` needs of each old row and new column, computed once."""
        return {
            "keys": (
                np.array([bool(self.evidence.old_keys[i]) for i in rows]),
                np.array([bool(self.evidence.new_keys[j]) for j in cols]),
            ),
            "empty": (self.evidence.old_empty[rows], self.evidence.new_empty[cols]),
            "containers": (self._containers(self.old, rows, 0), self._containers(self.new, cols, self.evidence.n)),
            "level": (
                np.array([self.old[i].section.level for i in rows]),
                np.array([self.new[j].section.level for j in cols]),
            ),
        }

    def _base_scores(
        self,
        pairs: PairTable,
        heading: NDArray[np.float64],
        content: NDArray[np.float64],
        sides: dict[str, tuple[NDArray[Any], NDArray[Any]]],
    ) -> tuple[NDArray[np.float64], ...]:
        """Heading and content similarity, and their combination before structure is known, of
        `pairs` (positions in the rows and columns `sides` describes), given their heading and
        content similarities."""
        options = self.options
        old_keys, new_keys = sides["keys"]
        # No heading words on a side (an article's `第五条`): the heading says nothing, content decides.
        worded = pairs.left(old_keys) & pairs.right(new_keys)
        heading = np.where(worded, heading, 0.0)
        weight = np.where(worded, options.heading_weight, 0.0)
        score = weight * heading + (1 - weight) * content
        old_empty, new_empty = sides["empty"]
        no_content = pairs.left(old_empty) | pairs.right(new_empty)
        score = np.where(no_content, heading, score)
        old_containers, new_containers = sides["containers"]
        score -= options.container_penalty * (pairs.left(old_containers) != pairs.right(new_containers))
        old_level, new_level = sides["level"]
        score -= options.level_penalty * np.abs(pairs.left(old_level) - pairs.right(new_level))
        return heading, content, score

    def _containers(self, sections: list[FlatSection], indices: list[int], offset: int) -> NDArray[np.bool_]:
        """Sections that are mostly their numbered children (a tasks part holding its `（一）…（十）`).

        Paired with a section that is not, the container stands for a whole where the other
        stands for one part; its children should pair instead.
        """
        mass = self.evidence.space.mass
        own = self.evidence.space.own_mass
        out = []
        for k in indices:
            headed = self._headed_children(sections, k)
            share = own[offset + k] / mass[offset + k] if mass[offset + k] else 1.0
            out.append(headed >= 2 and share < self.options.container_own_share)
        return np.array(out, dtype=bool)

    def _kids(self, sections: list[FlatSection]) -> dict[int, list[int]]:
        return self.old_children if sections is self.old else self.new_children

    def _assign_globally(self, rows: list[int], cols: list[int]) -> None:
        """One assignment over all sections of both trees, repeated with structure as evidence.

        The first round pairs on headings and content alone; each later round adds a bonus to
        pairs whose parents were paired together in the round before (and, among such
        siblings, for keeping their relative order), so the tree's shape confirms or corrects
        what content suggested. A pair needs `min_pair_score` in all.
        """
        options = self.options
        sides = self._sides(rows, cols)
        old_empty, new_empty = sides["empty"]

        # Each section of a pair must count the other among its `limit` most alike rivals by content
        # (a part whose text is alike to many, like a one-off five-year chapter, pairs with none);
        # rivals are sections that are not paragraph structure (lead-sentence topics and glossary
        # entries are pieces of their sections' text). The old side's rank is read row by row as
        # the blocks are scored; the new side's from the `limit` best rival values each column saw.
        limit = options.max_content_rank
        ranking = limit < max(len(rows), len(cols))
        old_rival = np.array([self.old[i].section.style not in NEVER_PARTS for i in rows], dtype=bool)
        new_rival = np.array([self.new[j].section.style not in NEVER_PARTS for j in cols], dtype=bool)
        column_best = np.full((limit if ranking else 0, len(cols)), -np.inf)

        old_review, new_review = self.old_review[rows], self.new_review[cols]

        def judged(
            pairs: PairTable, heading: NDArray[np.float64], content: NDArray[np.float64]
        ) -> tuple[NDArray[Any], ...]:
            """Scores of `pairs` and whether each may pair at all, before ranks."""
            heading, content, base = self._base_scores(pairs, heading, content, sides)
            # A review section never pairs with a tasks one, nor is its rival (see `roles`).
            across = pairs.left(old_review) != pairs.right(new_review)
            base = np.where(across, -1.0, base)
            content = np.where(across, -1.0, content)
            # Ranks mean nothing where there is little to choose from: a pair with text on both sides
            # needs some shared distinctive content whatever its rank (a generic heading over a new body).
            both_text = ~(pairs.left(old_empty) | pairs.right(new_empty))
            # Headings unlike each other leave it to the content, which must then say more.
            least = np.where(
                heading >= options.like_headings, options.min_content_similarity, options.min_unlike_content
            )
            allowed = (~both_text | (content >= least)) & ~across
            return heading, content, base, allowed, both_text

        def scored(pairs: PairTable, start: int, stop: int) -> tuple[NDArray[Any], ...]:
            block = rows[start:stop]
            heading = self.evidence.heading(block, cols).ravel()
            content = self.evidence.content(block, cols).ravel()
            heading, content, base, allowed, both_text = judged(pairs, heading, content)
            if ranking:
                grid = content.reshape(stop - start, len(cols))
                allowed &= ~both_text | (grid >= _kth_largest(grid[:, new_rival], limit, axis=1)[:, None]).ravel()
                merged = np.vstack([column_best, grid[old_rival[start:stop]]])
                column_best[:] = np.partition(merged, merged.shape[0] - limit, axis=0)[-limit:]
            return heading, content, base, allowed

        # How near each pair comes to the best either of its sections has anywhere: real years
        # rewrite a section so much that the absolute similarity says less than the ranking.
        # Only those pairs are kept (see `candidates`), never a matrix of all pairs.
        if len(rows) * len(cols) <= options.dense_pairs:
            near = near_best(len(rows), len(cols), scored, options.min_best_share)
            column_rank = column_best.min(axis=0) if ranking else None
        else:
            # Too many pairs to score each: only those sharing a telling n-gram or a like heading.
            worth = self.evidence.candidates(rows, cols)
            heading, content, base, allowed, both_text = judged(
                worth, self.evidence.pair_heading(rows, cols, worth), self.evidence.pair_content_of(rows, cols, worth)
            )
            column_rank = None
            if ranking:
                rivals = worth.right(new_rival)
                row_rank = _group_kth(worth.i[rivals], content[rivals], limit, len(rows))
                allowed &= ~both_text | (content >= worth.left(row_rank))
                rivals = worth.left(old_rival)
                column_rank = _group_kth(worth.j[rivals], content[rivals], limit, len(cols))
            near = near_among(worth, heading, content, base, allowed, options.min_best_share)
        pairs, heading, content, base = near.pairs, near.heading, near.content, near.base
        if column_rank is not None:
            # The new side's rank: its content against the `limit`-th best of its rival old sections.
            both_text = ~(pairs.left(old_empty) | pairs.right(new_empty))
            keep = ~both_text | (content >= pairs.right(column_rank))
            pairs = pairs.subset(keep)
            heading, content, base = heading[keep], content[keep], base[keep]
        old_parent = np.array([self.old[i].parent for i in rows])
        new_parent = np.array([self.new[j].parent for j in cols])
        old_grand = np.array([self._grandparent(self.old, i) for i in rows])
        new_grand = np.array([self._grandparent(self.new, j) for j in cols])
        old_rank = np.array([self.old[i].position / max(1, self.old[i].siblings - 1) for i in rows])
        new_rank = np.array([self.new[j].position / max(1, self.new[j].siblings - 1) for j in cols])
        order = 1 - np.abs(pairs.left(old_rank) - pairs.right(new_rank))
        found: dict[int, int] = {0: 0}
        chosen: list[int] = []
        score = base
        for _ in range(options.rounds):
            partner = np.array([found.get(int(p), -1) for p in old_parent])
            grand_partner = np.array([found.get(int(p), -1) if p >= 0 else -1 for p in old_grand])
            kept = pairs.left(partner) == pairs.right(new_parent)
            # One level up or down: the parent of one side paired with the grandparent of the other.
            # (The parent skipped must be unpaired: a part that vanished, its children promoted.)
            taken = set(found.values())
            new_parent_free = np.array([int(p) not in taken for p in new_parent])
            shifted = ((pairs.left(partner) == pairs.right(new_grand)) & pairs.right(new_parent_free)) | (
                (pairs.left(grand_partner) == pairs.right(new_parent)) & (pairs.left(partner) == -1)
            )
            bonus = np.where(kept, options.parent_bonus + options.order_weight * order, 0.0)
            bonus = np.where(~kept & shifted, options.shifted_parent_bonus, bonus)
            score = base + bonus
            # Without the tree's support (parents not paired together) a pair must earn more.
            supported = kept | shifted
            enough = np.where(supported, score >= options.min_pair_score, base >= options.min_cross_score)
            allowed = np.flatnonzero(enough)
            found = {0: 0}
            # One assignment over the allowed pairs (all others forbidden), solved piece by piece.
            chosen = [int(k) for k in allowed[chosen_pairs(pairs.i[allowed], pairs.j[allowed], score[allowed])]]
            for k in chosen:
                found[rows[pairs.i[k]]] = cols[pairs.j[k]]
        for k in chosen:
            i, j = rows[pairs.i[k]], cols[pairs.j[k]]
            self.partner_of_old[i] = j
            self.partner_of_new[j] = i
            self.similarity[(i, j)] = (float(heading[k]), float(content[k]))

    # -- statuses --------------------------------------------------------------------------

    def _pairs(self) -> Iterable[AlignedPair]:
        moved = self._moved()
        splits, merges = splits_and_merges(self)
        for (i, j), (heading, content) in self.similarity.items():
            status: PairStatus = "split" if i in splits else "merged" if j in merges else "matched"
            yield self._pair(i, j, status, (i, j) in moved, heading, content)
        # The other parts of splits and merges, with their similarities computed in one go.
        extra: list[tuple[int, int, PairStatus, bool]] = []
        for i, js in splits.items():
            for k, j in enumerate(js):
                if self.partner_of_new.get(j) != i:
                    # An old section paired with none of its parts is diffed in full against the first.
                    extra.append((i, j, "split", k == 0 and i not in self.partner_of_old))
        for j, is_ in merges.items():
            for k, i in enumerate(is_):
                if self.partner_of_old.get(i) != j:
                    extra.append((i, j, "merged", k == 0 and j not in self.partner_of_new))
        similarities = self._similarities([(i, j) for i, j, _, _ in extra])
        for (i, j, status, primary), (heading, content) in zip(extra, similarities, strict=True):
            yield self._pair(i, j, status, True, heading, content).model_copy(update={"primary": primary})
        in_split = {j for js in splits.values() for j in js}
        in_merge = {i for is_ in merges.values() for i in is_}
        for i in range(len(self.old)):
            if i not in self.partner_of_old and i not in in_merge and i not in splits:
                yield _one_sided(old=i)
        for j in range(len(self.new)):
            if j not in self.partner_of_new and j not in in_split and j not in merges:
                yield _one_sided(new=j)

    def _pair(self, i: int, j: int, status: PairStatus, moved: bool, heading: float, content: float) -> AlignedPair:
        renamed = self.evidence.old_keys[i] != self.evidence.new_keys[j]
        order = self._order(i, j, moved)
        carried = self._carried(i, j)
        return AlignedPair(
            old=i,
            new=j,
            status=status,
            renamed=renamed,
            moved=moved,
            heading_similarity=round(heading, 4),
            content_similarity=round(min(content, 1.0), 4),
            confidence=round(self._confidence(heading, content, carried, order, i, j), 3),
            carried_sentences=carried,
            order=order,
        )

    def _order(self, i: int, j: int, moved: bool) -> str:
        if i == 0:
            return "kept"
        old_parent, new_parent = self.old[i].parent, self.new[j].parent
        if old_parent is not None and self.partner_of_old.get(old_parent) == new_parent:
            return "reordered" if moved else "kept"
        if self.old[i].section.level != self.new[j].section.level:
            return "level"
        return "moved"

    def _carried(self, i: int, j: int) -> int:
        """Sentences of the old section found in the new one (children included), numbers folded."""
        old_keys = self._sentence_keys(self.old[i], self.old_keys_cache)
        new_keys = self._sentence_keys(self.new[j], self.new_keys_cache)
        return len(old_keys & new_keys)

    def _sentence_keys(self, section: FlatSection, cache: dict[int, set[str]]) -> set[str]:
        if section.index not in cache:
            # A sentence never runs across a line break, so the keys of a section are those of
            # its lines; a line is read once however many sections hold it (a part holds its
            # chapters' lines, and a long report repeats lines).
            keys: set[str] = set()
            for line in section.content.split("\n"):
                known = self.line_keys.get(line)
                if known is None:
                    known = self.line_keys[line] = frozenset(
                        _NUMBERS.sub("#", key) for key in sentence_keys(line) if len(key) >= _MIN_CARRIED_CHARS
                    )
                keys.update(known)
            cache[section.index] = keys
        return cache[section.index]

    def _confidence(self, heading: float, content: float, carried: int, order: str, i: int, j: int) -> float:
        """Independent evidence combined as a noisy-or: any strong piece makes a pair sure.

        Content (weighted cosine, 0.5 counts as certain), heading (its square: half-alike
        headings say little), sentences carried word for word (each one a strong sign), and the
        tree's shape (parents paired, order kept).
        """
        if i == 0:
            return 1.0
        units = max(1, len(self._sentence_keys(self.old[i], self.old_keys_cache)))
        pieces = (
            min(1.0, content / 0.5),
            heading**2,
            min(1.0, 2 * carried / units),
            _ORDER_EVIDENCE[order],
        )
        doubt = 1.0
        for piece in pieces:
            doubt *= 1.0 - max(0.0, min(1.0, piece)) * 0.9
        return 1.0 - doubt

    def _similarity(self, i: int, j: int) -> tuple[float, float]:
        return self._similarities([(i, j)])[0]

    def _similarities(self, pairs: list[tuple[int, int]]) -> list[tuple[float, float]]:
        """(heading, content) similarity of each (old, new) pair, the cosines in one product."""
        contents = self.evidence.pair_content(pairs)
        keys = self.evidence.old_keys, self.evidence.new_keys
        return [(text_ratio(keys[0][i], keys[1][j]), c) for (i, j), c in zip(pairs, contents, strict=True)]

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

    def _headed_children(self, sections: list[FlatSection], index: int) -> int:
        """How many children of a section are headings (not lead-sentence topics)."""
        return sum(1 for c in self._kids(sections)[index] if sections[c].section.style != "topic")


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


def _top_of_groups(groups: NDArray[np.intp], values: NDArray[np.float64], m: int) -> NDArray[np.bool_]:
    """Whether each entry is among the `m` largest `values` of its group (ties by position).

    Values lie in [-1, 1], so `groups * 4 - values` orders a group's entries, largest value
    first; ties go to the earlier entry. Rather than sorting every entry (millions of pairs in a
    large comparison, for eight a group), the smallest key of each group is picked `m` times,
    with the entries laid out group by group (they mostly come so already)."""
    n = len(values)
    keys = groups * 4.0 - values
    order: NDArray[np.intp] | None = None
    if n and not bool(np.all(groups[1:] >= groups[:-1])):
        # A stable sort on the group alone keeps each group's entries in their order.
        order = stable_order(groups)
        groups, keys = groups[order], keys[order]
    chosen = np.zeros(n, dtype=bool)
    if not n:
        return chosen
    starts = np.flatnonzero(run_starts(groups))
    lengths = np.diff(np.concatenate([starts, [n]]))
    at = np.arange(n)
    for _ in range(m):
        best = np.minimum.reduceat(keys, starts)
        first = np.minimum.reduceat(np.where(keys == np.repeat(best, lengths), at, n), starts)
        first = first[np.isfinite(best)]  # a group with none left
        chosen[first] = True
        keys[first] = np.inf
    if order is None:
        return chosen
    top = np.zeros(n, dtype=bool)
    top[order] = chosen
    return top


def _group_kth(groups: NDArray[np.intp], values: NDArray[np.float64], k: int, size: int) -> NDArray[np.float64]:
    """Per group 0..size-1, the k-th largest of its `values`, 0 where it has fewer than k: the
    pairs not among the candidates, whose similarity is near 0, stand for the missing ones."""
    out = np.zeros(size)
    if not len(groups):
        return out
    order = np.lexsort((-values, groups))
    groups, values = groups[order], values[order]
    first = np.searchsorted(groups, np.arange(size))
    count = np.bincount(groups, minlength=size)
    has = np.flatnonzero(count >= k)
    out[has] = values[first[has] + k - 1]
    return out


def _kth_largest(values: NDArray[np.float64], k: int, axis: int) -> NDArray[np.float64]:
    """The k-th largest value along `axis` (-inf where there are fewer than k): a value at
    least this large has fewer than k values strictly above it."""
    size = values.shape[axis]
    if size < k:
        return np.full(values.shape[1 - axis], -np.inf)
    return np.asarray(np.partition(values, size - k, axis=axis).take(size - k, axis=axis))


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
