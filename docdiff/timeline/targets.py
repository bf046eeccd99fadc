"""Main targets of one version, the outcome a later version reports for each, and whether it was met.

A version's main targets are its plan targets in the window that opens with its
`主要预期目标是` or `主要指标是` sentence, or a `…目标是：` whose colon opens the list (the targets
paragraph of a work report or a plan), in the section of the first of them, up to the end of
its paragraph and the first long gap between two targets, each completed by the indicator
table's row for it (the row says the period the sentence leaves out); a version without such a
sentence has all its plan targets as candidates, which a series uses only to continue the main
targets other versions name.
A result for a plan is a result-tense target of the later version in a compatible unit whose
metric is alike, the first such in that version (reviews come before plans in a work report,
so the first is the review's).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from docdiff.facts.models import Target
from docdiff.facts.targets import FALLING, MARGIN_BOUNDS, SAME_METRIC, opposite_moves
from docdiff.similarity import text_ratio
from docdiff.timeline.models import Measure, TimelineOptions, Verdict
from docdiff.units import MAGNITUDES, PERCENT_SIGNS
from docdiff.words import reordered

# How the fact extractor prints an indicator-table row: its cells joined by this.
CELL_JOIN = " | "
# The sentence that opens a report's targets paragraph; the bare form is the fallback.
_OPENERS = (
    re.compile(r"(?:主要预期目标|主要目标|预期目标|主要指标)(?:是|为)"),
    # `今年经济社会发展的目标是：…`, `…的主要目标任务是：`: a goal that a colon opens the list of.
    re.compile(r"目标(?:任务)?(?:是|为)[：:]"),
    re.compile(r"预期目标"),
    re.compile(r"主要目标"),
)
# A sentence end, then a blank line (spaces allowed): where a targets paragraph stops.
_PARAGRAPH_END = re.compile(r"[。；][ \t\u3000]*\r?\n[ \t\u3000]*\r?\n")
# Points are a difference (`高于全市1-3个百分点`), never read against a growth rate in %.
_POINTS = {"个百分点", "百分点"}
# A bound or direction that caps the value; otherwise a target is a floor.
_CEILING_BOUNDS = {"以内", "以下", "不超过", "不高于", "控制在", "低于"}
# Metrics whose plain value is a ceiling (inflation, unemployment, deficits).
_CEILING_METRICS = re.compile(r"失业率|价格|涨幅|赤字|CPI")
_ABOUT = {"左右", "约", "近", "上下"}
# A level to hold (`粮食播种面积稳定在1530万亩`), with no bound, is about that level, as `左右` is.
_HELD_AT = {"稳定在", "保持在"}
_CUMULATIVE = {"五年累计", "累计"}
_CUMULATIVE_TEXT = re.compile(r"累计|五年|以来")
# The whole area a report covers, opening a metric (`全省`, `全区`, `全国`): it says where, not what
# is measured, so `全省固定资产投资` is the `固定资产投资` of the plan (administrative levels are a
# closed class, like units).
_WHOLE_AREA = re.compile(r"^全[国省市区县州盟旗镇乡]")


def bare_metric(metric: str) -> str:
    """A metric without the whole area opening it (`全省固定资产投资` → `固定资产投资`), as results are
    looked up."""
    return _WHOLE_AREA.sub("", metric)


def relative(plan: Measure | Target) -> bool:
    """Whether a plan is a margin in percentage points over or under a benchmark (`高于全市2个百分点`):
    its outcome is a growth rate in `%`, which cannot be checked without the benchmark's."""
    return unit_family(plan.unit) == "个百分点" and (plan.bound in MARGIN_BOUNDS or plan.direction in MARGIN_BOUNDS)


def result_families(plan: Target) -> tuple[str, ...]:
    """The unit families a plan's outcome may be given in: its own, and `%` for a relative plan."""
    own = unit_family(plan.unit)
    return (own, "%") if relative(plan) else (own,)


def outcome_of(
    plan: Target,
    names: Sequence[str],
    results: Sequence[Target],
    options: TimelineOptions,
    period: str | None = None,
    direction: str | None = None,
) -> Target | None:
    """The result reported for `plan` (known by `names`), in its own unit family first, then, for a
    margin over a benchmark (`高于全市1-3个百分点`), as the rate reported (`增长8.2%`)."""
    for family in result_families(plan):
        found = find_result(names, family, results, options, period, direction)
        if found is not None:
            return found
    return None


def unit_family(unit: str | None) -> str:
    """The unit without its magnitude: `%` for `%` and `％`, `元` for `亿元`."""
    if unit is None:
        return ""
    if unit in PERCENT_SIGNS:
        return "%"
    if unit in _POINTS:
        return "个百分点"
    for prefix in MAGNITUDES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix) :]
    return unit


def main_plans(text: str, targets: Sequence[Target], options: TimelineOptions) -> list[Target]:
    """The plan targets of the version's targets paragraph (all plan targets if it has none)."""
    return targets_paragraph(text, targets, options) or every_plan(targets)


