"""Splits and merges: unpaired sections whose content went to (or came from) one section of the
other version, found after the assignment from the tree's shape and the content, and confirmed
by sentences carried over word for word."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from docdiff.align.gather import preamble_parts
from docdiff.align.models import NEVER_PARTS
from docdiff.flat import FlatSection
from docdiff.models import Document
from docdiff.options import AlignOptions
from docdiff.sentences import sentence_units

if TYPE_CHECKING:
    from docdiff.align.aligner import _Aligner


def splits_and_merges(aligner: _Aligner) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Unpaired sections whose content comes mostly from one section of the other side."""
    splits = _sources(aligner, new_side=True)
    merges = _sources(aligner, new_side=False)
    options = aligner.options
    carried = [
        (
            splits,
            _carried_sources(
                aligner.new_doc, aligner.new, aligner.partner_of_new, aligner.old_doc, aligner.old, options
            ),
        ),
        (
            merges,
            _carried_sources(
                aligner.old_doc, aligner.old, aligner.partner_of_old, aligner.new_doc, aligner.new, options
            ),
        ),
        (splits, preamble_parts(aligner, new_side=True)),
        (merges, preamble_parts(aligner, new_side=False)),
    ]
    for found, more in carried:
        for source, parts in more.items():
            found[source] = sorted(set(found.get(source, [])) | set(parts))
    # A split needs the old section spread over two or more new ones (its partner counts).
    split = {i: js for i, js in splits.items() if len(js) + (i in aligner.partner_of_old) >= 2}
    merged = {j: is_ for j, is_ in merges.items() if len(is_) + (j in aligner.partner_of_new) >= 2}
    return split, merged


def _sources(aligner: _Aligner, new_side: bool) -> dict[int, list[int]]:
    """For each unpaired section of one side, the section of the other side it is a part of.

    The tree's shape names the likely source, and the content must confirm it:
    - its parent's counterpart, when that is undivided (an old `（三）` whose text went on
      inside next year's undivided part, or the reverse): the tree decides, and a weighted
      cosine of `min_part_similarity` only shows the two have something in common (its
      most like section may be elsewhere: last year's plans read like this year's review);
    - the partner of a sibling (two siblings folded into one, one split into two): its most
      like section, by `min_sibling_part_similarity` and `min_part_margin` over the next best
      (the source's own ancestors, which hold its text, are no rivals) and over the sibling
      itself (the source must have gained the unit's text, not merely kept the sibling's);
    - elsewhere its most like section by `split_share` and the same margin.
    Containers (sections that are mostly their children) are never parts nor sources (of the
    last two kinds): their children are.
    """
    mine, theirs = (aligner.new, aligner.old) if new_side else (aligner.old, aligner.new)
    partners = aligner.partner_of_new if new_side else aligner.partner_of_old
    their_partners = aligner.partner_of_old if new_side else aligner.partner_of_new
    empty = aligner.evidence.new_empty if new_side else aligner.evidence.old_empty
    offset = aligner.evidence.n if new_side else 0
    candidates = [
        s.index
        for s in mine[1:]
        if s.index not in partners
        and not empty[s.index]
        and len(s.content) >= aligner.options.min_split_chars
        and s.section.style not in NEVER_PARTS
    ]
    containers = aligner._containers(mine, candidates, offset) if candidates else np.zeros(0, dtype=bool)
    units = [u for u, container in zip(candidates, containers, strict=True) if not container]
    others = [s.index for s in theirs[1:] if s.section.style not in NEVER_PARTS]
    found: dict[int, list[int]] = defaultdict(list)
    if not units or len(others) < 2:
        return found
    column = {other: k for k, other in enumerate(others)}
    likeness = aligner.evidence.content(others, units).T if new_side else aligner.evidence.content(units, others)
    options = aligner.options
    for k, unit in enumerate(units):
        order = np.argsort(likeness[k])
        best, second = int(order[-1]), int(order[-2])
        value = float(likeness[k, best])
        source = others[best]
        sibling = mine[their_partners[source]].parent == mine[unit].parent if source in their_partners else False
        if sibling:
            # Split among siblings: the source's own ancestors hold its text and are no rivals.
            related = _ancestors(theirs, source)
            second = next((int(r) for r in order[-2::-1] if others[r] not in related), second)
        stands_out = value >= options.min_part_margin * max(float(likeness[k, second]), 1e-9)
        if sibling:
            # The source must have gained the unit's text: the unit is more alike to it than to
            # the sibling it pairs with (a sibling's unchanged text shares the report's words).
            kin = aligner.evidence.space.cosine([offset + unit], [offset + their_partners[source]])[0, 0]
            stands_out &= value >= options.min_part_margin * max(float(kin), 1e-9)
        anchor = _paired_ancestor(aligner, mine, unit, partners, offset)
        counterpart = partners[anchor] if anchor is not None else None
        # A gatherer's counterpart stands for its own text only: its children are parts elsewhere.
        gathered = (
            anchor is not None and ((counterpart, anchor) if new_side else (anchor, counterpart)) in aligner.gathered
        )
        if (
            counterpart in column
            and not gathered
            and not aligner._headed_children(theirs, counterpart)
            and likeness[k, column[counterpart]] >= options.min_part_similarity
        ):
            found[counterpart].append(unit)
            continue
        clear = value >= options.clear_part_margin * max(float(likeness[k, second]), 1e-9)
        # A whole that is mostly its numbered children is alike to a little of everything: its
        # children, not the container, are what a section is split into or merged from.
        if aligner._containers(theirs, [source], aligner.evidence.n - offset)[0]:
            continue
        if (stands_out and value >= (options.min_sibling_part_similarity if sibling else options.split_share)) or (
            clear and value >= options.min_clear_part_similarity
        ):
            found[source].append(unit)
    return found


def _ancestors(sections: list[FlatSection], index: int) -> set[int]:
    out: set[int] = set()
    k = sections[index].parent
    while k is not None:
        out.add(k)
        k = sections[k].parent
    return out


def _paired_ancestor(
    aligner: _Aligner, sections: list[FlatSection], index: int, partners: dict[int, int], offset: int
) -> int | None:
    """The section's parent if paired; past an unpaired container parent, its grandparent."""
    parent = sections[index].parent
    if parent is None:
        return None
    if parent in partners:
        return parent
    grand = sections[parent].parent
    if grand is not None and grand in partners and aligner._containers(sections, [parent], offset)[0]:
        return grand
    return None


def _carried_sources(
    doc: Document,
    sections: list[FlatSection],
    partners: dict[int, int],
    other_doc: Document,
    other: list[FlatSection],
    options: AlignOptions,
) -> dict[int, list[int]]:
    """For unpaired sections of one side: the section of the other side holding most of their
    sentences word for word (at least `carried_share` of their characters), the strongest
    evidence of a split or a merge."""
    where: dict[str, int] = {}
    for section in other[1:]:
        for unit in sentence_units(other_doc.normalised, section.body):
            where.setdefault(unit.key, section.index)
    found: dict[int, list[int]] = defaultdict(list)
    for section in sections[1:]:
        if section.index in partners:
            continue
        units = sentence_units(doc.normalised, section.body)
        total = sum(len(u.key) for u in units)
        if total < options.min_split_chars:
            continue
        shares: dict[int, int] = defaultdict(int)
        for unit in units:
            if unit.key in where:
                shares[where[unit.key]] += len(unit.key)
        if shares:
            source, chars = max(shares.items(), key=lambda item: item[1])
            if chars >= options.carried_share * total:
                found[source].append(section.index)
    return found
