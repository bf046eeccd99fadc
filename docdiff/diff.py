"""Diff the bodies of aligned sections: sentences first, then tokens inside changed sentences.

Both bodies are cut into sentence units; the unit sequences are diffed, and in each changed
stretch deleted and inserted sentences are paired by similarity (keeping order) and diffed
token by token with semantic cleanup. Unpaired sentences are whole deletes and inserts; those
that reappear elsewhere (in another section or another place) become moves. Offsets here are
normalised; `compare` maps them to the original texts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from docdiff.dmp import diff_sequences
from docdiff.models import Span
from docdiff.options import DiffOptions
from docdiff.sentences import Unit, sentence_units
from docdiff.similarity import ratio_matrix, ratio_pairs
from docdiff.tokens import tokenize

# Above this many candidate sentence pairs in one changed stretch, pairing is greedy, not optimal.
_MAX_DP_CELLS = 40_000


@dataclass
class RawEdit:
    """An edit in normalised offsets: old[old_start:old_end] becomes new[new_start:new_end]."""

    op: Literal["insert", "delete", "replace", "move"]
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str
    key: str = ""  # the whole sentence, for unit-level deletes and inserts (move candidates)
    direction: Literal["out", "in"] | None = None
    source: Span | None = None  # for a move in: where the sentence was in the old text


@dataclass
class RawSentence:
    """A changed sentence with its inline diff, in normalised offsets."""

    kind: Literal["changed", "added", "removed", "moved-in", "moved-out"]
    old: Span | None
    new: Span | None
    pieces: list[tuple[Literal["equal", "delete", "insert"], str]]
    edit: RawEdit | None = None  # the unit-level edit this sentence stands for, if any


@dataclass
class SectionDiff:
    """Edits and changed sentences of one aligned pair (or of a one-sided section's moves)."""

    edits: list[RawEdit] = field(default_factory=list)
    sentences: list[RawSentence] = field(default_factory=list)


def diff_bodies(old_text: str, old_region: Span, new_text: str, new_region: Span, options: DiffOptions) -> SectionDiff:
    """Edits turning `old_text[old_region]` into `new_text[new_region]`, in old order."""
    result = SectionDiff()
    if old_text[old_region[0] : old_region[1]] == new_text[new_region[0] : new_region[1]]:
        return result
    old_items = _items(old_text, old_region)
    new_items = _items(new_text, new_region)
    opcodes = diff_sequences([old_text[s:e] for s, e in old_items], [new_text[s:e] for s, e in new_items], False)
    k = 0
    while k < len(opcodes):
        if opcodes[k].tag == "equal":
            k += 1
            continue
        first = opcodes[k]
        while k + 1 < len(opcodes) and opcodes[k + 1].tag != "equal":
            k += 1
        last = opcodes[k]
        k += 1
        old_span = _cover(old_items, first.old_start, last.old_end, old_region)
        new_span = _cover(new_items, first.new_start, last.new_end, new_region)
        _diff_stretch(old_text, old_span, new_text, new_span, options, result)
    return result


def _items(text: str, region: Span) -> list[Span]:
    """Sentences and separator runs of a region, as spans that tile it."""
    items: list[Span] = []
    for unit in sentence_units(text, region):
        body_end = unit.start + len(text[unit.start : unit.end].rstrip("\n "))
        if body_end > unit.start:
            items.append((unit.start, body_end))
        if unit.end > body_end:
            items.append((body_end, unit.end))
    return items


def _cover(items: list[Span], start: int, end: int, region: Span) -> Span:
    """The text span covered by items[start:end] (an empty span at the right place if none)."""
    if end > start:
        return (items[start][0], items[end - 1][1])
    pos = items[start][0] if start < len(items) else region[1]
    return (pos, pos)


def _diff_stretch(
    old_text: str, old_span: Span, new_text: str, new_span: Span, options: DiffOptions, out: SectionDiff
) -> None:
    """Diff one changed stretch: pair similar sentences, token-diff the pairs, the rest whole."""
    old_units = sentence_units(old_text, old_span)
    new_units = sentence_units(new_text, new_span)
    pairs = _pair_sentences(old_units, new_units, options.min_sentence_pair_similarity)
    oi = ni = 0
    for a, b in [*pairs, (len(old_units), len(new_units))]:
        gap_old = old_units[oi:a]
        gap_new = new_units[ni:b]
        anchor = _unit_start(old_units, a, old_span)  # where inserted sentences go in the old text
        was = _unit_start(new_units, ni, new_span)  # where deleted sentences were in the new text
        for unit in gap_old:
            edit = RawEdit(
                "delete",
                unit.start,
                unit.end,
                was,
                was,
                old_text[unit.start : unit.end],
                "",
                key=unit.key,
            )
            out.edits.append(edit)
            out.sentences.append(
                RawSentence("removed", (unit.start, unit.end), None, [("delete", edit.old_text)], edit)
            )
        for unit in gap_new:
            edit = RawEdit(
                "insert",
                anchor,
                anchor,
                unit.start,
                unit.end,
                "",
                new_text[unit.start : unit.end],
                key=unit.key,
            )
            out.edits.append(edit)
            out.sentences.append(RawSentence("added", None, (unit.start, unit.end), [("insert", edit.new_text)], edit))
        if a < len(old_units):
            _diff_tokens(old_text, old_units[a], new_text, new_units[b], out)
        oi, ni = a + 1, b + 1


def _unit_start(units: list[Unit], index: int, span: Span) -> int:
    """Where unit `index` starts, or the end of the span past the last unit."""
    return units[index].start if index < len(units) else span[1]


def _diff_tokens(old_text: str, old: Unit, new_text: str, new: Unit, out: SectionDiff) -> None:
    old_tokens = tokenize(old_text[old.start : old.end])
    new_tokens = tokenize(new_text[new.start : new.end])
    old_pos = _positions(old_tokens, old.start)
    new_pos = _positions(new_tokens, new.start)
    pieces: list[tuple[Literal["equal", "delete", "insert"], str]] = []
    pending: RawEdit | None = None
    for op in diff_sequences(old_tokens, new_tokens):
        os_, oe = old_pos[op.old_start], old_pos[op.old_end]
        ns, ne = new_pos[op.new_start], new_pos[op.new_end]
        if op.tag == "equal":
            pieces.append(("equal", old_text[os_:oe]))
            if pending:
                out.edits.append(pending)
                pending = None
            continue
        if op.tag == "delete":
            pieces.append(("delete", old_text[os_:oe]))
        else:
            pieces.append(("insert", new_text[ns:ne]))
        if pending is None:
            pending = RawEdit(op.tag, os_, oe, ns, ne, old_text[os_:oe], new_text[ns:ne])
        else:  # a delete next to an insert is one replacement
            pending = RawEdit(
                "replace",
                pending.old_start,
                max(pending.old_end, oe),
                pending.new_start,
                max(pending.new_end, ne),
                old_text[pending.old_start : max(pending.old_end, oe)],
                new_text[pending.new_start : max(pending.new_end, ne)],
            )
    if pending:
        out.edits.append(pending)
    out.sentences.append(RawSentence("changed", (old.start, old.end), (new.start, new.end), pieces))


def _positions(tokens: list[str], start: int) -> list[int]:
    positions = [start]
    for token in tokens:
        positions.append(positions[-1] + len(token))
    return positions


def _pair_sentences(old: list[Unit], new: list[Unit], threshold: float) -> list[tuple[int, int]]:
    """Order-keeping pairs of similar sentences maximising total similarity."""
    if not old or not new:
        return []
    score = ratio_matrix([u.key for u in old], [u.key for u in new])
    if len(old) * len(new) > _MAX_DP_CELLS:
        return _greedy_pairs(score, threshold)
    m, n = score.shape
    best = np.zeros((m + 1, n + 1))
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            take = best[i + 1, j + 1] + score[i, j] if score[i, j] >= threshold else -1.0
            best[i, j] = max(take, best[i + 1, j], best[i, j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < m and j < n:
        if score[i, j] >= threshold and best[i, j] == best[i + 1, j + 1] + score[i, j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i, j] == best[i + 1, j]:
            i += 1
        else:
            j += 1
    return pairs


def _greedy_pairs(score: NDArray[np.float64], threshold: float) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    j0 = 0
    for i in range(score.shape[0]):
        if j0 >= score.shape[1]:
            break
        j = j0 + int(np.argmax(score[i, j0:]))
        if score[i, j] >= threshold:
            pairs.append((i, j))
            j0 = j + 1
    return pairs


def one_sided_units(text: str, region: Span, side: Literal["old", "new"]) -> SectionDiff:
    """Whole-sentence deletes (or inserts) for a dropped (or added) section: move candidates only."""
    result = SectionDiff()
    for unit in sentence_units(text, region):
        if not unit.key:
            continue
        if side == "old":
            edit = RawEdit("delete", unit.start, unit.end, 0, 0, text[unit.start : unit.end], "", key=unit.key)
            result.sentences.append(
                RawSentence("removed", (unit.start, unit.end), None, [("delete", edit.old_text)], edit)
            )
        else:
            edit = RawEdit("insert", 0, 0, unit.start, unit.end, "", text[unit.start : unit.end], key=unit.key)
            result.sentences.append(
                RawSentence("added", None, (unit.start, unit.end), [("insert", edit.new_text)], edit)
            )
        result.edits.append(edit)
    return result


def find_moves(diffs: list[SectionDiff], options: DiffOptions) -> None:
    """Turn a whole-sentence delete and a matching insert anywhere into a pair of moves (in place).

    Exact copies pair first; then near copies (similarity ≥ `min_move_similarity`), best first,
    whose moves carry a token diff of what changed on the way.
    """
    deletes = _candidates(diffs, "removed", options.min_move_chars)
    inserts = _candidates(diffs, "added", options.min_move_chars)
    by_key: dict[str, list[int]] = defaultdict(list)
    for k, sentence in enumerate(inserts):
        by_key[_key(sentence)].append(k)
    used: set[int] = set()
    unmatched: list[RawSentence] = []
    # Inserts of one key are taken in order, so the used ones are a prefix of its list: a count
    # per key finds the first free one (a scan of the list per delete was quadratic in copies).
    taken: dict[str, int] = defaultdict(int)
    for sentence in deletes:
        key = _key(sentence)
        same = by_key.get(key, [])
        if taken[key] < len(same):
            first = same[taken[key]]
            taken[key] += 1
            used.add(first)
            _make_move(sentence, inserts[first])
        else:
            unmatched.append(sentence)
    rest = [inserts[k] for k in range(len(inserts)) if k not in used]
    if not unmatched or not rest:
        return
    # Only the pairs alike enough, best first (ties in reading order): no matrix of all pairs.
    rows, cols, score = ratio_pairs([_key(s) for s in unmatched], [_key(s) for s in rest], options.min_move_similarity)
    taken_rows: set[int] = set()
    taken_cols: set[int] = set()
    free = min(len(set(rows.tolist())), len(set(cols.tolist())))  # moves there can be at most
    for k in np.argsort(-score, kind="stable").tolist():
        if len(taken_rows) == free:
            break  # every row or every column that has a pair is taken: nothing more can pair
        row, col = int(rows[k]), int(cols[k])
        if row in taken_rows or col in taken_cols:
            continue
        taken_rows.add(row)
        taken_cols.add(col)
        _make_move(unmatched[row], rest[col])


def _candidates(diffs: list[SectionDiff], kind: str, min_chars: int) -> list[RawSentence]:
    return [
        s for d in diffs for s in d.sentences if s.kind == kind and s.edit is not None and len(s.edit.key) >= min_chars
    ]


def _key(sentence: RawSentence) -> str:
    assert sentence.edit is not None
    return sentence.edit.key


def _make_move(removed: RawSentence, added: RawSentence) -> None:
    out, into = removed.edit, added.edit
    assert out is not None and into is not None
    out.op = into.op = "move"
    out.direction, into.direction = "out", "in"
    out.new_text, into.old_text = into.new_text, out.old_text
    out.new_start, out.new_end = into.new_start, into.new_end
    moved_from = (out.old_start, out.old_end)
    into.source = moved_from
    removed.kind, added.kind = "moved-out", "moved-in"
    removed.new, added.old = added.new, moved_from
    pieces = token_pieces(out.old_text, into.new_text)
    removed.pieces = added.pieces = pieces


def token_pieces(old: str, new: str) -> list[tuple[Literal["equal", "delete", "insert"], str]]:
    """Inline token diff of two strings."""
    if old == new:
        return [("equal", old)]
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    pieces: list[tuple[Literal["equal", "delete", "insert"], str]] = []
    for op in diff_sequences(old_tokens, new_tokens):
        if op.tag == "insert":
            pieces.append(("insert", "".join(new_tokens[op.new_start : op.new_end])))
        else:
            pieces.append((op.tag, "".join(old_tokens[op.old_start : op.old_end])))
    return pieces
