"""Candidate pairs for a similarity threshold without scoring every pair: a prefix filter.

`similarity.ratio_pairs` wants every pair of strings whose Indel ratio (2·LCS / (|x| + |y|)) is at
least `least`. Scoring all pairs is quadratic: a 2 MB comparison holds thousands of unmatched
sentences and target metrics a side. This module finds a superset of those pairs, exactly, from
two necessary conditions, so that only the candidates are scored:

- length: LCS ≤ min(|x|, |y|), so 2·min(|x|, |y|) ≥ least·(|x| + |y|);
- characters: LCS ≤ o(x, y), the size of the multiset intersection of their characters, and the
  length condition gives o ≥ least·|x| / (2 − least) =: α(x) whatever the partner.

Each string is a set of (character, k-th occurrence) elements, so set intersection is multiset
intersection. Sorted by one global order (rarest first), two sets sharing at least α(x) and α(y)
elements share one inside the first |x| − α(x) + 1 elements of x and the first |y| − α(y) + 1 of
y (the first shared element has at most |x| − o unshared elements before it): the prefix filter
of set-similarity joins (Chaudhuri et al. 2006; Bayardo et al. 2007, All-Pairs). Only prefixes
are indexed, and rare characters come first, so a candidate list stays short.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

# Slack on the bounds, in characters, so that float rounding of `least` never drops a true pair.
_SLACK = 1e-9


def candidate_pairs(old: Sequence[str], new: Sequence[str], least: float) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Rows and columns of the pairs, in row-major order, that may have
    `ratio(old[i], new[j]) >= least`: every pair that does is among them (`least` in (0, 1])."""
    if least <= 0.0 or not old or not new:
        rows, cols = np.divmod(np.arange(len(old) * len(new), dtype=np.intp), max(1, len(new)))
        return rows, cols
    if least > 1.0:  # no ratio exceeds 1
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty.copy()
    old_size = np.array([len(text) for text in old], dtype=np.int64)
    new_size = np.array([len(text) for text in new], dtype=np.int64)
    owner, element = _elements([*old, *new], np.concatenate([old_size, new_size]))
    # Rank of an element: rarest first over both sides (ties by the element itself).
    distinct, inverse, counts = np.unique(element, return_inverse=True, return_counts=True)
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.lexsort((distinct, counts))] = np.arange(len(distinct))
    owner, ranks = _prefixes(owner, rank[inverse], np.concatenate([old_size, new_size]), least)
    is_old = owner < len(old)
    old_owner, old_element = owner[is_old], ranks[is_old]
    new_owner, new_element = owner[~is_old] - len(old), ranks[~is_old]
    # Join the prefixes on their elements: every (old, new) pair sharing one, all in numpy.
    order = np.argsort(new_element, kind="stable")
    new_owner, new_element = new_owner[order], new_element[order]
    first = np.searchsorted(new_element, old_element, side="left")
    count = np.searchsorted(new_element, old_element, side="right") - first
    rows = np.repeat(old_owner, count)
    run_starts = np.repeat(first - (np.cumsum(count) - count), count)
    cols = new_owner[np.arange(len(rows), dtype=np.int64) + run_starts]
    # Two empty strings are alike (ratio 1) but share no element.
    old_empty, new_empty = np.flatnonzero(old_size == 0), np.flatnonzero(new_size == 0)
    rows = np.concatenate([rows, np.repeat(old_empty, len(new_empty))])
    cols = np.concatenate([cols, np.tile(new_empty, len(old_empty))])
    keys = np.sort(rows.astype(np.int64) * len(new) + cols)  # row-major; sorting beats np.unique's hash
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys
    rows, cols = np.divmod(keys, len(new))
    a, b = old_size[rows].astype(np.float64), new_size[cols].astype(np.float64)
    fits = 2.0 * np.minimum(a, b) >= least * (a + b) - _SLACK
    return rows[fits].astype(np.intp), cols[fits].astype(np.intp)


def _elements(texts: list[str], sizes: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Every character of `texts` as a set element: its owner (index of its text) and the pair
    (character, k-th occurrence in its text) coded as one integer."""
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    # Occurrence number: position within the run of one character in one text, in text order.
    order = np.lexsort((np.arange(len(points)), points, owner))
    by_owner, by_point = owner[order], points[order]
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = (by_owner[1:] != by_owner[:-1]) | (by_point[1:] != by_point[:-1])
    run_first = np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))
    occurrence = np.arange(len(order)) - run_first + 1
    longest = int(sizes.max(initial=0)) + 1
    return by_owner, by_point * longest + occurrence


def _prefixes(
    owner: NDArray[np.int64], rank: NDArray[np.int64], sizes: NDArray[np.int64], least: float
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Owner and rank of every prefix element: the rarest |x| − α(x) + 1 elements of each set x
    (`owner` sorted: each text's elements together)."""
    alpha = np.maximum(1, np.ceil(least * sizes / (2.0 - least) - _SLACK)).astype(np.int64)
    keep = sizes - alpha + 1
    order = np.lexsort((rank, owner))
    owner, rank = owner[order], rank[order]
    first_of_owner = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    position = np.arange(len(owner)) - first_of_owner[owner]
    inside = position < keep[owner]
    return owner[inside], rank[inside]
