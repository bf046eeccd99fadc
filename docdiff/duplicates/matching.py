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
        s, t = _extend_left(a, b, pa, pb)
        e, f = _extend_right(a, b, pa + k, pb + k)
        reached[diagonal] = e
        blocks.append(Block(s, e, t, f))
    return blocks


# Exact extension compares slices (in C) of a few characters, doubling while they agree, then
# halves the last one: most agreements are short, so the first probe is small.
_FIRST_PROBE = 8
_LONGEST_PROBE = 1 << 20


def _extend_right(a: str, b: str, e: int, f: int) -> tuple[int, int]:
    """Where the agreement of `a[e:]` and `b[f:]` ends: galloping slice comparisons, then halving."""
    limit = min(len(a) - e, len(b) - f)
    agree, size = 0, _FIRST_PROBE
    while agree + size <= limit and a[e + agree : e + agree + size] == b[f + agree : f + agree + size]:
        agree += size
        size = min(2 * size, _LONGEST_PROBE)
    size = min(size, limit - agree)  # the agreement ends within the next `size` characters
    while size > 1:
        half = size // 2
        if a[e + agree : e + agree + half] == b[f + agree : f + agree + half]:
            agree += half
            size -= half
        else:
            size = half
    if size == 1 and a[e + agree] == b[f + agree]:
        agree += 1
    return e + agree, f + agree


def _extend_left(a: str, b: str, s: int, t: int) -> tuple[int, int]:
    """Where the agreement of `a[:s]` and `b[:t]`, read backwards, ends."""
    limit = min(s, t)
    agree, size = 0, _FIRST_PROBE
    while agree + size <= limit and a[s - agree - size : s - agree] == b[t - agree - size : t - agree]:
        agree += size
        size = min(2 * size, _LONGEST_PROBE)
    size = min(size, limit - agree)
    while size > 1:
        half = size // 2
        if a[s - agree - half : s - agree] == b[t - agree - half : t - agree]:
            agree += half
            size -= half
        else:
            size = half
    if size == 1 and a[s - agree - 1] == b[t - agree - 1]:
        agree += 1
    return s - agree, t - agree


def across_edits(a: str, b: str, blocks: list[Block], gap: int, same: bool, min_chars: int) -> list[Block]:
    """Blocks that could make a copy of `min_chars` carried on across small edits at both ends.

    A copy of `min_chars` with one edit keeps an exact stretch of half its length, so shorter
    blocks (coincidences of a common phrase) are dropped before the costlier extension.
    """
    out: dict[Block, None] = {}
    # Blocks of one near copy walk through the same places: each place's end is remembered, in
    # each direction, and a later walk stops there (linear work).
    ends: Places = {}
    starts: Places = {}
    for block in blocks:
        if block.a_end - block.a_start < min_chars // 2:
            continue
        s, t = _across_edits_left(a, b, block.a_start, block.b_start, gap, same, starts)
        e, f, _ = _across_edits_right(a, b, block.a_end, block.b_end, gap, same, ends, ends)
        out[Block(s, e, t, f)] = None
    return list(out)


# Characters that must agree after an edit for a copy to continue across it.
_RESUME = 4


def _resume_right(a: str, b: str, e: int, f: int, gap: int, same: bool) -> tuple[int, int] | None:
    """The nearest (fewest skipped characters) place after an edit where both texts agree again."""
    best: tuple[int, int] | None = None
    for i in range(gap + 1):
        if best is not None and i >= best[0] - e + best[1] - f:
            break  # a resume skipping i or more characters of `a` cannot be nearer than the best
        probe = a[e + i : e + i + _RESUME]
        if "\n" in probe:
            break
        if len(probe) < _RESUME:
            # Near the end of a line (or text): agreement up to it on both sides counts.
            tail_a = a[e + i : a.find("\n", e + i) if "\n" in a[e + i :] else len(a)]
            j_end = f + i
            if tail_a and b[j_end : j_end + len(tail_a)] == tail_a and (best is None or 2 * i < sum(best) - e - f):
                best = (e + i, j_end)
            break
        j = b.find(probe, f, f + gap + _RESUME)
        if j >= 0 and (not same or j > e + i) and (best is None or (i + j - f) < (best[0] - e + best[1] - f)):
            best = (e + i, j)
    return best


Places = dict[tuple[int, int], tuple[int, int]]


