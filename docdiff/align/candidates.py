"""Section pairs worth scoring, found without holding a matrix of all pairs.

Alignment scores every old section against every new one, but keeps a pair only when it comes
near the best either of its sections has anywhere (`min_best_share`). Those few pairs are what
the assignment rounds and the solver work on. A 4 MB pair of documents has thousands of
sections a side, and a dense matrix per score would take gigabytes, so the grid is walked a
block of rows at a time: each block's scores are computed as the dense version computed them
(the same values, entry for entry), the best of each row and column is kept, and a pair is kept
if it may still be near the best; a last pass applies the columns' best.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from docdiff.similarity import BLOCK_ENTRIES

G = TypeVar("G", bound=np.generic)


@dataclass(frozen=True)
class PairTable:
    """Some pairs of a rows × columns grid, as flat vectors of row and column positions."""

    i: NDArray[np.intp]
    j: NDArray[np.intp]

    def left(self, values: NDArray[G]) -> NDArray[G]:
        """A per-row array's value for each pair."""
        return values[self.i]

    def right(self, values: NDArray[G]) -> NDArray[G]:
        """A per-column array's value for each pair."""
        return values[self.j]

    def subset(self, keep: NDArray[np.bool_] | NDArray[np.intp]) -> PairTable:
        """The pairs selected by a mask or by positions."""
        return PairTable(self.i[keep], self.j[keep])


@dataclass(frozen=True)
class Candidates:
    """The pairs kept, with their heading, content and base scores (vectors over the pairs)."""

    pairs: PairTable
    heading: NDArray[np.float64]
    content: NDArray[np.float64]
    base: NDArray[np.float64]


# Scores of the pairs of a block: heading, content, base, and whether a pair may pair at all.
Scorer = Callable[[PairTable, int, int], tuple[NDArray[Any], ...]]


def near_best(n_rows: int, n_cols: int, score: Scorer, share: float) -> Candidates:
    """Pairs whose base score reaches `share` of the best either section has (at least 1e-9),
    among those `score` allows; `score(block, start, stop)` scores all pairs of rows
    `start:stop` in row-major order."""
    step = max(1, BLOCK_ENTRIES // max(1, n_cols))
    row_best = np.full(n_rows, -np.inf)
    col_best = np.full(n_cols, -np.inf)
    kept: list[tuple[NDArray[Any], ...]] = []
    for start in range(0, n_rows, step):
        stop = min(n_rows, start + step)
        i = np.repeat(np.arange(start, stop, dtype=np.intp), n_cols)
        j = np.tile(np.arange(n_cols, dtype=np.intp), stop - start)
        heading, content, base, allowed = score(PairTable(i, j), start, stop)
        grid = base.reshape(stop - start, n_cols)
        row_best[start:stop] = grid.max(axis=1)
        col_best = np.maximum(col_best, grid.max(axis=0))
        # The row's best is known; the column's may still rise, which only removes pairs.
        may = allowed & (base >= share * np.maximum(row_best[i], 1e-9))
        kept.append((i[may], j[may], heading[may], content[may], base[may]))
    if not kept:
        empty = np.zeros(0, dtype=np.intp)
        return Candidates(PairTable(empty, empty.copy()), np.zeros(0), np.zeros(0), np.zeros(0))
    i, j, heading, content, base = (np.concatenate(part) for part in zip(*kept, strict=True))
    best = np.maximum(row_best[i], col_best[j])
    keep = base >= share * np.maximum(best, 1e-9)
    return Candidates(PairTable(i[keep], j[keep]), heading[keep], content[keep], base[keep])


def near_among(
    pairs: PairTable,
    heading: NDArray[np.float64],
    content: NDArray[np.float64],
    base: NDArray[np.float64],
    allowed: NDArray[np.bool_],
    share: float,
) -> Candidates:
    """`near_best` over the scored `pairs` only (a large comparison's candidates): the pairs
    allowed whose base score reaches `share` of the best either section has among them."""
    n_rows = int(pairs.i.max(initial=-1)) + 1
    n_cols = int(pairs.j.max(initial=-1)) + 1
    row_best = np.full(n_rows, -np.inf)
    col_best = np.full(n_cols, -np.inf)
    np.maximum.at(row_best, pairs.i, base)
    np.maximum.at(col_best, pairs.j, base)
    best = np.maximum(pairs.left(row_best), pairs.right(col_best))
    keep = allowed & (base >= share * np.maximum(best, 1e-9))
    return Candidates(pairs.subset(keep), heading[keep], content[keep], base[keep])
