"""Passages reused across documents, found through winnowed fingerprints.

Every document is fingerprinted once; an index from fingerprint to documents gives candidate
pairs (fingerprints shared by very many documents are boilerplate and are capped, so pairs do
not explode); each candidate pair is then matched from its shared fingerprints, extended,
chained across small edits and verified. Total work grows with the text plus the reuse
found, not with the square of the number of sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
from numpy.typing import NDArray

from docdiff.duplicates.corpus import Texts, shared_texts
from docdiff.duplicates.engine import Engine
from docdiff.duplicates.hashing import codes, kgram_hashes, winnow
from docdiff.duplicates.matching import Block, across_edits, chain, exact_blocks, verified
from docdiff.duplicates.repeats import seed_k
from docdiff.options import DuplicateOptions


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
    with shared_texts(texts, engine) as source:
        prints: list[_Prints] = []
        documents = [(source.part(batch), batch) for batch in engine.batches(range(len(texts)))]
        for found_prints in engine.map(partial(_fingerprint_batch, options=options), documents):
            prints.extend(found_prints)
            if progress:
                progress(len(prints), len(texts))
        pairs, spread = _partitioned_pairs(prints, options.max_fingerprint_docs, engine)
        # A task names its pairs' documents; only on a cluster does it carry their texts.
        batches = [
            (list(batch), source.part(i for a, b, _ in batch for i in (a, b)))
            for batch in engine.batches([(a, b, pairs[a, b]) for a, b in sorted(pairs)])
        ]
        shared: list[SharedPassage] = []
        for found in engine.map(partial(_verify_batch, options=options, spread=spread), batches):
            shared.extend(found)
    return shared


def _fingerprint_batch(batch: tuple[Texts, Sequence[int]], options: DuplicateOptions) -> list[_Prints]:
    source, indices = batch
    return [_fingerprints_of(source.codes(i), options) for i in indices]


_Batch = tuple[list[tuple[int, int, list[tuple[int, int]]]], Texts]


def _verify_batch(batch: _Batch, options: DuplicateOptions, spread: dict[int, int]) -> list[SharedPassage]:
    """Match, extend, chain and verify each candidate pair (a, b, seeds) from its shared seeds."""
    k = seed_k(options.min_reuse_chars)
    shared: list[SharedPassage] = []
    pairs, source = batch
    texts: dict[int, str] = {}
    for a, b, seeds in pairs:
        text_a = texts[a] if a in texts else texts.setdefault(a, source.text(a))
        text_b = texts[b] if b in texts else texts.setdefault(b, source.text(b))
        blocks = chain(exact_blocks(text_a, text_b, sorted(seeds), k, same=False), options.max_gap)
        blocks = across_edits(text_a, text_b, blocks, options.max_gap, same=False, min_chars=options.min_reuse_chars)
        for block, similarity in verified(text_a, text_b, blocks, options.min_reuse_chars, options.threshold):
            if not _boilerplate(text_a[block.a_start : block.a_end], spread, options):
                shared.append(SharedPassage(a, b, block, similarity))
    return shared


def _partitioned_pairs(
    prints: list[_Prints], max_docs: int, engine: Engine
) -> tuple[dict[tuple[int, int], list[tuple[int, int]]], dict[int, int]]:
    """`_candidate_pairs` over fingerprints split by hash: a fingerprint's sightings all fall in
    one partition, so the partitions' pairs and spreads merge into exactly the whole's."""
    if not prints:
        return {}, {}
    hashes = np.concatenate([p.hashes for p in prints])
    docs = np.concatenate([np.full(len(p.hashes), i, dtype=np.int64) for i, p in enumerate(prints)])
    positions = np.concatenate([p.positions for p in prints])
    count = engine.workers if engine.workers > 1 else 1
    parts = hashes % np.uint64(count)
    partitions = [(hashes[parts == part], docs[parts == part], positions[parts == part]) for part in range(count)]
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    spread: dict[int, int] = {}
    for part_pairs, part_spread in engine.map(partial(_partition_pairs, max_docs=max_docs), partitions):
        for key, seeds in part_pairs.items():
            pairs[key].extend(seeds)
        spread.update(part_spread)
    return dict(pairs), spread


def _partition_pairs(
    partition: tuple[NDArray[np.uint64], NDArray[np.int64], NDArray[np.int64]], max_docs: int
) -> tuple[dict[tuple[int, int], list[tuple[int, int]]], dict[int, int]]:
    hashes, docs, positions = partition
    return _candidate_pairs(hashes, docs, positions, max_docs)


def _boilerplate(passage: str, spread: dict[int, int], options: DuplicateOptions) -> bool:
    """A passage whose own fingerprints are mostly shared by more than `max_fingerprint_docs`
    documents: a formula every report carries, reached from a seed at its edge."""
    prints = fingerprints(passage, options).hashes.tolist()
    if not prints or not spread:
        return False
    common = sum(spread.get(h, 0) > options.max_fingerprint_docs for h in prints)
    return common * 2 > len(prints)


def _candidate_pairs(
    hashes: NDArray[np.uint64], docs: NDArray[np.int64], positions: NDArray[np.int64], max_docs: int
) -> tuple[dict[tuple[int, int], list[tuple[int, int]]], dict[int, int]]:
    """Document pairs sharing fingerprints (each sighting: its hash, document and position),
    with the seeds (position in each) they share; and the fingerprints seen in more than
    `max_docs` documents, with how many."""
    if len(hashes) == 0:
        return {}, {}
    order = np.argsort(hashes, kind="stable")
    hashes, docs, positions = hashes[order], docs[order], positions[order]
    starts = np.concatenate([[0], np.nonzero(np.diff(hashes))[0] + 1])
    counts = np.diff(np.concatenate([starts, [len(hashes)]]))
    # Only fingerprints seen at least twice can pair documents; a fingerprint seen far more
    # often than `max_docs` is boilerplate however its sightings are spread.
    keep = (counts >= 2) & (counts <= 4 * max_docs)
    spread: dict[int, int] = {}
    for start, count in zip(starts[counts > max_docs].tolist(), counts[counts > max_docs].tolist(), strict=True):
        spread[int(hashes[start])] = len(set(docs[start : start + count].tolist()))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for start, count in zip(starts[keep].tolist(), counts[keep].tolist(), strict=True):
        group_docs = docs[start : start + count].tolist()
        distinct = set(group_docs)
        if len(distinct) > max_docs:
            spread[int(hashes[start])] = len(distinct)
            continue  # boilerplate shared by too many
        if len(distinct) < 2:
            continue
        members = list(zip(group_docs, positions[start : start + count].tolist(), strict=True))
        for i, (doc_a, pos_a) in enumerate(members):
            for doc_b, pos_b in members[i + 1 :]:
                if doc_a < doc_b:
                    pairs[(doc_a, doc_b)].append((pos_a, pos_b))
                elif doc_b < doc_a:
                    pairs[(doc_b, doc_a)].append((pos_b, pos_a))
    return dict(pairs), spread
