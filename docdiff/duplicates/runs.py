"""Maximal exact blocks of one text against itself, grown from all its seeds at once with numpy.

`matching.exact_blocks` grows the seeds one at a time in Python: fine for the few thousand
seeds of a report, but a text of many near-identical lines (200,000 lines sharing a prefix,
each a few digits apart) has a million seeds, and a Python loop of slice comparisons per seed
was a fifth of the time `dupes` took on it. Here every seed is extended by comparing code
points of all seeds in step; the few that still agree after `_VECTOR_STEPS` characters (long
repeats) finish with the galloping slice comparisons of `matching`. The blocks are exactly
those of `exact_blocks(text, text, seeds, k, same=True)`, in the same order.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from docdiff.duplicates.matching import Block, _extend_left, _extend_right

# Characters compared for all seeds in step before the still agreeing ones go on one by one.
_VECTOR_STEPS = 48


def self_exact_blocks(
    text: str, points: NDArray[np.uint64], first: NDArray[np.int64], second: NDArray[np.int64], k: int
) -> list[Block]:
    """Maximal exact blocks of `text` against itself from the seeds `(first[i], second[i])`
    (sorted by first, then second; each the start of a k-gram seen at both).

    A seed inside a block already grown from an earlier seed on its diagonal adds nothing, so
    each block is kept once, where its first seed stands in the seeds' order (what the
    one-at-a-time loop does by remembering how far each diagonal was reached).
    """
    n = len(points)
    valid = (second > first) & (second + k <= n)
    for j in range(k):  # a hash collision is not a seed
        valid[valid] = points[first[valid] + j] == points[second[valid] + j]
    index = np.nonzero(valid)[0]
    pa, pb = first[index], second[index]
    back = _agreement(text, points, pa - 1, pb - 1, pa, -1)
    starts = pa - back
    # One block per (diagonal, start): its first seed in the seeds' order grows it, so only
    # those seeds are grown to the right (in a long repeat, a few of all its seeds).
    width = np.int64(n + 1)
    keys = (pb - pa) * width + starts
    _, taken = np.unique(keys, return_index=True)
    taken.sort()
    pa, pb, starts = pa[taken], pb[taken], starts[taken]
    ends = pa + k + _agreement(text, points, pa + k, pb + k, n - (pb + k), 1)
    return [
        Block(s, e, s + d, e + d) for s, e, d in zip(starts.tolist(), ends.tolist(), (pb - pa).tolist(), strict=True)
    ]


def _agreement(
    text: str,
    points: NDArray[np.uint64],
    a: NDArray[np.int64],
    b: NDArray[np.int64],
    limit: NDArray[np.int64],
    step: int,
) -> NDArray[np.int64]:
    """How many characters agree from `a[i]` and `b[i]` on, walking by `step` (+1 right, -1
    left), at most `limit[i]`."""
    agree = np.zeros(len(a), dtype=np.int64)
    active = np.nonzero(limit > 0)[0]
    for j in range(_VECTOR_STEPS):
        if len(active) == 0:
            return agree
        same = points[a[active] + step * j] == points[b[active] + step * j]
        active = active[same]
        agree[active] += 1
        active = active[agree[active] < limit[active]]
    # Walking left, seeds come in text order: a seed whose text agrees, on its diagonal, with
    # everything back to an earlier long seed's place agrees as far back as that seed does.
    earlier: dict[int, tuple[int, int]] = {}  # diagonal → (place, where its agreement ends)
    for i in active.tolist():  # long agreements: galloping slice comparisons from where they stand
        done = int(agree[i])
        here, diagonal = int(a[i]), int(b[i]) - int(a[i])
        if step > 0:
            e, _ = _extend_right(text, text, here + done, here + diagonal + done)
            agree[i] = e - here
            continue
        seen = earlier.get(diagonal)
        if seen is not None and text[seen[0] : here + 1] == text[seen[0] + diagonal : here + 1 + diagonal]:
            start = seen[1]
        else:
            start, _ = _extend_left(text, text, here + 1 - done, here + diagonal + 1 - done)
        earlier[diagonal] = (here + 1, start)
        agree[i] = here + 1 - start
    return agree
