"""Rebuild a new section body from the old one and a pair's edits (the round-trip invariant)."""

from __future__ import annotations

from docdiff.comparison import Comparison, SectionPair
from docdiff.flat import FlatSection, flatten
from docdiff.models import Document
from docdiff.segment import segment


def bodies(doc: Document) -> dict[tuple[int, int], FlatSection]:
    """Flattened sections keyed by their original span."""
    return {flat.section.span: flat for flat in flatten(doc, segment(doc))}


def rebuild(
    pair: SectionPair,
    old: Document,
    new: Document,
    old_bodies: dict[tuple[int, int], FlatSection],
    new_bodies: dict[tuple[int, int], FlatSection],
) -> tuple[str, str]:
    """(rebuilt new body, actual new body), both normalised."""
    assert pair.old and pair.new
    start, end = old_bodies[pair.old.span].body
    target = new_bodies[pair.new.span].body
    changes: list[tuple[int, int, str]] = []
    for edit in pair.edits:
        if edit.op == "insert" or edit.direction == "in":
            assert edit.at is not None
            at = old.to_normalised((edit.at, edit.at))[0]
            changes.append((at, at, edit.new))
        else:
            assert edit.old_span is not None
            s, e = old.to_normalised(edit.old_span)
            changes.append((s, e, "" if edit.op == "move" else edit.new))
    text = old.normalised
    pieces: list[str] = []
    pos = start
    for s, e, replacement in sorted(changes, key=lambda c: (c[0], c[1])):
        assert start <= s <= e <= end and s >= pos, (s, e, pos)
        pieces.append(text[pos:s])
        pieces.append(replacement)
        pos = e
    pieces.append(text[pos:end])
    return "".join(pieces), new.normalised[target[0] : target[1]]


def assert_rebuilds(comparison: Comparison, old: Document, new: Document) -> int:
    """Every fully diffed pair's edits turn its old body into its new body; returns how many pairs."""
    old_bodies, new_bodies = bodies(old), bodies(new)
    checked = 0
    for pair in comparison.sections:
        if pair.old and pair.new and pair.primary:
            rebuilt, actual = rebuild(pair, old, new, old_bodies, new_bodies)
            assert rebuilt == actual, (pair.old.heading, rebuilt[:200], actual[:200])
            checked += 1
    return checked
