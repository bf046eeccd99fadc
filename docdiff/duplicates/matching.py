"""Find passages shared by two texts (or repeated in one) from k-gram seeds.

Seeds are positions where both texts have the same k-gram. Each seed is extended left and
right to a maximal exact block (seeds already inside a block on the same diagonal are
skipped, so the work is linear in the size of the matches); blocks close to each other in
both texts (a gap of a few edited characters) are chained into one near copy, which is then
verified with an edit-distance similarity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docdiff.similarity import text_ratio


@dataclass(frozen=True)
class Block:
    """`a[a_start:a_end]` matches `b[b_start:b_end]` (exactly, or nearly once chained)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def exact_blocks(a: str, b: str, seeds: Iterable[tuple[int, int]], k: int, same: bool) -> list[Block]:
    """Maximal exact blocks grown from seeds sorted by their position in `a`.

    With `same`, `a` and `b` are one text and only seeds with `b` after `a` count.
    """
    reached: dict[int, int] = {}  # diagonal → end in `a` of the last block on it
    blocks: list[Block] = []
    for pa, pb in seeds:
        if same and pb <= pa:
            continue
        diagonal = pb - pa
        if reached.get(diagonal, -1) > pa or a[pa : pa + k] != b[pb : pb + k]:
            continue
        s, t = pa, pb
        while s > 0 and t > 0 and a[s - 1] == b[t - 1]:
            s -= 1
            t -= 1
        e, f = pa + k, pb + k
        while e < len(a) and f < len(b) and a[e] == b[f]:
            e += 1
            f += 1
        reached[diagonal] = e
        blocks.append(Block(s, e, t, f))
    return blocks


def across_edits(a: str, b: str, blocks: list[Block], gap: int, same: bool, min_chars: int) -> list[Block]:
    """Blocks that could make a copy of `min_chars` carried on across small edits at both ends.

    A copy of `min_chars` with one edit keeps an exact stretch of half its length, so shorter
    blocks (coincidences of a common phrase) are dropped before the costlier extension.
    """
    out: dict[Block, None] = {}
    for block in blocks:
        if block.a_end - block.a_start < min_chars // 2:
            continue
        s, t = _across_edits_left(a, b, block.a_start, block.b_start, gap, same)
        e, f = _across_edits_right(a, b, block.a_end, block.b_end, gap, same)
        out[Block(s, e, t, f)] = None
    return list(out)


# Characters that must agree after an edit for a copy to continue across it.
_RESUME = 4


def _agree(a: str, b: str, i: int, j: int, step: int) -> bool:
    """Whether `a` from `i` and `b` from `j` agree for `_RESUME` characters in direction `step`
    (+1 right, -1 left), or agree up to the edge of a line on both sides."""
    for n in range(_RESUME):
        x, y = i + step * n, j + step * n
        if step < 0:
            x, y = x - 1, y - 1
        a_out = x < 0 or x >= len(a) or a[x] == "\n"
        b_out = y < 0 or y >= len(b) or b[y] == "\n"
        if a_out or b_out:
            return n > 0 and a_out and b_out
        if a[x] != b[y]:
            return False
    return True


def _across_edits_right(a: str, b: str, e: int, f: int, gap: int, same: bool) -> tuple[int, int]:
    """Carry a match on across small edits (a changed number, a dropped word) to the right."""
    while e < len(a) and f < len(b) and a[e] != "\n" and b[f] != "\n":
        resume = None
        for cost in range(1, 2 * gap + 1):
            for i in range(max(0, cost - gap), min(cost, gap) + 1):
                j = cost - i
                if (not same or f + j > e + i) and _agree(a, b, e + i, f + j, 1):
                    resume = (e + i, f + j)
                    break
            if resume:
                break
        if resume is None:
            break
        e, f = resume
        while e < len(a) and f < len(b) and a[e] == b[f] and (not same or f > e):
            e += 1
            f += 1
    return e, f


def _across_edits_left(a: str, b: str, s: int, t: int, gap: int, same: bool) -> tuple[int, int]:
    """The same to the left."""
    while s > 0 and t > 0 and a[s - 1] != "\n" and b[t - 1] != "\n":
        resume = None
        for cost in range(1, 2 * gap + 1):
            for i in range(max(0, cost - gap), min(cost, gap) + 1):
                j = cost - i
                if s - i < 0 or t - j < 0:
                    continue
                if _agree(a, b, s - i, t - j, -1):
                    resume = (s - i, t - j)
                    break
            if resume:
                break
        if resume is None:
            break
        s, t = resume
        while s > 0 and t > 0 and a[s - 1] == b[t - 1]:
            s -= 1
            t -= 1
    return s, t


def chain(blocks: list[Block], gap: int) -> list[Block]:
    """Join blocks that follow each other in both texts within `gap` characters (near copies)."""
    chains: list[Block] = []
    open_chains: list[int] = []
    for block in sorted(blocks, key=lambda x: (x.a_start, x.b_start)):
        attached = False
        keep: list[int] = []
        for index in open_chains:
            current = chains[index]
            if current.a_end < block.a_start - gap:
                continue  # too far behind to ever take another block
            keep.append(index)
            if attached:
                continue
            da = block.a_start - current.a_end
            db = block.b_start - current.b_end
            shift = (block.b_start - block.a_start) - (current.b_start - current.a_start)
            if -gap <= da <= gap and -gap <= db <= gap and abs(shift) <= gap and block.b_start > current.b_start:
                chains[index] = Block(
                    current.a_start, max(current.a_end, block.a_end), current.b_start, max(current.b_end, block.b_end)
                )
                attached = True
        if not attached:
            chains.append(block)
            keep.append(len(chains) - 1)
        open_chains = keep
    return chains


def verified(a: str, b: str, blocks: list[Block], min_chars: int, threshold: float) -> list[tuple[Block, float]]:
    """Blocks long enough on both sides whose texts are at least `threshold` alike."""
    out: list[tuple[Block, float]] = []
    for block in blocks:
        left = a[block.a_start : block.a_end]
        right = b[block.b_start : block.b_end]
        if len(left.strip()) < min_chars or len(right.strip()) < min_chars:
            continue
        similarity = 1.0 if left == right else text_ratio(left, right)
        if similarity >= threshold:
            out.append((block, similarity))
    return out
