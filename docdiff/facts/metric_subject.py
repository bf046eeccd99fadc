"""Whether two alike metric names measure different subjects.

Character similarity cannot tell `城镇调查失业率` from `城镇登记失业率` (5 of 7 characters
shared), yet a work report sets a target for each, and pairing one with the other reads a
4.5 % ceiling against a 5.5 % one. The shape that separates them: the two names share a frame
on both sides (`城镇…失业率`) and swap a short modifier inside it (`调查` ↔ `登记`). A name
that only grows or loses words (`调查失业率` → `年末全国城镇调查失业率`) keeps its subject, and
so does a change at either end (a verb before the noun, `发放` → `提供小额担保贷款`; a clause
word after it), since metrics are cut from running text and their ends are loose.

An average is never the total it is taken of: `人均生产总值` (per head), `日均客流` (per day) and
`平均工资` name a quantity divided by a count, so a name holding `均` never pairs with one that
does not (`全省生产总值`), however much of it they share. `年均` is not such an average: a yearly
rate of the same quantity, kept apart from one year's by its period.

A swap alone may be a rewording (`研发投入` and `研发支出` are one quantity), so it says two
subjects only when a version itself names both: one that reports `调查失业率` and
`登记失业率` side by side holds them apart.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from difflib import SequenceMatcher

# A swapped modifier is a word or two: `登记`/`调查`, `金融`/`商贸`, `制造业`/`科技型中小`.
_MIN_SWAP = 2
_MAX_SWAP = 5
# Only words swap: `8个方面` → `10方面` is a count inside the name, not another subject.
_WORD = re.compile(r"[\u4e00-\u9fff]+")


def modifier_swap(a: str, b: str) -> tuple[str, str, str] | None:
    """(a's modifier, b's modifier, the shared text after them) when `a` and `b` swap a short
    modifier between a shared head and a shared tail; None otherwise."""
    if a == b:
        return None
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or k == 0 or k == len(ops) - 1:
            continue
        # Shared text right before and right after: a frame, not a loose end.
        if ops[k - 1][0] != "equal" or ops[k + 1][0] != "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        short = min(len(left), len(right)) >= _MIN_SWAP and max(len(left), len(right)) <= _MAX_SWAP
        if short and _WORD.fullmatch(left) and _WORD.fullmatch(right):
            return left, right, a[ops[k + 1][1] : ops[k + 1][2]]
    return None


# An average per head, per household, per day (`人均`, `户均`, `日均`, `平均`); not `年均`, the yearly
# rate of the same quantity over a span, which its period holds apart.
_AVERAGE = re.compile(r"(?<!年)均")


def _averaged(metric: str) -> bool:
    return bool(_AVERAGE.search(metric))


def different_subjects(a: str, b: str, old_names: Collection[str], new_names: Collection[str]) -> bool:
    """True when one of old metric `a` and new metric `b` is an average and the other is not, or
    when they swap a modifier (see `modifier_swap`) and a
    version names both: the old one has a metric with b's modifier, or the new one with a's."""
    if _averaged(a) != _averaged(b):
        return True  # an average against a total (see the module's docstring)
    swap = modifier_swap(a, b)
    if swap is None:
        return False
    left, right, tail = swap
    return any(right + tail in name for name in old_names if name != a) or any(
        left + tail in name for name in new_names if name != b
    )
