"""The one place rapidfuzz and the n-gram vectors live: similarity scores in 0..1.

Heading similarity is rapidfuzz's normalised Indel ratio on comparison keys; content
similarity is the cosine of character-bigram vectors weighted by inverse document frequency
over the sections compared, computed for all pairs at once as one sparse matrix product.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from docdiff.numbering import parse_numbering

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy import sparse

# numpy and scipy are imported by the functions that need them: the string scores alone
# (`text_ratio`, `heading_key`, which a cached series' timeline reads) load no array library.

_YEAR = re.compile(r"(?:19|20)\d\d(?=年|$|\D)|[〇零一二三四五六七八九]{4}(?=年)")
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
_DECORATION = re.compile(r"[\s“”‘’「」『』《》〈〉\"'·—-]+")


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
    import numpy as np

    if not old or not new:
        return np.zeros((len(old), len(new)))
    return process.cdist(list(old), list(new), scorer=fuzz.ratio, dtype=np.float64) / 100.0


# Entries of one block of an all-pairs matrix: blocks of rows keep the memory of a large
# comparison bounded (a 4 MB pair holds thousands of targets and sections a side).
BLOCK_ENTRIES = 1 << 18
# Above this many pairs, `ratio_pairs` scores only the candidates of a prefix filter (the same
# result: below it, scoring every pair in C is cheaper than building the index in Python).
INDEXED_ENTRIES = 1 << 18


def ratio_pairs(
    old: Sequence[str], new: Sequence[str], least: float
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
    """The entries of `ratio_matrix(old, new)` of at least `least`, as (rows, cols, values) in
    row-major order, computed a block of rows at a time (the values are the matrix's own)."""
    import numpy as np

    if len(old) * len(new) > INDEXED_ENTRIES:
        return _indexed_ratio_pairs(old, new, least)
    rows: list[NDArray[np.intp]] = []
    cols: list[NDArray[np.intp]] = []
    values: list[NDArray[np.float64]] = []
    step = max(1, BLOCK_ENTRIES // max(1, len(new)))
    for start in range(0, len(old) if new else 0, step):
        block = ratio_matrix(old[start : start + step], new)
        r, c = np.nonzero(block >= least)
        rows.append(r + start)
        cols.append(c)
        values.append(block[r, c])
    if not rows:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty.copy(), np.zeros(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(values)


def _indexed_ratio_pairs(
    old: Sequence[str], new: Sequence[str], least: float
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
    """`ratio_pairs` scoring only the candidates of a prefix filter (`near_pairs`): the same
    entries, in the same order, with the values `ratio_matrix` gives them."""
    import numpy as np

    from docdiff.near_pairs import candidate_pairs
    from docdiff.sorted_runs import unique_inverse

    rows, cols = candidate_pairs(old, new, least)
    # Each distinct pair of strings scored once: repeated sentences recur in many candidates.
    old_id, old_first = _distinct(old)
    new_id, new_first = _distinct(new)
    width = len(new_first)
    distinct, inverse = unique_inverse(old_id[rows] * width + new_id[cols])
    pair_old, pair_new = np.divmod(distinct, width)
    scores = paired_ratios(
        [old[old_first[i]] for i in pair_old.tolist()], [new[new_first[j]] for j in pair_new.tolist()]
    )
    values = scores[inverse.ravel()]
    keep = values >= least
    return rows[keep], cols[keep], values[keep]


def _distinct(texts: Sequence[str]) -> tuple[NDArray[np.int64], list[int]]:
    """An id per text (equal texts, equal ids) and the first index of each id."""
    import numpy as np

    ids: dict[str, int] = {}
    first: list[int] = []
    out = []
    for k, text in enumerate(texts):
        if text not in ids:
            ids[text] = len(first)
            first.append(k)
        out.append(ids[text])
    return np.array(out, dtype=np.int64), first


def paired_ratios(old: Sequence[str], new: Sequence[str]) -> NDArray[np.float64]:
    """`text_ratio(old[k], new[k])` for every k, as `ratio_matrix` computes each entry."""
    import numpy as np

    if not old:
        return np.zeros(0)
    return process.cpdist(list(old), list(new), scorer=fuzz.ratio, dtype=np.float64) / 100.0


def best_ratio(query: str, choices: Sequence[str], cutoff: float) -> tuple[int, float] | None:
    """Index and score of the choice most similar to `query`, if it reaches `cutoff`."""
    found = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff * 100)
    if found is None:
        return None
    return int(found[2]), float(found[1]) / 100.0


class WeightedSpace:
    """Character n-gram vectors of a set of sections, weighted by how distinctive each n-gram is.

    Every n-gram of a section's own text counts once per occurrence; its weight is its inverse
    document frequency over the own texts of all sections given (of both versions), so policy
    boilerplate (`推进`, `高质量发展`) that runs through every section says little and a rare
    shared term (`碳达峰`, `北外滩`) says much. A section's whole vector adds its descendants'.
    """

    def __init__(self, own_texts: Sequence[str], ancestors: sparse.csr_matrix, n: int = 2) -> None:
        import numpy as np
        from scipy import sparse

        from docdiff.sorted_runs import unique_inverse

        rows, grams = _ngram_codes(own_texts, n)
        vocabulary, cols = unique_inverse(grams)
        width = max(1, len(vocabulary))
        del grams, vocabulary  # each step lets go of what it no longer needs: large texts
        own = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(own_texts), width))
        del rows, cols
        own.sum_duplicates()
        df = np.bincount(own.indices, minlength=width).astype(np.float64)
        idf = np.log((1 + len(own_texts)) / (1 + df)) + 1.0
        # Whole sections: own text plus every descendant's (ancestors[i, k] = 1 if k is in i).
        counts = sparse.csr_matrix(ancestors @ own)
        # Distinctive content of each section, by weight: its own text, and the whole section.
        self.own_mass = _distinct_mass(own, idf)
        self.mass = _distinct_mass(counts, idf)
        del own
        # Each count times its n-gram's weight, in place (a product with a diagonal matrix is
        # the same products at a sparse product's cost), then sublinear: one term repeated is
        # not many terms.
        weighted = counts
        weighted.data = np.log1p(weighted.data * idf[weighted.indices])
        self.tfidf = _normalise_rows(weighted)
        self._columns: tuple[tuple[int, ...], sparse.csr_matrix] | None = None

    def cosine(self, rows: Sequence[int], cols: Sequence[int]) -> NDArray[np.float64]:
        """Weighted cosine of whole sections `rows` × `cols` (indices into the texts given)."""
        import numpy as np
        from scipy import sparse

        # Alignment asks for all columns a block of rows at a time: their transpose is kept, as
        # CSR (a CSC operand is converted back to CSR by every product: a third of the time).
        key = tuple(cols)
        if self._columns is None or self._columns[0] != key:
            self._columns = (key, sparse.csr_matrix(self.tfidf[list(cols)].T))
        return np.asarray((self.tfidf[list(rows)] @ self._columns[1]).toarray(), dtype=np.float64)

    def sharing(
        self, rows: Sequence[int], cols: Sequence[int], most: int
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
        """Positions (in `rows`, in `cols`) of the pairs of whole sections sharing an n-gram that
        at most `most` of these sections hold, and the part of their cosine those n-grams make:
        the pairs whose cosine may be high, found by a product whose cost is bounded by `most`
        times the vectors' size, not by all pairs."""
        import numpy as np
        from scipy import sparse

        # Counted and kept in place: the vectors of a large comparison are never copied whole.
        tfidf = self.tfidf
        height, width = tfidf.shape
        member = np.zeros(height, dtype=bool)
        member[list(rows)] = True
        member[list(cols)] = True
        sizes = np.diff(tfidf.indptr)
        held = np.bincount(tfidf.indices[np.repeat(member, sizes)], minlength=width)
        keep = (held <= most)[tfidf.indices]
        owner = np.repeat(np.arange(height, dtype=np.int32), sizes)
        indptr = np.concatenate([[0], np.cumsum(np.bincount(owner[keep], minlength=height))])
        del owner
        marks = sparse.csr_matrix((tfidf.data[keep], tfidf.indices[keep], indptr), shape=tfidf.shape)
        shared = sparse.coo_matrix(marks[list(rows)] @ sparse.csr_matrix(marks[list(cols)].T))
        return shared.row.astype(np.intp), shared.col.astype(np.intp), np.asarray(shared.data, dtype=np.float64)

    def pair_cosines(self, rows: Sequence[int], cols: Sequence[int]) -> NDArray[np.float64]:
        """Weighted cosine of each pair (`rows[k]`, `cols[k]`): one product of the paired rows,
        not a block of all rows × all columns."""
        import numpy as np

        if not rows:
            return np.zeros(0, dtype=np.float64)
        products = self.tfidf[list(rows)].multiply(self.tfidf[list(cols)])
        return np.asarray(products.sum(axis=1), dtype=np.float64).ravel()

    def looked_up_cosines(self, rows: Sequence[int], cols: Sequence[int]) -> NDArray[np.float64]:
        """`pair_cosines` for many pairs of which some hold a whole long part (a vector of a
        hundred thousand n-grams): the pairs are taken by their longer vector, which is spread
        once into a dense row, and each pair reads only the entries of its shorter one from it,
        so a long vector is never copied once per pair."""
        import numpy as np

        from docdiff.sorted_runs import stable_order

        out = np.zeros(len(rows), dtype=np.float64)
        if not rows:
            return out
        tfidf = self.tfidf
        indptr, indices, data = tfidf.indptr, tfidf.indices, tfidf.data
        left, right = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        sizes = np.diff(indptr)
        first_short = sizes[left] <= sizes[right]
        short, long = np.where(first_short, left, right), np.where(first_short, right, left)
        dense = np.zeros(tfidf.shape[1], dtype=np.float64)
        order = stable_order(long)
        bounds = np.flatnonzero(np.diff(long[order])) + 1
        for group in np.split(order, bounds):
            vector = int(long[group[0]])
            spread = slice(indptr[vector], indptr[vector + 1])
            dense[indices[spread]] = data[spread]
            counts = sizes[short[group]]
            entry = np.repeat(indptr[short[group]] - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
            pair = np.repeat(np.arange(len(group)), counts)
            out[group] = np.bincount(pair, weights=data[entry] * dense[indices[entry]], minlength=len(group))
            dense[indices[spread]] = 0.0
        return out


def _distinct_mass(counts: sparse.csr_matrix, idf: NDArray[np.float64]) -> NDArray[np.float64]:
    """Per row, the summed weight of the distinct n-grams present."""
    import numpy as np
    from scipy import sparse

    # Each present n-gram's weight in place of its count, summed as scipy sums a row.
    weights = sparse.csr_matrix((idf[counts.indices], counts.indices, counts.indptr), shape=counts.shape)
    return np.asarray(weights.sum(axis=1), dtype=np.float64).ravel()


def _ngram_codes(texts: Sequence[str], n: int) -> tuple[NDArray[np.int64], NDArray[np.signedinteger[Any]]]:
    """For every character n-gram of every text: the text's row and the n-gram as one integer.

    The integers keep the order of the n-grams' code points (compared character by character)
    but count in the texts' own alphabet, A of its characters: `A ** n` values, which fit in 32
    bits for a text of a few thousand characters and bigrams, and 32-bit integers sort in half
    the time (the vocabulary is found by sorting them)."""
    import numpy as np

    joined = "\x00".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    row_of = np.cumsum(codes == 0) if len(codes) else np.zeros(0, dtype=np.int64)
    if len(codes) < n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # Each character's rank in the alphabet (one pass over the code points, no sort).
    present = np.zeros(int(codes.max()) + 1, dtype=bool)
    present[codes] = True
    size = int(np.count_nonzero(present))
    wide = size**n >= 1 << 31
    dtype = np.int64 if wide else np.int32
    rank: NDArray[Any] = (np.cumsum(present, dtype=np.int64) - 1).astype(dtype)[codes]
    grams: NDArray[np.signedinteger[Any]] = np.zeros(len(codes) - n + 1, dtype=dtype)
    valid = np.ones(len(codes) - n + 1, dtype=bool)
    for k in range(n):
        grams = grams * size + rank[k : len(codes) - n + 1 + k]
        valid &= codes[k : len(codes) - n + 1 + k] != 0  # no n-gram spans two texts
    return row_of[: len(grams)][valid], grams[valid]


def _normalise_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    import numpy as np
    from scipy import sparse

    # Each row's sum of squares, entry by entry in row order as a row sum adds them (an
    # element-wise product of the matrix with itself builds a second matrix to sum it).
    sizes = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(matrix.shape[0]), sizes)
    norms = np.sqrt(np.bincount(rows, weights=matrix.data * matrix.data, minlength=matrix.shape[0]))
    norms[norms == 0] = 1.0
    # Each row divided by its norm, in place of a product with a diagonal matrix.
    scaled = sparse.csr_matrix(matrix, copy=True)
    scaled.data = scaled.data * (1.0 / norms)[rows]
    return scaled
