"""Character classes and small predicates about the shape of Chinese text, shared by stages."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Sentence-final punctuation after normalisation (full-width forms are canonical in CJK text).
SENTENCE_END = "。！？；!?;…"
# Punctuation a heading or paragraph may end with and still be complete.
LINE_END = SENTENCE_END + "：:"
# Punctuation that cannot end a paragraph: a line ending with one continues on the next.
SOFT_END = "，、（“‘《「『【—,("
OPENERS = "“‘「『（《【〔(["
CLOSERS = "”’」』）》】〕)]"
PAIRS = dict(zip(OPENERS, CLOSERS, strict=True))
_OPENER_SET = frozenset(OPENERS)
_BRACKET = re.compile(f"[{re.escape(OPENERS + CLOSERS)}]")

CJK_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CN_DIGITS = "零〇一二三四五六七八九十百千两"
HAS_CJK = re.compile(f"[{CJK_CHAR}]")

# Openings of numbered headings; used to stop line joins and to detect headings.
HEADING_START = re.compile(
    rf"^(第[{CN_DIGITS}\d]+[章节条部篇]|[{CN_DIGITS}]+、|[（(][{CN_DIGITS}\d]+[）)]|\d+[.．、](?!\d))"
)


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (not punctuation)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


class _CellWidths(dict[str, int]):
    """Cells of each character seen so far, looked up on first sight (a text holds few distinct ones)."""

    def __missing__(self, ch: str) -> int:
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        self[ch] = width
        return width


_CELLS = _CellWidths()


def display_width(text: str) -> int:
    """Terminal cells the text takes: wide (CJK) characters count two."""
    if text.isascii():
        return len(text)
    # map over a dict's lookup runs in C: linear in the text with no Python call per character.
    return sum(map(_CELLS.__getitem__, text))


def ends_sentence(text: str) -> bool:
    """True if the text ends with sentence-final punctuation (closing quotes allowed after it)."""
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in LINE_END


def unclosed_opener(text: str) -> str | None:
    """The innermost quote or bracket opened in `text` and not closed, if any."""
    if _OPENER_SET.isdisjoint(text):  # most lines: no walk through their characters
        return None
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in CLOSERS and stack and PAIRS[stack[-1]] == ch:
            stack.pop()
    return stack[-1] if stack else None


def first_bracket(text: str) -> str | None:
    """The first quote or bracket character in `text`, opening or closing."""
    found = _BRACKET.search(text)
    return found.group() if found else None


class Substrings:
    """Whether a string occurs in a text, as `in` says, asked many times of one long text.

    `in` scans the text: a 4 MB version asked about the thousands of terms and list items of
    the other, each a scan, is quadratic. From `indexed_from` characters, the text's
    character bigrams are sorted once (numpy arrays, 24 bytes a character) and a question
    looks only at the positions of its rarest bigram; below it, and for strings of one
    character, `in` is cheaper.
    """

    def __init__(self, text: str, indexed_from: int = 200_000) -> None:
        self.text = text
        self._index: tuple[Any, Any, Any, Any] | None = None  # bigrams, first, counts, positions
        if len(text) >= indexed_from:
            import numpy as np

            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
            bigrams = codes[:-1] * 0x110000 + codes[1:]
            del codes
            from docdiff.sorted_runs import run_starts, stable_order

            order = stable_order(bigrams)
            ordered = bigrams[order]
            del bigrams
            # Sorted already: each run of one bigram starts where it differs from the one before.
            first = np.flatnonzero(run_starts(ordered))
            counts = np.diff(np.append(first, len(ordered)))
            self._index = (ordered[first], first, counts, order)

    def __contains__(self, query: str) -> bool:
        return self.find(query) >= 0

    def find(self, query: str) -> int:
        """Where `query` first occurs in the text, as `str.find` says (-1: nowhere)."""
        if self._index is None or len(query) < 2:
            return self.text.find(query)
        import numpy as np

        distinct, first, counts, order = self._index
        points = np.array([ord(ch) for ch in query], dtype=np.int64)
        wanted = points[:-1] * 0x110000 + points[1:]
        at = np.minimum(np.searchsorted(distinct, wanted), len(distinct) - 1)
        if not len(distinct) or not bool((distinct[at] == wanted).all()):
            return -1  # a bigram the text lacks
        rarest = int(np.argmin(counts[at]))
        start = int(first[at[rarest]])
        # The positions of one bigram are in text order (the sort is stable): the first that
        # holds the query is its first occurrence.
        places = order[start : start + int(counts[at[rarest]])].tolist()
        text = self.text
        return next((p - rarest for p in places if p >= rarest and text.startswith(query, p - rarest)), -1)


@lru_cache(maxsize=2)
def substrings(text: str) -> Substrings:
    """`Substrings` of a text, kept for the two versions of one comparison: each version is asked
    about while the other's facts are found, and again the other way round."""
    return Substrings(text)


def labelled(label: str | None, heading: str, sep: str = "") -> str:
    """A section's number label and heading as printed (`（一）凝心聚力谋发展`); an article's
    heading is its label (`第五条`), shown once."""
    if not label or heading == label:
        return heading
    return f"{label}{sep}{heading}"
