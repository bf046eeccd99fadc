"""Latin acronyms in metrics, read as the Chinese names the other version writes in their place.

A newspaper prints `GDP增长5%左右`, `CPI涨幅3%左右`, `单位GDP能耗降低2.5%左右`; the report it summarises
prints `国内生产总值`, `居民消费价格`. No table of acronyms is kept: what an acronym stands for is
learned from the two versions being compared. Each metric holding it is a frame around it (`单位` …
`能耗`, … `涨幅`); a metric of the other version filling the same frame with Han characters
offers its filling as the acronym's name, and one whose target states the same value, unit,
direction and bound counts more. The best-supported name wins when no other is as well supported.
Names are used to pair targets only: a report still shows each metric as its version prints it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from docdiff.facts.models import Target

# An acronym: capitals, not a part of a name with digits (`PM2.5`, `G60`, `5G`).
_ACRONYM = re.compile(r"(?<![A-Za-z0-9.])[A-Z]{2,6}(?![A-Za-z0-9.])")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")
# Support of a filling from a metric that fills the frame, and more from one whose target says
# the same figure the same way (`GDP增长5%左右` and `国内生产总值增长5%左右`).
_FILLS = 1.0
_SAME_FIGURE = 2.0


def expanded_metrics(old: Sequence[Target], new: Sequence[Target]) -> tuple[list[str], list[str]]:
    """The metrics of each side with every acronym the other side does not print replaced by
    the name learned for it (see the module docstring); unchanged where none is learned."""
    old_names = _names(old, new)
    new_names = _names(new, old)
    return _replaced(old, old_names), _replaced(new, new_names)


def _names(side: Sequence[Target], other: Sequence[Target]) -> dict[str, str]:
    acronyms = {a for t in side for a in _ACRONYM.findall(t.metric)}
    acronyms -= {a for t in other for a in _ACRONYM.findall(t.metric)}
    if not acronyms:
        return {}
    # The other side's plain metrics, each with the figures its targets state.
    figures: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for target in other:
        if not _ACRONYM.search(target.metric):
            figures[target.metric].add(_figure(target))
    names: dict[str, str] = {}
    for acronym in sorted(acronyms):
        # Each frame once, with the figures said in it and how often (a long report repeats them).
        frames: dict[tuple[str, str], Counter[tuple[object, ...]]] = defaultdict(Counter)
        for target in side:
            if acronym in target.metric:
                before, after = target.metric.split(acronym, 1)
                frames[(before, after)][_figure(target)] += 1
        support: dict[str, float] = defaultdict(float)
        for (before, after), stated in frames.items():
            for metric, said in figures.items():
                if len(metric) <= len(before) + len(after) or not (
                    metric.startswith(before) and metric.endswith(after)
                ):
                    continue
                filling = metric[len(before) : len(metric) - len(after)]
                if _NAME.fullmatch(filling):
                    for figure, count in stated.items():
                        support[filling] += count * (_FILLS + (_SAME_FIGURE if figure in said else 0.0))
        ranked = sorted(support.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            names[acronym] = ranked[0][0]
    return names


def _figure(target: Target) -> tuple[object, ...]:
    return (target.value, target.value_high, target.unit, target.direction, target.bound)


def _replaced(side: Sequence[Target], names: dict[str, str]) -> list[str]:
    if not names:
        return [t.metric for t in side]
    return [_ACRONYM.sub(lambda m: names.get(m.group(), m.group()), t.metric) for t in side]
