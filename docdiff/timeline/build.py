"""Build a series' timeline from the comparisons of its consecutive versions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from docdiff.cache import Cache
from docdiff.comparison import Comparison
from docdiff.facts.models import Target
from docdiff.similarity import text_ratio
from docdiff.store.store import Store
from docdiff.timeline.follow import phrase_rows, project_rows, review_parts
from docdiff.timeline.lineage import section_lineage
from docdiff.timeline.models import TargetCell, TargetRow, Timeline, TimelineKind, TimelineOptions
from docdiff.timeline.series import Version, compare_series, series_cache, targets_of, versions
from docdiff.timeline.targets import every_plan, measure, outcome_of, targets_paragraph, unit_family, verdict

# Least metric similarity for two plans of consecutive years the pairing left apart to be one row.
_SAME_ROW = 0.8


@dataclass
class _Row:
    plans: dict[int, Target] = field(default_factory=dict)

    def names(self) -> list[str]:
        return list(dict.fromkeys(self.plans[k].metric for k in sorted(self.plans)))

    def family(self) -> str:
        return unit_family(self.plans[max(self.plans)].unit)

    def direction(self) -> str | None:
        return next(
            (self.plans[k].direction for k in sorted(self.plans, reverse=True) if self.plans[k].direction), None
        )


def timeline(
    series: str,
    kinds: Sequence[TimelineKind] = ("target", "phrase", "project", "section"),
    metric: str | None = None,
    store: Store | None = None,
    options: TimelineOptions | None = None,
    jobs: int | None = 1,
) -> Timeline:
    """Follow `series` across every version in the store; `metric` keeps rows whose name holds it.
    Comparisons not cached yet run on `jobs` processes (None: every core)."""
    store = store or Store()
    options = options or TimelineOptions()
    found = versions(store, series)
    labels = [v.label for v in found]
    comparisons = compare_series(store, found, jobs)
    cache = series_cache(store, [v.snapshot for v in found])
    update: dict[str, object] = {}
    if "target" in kinds:
        update["targets"] = tuple(target_rows(found, comparisons, options, metric, cache))
    if "phrase" in kinds:
        update["phrases"] = tuple(phrase_rows(labels, comparisons, metric))
    if "project" in kinds:
        reviews = [review_parts(targets_of(v.document, cache)) for v in found]
        texts = [v.document.text for v in found]
        update["projects"] = tuple(project_rows(labels, comparisons, reviews, texts, metric))
    if "section" in kinds:
        nodes, links = section_lineage(labels, [v.document for v in found], comparisons)
        update["sections"], update["links"] = tuple(nodes), tuple(links)
    return Timeline(series=series, years=tuple(labels)).model_copy(update=update)


def _place(
    rows: list[_Row], k: int, plan: Target, paired: dict[tuple[int, int], tuple[int, int]], *, opens: bool = True
) -> _Row | None:
    """The row a plan of version `k` continues: by the fact pairing, the same metric, or a close one;
    else a new row if the plan `opens` one, else none."""
    open_rows = [r for r in rows if k not in r.plans and unit_family(plan.unit) == r.family()]
    for row in open_rows:
        before = row.plans.get(k - 1)
        if before is not None and paired.get(before.span) == plan.span:
            return row
    for row in open_rows:
        if plan.metric in row.names():
            return row
    close = [(max(text_ratio(plan.metric, n) for n in r.names()), i) for i, r in enumerate(open_rows)]
    best = max(close, default=(0.0, -1))
    if best[0] >= _SAME_ROW:
        return open_rows[best[1]]
    if not opens:
        return None
    row = _Row()
    rows.append(row)
    return row


def target_rows(
    found: Sequence[Version],
    comparisons: Sequence[Comparison],
    options: TimelineOptions,
    metric: str | None,
    cache: Cache | None = None,
) -> list[TargetRow]:
    """One row per main-target metric, one cell per version: the plan and the next version's result."""
    targets = [targets_of(v.document, cache) for v in found]
    rows: list[_Row] = []
    # A version with no targets paragraph (a district report that names none) has only candidate
    # plans: they continue the rows the other versions' paragraphs open and open none of their own,
    # unless no version of the series has a targets paragraph.
    paragraphs = [targets_paragraph(v.document.text, targets[k], options) for k, v in enumerate(found)]
    named = any(paragraphs)
    # Versions with a targets paragraph are placed first (a stable sort keeps date order within each).
    for k in sorted(range(len(found)), key=lambda k: not paragraphs[k]):
        paired: dict[tuple[int, int], tuple[int, int]] = {}
        if k:
            paired = {
                c.old.span: c.new.span for c in comparisons[k - 1].facts if c.kind == "target" and c.old and c.new
            }
        for plan in paragraphs[k] or every_plan(targets[k]):
            row = _place(rows, k, plan, paired, opens=bool(paragraphs[k]) or not named)
            if row is not None:
                row.plans[k] = plan
    out = []
    for row in rows:
        names = row.names()
        if metric and not any(metric in name for name in names):
            continue
        first, last = min(row.plans), max(row.plans)
        cells = []
        for k, version in enumerate(found):
            planned = measure(row.plans[k]) if k in row.plans else None
            result = None
            if k + 1 < len(found) and first <= k <= last:
                hit = outcome_of(row.plans[last], names, targets[k + 1], options, direction=row.direction())
                result = measure(hit) if hit else None
            cells.append(
                TargetCell(year=version.label, plan=planned, result=result, verdict=verdict(planned, result, options))
            )
        latest = row.plans[last]
        out.append(TargetRow(metric=latest.metric, names=tuple(names), unit=latest.unit, cells=tuple(cells)))
    return out
