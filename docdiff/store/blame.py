"""Blame: for each sentence of a version, the earliest version of its series that holds it."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from docdiff.cache.analysis import Cache, load_document
from docdiff.models import Document, Outline, Paragraph
from docdiff.sentences import sentence_units
from docdiff.store.models import BlameLine, BlameReport, BlameShare, Snapshot
from docdiff.store.store import Store

# Least similarity (0..1) of a near copy, as for duplicates.
NEAR_COPY = 0.9


def _analysed(store: Store, snapshot: Snapshot) -> tuple[Document, Outline]:
    """A version and its outline, from the store's analysis cache when it was read before."""
    doc = load_document(snapshot.ref, store)
    return doc, Cache.default(store, snapshot.ref).outline(doc)


def _sentences(doc: Document, outline: Outline) -> list[tuple[int, int, str]]:
    """(normalised start, end, key) of every sentence in the document's paragraphs."""
    out: list[tuple[int, int, str]] = []
    for section in outline.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                region = doc.to_normalised(block.span)
                for unit in sentence_units(doc.normalised, region):
                    if unit.key:
                        out.append((unit.start, unit.start + len(unit.key), unit.key))
    if not out:  # a text without paragraphs (only headings or tables): blame its lines
        for unit in sentence_units(doc.normalised, (0, len(doc.normalised))):
            if unit.key:
                out.append((unit.start, unit.start + len(unit.key), unit.key))
    return sorted(out)


def blame(store: Store, ref: str, threshold: float = NEAR_COPY) -> BlameReport:
    """Where each sentence of `ref` first appeared among the earlier versions of its series."""
    target = store.get(ref)
    versions = store.snapshots(target.series)
    earlier = versions[: versions.index(target)]
    doc, outline = _analysed(store, target)
    sentences = _sentences(doc, outline)
    origin: dict[int, tuple[str, float]] = {}
    copied_from: dict[int, str] = {}
    for version in earlier:  # oldest first: the first version that holds a sentence is its origin
        remaining = [i for i in range(len(sentences)) if i not in origin]
        if not remaining:
            break
        old_keys = [key for _, _, key in _sentences(*_analysed(store, version))]
        exact = set(old_keys)
        near: list[int] = []
        for i in remaining:
            if sentences[i][2] in exact:
                origin[i] = (version.label, 1.0)
            else:
                near.append(i)
        if near and old_keys:
            scores = process.cdist(
                [sentences[i][2] for i in near], old_keys, scorer=fuzz.ratio, score_cutoff=threshold * 100, workers=-1
            )
            best = scores.max(axis=1)
            closest = scores.argmax(axis=1)
            for row, i in enumerate(near):
                if best[row] >= threshold * 100:
                    origin[i] = (version.label, round(float(best[row]) / 100, 4))
                    copied_from[i] = old_keys[int(closest[row])]
    lines = [
        BlameLine(
            span=doc.to_original(start, end),
            text=key,
            origin=origin[i][0] if i in origin else None,
            similarity=origin[i][1] if i in origin else 0.0,
            copied_from=copied_from.get(i),
        )
        for i, (start, end, key) in enumerate(sentences)
    ]
    total = sum(len(line.text) for line in lines) or 1
    chars: Counter[str] = Counter()
    for line in lines:
        chars[line.origin or "new"] += len(line.text)
    shares = [BlameShare(label=v.label, chars=chars[v.label], share=round(chars[v.label] / total, 4)) for v in earlier]
    shares.append(BlameShare(label="new", chars=chars["new"], share=round(chars["new"] / total, 4)))
    return BlameReport(
        series=target.series,
        label=target.label,
        earlier=tuple(v.label for v in earlier),
        lines=tuple(lines),
        shares=tuple(shares),
    )
