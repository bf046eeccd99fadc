"""k-gram hashes and winnowed fingerprints of a text, with numpy.

Winnowing (Schleimer, Wilkerson, Aiken 2003) keeps the smallest hash in every window of `w`
consecutive k-grams, which guarantees that any shared run of at least `w + k - 1` characters
shares at least one fingerprint.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import NDArray

_BASE = np.uint64(1_000_003)


def codes(text: str) -> NDArray[np.uint64]:
    """The text's code points as an array."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def kgram_hashes(points: NDArray[np.uint64], k: int) -> NDArray[np.uint64]:
    """Polynomial hash of every k-gram (wrapping 64-bit arithmetic), one per start position."""
    count = len(points) - k + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            hashes = hashes * _BASE + points[j : j + count]
        # Mix the bits so that the minimum of a window is not biased by the first character.
        hashes ^= hashes >> np.uint64(29)
        hashes *= np.uint64(0xBF58476D1CE4E5B9)
        hashes ^= hashes >> np.uint64(32)
    return hashes


def winnow(hashes: NDArray[np.uint64], w: int) -> NDArray[np.int64]:
    """Positions of the fingerprints: the rightmost minimum of each window of `w` hashes."""
    if len(hashes) == 0:
        return np.zeros(0, dtype=np.int64)
    if len(hashes) <= w:
        return np.array([int(np.argmin(hashes))], dtype=np.int64)
    windows = sliding_window_view(hashes, w)
    # argmin of the reversed window gives the rightmost minimum.
    rightmost = w - 1 - np.argmin(windows[:, ::-1], axis=1)
    positions = np.arange(len(windows)) + rightmost
    return np.unique(positions).astype(np.int64)
