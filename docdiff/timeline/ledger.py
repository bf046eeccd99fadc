"""Plan → outcome ledger: each target a plan sets, with the result a later document reports.

The plan's targets are its indicator-table rows when it has an indicator table (a five-year
plan's 表五), else its main targets; the result for each is looked up as for a timeline cell.
A work report's tasks set more plans than its main targets (`新增高新技术企业5000家以上`): after
the main targets come those the outcome's review reports a result for, read more strictly (the
same metric, one year's figure; see `task_outcome`), since no reader asks of each of them.
"""

from __future__ import annotations

from docdiff.api import Source, load
from docdiff.facts.models import Target
from docdiff.models import Document
from docdiff.store.store import Store
from docdiff.timeline.models import Ledger, LedgerEntry, TimelineOptions
from docdiff.timeline.series import targets_of
from docdiff.timeline.targets import CELL_JOIN, main_plans, measure, outcome_of, task_outcome, task_plans, verdict


def plan_targets(document: Document, options: TimelineOptions) -> list[Target]:
    """The plan's indicator-table rows if it has any, else the targets of its targets paragraph."""
    targets = targets_of(document)
    table = [t for t in targets if t.tense == "plan" and CELL_JOIN in t.text]
    return table or main_plans(document.text, targets, options)


def ledger(plan: Document, outcome: Document, options: TimelineOptions | None = None) -> Ledger:
    """Every target of `plan` with the result `outcome` reports for it, met or not."""
    options = options or TimelineOptions()
    results = targets_of(outcome)
    main = plan_targets(plan, options)
    entries = []
    for target in main:
        hit = outcome_of(target, [target.metric], results, options, target.period, target.direction)
        planned, result = measure(target), measure(hit) if hit else None
        section = target.section[-1] if target.section else None
        entries.append(
            LedgerEntry(plan=planned, result=result, section=section, verdict=verdict(planned, result, options))
        )
    targets = targets_of(plan)
    if main and CELL_JOIN not in main[0].text:  # a work report's main targets: its tasks set more plans
        names = ({t.metric for t in targets}, {t.metric for t in results})
        for target in task_plans(targets, main):
            hit = task_outcome(target, results, names, options)
            if hit is not None:
                planned, result = measure(target), measure(hit)
                entries.append(
                    LedgerEntry(
                        plan=planned,
                        result=result,
                        main=False,
                        section=target.section[-1] if target.section else None,
                        verdict=verdict(planned, result, options),
                    )
                )
    return Ledger(plan=plan.source, outcome=outcome.source, entries=tuple(entries))


def ledger_of(plan: Source, outcome: Source, store: Store | None = None) -> Ledger:
    """Read a plan and an outcome (files or `SERIES@LABEL`) and build their ledger."""
    return ledger(load(plan, store), load(outcome, store))
