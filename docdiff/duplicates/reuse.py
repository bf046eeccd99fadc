"""Passages reused across documents, found through winnowed fingerprints.

Every document is fingerprinted once; an index from fingerprint to documents gives candidate
pairs (fingerprints shared by very many documents are boilerplate and are capped, so pairs do
not explode); each candidate pair is then matched from its shared fingerprints, extended,
chained across small edits and verified. Total work grows with the text plus the reuse
found, not with the square of the number of sentences.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
from numpy.typing import NDArray

from docdiff.duplicates.corpus import Texts, shared_texts
from docdiff.duplicates.engine import Engine
from docdiff.duplicates.hashing import codes, kgram_hashes, winnow
from docdiff.duplicates.matching import Block, across_edits, chain, exact_blocks, merged, verified
from docdiff.duplicates.repeats import seed_k
from docdiff.options import DuplicateOptions
from docdiff.sorted_runs import grouped_order, places_in_runs, run_starts, stable_order

# Document numbers and positions: 32-bit when every one fits (any corpus that fits in memory),
# halving what the scan's stages pass between processes.
_Index = NDArray[np.signedinteger[Any]]


def index_type(largest: int) -> type[np.signedinteger[Any]]:
    """The narrowest of int32 and int64 that holds 0..`largest`."""
    return np.int32 if largest <= np.iinfo(np.int32).max else np.int64


@dataclass(frozen=True)
class SharedPassage:
    """`texts[a][block.a_start:block.a_end]` is reused as `texts[b][block.b_start:block.b_end]`."""

    a: int
    b: int
    block: Block
    similarity: float


@dataclass(frozen=True)
class _Prints:
    hashes: NDArray[np.uint64]
    positions: NDArray[np.int64]


def fingerprints(text: str, options: DuplicateOptions) -> _Prints:
    """Winnowed fingerprints: any shared run of `min_reuse_chars` shares at least one."""
    return _fingerprints_of(codes(text), options)


def _fingerprints_of(points: NDArray[np.uint64], options: DuplicateOptions) -> _Prints:
    k = seed_k(options.min_reuse_chars)
    hashes = kgram_hashes(points, k)
    positions = winnow(hashes, max(1, options.min_reuse_chars - k + 1))
    return _Prints(hashes[positions], positions)


def find_reuse(
    texts: list[str],
    options: DuplicateOptions,
    progress: Callable[[int, int], None] | None = None,
    engine: Engine | None = None,
) -> list[SharedPassage]:
    """Passages of at least `min_reuse_chars` shared by any two of `texts` (normalised).

    With an `engine`, documents are fingerprinted, fingerprints paired (partitioned by hash)
    and candidate pairs verified on its workers; the result is the same wherever it ran.
    """
    engine = engine or Engine(None, 1)
    parts = engine.workers if engine.workers > 1 else 1
    index = index_type(max(len(texts), *(len(t) for t in texts)) if texts else 0)
    with shared_texts(texts, engine) as source:
        documents = [(source.part(batch), batch) for batch in engine.batches(range(len(texts)))]
        # Each batch comes back already split by hash: a partition is its batches' pieces, in order.
        pieces: list[list[_Sightings]] = [[] for _ in range(parts)]
        done = 0
        for count, split in engine.imap(
            partial(_fingerprint_batch, options=options, parts=parts, index=index), documents
        ):
            for part, piece in zip(pieces, split, strict=True):
                part.append(piece)
            done += count
            if progress:
                progress(done, len(texts))
        seeds, spread = _partitioned_pairs([_Sightings.joined(part) for part in pieces], options, engine)
        # A task carries its pairs' seeds as arrays, and names their documents; only on a
        # cluster does it carry their texts too.
        pair_starts = seeds.pair_starts()
        bounds = [*pair_starts.tolist(), len(seeds.a)]
        batches = [
            (part, source.part(_documents_of(part)))
            for batch in engine.batches(range(len(pair_starts)))
            for part in [seeds.between(bounds[batch[0]], bounds[batch[-1] + 1])]
        ]
        shared: list[SharedPassage] = []
        for found in engine.map(partial(_verify_batch, options=options, spread=spread), batches):
            shared.extend(found)
    return shared


def _fingerprint_batch(
    batch: tuple[Texts, Sequence[int]],
    options: DuplicateOptions,
    parts: int,
    index: type[np.signedinteger[Any]] = np.int64,
) -> tuple[int, list[_Sightings]]:
    """The fingerprints of a batch of documents, as sightings split into `parts` by hash (done
    here, on the worker, so that the scan's own process only joins the pieces); documents and
    positions as `index` numbers."""
    source, indices = batch
    prints = [_fingerprints_of(source.codes(i), options) for i in indices]
    sightings = _Sightings(
        np.concatenate([np.zeros(0, np.uint64), *(p.hashes for p in prints)]),
        np.repeat(np.asarray(indices, dtype=index), [len(p.hashes) for p in prints]),
        np.concatenate([np.zeros(0, index), *(p.positions for p in prints)]).astype(index, copy=False),
    )
    return len(indices), sightings.split(parts)


@dataclass(frozen=True)
class _Sightings:
    """Fingerprints as seen: sighting k is hash `hashes[k]` at `positions[k]` of document `docs[k]`."""

    hashes: NDArray[np.uint64]
    docs: _Index
    positions: _Index

    def split(self, parts: int) -> list[_Sightings]:
        """The sightings of each hash partition (`hash % parts`), each in its order here."""
        if parts == 1:
            return [self]
        part = (self.hashes % np.uint64(parts)).astype(np.int64)
        order = stable_order(part)
        bounds = np.searchsorted(part[order], np.arange(parts + 1)).tolist()
        return [
            _Sightings(self.hashes[rows], self.docs[rows], self.positions[rows])
            for rows in (order[lo:hi] for lo, hi in itertools.pairwise(bounds))
        ]

    @staticmethod
    def joined(pieces: Sequence[_Sightings]) -> _Sightings:
        """The pieces' sightings one after another."""
        if not pieces:
            return _Sightings(np.zeros(0, np.uint64), np.zeros(0, np.int64), np.zeros(0, np.int64))
        return _Sightings(
            *(np.concatenate([getattr(p, name) for p in pieces]) for name in ("hashes", "docs", "positions"))
        )


def _documents_of(seeds: _Seeds) -> Iterator[int]:
    """The documents `seeds` name (lazily: only a task that carries texts asks)."""
    yield from np.union1d(seeds.a, seeds.b).tolist()


def _verify_batch(
    batch: tuple[_Seeds, Texts], options: DuplicateOptions, spread: dict[int, int]
) -> list[SharedPassage]:
    """Match, extend, chain and verify each candidate pair of the batch's seeds from its seeds."""
    k = seed_k(options.min_reuse_chars)
    shared: list[SharedPassage] = []
    pair_seeds, source = batch
    texts: dict[int, str] = {}
    for a, b, seeds in pair_seeds.by_pair():
        text_a = texts[a] if a in texts else texts.setdefault(a, source.text(a))
        text_b = texts[b] if b in texts else texts.setdefault(b, source.text(b))
        # The seeds come sorted (by their place in a, then in b), as pairs of positions.
        blocks = chain(exact_blocks(text_a, text_b, seeds, k, same=False), options.max_gap)
        blocks = across_edits(text_a, text_b, blocks, options.max_gap, same=False, min_chars=options.min_reuse_chars)
        found = verified(text_a, text_b, blocks, options.min_reuse_chars, options.threshold)
        for block, similarity in merged(text_a, text_b, found, options.threshold):
            if not _boilerplate(text_a[block.a_start : block.a_end], spread, options):
                shared.append(SharedPassage(a, b, block, similarity))
    return shared


@dataclass(frozen=True)
class _Seeds:
    """Seeds of candidate pairs: document `a[k]` at `pa[k]` and document `b[k]` at `pb[k]`
    (a < b) share a fingerprint; sorted by (a, b, pa, pb). Arrays, so that they pass between
    processes as a few buffers, not as a tuple per seed."""

    a: _Index
    b: _Index
    pa: _Index
    pb: _Index

    @staticmethod
    def of(a: _Index, b: _Index, pa: _Index, pb: _Index) -> _Seeds:
        order = np.lexsort((pb, pa, b, a))
        return _Seeds(a[order], b[order], pa[order], pb[order])

    def pair_starts(self) -> NDArray[np.int64]:
        """Where each pair's seeds start."""
        return np.flatnonzero(run_starts(self.a) | run_starts(self.b)) if len(self.a) else np.zeros(0, np.int64)

    def between(self, start: int, end: int) -> _Seeds:
        """Seeds `start` to `end` (a batch of pairs, when cut at pair starts)."""
        return _Seeds(self.a[start:end], self.b[start:end], self.pa[start:end], self.pb[start:end])

    def by_pair(self) -> list[tuple[int, int, list[tuple[int, int]]]]:
        """(a, b, seeds) for each pair, in order; seeds as (pa, pb), sorted."""
        if not len(self.a):
            return []
        starts = self.pair_starts()
        ends = np.concatenate([starts[1:], [len(self.a)]])
        rows = list(zip(self.pa.tolist(), self.pb.tolist(), strict=True))
        return [
            (a, b, rows[start:end])
            for a, b, start, end in zip(
                self.a[starts].tolist(), self.b[starts].tolist(), starts.tolist(), ends.tolist(), strict=True
            )
        ]


def _partitioned_pairs(
    partitions: list[_Sightings], options: DuplicateOptions, engine: Engine
) -> tuple[_Seeds, dict[int, int]]:
    """`_candidate_pairs` over fingerprints split by hash: a fingerprint's sightings all fall in
    one partition, so the partitions' seeds and spreads merge into exactly the whole's."""
    found: list[_Seeds] = []
    spread: dict[int, int] = {}
    pairing = partial(_partition_pairs, max_docs=options.max_fingerprint_docs)
    for part_seeds, part_spread in engine.map(pairing, partitions):
        found.append(part_seeds)
        spread.update(part_spread)
    if len(found) == 1:
        return found[0], spread
    return _Seeds.of(*(np.concatenate([getattr(f, name) for f in found]) for name in ("a", "b", "pa", "pb"))), spread


def _partition_pairs(partition: _Sightings, max_docs: int) -> tuple[_Seeds, dict[int, int]]:
    return _candidate_pairs(partition.hashes, partition.docs, partition.positions, max_docs)


def _boilerplate(passage: str, spread: dict[int, int], options: DuplicateOptions) -> bool:
    """A passage whose own fingerprints are mostly shared by more than `max_fingerprint_docs`
    documents: a formula every report carries, reached from a seed at its edge."""
    prints = fingerprints(passage, options).hashes.tolist()
    if not prints or not spread:
        return False
    common = sum(spread.get(h, 0) > options.max_fingerprint_docs for h in prints)
    return common * 2 > len(prints)


def _candidate_pairs(
    hashes: NDArray[np.uint64], docs: _Index, positions: _Index, max_docs: int
) -> tuple[_Seeds, dict[int, int]]:
    """Document pairs sharing fingerprints (each sighting: its hash, document and position),
    with the seeds (position in each) they share; and the fingerprints seen in more than
    `max_docs` documents, with how many. All in numpy: every two sightings of a fingerprint
    in two documents make a seed."""
    empty = np.zeros(0, dtype=np.int64)
    if len(hashes) == 0:
        return _Seeds(empty, empty, empty, empty), {}
    # A fingerprint's sightings side by side, in their order (which fingerprint comes first
    # does not matter: the seeds are sorted at the end).
    order = grouped_order(hashes)
    hashes = hashes[order]
    first = run_starts(hashes)
    counts = np.diff(np.concatenate([np.flatnonzero(first), [len(hashes)]]))
    # Most fingerprints are seen once and pair nothing: only the others are looked at.
    seen = np.repeat(counts >= 2, counts)
    order, hashes, first = order[seen], hashes[seen], first[seen]
    docs, positions = docs[order], positions[order]
    counts = counts[counts >= 2]
    starts = np.cumsum(counts) - counts
    # Distinct documents of each fingerprint: its sightings by document, a new one at each change.
    grouped_docs = docs[np.lexsort((docs, np.repeat(np.arange(len(counts)), counts)))]
    new_doc = first | run_starts(grouped_docs)
    distinct = np.add.reduceat(new_doc.astype(np.int64), starts) if len(counts) else counts
    spread = {
        int(h): int(d)
        for h, d in zip(hashes[starts[counts > max_docs]].tolist(), distinct[counts > max_docs].tolist(), strict=True)
    }
    # A fingerprint seen far more often than `max_docs`, or in more than `max_docs` documents,
    # is boilerplate.
    keep = (counts <= 4 * max_docs) & (distinct >= 2) & (distinct <= max_docs)
    size = np.repeat(counts, counts)
    offset = places_in_runs(hashes)  # a sighting's place among its fingerprint's
    # Each sighting with every later one of its fingerprint.
    later = np.where(np.repeat(keep, counts), size - 1 - offset, 0)
    one = np.repeat(np.arange(len(hashes)), later)
    other = one + 1 + np.arange(len(one)) - np.repeat(np.cumsum(later) - later, later)
    doc_one, doc_other = docs[one], docs[other]
    apart = doc_one != doc_other
    one, other, doc_one, doc_other = one[apart], other[apart], doc_one[apart], doc_other[apart]
    swap = doc_other < doc_one
    a = np.where(swap, doc_other, doc_one)
    b = np.where(swap, doc_one, doc_other)
    pa = np.where(swap, positions[other], positions[one])
    pb = np.where(swap, positions[one], positions[other])
    return _Seeds.of(a, b, pa, pb), spread