def every_plan(targets: Sequence[Target]) -> list[Target]:
    """Every plan target of a version, a plan stated twice once."""
    return _restated_once([t for t in targets if t.tense == "plan"])


def targets_paragraph(text: str, targets: Sequence[Target], options: TimelineOptions) -> list[Target]:
    """The plan targets of the version's targets paragraph, each completed by its indicator-table
    row; none if the version has no targets paragraph."""
    plans = [t for t in targets if t.tense == "plan"]
    for opener in _OPENERS:
        found = opener.search(text)
        if found:
            start, end = found.start(), found.end() + options.target_window
            # The paragraph ends at a sentence closed before a blank line: the next paragraph may
            # restate a target in other words (2021's `经济增速…设定为6%以上` after `国内生产总值增长6%以上`).
            closed = _PARAGRAPH_END.search(text, found.end(), end)
            if closed:
                end = closed.start() + 1
            inside = sorted((t for t in plans if start <= t.span[0] < end), key=lambda t: t.span)
            if inside:
                # The paragraph's own targets, not those of the policy sub-sections after it.
                kept = [inside[0]]
                for target in inside[1:]:
                    if target.section != inside[0].section or target.span[0] - kept[-1].span[0] > options.target_gap:
                        break
                    kept.append(target)
                rows = {_plan_key(p): p for p in _restated_once([p for p in plans if CELL_JOIN in p.text])}
                return [_fuller(rows.get(_plan_key(p), p), p) for p in kept]
    return []


def _plan_key(plan: Target) -> tuple[str, str, float | None, float | None]:
    """What makes two statements one plan: the metric (compatibility forms folded, `Ⅳ类` = `IV类`),
    the unit's family and the values."""
    return (unicodedata.normalize("NFKC", plan.metric), unit_family(plan.unit), plan.value, plan.value_high)


def _fuller(other: Target, plan: Target) -> Target:
    """`other` if it says more of the plan than `plan` and contradicts none of what `plan` says
    (`控制在5.5%以内` restates `5.5%左右` with another bound: a different statement, not a fuller one)."""
    fields = ("period", "bound", "direction")
    agrees = all(getattr(plan, f) is None or getattr(plan, f) == getattr(other, f) for f in fields)
    return other if agrees and _said(other) > _said(plan) else plan


def _restated_once(plans: list[Target]) -> list[Target]:
    """One plan per metric, unit and value: a plan a document states twice (its indicator table's
    row and the sentence that names it) is one target, kept where it says most (its period, bound
    and direction), at the place of its first statement."""
    best: dict[tuple[str, str, float | None, float | None], Target] = {}
    first: dict[tuple[str, str, float | None, float | None], int] = {}
    for k, plan in enumerate(plans):
        key = _plan_key(plan)
        first.setdefault(key, k)
        best[key] = _fuller(plan, best[key]) if key in best else plan
    return [best[key] for key, _ in sorted(first.items(), key=lambda item: item[1])]


def _said(plan: Target) -> int:
    return sum(field is not None for field in (plan.period, plan.bound, plan.direction))


def measure(target: Target) -> Measure:
    """The reader's view of a target."""
    return Measure(
        metric=target.metric,
        value=target.value,
        value_high=target.value_high,
        unit=target.unit,
        direction=target.direction,
        bound=target.bound,
        period=target.period,
        label=_label(target),
        text=target.text,
        year=_year_of(target),
    )


_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _year_of(target: Target) -> int | None:
    """The year a target's figure is for: its period's (`2025年`), else the nearest heading's
    (`一、2022年工作回顾`); None when neither names one."""
    for text in (target.period or "", *reversed(target.section)):
        found = _YEAR.search(text)
        if found:
            return int(found.group(1))
    return None


def _label(target: Target) -> str:
    """The value as printed, with the unit a table prints in its own column (`70` → `70%`) and
    a fall printed before it (`下降12.1%`, `降低3%左右`): a figure alone reads as a growth or a
    level, so a fall is never shown as the figure alone."""
    label = target.value_text or "未设定"
    if target.unit and label[-1:].isdigit():
        label += target.unit
    if target.value is not None and target.direction in FALLING and not label.startswith(target.direction):
        label = target.direction + label
    return label


def find_result(
    names: Sequence[str],
    family: str,
    results: Sequence[Target],
    options: TimelineOptions,
    period: str | None = None,
    direction: str | None = None,
) -> Target | None:
    """The result-tense target most alike one of `names` (the first of equals: the review's),
    in the same unit family, and not another metric moving the other way (`能耗下降` is never
    `生产总值增长`, while `生产总值下降` is a result of `生产总值增长`), metrics compared without the
    whole area opening them (`全省固定资产投资` is `固定资产投资`) and whatever the order of their
    words; for a cumulative plan
    (`五年累计`) one counted over the period is preferred to a yearly one."""
    scored = []
    bare_names = [bare_metric(name) for name in names]
    for t in results:
        if t.tense != "result" or t.value is None or unit_family(t.unit) != family:
            continue
        metric = bare_metric(t.metric)
        # The same words in another order are the same metric (`城镇新增就业` planned, `新增城镇就业` done).
        similarity = max(
            (1.0 if reordered(name, metric) else text_ratio(name, metric) for name in bare_names), default=0.0
        )
        if opposite_moves(direction, t.direction) and similarity < SAME_METRIC:
            continue  # another metric moving the other way; the same one is a shortfall
        if similarity >= options.min_metric_similarity:
            scored.append((-similarity, t.span[0], t))
    alike = [t for _, _, t in sorted(scored, key=lambda item: item[:2])]
    if period in _CUMULATIVE:
        whole = [t for t in alike if _cumulative(t.period, t.text)]
        if whole:
            return whole[0]
    return alike[0] if alike else None


