"""Plan → outcome ledger: each target a plan sets, with the result a later document reports.

The plan's targets are its indicator-table rows when it has an indicator table (a five-year
plan's 表五), else its main targets; the result for each is looked up as for a timeline cell.
"""

from __future__ import annotations

from docdiff.api import Source, load
from docdiff.facts.models import Target
from docdiff.models import Document
from docdiff.store.store import Store
from docdiff.timeline.models import Ledger, LedgerEntry, TimelineOptions
from docdiff.timeline.series import targets_of
from docdiff.timeline.targets import CELL_JOIN, main_plans, measure, outcome_of, verdict


def plan_targets(document: Document, options: TimelineOptions) -> list[Target]:
    """The plan's indicator-table rows if it has any, else the targets of its targets paragraph."""
    targets = targets_of(document)
    table = [t for t in targets if t.tense == "plan" and CELL_JOIN in t.text]
    return table or main_plans(document.text, targets, options)


def ledger(plan: Document, outcome: Document, options: TimelineOptions | None = None) -> Ledger:
    """Every target of `plan` with the result `outcome` reports for it, met or not."""
    options = options or TimelineOptions()
    results = targets_of(outcome)
    entries = []
    for target in plan_targets(plan, options):
        hit = outcome_of(target, [target.metric], results, options, target.period, target.direction)
        planned, result = measure(target), measure(hit) if hit else None
        entries.append(LedgerEntry(plan=planned, result=result, verdict=verdict(planned, result, options)))
    return Ledger(plan=plan.source, outcome=outcome.source, entries=tuple(entries))


def ledger_of(plan: Source, outcome: Source, store: Store | None = None) -> Ledger:
    """Read a plan and an outcome (files or `SERIES@LABEL`) and build their ledger."""
    return ledger(load(plan, store), load(outcome, store))
