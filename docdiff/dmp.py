"""The one place diff-match-patch is used: a token-level diff returning named operations.

diff-match-patch diffs strings of characters; each distinct token is mapped to one private
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
    """Diff two token (or sentence) sequences; indices count items, not characters."""
    codes: dict[str, str] = {}

    def encode(items: list[str]) -> str:
        return "".join(codes.setdefault(item, chr(_FIRST_CODE + len(codes))) for item in items)

    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_TIMEOUT_SECONDS
    diffs = engine.diff_main(encode(old), encode(new), False)
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
