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

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from docdiff.sorted_runs import places_in_runs, stable_order, unique_inverse

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
    old_long = _bigram_overlap(old_size, least) >= 1
    new_long = _bigram_overlap(new_size, least) >= 1
    parts = []
    if old_long.any() and new_long.any():
        # Two strings long enough to share bigrams: joined on bigrams, far rarer than characters.
        parts.append(_subset_join(old, new, old_long, new_long, least, _bigram_join))
    # The rest, a short string on one side: joined on characters.
    parts.append(_subset_join(old, new, ~old_long, np.ones(len(new), dtype=bool), least, _character_join))
    parts.append(_subset_join(old, new, old_long, ~new_long, least, _character_join))
    rows = np.concatenate([r for r, _ in parts])
    cols = np.concatenate([c for _, c in parts])
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


Join = Callable[[list[str], list[str], float], tuple[NDArray[np.int64], NDArray[np.int64]]]


def _subset_join(
    old: Sequence[str],
    new: Sequence[str],
    old_in: NDArray[np.bool_],
    new_in: NDArray[np.bool_],
    least: float,
    join: Join,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """`join` of the old strings `old_in` selects with the new ones `new_in` selects, as
    positions in `old` and `new`."""
    old_at, new_at = np.flatnonzero(old_in), np.flatnonzero(new_in)
    if not len(old_at) or not len(new_at):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rows, cols = join([old[k] for k in old_at.tolist()], [new[k] for k in new_at.tolist()], least)
    return old_at[rows], new_at[cols]


def _character_join(old: list[str], new: list[str], least: float) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Pairs whose prefixes of (character, k-th occurrence) elements meet (see the module's
    docstring); the needed overlap is α(x) = least·|x| / (2 − least)."""
    sizes = np.array([len(text) for text in [*old, *new]], dtype=np.int64)
    owner, element = _elements([*old, *new], sizes)
    alpha = np.maximum(1, np.ceil(least * sizes / (2.0 - least) - _SLACK)).astype(np.int64)
    return _prefix_join(owner, element, sizes, alpha, len(old))


def _bigram_overlap(sizes: NDArray[np.int64], least: float) -> NDArray[np.int64]:
    """β(x): bigrams a string of each size shares with any string at `least` from it.

    With an LCS of L between x and y, each character of x outside it spoils at most two of x's
    |x| − 1 bigrams, and each character of y outside it splits at most one pair of neighbours of
    x from being neighbours in y: at least 3L − |x| − |y| − 1 of x's bigrams are y's too (as
    multisets). `least` gives L ≥ least·(|x| + |y|)/2 and |y| ≥ least·|x| / (2 − least), so
    β(x) = (1.5·least − 1)·(|x| + least·|x| / (2 − least)) − 1: of use above least 2/3 only."""
    partner = least * sizes / (2.0 - least)
    beta = np.ceil((1.5 * least - 1.0) * (sizes + partner) - 1.0 - _SLACK)
    return np.maximum(0, beta).astype(np.int64)


def _bigram_join(old: list[str], new: list[str], least: float) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Pairs whose prefixes of (bigram, k-th occurrence) elements meet: every pair of strings
    at `least` from each other with β ≥ 1 on both sides is among them."""
    texts = [*old, *new]
    sizes = np.array([len(text) for text in texts], dtype=np.int64)
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    inside = owner[:-1] == owner[1:]  # no bigram spans two strings
    grams = (points[:-1] * 0x110000 + points[1:])[inside]
    gram_owner = owner[:-1][inside]
    gram_sizes = np.maximum(0, sizes - 1)
    owner, element = _multiset(gram_owner, grams, gram_sizes)
    beta = np.maximum(1, _bigram_overlap(sizes, least))
    return _prefix_join(owner, element, gram_sizes, beta, len(old))


def _prefix_join(
    owner: NDArray[np.int64], element: NDArray[np.int64], sizes: NDArray[np.int64], need: NDArray[np.int64], n_old: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Every (old, new) pair whose prefixes share enough elements (owners below `n_old` are old),
    each pair once.

    A pair that reaches the threshold shares at least need(x) elements with x and need(y) with
    y. Ordered by one global rank (rarest first over both sides), its first shared element has
    at most |x| − need(x) unshared ones of x before it, and its second at most as many and the
    first: both lie in x's rarest |x| − need(x) + 2 elements, and in y's likewise. So with
    prefixes one element longer, two sets that each need two or more share two prefix elements
    (one, if either needs only one): most sets sharing one common character by chance do not."""
    # Rank of an element: rarest first over both sides (ties by the element itself).
    distinct, inverse = unique_inverse(element)
    counts = np.bincount(inverse, minlength=len(distinct))
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.lexsort((distinct, counts))] = np.arange(len(distinct))
    owner, ranks = _prefixes(owner, rank[inverse], sizes, need - 1)
    is_old = owner < n_old
    old_owner, old_element = owner[is_old], ranks[is_old]
    new_owner, new_element = owner[~is_old] - n_old, ranks[~is_old]
    # Join the prefixes on their elements: every (old, new) pair sharing one, all in numpy.
    order = stable_order(new_element)
    new_owner, new_element = new_owner[order], new_element[order]
    first = np.searchsorted(new_element, old_element, side="left")
    count = np.searchsorted(new_element, old_element, side="right") - first
    rows = np.repeat(old_owner, count)
    run_starts = np.repeat(first - (np.cumsum(count) - count), count)
    cols = new_owner[np.arange(len(rows), dtype=np.int64) + run_starts]
    # Each pair once, with how many prefix elements it shares.
    width = max(1, len(sizes) - n_old)
    keys, shared = np.unique(rows * width + cols, return_counts=True)
    rows, cols = np.divmod(keys, width)
    enough = np.where((need[rows] >= 2) & (need[n_old + cols] >= 2), 2, 1)
    keep = shared >= enough
    return rows[keep], cols[keep]


def _elements(texts: list[str], sizes: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Every character of `texts` as a set element: its owner (index of its text) and the pair
    (character, k-th occurrence in its text) coded as one integer."""
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    return _multiset(owner, points, sizes)


def _multiset(
    owner: NDArray[np.int64], points: NDArray[np.int64], sizes: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Items (`points`, each owned by `owner`, owners in order) as set elements: the pair (item,
    k-th occurrence in its owner) coded as one integer, sorted by owner."""
    # Occurrence number: position within the run of one item in one owner, in order. One
    # stable sort on a single key (owner, then the item's rank among the distinct items) is
    # the three-key lexsort, several times faster.
    distinct, item = unique_inverse(points)
    keys = owner * max(1, len(distinct)) + item
    order = stable_order(keys)
    by_owner, by_point = owner[order], points[order]
    occurrence = places_in_runs(keys[order]) + 1
    longest = int(sizes.max(initial=0)) + 1
    return by_owner, by_point * longest + occurrence


def _prefixes(
    owner: NDArray[np.int64], rank: NDArray[np.int64], sizes: NDArray[np.int64], need: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Owner and rank of every prefix element: the rarest |x| − need(x) + 1 elements of each set
    x, all of them where that is more (`owner` sorted: each set's elements together)."""
    keep = sizes - need + 1
    order = stable_order(owner * max(1, int(rank.max(initial=0)) + 1) + rank)
    owner, rank = owner[order], rank[order]
    first_of_owner = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    position = np.arange(len(owner)) - first_of_owner[owner]
    inside = position < keep[owner]
    return owner[inside], rank[inside]
