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


class WeightedSpace:
    """Character n-gram vectors of a set of sections, weighted by how distinctive each n-gram is.

    Every n-gram of a section's own text counts once per occurrence; its weight is its inverse
    document frequency over the own texts of all sections given (of both versions), so policy
    boilerplate (`推进`, `高质量发展`) that runs through every section says little and a rare
    shared term (`碳达峰`, `北外滩`) says much. A section's whole vector adds its descendants'.
    """

    def __init__(self, own_texts: Sequence[str], ancestors: sparse.csr_matrix, n: int = 2) -> None:
        self.n = n
        rows, grams = _ngram_codes(own_texts, n)
        vocabulary, cols = np.unique(grams, return_inverse=True)
        width = max(1, len(vocabulary))
        own = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(own_texts), width))
        own.sum_duplicates()
        df = np.bincount(own.indices, minlength=width).astype(np.float64)
        self.idf = np.log((1 + len(own_texts)) / (1 + df)) + 1.0
        # Whole sections: own text plus every descendant's (ancestors[i, k] = 1 if k is in i).
        self.counts = sparse.csr_matrix(ancestors @ own)
        weighted = sparse.csr_matrix(self.counts @ sparse.diags(self.idf))
        weighted.data = np.log1p(weighted.data)  # sublinear: one term repeated is not many terms
        self.tfidf = _normalise_rows(weighted)
        own_present = own.copy()
        own_present.data = np.ones_like(own_present.data)
        self.own_mass = np.asarray((own_present @ sparse.diags(self.idf)).sum(axis=1)).ravel()
        present = self.counts.copy()
        present.data = np.ones_like(present.data)
        self.presence = sparse.csr_matrix(present @ sparse.diags(self.idf))
        self.mass = np.asarray(self.presence.sum(axis=1)).ravel()

    def cosine(self, rows: Sequence[int], cols: Sequence[int]) -> NDArray[np.float64]:
        """Weighted cosine of whole sections `rows` × `cols` (indices into the texts given)."""
        return np.asarray((self.tfidf[list(rows)] @ self.tfidf[list(cols)].T).toarray(), dtype=np.float64)

    def containment(self, rows: Sequence[int], cols: Sequence[int]) -> NDArray[np.float64]:
        """Share of each row section's distinctive n-grams (by weight) present in each col section."""
        binary = self.presence[list(cols)].copy()
        binary.data = np.ones_like(binary.data)
        shared = np.asarray((self.presence[list(rows)] @ binary.T).toarray(), dtype=np.float64)
        mass = self.mass[list(rows)]
        mass[mass == 0] = 1.0
        return np.asarray(shared / mass[:, None], dtype=np.float64)


def _ngram_codes(texts: Sequence[str], n: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """For every character n-gram of every text: the text's row and the n-gram as one integer."""
    joined = "\x00".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    row_of = np.cumsum(codes == 0) if len(codes) else np.zeros(0, dtype=np.int64)
    if len(codes) < n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    grams = np.zeros(len(codes) - n + 1, dtype=np.int64)
    valid = np.ones(len(codes) - n + 1, dtype=bool)
    for k in range(n):
        window = codes[k : len(codes) - n + 1 + k]
        grams = grams * 0x110000 + window
        valid &= window != 0  # no n-gram spans two texts
    return row_of[: len(grams)][valid], grams[valid]


def _normalise_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
