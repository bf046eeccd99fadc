"""Two changes of a report's outline that a container (a part that is mostly its numbered
children) makes, found after the assignment: a container that gathers last year's parts as
its children, and a container whose preamble goes out as a part of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from docdiff.align.models import NEVER_PARTS

if TYPE_CHECKING:
    from docdiff.align.aligner import _Aligner


def pair_gatherers(aligner: _Aligner, new_side: bool) -> None:
    """A new part that gathers last year's parts as its numbered children pairs with the
    part those came after (or, the other way, a part whose children went up a level).

    2020's tasks are its parts 三 to 八 beside 二 (overall requirements and targets); 2021
    folds them into 三、重点工作 as `（一）…（八）`, whose own text opens with the year's
    requirements and targets. The container stands for 二 and its children for 三 to 八;
    the container penalty keeps the assignment from seeing it, so it is found here: an
    unpaired container, most of whose headed children pair one level up with children of
    its parent's counterpart, pairs with the unpaired one of those siblings most alike to
    it, if the content is enough for a pair of unlike headings.
    """
    mine, theirs = (aligner.new, aligner.old) if new_side else (aligner.old, aligner.new)
    partners = aligner.partner_of_new if new_side else aligner.partner_of_old
    their_partners = aligner.partner_of_old if new_side else aligner.partner_of_new
    offset = aligner.evidence.n if new_side else 0
    kids, their_kids = aligner._kids(mine), aligner._kids(theirs)
    for section in mine[1:]:
        k, parent = section.index, section.parent
        if k in partners or parent is None or parent not in partners:
            continue
        headed = [c for c in kids[k] if mine[c].section.style != "topic"]
        if len(headed) < 2 or not aligner._containers(mine, [k], offset)[0]:
            continue
        # Its own text must be a preamble that can stand for a part, not one line of intro.
        space = aligner.evidence.space
        if space.own_mass[offset + k] < aligner.options.min_gatherer_own_share * space.mass[offset + k]:
            continue
        counterpart = partners[parent]
        up = sum(1 for c in headed if c in partners and theirs[partners[c]].parent == counterpart)
        if 2 * up < len(headed):
            continue
        free = [s for s in their_kids[counterpart] if s not in their_partners]
        free = [s for s in free if not aligner._containers(theirs, [s], aligner.evidence.n - offset)[0]]
        if not free:
            continue
        likeness = aligner.evidence.content(free, [k]) if new_side else aligner.evidence.content([k], free).T
        best = int(np.argmax(likeness[:, 0]))
        other, value = free[best], float(likeness[best, 0])
        if value < aligner.options.min_unlike_content:
            continue
        i, j = (other, k) if new_side else (k, other)
        aligner.partner_of_old[i], aligner.partner_of_new[j] = j, i
        aligner.similarity[(i, j)] = aligner._similarity(i, j)
        aligner.gathered.add((i, j))


def preamble_parts(aligner: _Aligner, new_side: bool) -> dict[int, list[int]]:
    """Sections that are a paired container's preamble, gone out as a part of its own beside the
    container's counterpart (for `new_side`: old source → new parts; else new → old).

    2021's 三、重点工作 opens with the year's requirements and targets before its `（一）…（八）`;
    in 2022 those are 二、总体要求和政策取向 and the tasks are 三、政府工作任务 with next to no
    text of its own. The container had a preamble (`min_gatherer_own_share` of its content),
    its counterpart has none, and an unpaired sibling of the counterpart is most alike to the
    container of all sections (`min_sibling_part_similarity` at least): that sibling is the
    preamble, and the container was split into it and its counterpart.
    """
    mine, theirs = (aligner.new, aligner.old) if new_side else (aligner.old, aligner.new)
    partners = aligner.partner_of_new if new_side else aligner.partner_of_old
    their_partners = aligner.partner_of_old if new_side else aligner.partner_of_new
    offset = aligner.evidence.n if new_side else 0
    space, share = aligner.evidence.space, aligner.options.min_gatherer_own_share
    empty = aligner.evidence.new_empty if new_side else aligner.evidence.old_empty
    found: dict[int, list[int]] = {}
    others = [s.index for s in theirs[1:] if s.section.style not in NEVER_PARTS]
    their_offset = aligner.evidence.n - offset
    their_rows = [their_offset + k for k in others]  # the others in the space, one list for all units
    for source, partner in their_partners.items():
        parent = mine[partner].parent
        if source == 0 or parent is None:
            continue
        if not aligner._containers(theirs, [source], their_offset)[0]:
            continue
        if space.own_mass[their_offset + source] < share * space.mass[their_offset + source]:
            continue  # no preamble to give
        if space.own_mass[offset + partner] >= share * space.mass[offset + partner]:
            continue  # the counterpart kept it
        siblings = [
            s
            for s in aligner._kids(mine)[parent]
            if s not in partners and not empty[s] and mine[s].section.style not in NEVER_PARTS
        ]
        for unit in siblings:
            # The unit against all the others as one row (the others' side is built once and
            # kept by `cosine`), not all the others gathered again for each unit.
            likeness = space.cosine([offset + unit], their_rows)[0]
            best = int(np.argmax(likeness))
            if others[best] == source and likeness[best] >= aligner.options.min_sibling_part_similarity:
                found.setdefault(source, []).append(unit)
    return found
