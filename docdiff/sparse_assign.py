"""The best one-to-one pairing over a sparse set of allowed pairs, solved piece by piece.

Alignment and fact pairing each solve an assignment in which most pairs are forbidden. A dense
solver over all rows × columns costs memory and time in the product of the two sizes (a 4 MB
pair of documents has thousands of sections a side). The allowed pairs fall apart into
connected pieces (a section and the few sections like it), and no pair joins two pieces, so
the best pairing of the whole is the best pairing of each piece: each piece is solved alone,
densely, as the whole was, with its rows and columns in their original order (a forbidden pair
costs the same as in the whole; the solver first pairs as many allowed pairs as it can, then
prefers the higher scores).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from docdiff.sorted_runs import stable_order, unique_inverse

_FORBIDDEN = 1e6


def assign_sparse(
    rows: NDArray[np.intp], cols: NDArray[np.intp], score: NDArray[np.float64]
) -> list[tuple[int, int, float]]:
    """(row, col, score) of the best one-to-one pairing among the allowed pairs given, by row.

    `rows[k]`, `cols[k]` and `score[k]` describe allowed pair k (row and column numbers may be
    any non-negative integers, each pair given once); the pairing maximises the number of
    pairs, then their summed score, as a dense assignment over all rows and columns with the
    rest forbidden does.
    """
    return [(int(rows[k]), int(cols[k]), float(score[k])) for k in chosen_pairs(rows, cols, score)]


def chosen_pairs(rows: NDArray[np.intp], cols: NDArray[np.intp], score: NDArray[np.float64]) -> list[int]:
    """Positions k of the pairs `assign_sparse` chooses, in order of their rows."""
    if not len(rows):
        return []
    # scipy costs ~0.35 s to import: only where an assignment is solved.
    from scipy import sparse
    from scipy.optimize import linear_sum_assignment
    from scipy.sparse.csgraph import connected_components

    row_ids, row_of = unique_inverse(rows)
    col_ids, col_of = unique_inverse(cols)
    n, m = len(row_ids), len(col_ids)
    graph = sparse.coo_matrix((np.ones(len(rows)), (row_of, n + col_of)), shape=(n + m, n + m))
    _, label = connected_components(graph, directed=False)
    # A piece of one allowed pair is that pair (most pieces of a large comparison): chosen
    # without a solver; the others are solved one by one.
    piece = label[row_of]  # each allowed pair's piece
    alone = np.bincount(piece)[piece] == 1
    found: list[int] = np.flatnonzero(alone).tolist()
    shared = np.flatnonzero(~alone)
    order = shared[stable_order(piece[shared])]
    bounds = np.flatnonzero(np.diff(piece[order])) + 1
    for members in np.split(order, bounds) if len(order) else []:
        piece_rows = np.unique(row_of[members])
        piece_cols = np.unique(col_of[members])
        r = np.searchsorted(piece_rows, row_of[members])
        c = np.searchsorted(piece_cols, col_of[members])
        cost = np.full((len(piece_rows), len(piece_cols)), _FORBIDDEN)
        cost[r, c] = -score[members]
        entry = np.full(cost.shape, -1, dtype=np.intp)
        entry[r, c] = members
        for a, b in zip(*linear_sum_assignment(cost), strict=True):
            if entry[a, b] >= 0:
                found.append(int(entry[a, b]))
    found.sort(key=lambda k: int(rows[k]))
    return found
