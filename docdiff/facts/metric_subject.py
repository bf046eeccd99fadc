"""Whether two alike metric names measure different subjects.

Character similarity cannot tell `城镇调查失业率` from `城镇登记失业率` (5 of 7 characters
shared), yet a work report sets a target for each, and pairing one with the other reads a
4.5 % ceiling against a 5.5 % one. The shape that separates them: the two names share a frame
on both sides (`城镇…失业率`) and swap a short modifier inside it (`调查` ↔ `登记`). A name
that only grows or loses words (`调查失业率` → `年末全国城镇调查失业率`) keeps its subject, and
so does a change at either end (a verb before the noun, `发放` → `提供小额担保贷款`; a clause
word after it), since metrics are cut from running text and their ends are loose.
"""

from __future__ import annotations

from difflib import SequenceMatcher

# A swapped modifier is a word or two: `登记`/`调查`, `金融`/`商贸`, `制造业`/`科技型中小`.
_MIN_SWAP = 2
_MAX_SWAP = 5


def different_subjects(a: str, b: str) -> bool:
    """True when `a` and `b` swap a short modifier between a shared head and a shared tail."""
    if a == b:
        return False
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or k == 0 or k == len(ops) - 1:
            continue
        # Shared text right before and right after: a frame, not a loose end.
        framed = ops[k - 1][0] == "equal" and ops[k + 1][0] == "equal"
        if framed and min(i2 - i1, j2 - j1) >= _MIN_SWAP and max(i2 - i1, j2 - j1) <= _MAX_SWAP:
            return True
    return False