# A heading of a span of years (`过去五年工作回顾`, `“十三五”时期主要任务`, `2013年以来`): its figures
# are totals or goals over the span, never one year's.
_SPAN_HEADING = re.compile(r"五年|十[一二三四五六七八九]五|以来")


def task_plans(targets: Sequence[Target], main: Sequence[Target]) -> list[Target]:
    """The plans of a work report's tasks besides its main targets (`main`, in text order): those
    in the main targets' part or after it (a part before it sets goals for a span: `今后五年`,
    `“十三五”时期主要目标`), one year's figures that a metric of its own names (four characters or
    more once the whole area is left out: `投资`, `项目` name no one count), not a yearly average
    or a total over a span, nor a margin over a benchmark."""
    if not main:
        return []
    mains = {_plan_key(t) for t in main}
    part, last = main[0].section[:1], main[-1].span[0]
    return [
        t
        for t in every_plan(targets)
        if _plan_key(t) not in mains
        and (t.section[:1] == part or t.span[0] > last)
        and t.value is not None
        and t.period not in (*_CUMULATIVE, "年均")
        and not relative(t)
        and len(bare_metric(t.metric)) >= 4
    ]


def task_outcome(plan: Target, results: Sequence[Target], options: TimelineOptions) -> Target | None:
    """The result a review part reports for a task's plan, among `results` (those of alike metrics
    and no other subject: see `outcomes._Candidates`): the same metric (the same words in any
    order, or `min_task_similarity` alike), not a total against a year's figure, in the same unit
    family, for one year (not a total over a span), the most alike, the first of equals."""
    metric = bare_metric(plan.metric)
    total = _a_total(metric)
    best: tuple[float, Target] | None = None
    for result in results:
        if (
            result.tense != "result"
            or result.value is None
            or unit_family(result.unit) != unit_family(plan.unit)
            or _cumulative(result.period, result.text)
            or any(_SPAN_HEADING.search(heading) for heading in result.section)
        ):
            continue
        other = bare_metric(result.metric)
        similarity = 1.0 if reordered(metric, other) else text_ratio(metric, other)
        if similarity < options.min_task_similarity:
            continue
        if _a_total(other) != total:
            continue  # `重点项目总投资` is what the works cost in all, not the year's `重点项目投资`
        if best is None or similarity > best[0]:
            best = (similarity, result)
    return best[1] if best else None


def _a_total(metric: str) -> bool:
    """Whether a metric's measure is a total: `总` on its own before the last word (`重点项目总投资`,
    `项目总规模`), not a word of its own that holds it (`进出口总额`, `生产总值`)."""
    from docdiff.words import tagged

    words = tagged(metric)
    return len(words) >= 2 and words[-2][0] == "总"


def _cumulative(period: str | None, text: str) -> bool:
    return period in _CUMULATIVE or bool(_CUMULATIVE_TEXT.search(text))


def verdict(plan: Measure | None, result: Measure | None, options: TimelineOptions) -> Verdict:
    """met / not met / no result; `no target` for a result with no plan (`未设定`), `no figure` for a
    plan with no number (`全部完成`, `完成市下达目标`), `relative` for a margin over a benchmark checked
    against a plain rate, `period differs` for a yearly result of a cumulative plan (a five-year
    total against one year's figure), `not due` for a result of a year before the plan's."""
    if plan is None:
        return "no target"
    if plan.value is None:
        return "no figure"
    if result is None or result.value is None:
        return "no result"
    if plan.year is not None and result.year is not None and result.year < plan.year:
        return "not due"  # a target for 2025 is not missed by 2022's figure
    if relative(plan) and unit_family(result.unit) != unit_family(plan.unit):
        return "relative"
    if plan.period in _CUMULATIVE and not _cumulative(result.period, result.text):
        return "period differs"
    got = -result.value if opposite_moves(plan.direction, result.direction) else result.value
    about = plan.bound in _ABOUT or (plan.bound is None and plan.direction in _HELD_AT)
    if (
        plan.bound in _CEILING_BOUNDS
        or plan.direction in _CEILING_BOUNDS
        or (_CEILING_METRICS.search(plan.metric) and plan.bound not in {"以上", "不低于", "超过"})
    ):
        cap = plan.value_high if plan.value_high is not None else plan.value
        if about:
            cap *= 1 + options.about_tolerance
        return "met" if got <= cap + 1e-9 else "not met"
    floor = plan.value
    if about:
        floor *= 1 - options.about_tolerance
    return "met" if got >= floor - 1e-9 else "not met"
