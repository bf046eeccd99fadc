"""Runs of equal keys in a sorted array: where each entry stands inside its run."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def places_in_runs(keys: NDArray[np.generic]) -> NDArray[np.int64]:
    """For `keys` sorted (equal keys side by side), each entry's place within its run of equal
    keys: 0 for the first of a run, 1 for the next, and so on."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = keys[1:] != keys[:-1]
    at = np.arange(len(keys), dtype=np.int64)
    return at - np.maximum.accumulate(np.where(starts, at, 0))
