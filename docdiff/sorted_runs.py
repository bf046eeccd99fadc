"""Runs of equal keys in a sorted array: where each entry stands inside its run."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def run_starts(keys: NDArray[np.generic]) -> NDArray[np.bool_]:
    """For `keys` with equal keys side by side, whether each entry opens a run of equal keys."""
    starts = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    return starts


def places_in_runs(keys: NDArray[np.generic]) -> NDArray[np.int64]:
    """For `keys` sorted (equal keys side by side), each entry's place within its run of equal
    keys: 0 for the first of a run, 1 for the next, and so on."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    starts = run_starts(keys)
    at = np.arange(len(keys), dtype=np.int64)
    return at - np.maximum.accumulate(np.where(starts, at, 0))


def stable_order(keys: NDArray[np.integer]) -> NDArray[np.int64]:
    """`np.argsort(keys, kind="stable")` for integer keys, the same order, found faster.

    numpy sorts plain integers with vectorised instructions, but sorts indices (`argsort`) by
    comparisons, several times slower and slower still once the array outgrows the caches. When
    the keys' range and the positions fit in 63 bits together, each key is packed with its
    position into one integer (key above, position below): sorting those sorts the keys, ties
    by position, which is the stable order, and the positions are read back from the low bits.
    """
    n = len(keys)
    if n < 2:
        return np.arange(n, dtype=np.int64)
    low, high = int(keys.min()), int(keys.max())
    if high - low < 1 << 16:
        # 16-bit integers numpy sorts by radix: stable and linear, faster still.
        return np.argsort((keys - low).astype(np.uint16), kind="stable").astype(np.int64, copy=False)
    bits = (n - 1).bit_length()
    if (high - low).bit_length() + bits > 63 or high >= 1 << 63:
        return np.argsort(keys, kind="stable").astype(np.int64, copy=False)
    packed = (keys.astype(np.int64) - low) << bits
    packed |= np.arange(n, dtype=np.int64)
    packed.sort()
    packed &= (1 << bits) - 1
    return packed


def unique_inverse(values: NDArray[np.integer]) -> tuple[NDArray[np.integer], NDArray[np.int64]]:
    """`np.unique(values, return_inverse=True)` for a flat integer array, by `stable_order`."""
    n = len(values)
    if not n:
        return values[:0].copy(), np.zeros(0, dtype=np.int64)
    order = stable_order(values)
    ordered = values[order]
    starts = run_starts(ordered)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.cumsum(starts) - 1
    return ordered[starts], inverse


def grouped_order(keys: NDArray[np.unsignedinteger]) -> NDArray[np.int64]:
    """An order of `keys` (hashes) that puts equal keys side by side, each run in position
    order; the runs themselves in no meaningful order.

    Each key's top bits are packed above its position and sorted as plain integers (see
    `stable_order`). Two different keys sharing those top bits (a chance of a few in a hundred
    for a million 64-bit hashes) would interleave: that is checked, and then the keys are
    sorted whole."""
    n = len(keys)
    bits = max(1, (n - 1).bit_length())
    if n < 2 or keys.dtype != np.uint64 or bits > 32:
        return np.argsort(keys, kind="stable").astype(np.int64, copy=False)
    packed = ((keys >> np.uint64(bits)) << np.uint64(bits)) | np.arange(n, dtype=np.uint64)
    packed.sort()
    order = (packed & np.uint64((1 << bits) - 1)).astype(np.int64)
    ordered = keys[order]
    top = packed >> np.uint64(bits)
    if bool(np.any((top[1:] == top[:-1]) & (ordered[1:] != ordered[:-1]))):
        return np.argsort(keys, kind="stable").astype(np.int64, copy=False)
    return order
