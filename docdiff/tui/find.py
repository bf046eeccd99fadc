"""Search as a reader means it: `９０` finds `90`, `Ａ` finds `a`, and a match is a span of the text as shown.

Each character is folded on its own (NFKC, then case), and only where the fold is one character,
so the folded text is exactly as long as the original and a match's offsets index the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.text import Text

# How a match stands out in the diff pane: distinct from the red and green of the edits.
MATCH_STYLE = "bold black on yellow"


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char  # ㈠ → (一), ﬁ → fi: folding would move every later offset
    lowered = folded.casefold()
    return lowered if len(lowered) == 1 else folded


def fold(text: str) -> str:
    """`text` with full-width digits, letters and spaces as ASCII and letters in one case; same length."""
    return "".join(_fold_char(char) for char in text)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping `(start, end)` in `text` where the folded query occurs in the folded text."""
    needle = fold(query)
    if not needle:
        return []
    haystack = fold(text)
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


def contains(text: str, query: str) -> bool:
    """Whether the folded query occurs in the folded text."""
    needle = fold(query)
    return bool(needle) and needle in fold(text)


def highlight(text: Text, query: str | None) -> Text:
    """`text` with every match of `query` styled as a match (in place; returned for chaining)."""
    if query:
        for start, end in find_all(text.plain, query):
            text.stylize(MATCH_STYLE, start, end)
    return text
