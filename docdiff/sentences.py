"""Cut a normalised region into sentence units that concatenate back to it exactly."""

from __future__ import annotations

import re
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
    start, end = region
    units: list[Unit] = []
    pos = start
    while pos < end:
        match = _UNIT.match(text, pos, end)
        stop = match.end() if match and match.end() > pos else pos + 1
        units.append(Unit(pos, stop, text[pos:stop].strip()))
        pos = stop
    return units