def _across_edits_right(
    a: str,
    b: str,
    e: int,
    f: int,
    gap: int,
    same: bool,
    known: Places | None = None,
    learnt: Places | None = None,
    flip: tuple[int, int] | None = None,
) -> tuple[int, int, bool]:
    """Carry a match on across small edits (a changed number, a dropped word) to the right.

    The walk is a function of the place it stands at: `known` maps places already walked from
    to where that walk ended (the third value says one was met), and each place passed is added
    to `learnt` with this walk's end. With `flip`, `a` and `b` are reversed lines ending at
    `flip` and the places are kept in the texts' own offsets, `flip - place`.
    """

    def place(e: int, f: int) -> tuple[int, int]:
        return (flip[0] - e, flip[1] - f) if flip else (e, f)

    passed: list[tuple[int, int]] = []
    met = False
    while e < len(a) and f < len(b) and a[e] != "\n" and b[f] != "\n":
        if known is not None:
            here = place(e, f)
            end = known.get(here)
            if end is not None:
                e, f = place(*end)
                met = True
                break
            passed.append(here)
        resume = _resume_right(a, b, e, f, gap, same)
        if resume is None or resume == (e, f):
            break
        e, f = resume
        if not same or f > e:  # f - e stays the same as both advance: one test for the whole run
            start = e
            e, f = _extend_right(a, b, e, f)  # slice comparisons in C, not one character at a time
            # Inside one text the walk keeps to its line, as the walk to the left does: an exact
            # stretch may run through a line break, but a repeat is carried across edits only
            # within a line (else a text of near-identical lines, each a few digits apart, is one
            # repeat per offset walked over whole, and verifying those grows with the square of
            # the text). Between two texts a copy may run on: reuse is found as it always was.
            newline = a.find("\n", start, e) if same else -1
            if newline >= 0:
                e, f = newline, f - (e - newline)
    if learnt is not None:
        end = place(e, f)
        for here in passed:
            learnt[here] = end
    return e, f, met


def _across_edits_left(a: str, b: str, s: int, t: int, gap: int, same: bool, known: Places) -> tuple[int, int]:
    """The same to the left: look right in the reversed lines up to each start."""
    if s <= 0 or t <= 0:
        return s, t
    line_a = a.rfind("\n", 0, s) + 1
    line_b = b.rfind("\n", 0, t) + 1
    # Reversing only a window before the start (widened while the walk nears its far end, where
    # it could see past it) keeps a long line from being copied once per block; what a walk
    # learns is kept only once its window is known to have held all it looked at.
    window = _LEFT_WINDOW
    while True:
        ra, rb = a[max(line_a, s - window) : s][::-1], b[max(line_b, t - window) : t][::-1]
        learnt: Places = {}
        e, f, met = _across_edits_right(ra, rb, 0, 0, gap, False, known, learnt, (s, t))
        whole = s - window <= line_a and t - window <= line_b
        if met or whole or (e + gap + _RESUME < len(ra) and f + gap + _RESUME < len(rb)):
            known.update(learnt)
            return s - e, t - f
        window *= 4


_LEFT_WINDOW = 256  # characters reversed first for a walk to the left


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


# Longer copies are compared chunk by chunk so verifying them stays linear in their length.
_CHUNK = 1000


def long_ratio(a: str, b: str) -> float:
    """Similarity of two copies, exact for short ones, chunked (length-weighted) for long ones."""
    if max(len(a), len(b)) <= 2 * _CHUNK:
        return text_ratio(a, b)
    chunks = max(1, len(a) // _CHUNK)
    total = weight = 0.0
    for k in range(chunks):
        a0, a1 = k * len(a) // chunks, (k + 1) * len(a) // chunks
        b0, b1 = k * len(b) // chunks, (k + 1) * len(b) // chunks
        size = (a1 - a0) + (b1 - b0)
        total += text_ratio(a[a0:a1], b[b0:b1]) * size
        weight += size
    return total / weight if weight else 1.0


def verified(a: str, b: str, blocks: list[Block], min_chars: int, threshold: float) -> list[tuple[Block, float]]:
    """Blocks long enough on both sides whose texts are at least `threshold` alike."""
    out: list[tuple[Block, float]] = []
    for block in blocks:
        left = a[block.a_start : block.a_end]
        right = b[block.b_start : block.b_end]
        if len(left.strip()) < min_chars or len(right.strip()) < min_chars:
            continue
        similarity = 1.0 if left == right else long_ratio(left, right)
        if similarity >= threshold:
            out.append((block, similarity))
    return out


def merged(a: str, b: str, found: list[tuple[Block, float]], threshold: float) -> list[tuple[Block, float]]:
    """Verified copies that overlap in both texts joined into one where the whole is still alike
    (`threshold`): the chains of a re-worded passage overlap where an edit cut them, and a reader
    sees the passage once, not as three overlapping copies. Where the whole is not alike enough,
    a copy mostly inside a longer one is left out, and copies overlapping less are both kept."""
    out: list[tuple[Block, float]] = []
    for block, similarity in sorted(found, key=lambda item: (item[0].a_start, item[0].b_start)):
        if out:
            last, last_similarity = out[-1]
            if block.a_start < last.a_end and block.b_start < last.b_end and block.b_end > last.b_start:
                whole = Block(
                    min(last.a_start, block.a_start),
                    max(last.a_end, block.a_end),
                    min(last.b_start, block.b_start),
                    max(last.b_end, block.b_end),
                )
                ratio = long_ratio(a[whole.a_start : whole.a_end], b[whole.b_start : whole.b_end])
                if ratio >= threshold:
                    out[-1] = (whole, ratio)
                    continue
                shorter, longer = sorted(((block, similarity), (last, last_similarity)), key=lambda x: _size(x[0]))
                if _overlap(shorter[0], longer[0]) * 2 > _size(shorter[0]):
                    out[-1] = longer
                    continue
        out.append((block, similarity))
    return out


def _size(block: Block) -> int:
    return block.a_end - block.a_start


def _overlap(x: Block, y: Block) -> int:
    return max(0, min(x.a_end, y.a_end) - max(x.a_start, y.a_start))
