"""The one place rapidfuzz and the n-gram vectors live: similarity scores in 0..1.

Heading similarity is rapidfuzz's normalised Indel ratio on comparison keys; content
similarity is the cosine of character-trigram count vectors, computed for all pairs at once
as one sparse matrix product.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from scipy import sparse

from docdiff.numbering import parse_numbering

_YEAR = re.compile(r"(?:19|20)\d\d(?=年|$|\D)|[〇零一二三四五六七八九]{4}(?=年)")
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
_DECORATION = re.compile(r"[\s“”‘’「」『』《》〈〉\"'·—-]+")

NGRAM = 3


def heading_key(heading: str) -> str:
    """A heading as compared: numbering stripped, years and plan periods folded, quotes dropped.

    `一、2024年工作回顾` and `2025年工作回顾` share the key `#年工作回顾`.
    """
    numbering = parse_numbering(heading)
    if numbering is not None:
        heading = heading[numbering.rest_start :]
    heading = _YEAR.sub("#", heading)
    heading = _PLAN_PERIOD.sub("十#五", heading)
    return _DECORATION.sub("", heading)


def text_ratio(a: str, b: str) -> float:
    """Similarity of two short strings, 0..1 (normalised Indel distance)."""
    return float(fuzz.ratio(a, b)) / 100.0


def ratio_matrix(old: Sequence[str], new: Sequence[str]) -> NDArray[np.float64]:
    """All-pairs `text_ratio`, shape (len(old), len(new))."""
    if not old or not new:
        return np.zeros((len(old), len(new)))
    return process.cdist(list(old), list(new), scorer=fuzz.ratio, dtype=np.float64) / 100.0


def best_ratio(query: str, choices: Sequence[str], cutoff: float) -> tuple[int, float] | None:
    """Index and score of the choice most similar to `query`, if it reaches `cutoff`."""
    found = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff * 100)
    if found is None:
        return None
    return int(found[2]), float(found[1]) / 100.0


class NgramSpace:
    """Character-trigram count vectors over a shared vocabulary."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}

    def vectors(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """One L2-normalised row per text (an empty text gives a zero row)."""
        rows: list[int] = []
        cols: list[int] = []
        for row, text in enumerate(texts):
            for i in range(len(text) - NGRAM + 1):
                gram = text[i : i + NGRAM]
                rows.append(row)
                cols.append(self.vocabulary.setdefault(gram, len(self.vocabulary)))
        data = np.ones(len(rows))
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), max(1, len(self.vocabulary))))
        matrix.sum_duplicates()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def cosine_matrix(old: Sequence[str], new: Sequence[str]) -> NDArray[np.float64]:
    """All-pairs cosine similarity of trigram counts, shape (len(old), len(new))."""
    if not old or not new:
        return np.zeros((len(old), len(new)))
    space = NgramSpace()
    a = space.vectors(old)
    b = space.vectors(new)
    width = max(a.shape[1], b.shape[1])
    a.resize((a.shape[0], width))
    b.resize((b.shape[0], width))
    return np.asarray((a @ b.T).toarray(), dtype=np.float64)
