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
from docdiff.timeline.models import Ledger, TimelineOptions
from docdiff.timeline.outcomes import ledger_entries, plan_targets_of
from docdiff.timeline.series import targets_of


def plan_targets(document: Document, options: TimelineOptions) -> list[Target]:
    """The plan's indicator-table rows if it has any, else the targets of its targets paragraph."""
    return plan_targets_of(document.text, targets_of(document), options)


def ledger(plan: Document, outcome: Document, options: TimelineOptions | None = None) -> Ledger:
    """Every target of `plan` with the result `outcome` reports for it, met or not."""
    entries = ledger_entries(plan.text, targets_of(plan), targets_of(outcome), options or TimelineOptions())
    return Ledger(plan=plan.source, outcome=outcome.source, entries=tuple(entries))


def ledger_of(plan: Source, outcome: Source, store: Store | None = None) -> Ledger:
    """Read a plan and an outcome (files or `SERIES@LABEL`) and build their ledger."""
    return ledger(load(plan, store), load(outcome, store))
