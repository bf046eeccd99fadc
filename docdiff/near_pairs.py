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

import math
from collections import Counter
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
    old_sets = [_elements(text) for text in old]
    new_sets = [_elements(text) for text in new]
    frequency: Counter[tuple[str, int]] = Counter()
    for elements in (*old_sets, *new_sets):
        frequency.update(elements)
    rank = {element: k for k, element in enumerate(sorted(frequency, key=lambda e: (frequency[e], e)))}
    old_owner, old_element = _prefixes(old_sets, rank, least)
    new_owner, new_element = _prefixes(new_sets, rank, least)
    # Join the prefixes on their elements: every (old, new) pair sharing one, all in numpy.
    order = np.argsort(new_element, kind="stable")
    new_owner, new_element = new_owner[order], new_element[order]
    first = np.searchsorted(new_element, old_element, side="left")
    count = np.searchsorted(new_element, old_element, side="right") - first
    rows = np.repeat(old_owner, count)
    run_starts = np.repeat(first - (np.cumsum(count) - count), count)
    cols = new_owner[np.arange(len(rows), dtype=np.intp) + run_starts]
    # Two empty strings are alike (ratio 1) but share no element.
    old_empty = np.array([i for i, e in enumerate(old_sets) if not e], dtype=np.intp)
    new_empty = np.array([j for j, e in enumerate(new_sets) if not e], dtype=np.intp)
    rows = np.concatenate([rows, np.repeat(old_empty, len(new_empty))])
    cols = np.concatenate([cols, np.tile(new_empty, len(old_empty))])
    keys = np.sort(rows.astype(np.int64) * len(new) + cols)  # row-major; sorting beats np.unique's hash
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys
    rows, cols = (part.astype(np.intp) for part in np.divmod(keys, len(new)))
    old_size = np.array([len(text) for text in old], dtype=np.float64)[rows]
    new_size = np.array([len(text) for text in new], dtype=np.float64)[cols]
    fits = 2.0 * np.minimum(old_size, new_size) >= least * (old_size + new_size) - _SLACK
    return rows[fits], cols[fits]


def _elements(text: str) -> list[tuple[str, int]]:
    """The characters of `text` as a set: the k-th occurrence of a character is (character, k)."""
    seen: dict[str, int] = {}
    elements = []
    for char in text:
        k = seen[char] = seen.get(char, 0) + 1
        elements.append((char, k))
    return elements


def _prefixes(
    sets: list[list[tuple[str, int]]], rank: dict[tuple[str, int], int], least: float
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Owner and rank of every prefix element: the rarest |x| − α(x) + 1 elements of each set x."""
    owners: list[int] = []
    elements: list[int] = []
    for owner, members in enumerate(sets):
        alpha = max(1, math.ceil(least * len(members) / (2.0 - least) - _SLACK))
        keep = len(members) - alpha + 1
        if keep <= 0:
            continue
        ranks = sorted([rank[e] for e in members])[:keep]
        owners.extend([owner] * len(ranks))
        elements.extend(ranks)
    return np.array(owners, dtype=np.intp), np.array(elements, dtype=np.intp)
