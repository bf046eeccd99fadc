"""Cut a normalised region into sentence units that concatenate back to it exactly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docdiff.models import Span

# A unit: text up to sentence-final punctuation (and closing quotes), or to a line break,
# followed by any line breaks or spaces, so units tile the region with nothing left over.
_UNIT = re.compile(r"[^。！？；!?;…\n]*(?:[。！？；!?;…]+[”’」』）)]*)?[\n ]*|[^\n]+[\n ]*")


@dataclass(frozen=True)
class Unit:
    """A sentence with the separators after it; `key` is the sentence as compared."""

    start: int
    end: int
    key: str


def sentence_units(text: str, region: Span) -> list[Unit]:
    """Sentence units of `text[region]`, in order, tiling the region exactly."""
    # At any place before the end a unit matches at least one character (text, an end mark or
    # a line break), so the matches follow each other with no gap: found in one C loop.
    return [Unit(m.start(), m.end(), m.group().strip()) for m in _units(text, *region)]


def sentence_keys(text: str) -> list[str]:
    """The keys of `sentence_units(text, (0, len(text)))`, in order, without building the units
    (the aligner reads the keys of every line of both versions)."""
    return [m.group().strip() for m in _units(text, 0, len(text))]


def _units(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `_UNIT` in `text[start:end]` that hold a character (the pattern also
    matches empty at the end)."""
    return (m for m in _UNIT.finditer(text, start, end) if m.end() > m.start())
