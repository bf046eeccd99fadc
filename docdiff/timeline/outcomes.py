"""What a plan's targets became: each with the result a later version reports, met or not.

Shared by the ledger (`docdiff compare PLAN OUTCOME --ledger`) and the comparison itself, which
lists last year's targets with this year's results whenever the new version reports on the year
the old one plans. Pure: it reads targets already extracted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from docdiff.facts.metric_subject import different_subjects
from docdiff.facts.models import Target
from docdiff.similarity import ratio_pairs
from docdiff.timeline.models import LedgerEntry, TimelineOptions
from docdiff.timeline.targets import (
    CELL_JOIN,
    bare_metric,
    main_plans,
    measure,
    outcome_of,
    task_outcome,
    task_plans,
    verdict,
)


def plan_targets_of(text: str, targets: Sequence[Target], options: TimelineOptions) -> list[Target]:
    """The plan's indicator-table rows if it has any, else the targets of its targets paragraph."""
    table = [t for t in targets if t.tense == "plan" and CELL_JOIN in t.text]
    return table or main_plans(text, targets, options)


def ledger_entries(
    text: str, targets: Sequence[Target], results: Sequence[Target], options: TimelineOptions
) -> list[LedgerEntry]:
    """Every main target of a plan (`text` and its `targets`) with the result among `results`,
    then, for a work report, each plan of its tasks that a result is reported for."""
    main = plan_targets_of(text, targets, options)
    tasks = task_plans(targets, main) if main and CELL_JOIN not in main[0].text else []
    names = ({t.metric for t in targets}, {t.metric for t in results})
    least = min(options.min_metric_similarity, options.min_task_similarity)
    alike = _Candidates([*main, *tasks], results, least, names)
    entries = []
    for target in main:
        hit = outcome_of(target, [target.metric], alike.of(target), options, target.period, target.direction)
        entries.append(_entry(target, hit, True, options))
    for target in tasks:  # a work report's: only those a result is reported for
        hit = task_outcome(target, alike.of(target), options)
        if hit is not None:
            entries.append(_entry(target, hit, False, options))
    return entries


def outcomes(
    text: str, targets: Sequence[Target], results: Sequence[Target], options: TimelineOptions | None = None
) -> tuple[LedgerEntry, ...]:
    """The ledger of a comparison: only when the new version reports on the year the old one plans
    (a main target's result is for a year its text says, that year or later when the plan says
    its own), since a newspaper's summary of the same report, or a report against last year's,
    gives figures of another year that no plan of the old version is judged by."""
    entries = ledger_entries(text, targets, results, options or TimelineOptions())
    due = any(
        e.main and e.result and e.result.year is not None and (e.plan.year is None or e.result.year >= e.plan.year)
        for e in entries
    )
    return tuple(entries) if due else ()


class _Candidates:
    """The results each plan's outcome is looked for among: those whose metric is alike enough
    (`least`) or the same words in another order, found for all plans at once (a sparse pass over
    the distinct metrics, as targets are paired), not by scoring every plan against every result:
    a long report states tens of thousands of each. Never a result of another subject that a version
    holds apart (`城镇登记失业率` planned, `城镇调查失业率` reported: see `different_subjects`)."""

    def __init__(
        self,
        plans: Sequence[Target],
        results: Sequence[Target],
        least: float,
        names: tuple[Collection[str], Collection[str]],
    ) -> None:
        found = [r for r in results if r.tense == "result" and r.value is not None]
        by_name: dict[str, list[Target]] = {}
        for result in found:
            by_name.setdefault(bare_metric(result.metric), []).append(result)
        plan_names = sorted({bare_metric(p.metric) for p in plans})
        result_names = sorted(by_name)
        rows, cols, _ = ratio_pairs(plan_names, result_names, least)
        near: dict[str, set[str]] = {name: set() for name in plan_names}
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if not different_subjects(plan_names[i], result_names[j], *names):
                near[plan_names[i]].add(result_names[j])
        letters: dict[str, list[str]] = {}  # the same characters: maybe the same words reordered
        for name in result_names:
            letters.setdefault("".join(sorted(name)), []).append(name)
        for name in plan_names:
            near[name].update(letters.get("".join(sorted(name)), ()))
        self._near = near
        self._by_name = by_name

    def of(self, plan: Target) -> list[Target]:
        """The candidate results for `plan`, in text order."""
        names = self._near.get(bare_metric(plan.metric), set())
        return sorted((r for name in names for r in self._by_name[name]), key=lambda r: r.span)


def _entry(plan: Target, hit: Target | None, main: bool, options: TimelineOptions) -> LedgerEntry:
    """One entry of the ledger: the plan, the result found for it (if any) and the verdict."""
    planned, result = measure(plan), measure(hit) if hit else None
    section = plan.section[-1] if plan.section else None
    return LedgerEntry(
        plan=planned, result=result, main=main, section=section, verdict=verdict(planned, result, options)
    )
