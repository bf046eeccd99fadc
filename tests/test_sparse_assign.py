"""The sparse assignment, piece by piece, against one dense assignment of all rows and columns."""

from __future__ import annotations

import random

import numpy as np
from scipy.optimize import linear_sum_assignment

from docdiff.sparse_assign import assign_sparse


def _dense(rows: list[int], cols: list[int], score: list[float]) -> set[tuple[int, int]]:
    """The pairs one dense assignment chooses: forbidden pairs cost more than any allowed one."""
    row_ids, col_ids = sorted(set(rows)), sorted(set(cols))
    cost = np.full((len(row_ids), len(col_ids)), 1e6)
    for r, c, s in zip(rows, cols, score, strict=True):
        cost[row_ids.index(r), col_ids.index(c)] = -s
    return {(row_ids[a], col_ids[b]) for a, b in zip(*linear_sum_assignment(cost), strict=True) if cost[a, b] < 1e6}


def test_sparse_assignment_chooses_what_one_dense_assignment_chooses() -> None:
    """Random sparse pairs (many pieces of one pair, some larger), scores without ties: the
    optimum is unique, so both choose the same pairs; the result comes by row."""
    rng = random.Random(3)
    for _ in range(200):
        width = rng.randint(1, 30)
        cells = {(rng.randrange(width), rng.randrange(width)) for _ in range(rng.randint(1, 2 * width))}
        rows = [r * 7 for r, _ in cells]  # row and column numbers need not be consecutive
        cols = [c * 3 + 1 for _, c in cells]
        score = [rng.random() for _ in cells]
        found = assign_sparse(np.array(rows), np.array(cols), np.array(score))
        assert {(r, c) for r, c, _ in found} == _dense(rows, cols, score)
        assert [r for r, _, _ in found] == sorted(r for r, _, _ in found)
        by_pair = dict(zip(zip(rows, cols, strict=True), score, strict=True))
        assert all(by_pair[(r, c)] == s for r, c, s in found)
    assert assign_sparse(np.array([], dtype=np.intp), np.array([], dtype=np.intp), np.array([])) == []
