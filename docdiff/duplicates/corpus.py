"""The texts of a corpus scan as its tasks see them: held here, mapped from one file, or carried.

A scan's stages each need some of the texts (a batch of documents to fingerprint, the two
documents of every candidate pair). Sent inside every task, they were pickled, piped and
decoded again for each batch — the pairs of one batch reach almost every document, so a
1,000-document scan shipped the corpus eight times over and two processes ran slower than
one. Instead:

- in this process the tasks read the list itself;
- local worker processes map one file holding every text as UTF-32 code points (written once,
  shared through the page cache): a task carries only the file's name and the documents'
  bounds, and reads code points straight from the mapping for fingerprints;
- a Dask cluster's workers may be other machines, so there each task carries the texts it
  needs, as before.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from docdiff.duplicates.engine import Engine
from docdiff.duplicates.hashing import codes


class Texts:
    """Documents by index: their text and their code points."""

    def text(self, index: int) -> str:
        """The text of document `index`."""
        raise NotImplementedError

    def codes(self, index: int) -> NDArray[np.uint64]:
        """Its code points (what `hashing.codes(text)` gives)."""
        raise NotImplementedError

    def part(self, indices: Iterable[int]) -> Texts:
        """What a task needing documents `indices` carries."""
        raise NotImplementedError


@dataclass(frozen=True)
class HeldTexts(Texts):
    """Texts held in memory; with `carry`, a part holds copies of just the texts asked for."""

    texts: Sequence[str] | dict[int, str]
    carry: bool = False

    def text(self, index: int) -> str:
        return self.texts[index]

    def codes(self, index: int) -> NDArray[np.uint64]:
        return codes(self.texts[index])

    def part(self, indices: Iterable[int]) -> Texts:
        return HeldTexts({i: self.texts[i] for i in indices}, carry=True) if self.carry else self


@dataclass(frozen=True)
class MappedTexts(Texts):
    """Texts in one file of UTF-32 code points; document i is `points[bounds[i]:bounds[i + 1]]`.

    Only the path and the bounds are pickled; each process maps the file on first use."""

    path: str
    bounds: tuple[int, ...]

    def text(self, index: int) -> str:
        # Decoded once per worker and scan: the pairs of every batch reach most documents.
        decoded = _decoded.setdefault(self.path, {})
        if index not in decoded:
            decoded[index] = _map(self.path)[self.bounds[index] : self.bounds[index + 1]].tobytes().decode("utf-32-le")
        return decoded[index]

    def codes(self, index: int) -> NDArray[np.uint64]:
        return _map(self.path)[self.bounds[index] : self.bounds[index + 1]].astype(np.uint64)

    def part(self, indices: Iterable[int]) -> Texts:
        return self


# The file a worker process mapped last, and the texts it decoded from it: a worker maps each
# scan's file once, and lets go of the previous scan's (already deleted) file and texts when a
# new one arrives.
_last_mapped: dict[str, NDArray[np.uint32]] = {}
_decoded: dict[str, dict[int, str]] = {}


def _map(path: str) -> NDArray[np.uint32]:
    if path not in _last_mapped:
        _last_mapped.clear()
        for other in [p for p in _decoded if p != path]:
            del _decoded[other]
        # np.memmap refuses an empty file (a corpus of empty texts).
        empty = os.path.getsize(path) == 0
        _last_mapped[path] = np.zeros(0, np.uint32) if empty else np.memmap(path, dtype=np.uint32, mode="r")
    return _last_mapped[path]


@contextlib.contextmanager
def shared_texts(texts: Sequence[str], engine: Engine) -> Iterator[Texts]:
    """The texts as the engine's tasks should receive them (see the module docstring)."""
    if engine.executor is None:
        yield HeldTexts(texts)
        return
    if not engine.shares_files:
        yield HeldTexts(texts, carry=True)
        return
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    bounds = (0, *np.cumsum(lengths).tolist())
    handle, path = tempfile.mkstemp(prefix="docdiff-corpus-", suffix=".u32")
    try:
        with os.fdopen(handle, "wb") as out:
            for text in texts:
                out.write(text.encode("utf-32-le"))
        yield MappedTexts(path, bounds)
    finally:
        _last_mapped.pop(path, None)
        _decoded.pop(path, None)
        with contextlib.suppress(OSError):
            os.unlink(path)
