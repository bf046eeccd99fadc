"""The part of a report each section belongs to: the review of the past year, or what follows.

A work report opens with a review (`2020年工作回顾`) and goes on to the targets and tasks
ahead. A section of next year's review reads much like a section of last year's tasks (the
plans of one year are the results of the next: `加快建设科技创新中心` and `科技创新中心建设取得
新进展`), so content alone pairs the review with the tasks. A reviewer pairs the review with
the review and the tasks with the tasks; when both versions have a review part, a pair across
the two roles is never made.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from docdiff.facts.targets import section_role
from docdiff.flat import FlatSection


def in_review(sections: list[FlatSection]) -> NDArray[np.bool_]:
    """For each section (the root included, never in one), whether it lies in a review part."""
    out = np.zeros(len(sections), dtype=bool)
    for section in sections[1:]:
        parent = section.parent
        # Parents come before their children: a child takes its top-level part's role.
        if parent:
            out[section.index] = out[parent]
        else:
            out[section.index] = section_role((section.section.heading,), False) == "review"
    return out


def role_blind(old: NDArray[np.bool_], new: NDArray[np.bool_]) -> bool:
    """Roles say nothing unless both versions have a review part (a plan, a news piece)."""
    return not (old.any() and new.any())
