"""The one place diff-match-patch is used: a token-level diff returning named operations.

diff-match-patch diffs strings of characters; each token found on both sides is mapped to one
code point (the same trick as its `diff_linesToChars`), diffed with semantic cleanup, and
mapped back. Callers see `Opcode` tags, never the library's -1/0/1 tuples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

OpTag = Literal["equal", "delete", "insert"]
_TAGS: dict[int, OpTag] = {0: "equal", -1: "delete", 1: "insert"}
# Tokens are mapped from this code point on: Supplementary Private Use Area-A, never in real text.
_FIRST_CODE = 0xF0000
_PRIVATE = 0x110000 - _FIRST_CODE
_SURROGATES = (0xD800, 0xE000)
# How many distinct symbols a diff can use: every code point but the surrogates.
_CAPACITY = 0x110000 - (_SURROGATES[1] - _SURROGATES[0])

# Seconds diff-match-patch may spend on one token sequence before returning a coarser diff.
# Sentences are short, so the limit is a guard, not a tuning value.
DIFF_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class Opcode:
    """A run of tokens: `old[old_start:old_end]` becomes `new[new_start:new_end]`."""

    tag: OpTag
    old_start: int
    old_end: int
    new_start: int
    new_end: int


def diff_sequences(old: list[str], new: list[str], semantic_cleanup: bool = True) -> list[Opcode]:
    """Diff two token (or sentence) sequences; indices count items, not characters.

    Any number of distinct items: only items found on both sides need a code of their own (an
    item on one side only can never be equal to anything on the other, so all of one side's
    share one code); past the code points there are, the sequences are diffed in aligned chunks.
    """
    # Each side's distinct items in order of first appearance: codes are decided once per
    # distinct item, and each side's text is then one lookup per item, in C.
    distinct_old, distinct_new = dict.fromkeys(old), dict.fromkeys(new)
    common = distinct_old.keys() & distinct_new.keys()
    if len(common) + 2 > _CAPACITY:
        return _chunked(old, new, semantic_cleanup)
    codes = {item: _code(k) for k, item in enumerate(item for item in distinct_old if item in common)}
    only_old, only_new = _code(len(codes)), _code(len(codes) + 1)
    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_TIMEOUT_SECONDS
    old_codes = {item: codes.get(item, only_old) for item in distinct_old}
    new_codes = {item: codes.get(item, only_new) for item in distinct_new}
    old_text = "".join(map(old_codes.__getitem__, old))
    new_text = "".join(map(new_codes.__getitem__, new))
    diffs = engine.diff_main(old_text, new_text, False)
    if semantic_cleanup:
        engine.diff_cleanupSemantic(diffs)
    opcodes: list[Opcode] = []
    i = j = 0
    for op, chunk in diffs:
        tag = _TAGS[op]
        size = len(chunk)
        di = size if tag != "insert" else 0
        dj = size if tag != "delete" else 0
        opcodes.append(Opcode(tag, i, i + di, j, j + dj))
        i += di
        j += dj
    return opcodes


def _code(index: int) -> str:
    """The index-th code point usable as a diff symbol: Supplementary Private Use Area-A first
    (never in real text), then the planes below it, skipping surrogates (not valid in a str diff)."""
    if index < _PRIVATE:
        return chr(_FIRST_CODE + index)
    index -= _PRIVATE
    return chr(index if index < _SURROGATES[0] else index + _SURROGATES[1] - _SURROGATES[0])


def _chunked(old: list[str], new: list[str], semantic_cleanup: bool) -> list[Opcode]:
    """More common items than code points: diff consecutive chunks of both sides pairwise."""
    step = _CAPACITY // 2
    opcodes: list[Opcode] = []
    i = j = 0
    while i < len(old) or j < len(new):
        for code in diff_sequences(old[i : i + step], new[j : j + step], semantic_cleanup):
            opcodes.append(Opcode(code.tag, code.old_start + i, code.old_end + i, code.new_start + j, code.new_end + j))
        i, j = min(i + step, len(old)), min(j + step, len(new))
    return opcodes
