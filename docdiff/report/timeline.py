"""A timeline or a ledger as grids of plain strings: every renderer (terminal, Markdown, HTML,
TUI) draws these, so they all show the same cells."""

from __future__ import annotations

from collections.abc import Sequence

from docdiff.textshape import labelled
from docdiff.timeline.lineage import descendants
from docdiff.timeline.models import Ledger, LedgerEntry, SectionNode, TargetCell, TargetRow, Timeline

Grid = tuple[list[str], list[list[str]]]  # header, rows

_BARS = "▁▂▃▄▅▆▇█"
_TARGETS_TITLE = (
    "Targets (plan → result the next report gives; ✓ met ✗ not met ? no result · no target"
    " ≠ period differs – no figure ~ relative to a benchmark → not yet due)"
)
MARKS = {
    "met": "✓",
    "not met": "✗",
    "no result": "?",
    "no target": "·",
    "period differs": "≠",
    "no figure": "–",
    "relative": "~",
    "not due": "→",
}


def sparkline(values: Sequence[float | None]) -> str:
    """One bar per value from lowest (▁) to highest (█); a space where there is none."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    spread = high - low
    return "".join(
        " " if v is None else _BARS[0 if spread == 0 else round((v - low) / spread * (len(_BARS) - 1))] for v in values
    )


def plan_values(row: TargetRow) -> list[float | None]:
    """The plan's value per year (the middle of a range), None where none is set."""
    out: list[float | None] = []
    for cell in row.cells:
        plan = cell.plan
        if plan is None or plan.value is None:
            out.append(None)
        else:
            out.append(plan.value if plan.value_high is None else (plan.value + plan.value_high) / 2)
    return out


def result_values(row: TargetRow) -> list[float | None]:
    """The result reported for each year, None where none was found."""
    return [c.result.value if c.result else None for c in row.cells]


def cell_text(cell: TargetCell) -> str:
    """`6%-6.5% → 6.1% ✓`, `未设定 → 2.3% ·`, `5.5%左右 → ? `."""
    plan = cell.plan.label if cell.plan else "未设定"
    result = cell.result.label if cell.result else "—"
    return f"{plan} → {result} {MARKS[cell.verdict]}"


def target_grid(timeline: Timeline) -> Grid:
    """One row per metric: name, one cell per year, plan and result sparklines."""
    header = ["metric", *timeline.years, "plan", "result"]
    rows = [
        [
            " / ".join(row.names),
            *(cell_text(c) for c in row.cells),
            sparkline(plan_values(row)),
            sparkline(result_values(row)),
        ]
        for row in timeline.targets
    ]
    return header, rows


def phrase_grid(timeline: Timeline) -> Grid:
    """One row per phrase: first, last, years, the years its wording changed, and the years a
    modifier changed on it (`2020: …要加力提效 → …要更加积极有为`)."""
    header = ["phrase", "first", "last", "years", "wording changed", "modifier changed"]
    rows = [
        [
            " → ".join(p.forms),
            p.first,
            p.last,
            ", ".join(p.years),
            ", ".join(p.modified),
            "; ".join(f"{r.year}: {r.old} → {r.new}" for r in p.requalified),
        ]
        for p in timeline.phrases
    ]
    return header, rows


def project_grid(timeline: Timeline) -> Grid:
    """One row per project: announced, years named, completed, dropped."""
    header = ["project", "announced", "years", "completed", "dropped"]
    rows = [[p.name, p.announced, ", ".join(p.years), p.completed or "", p.dropped or ""] for p in timeline.projects]
    return header, rows


def node_name(node: SectionNode) -> str:
    """`一、2018年工作回顾` (level-2 sections indented)."""
    return ("  " if node.level == 2 else "") + labelled(node.number_label, node.heading)


def section_grid(timeline: Timeline) -> Grid:
    """One row per link between consecutive years: old section, what happened (with the level
    change of a section promoted or demoted: `renamed, level 2→1`), new section."""
    header = ["from", "old section", "event", "new section"]
    rows = []
    for link in timeline.links:
        old = node_name(timeline.sections[link.old]) if link.old is not None else ""
        new = node_name(timeline.sections[link.new]) if link.new is not None else ""
        event: str = link.event
        if link.old is not None and link.new is not None:
            levels = timeline.sections[link.old].level, timeline.sections[link.new].level
            if levels[0] != levels[1]:
                event += f", level {levels[0]}→{levels[1]}"
        rows.append([f"{link.old_year}→{link.new_year}", old, event, new])
    return header, rows


def lineage_grid(timeline: Timeline) -> Grid:
    """Each section of the first year with the sections of the last year its content reached."""
    first, last = timeline.years[0], timeline.years[-1]
    header = [first, last]
    rows = []
    for index, node in enumerate(timeline.sections):
        if node.year != first:
            continue
        reached = sorted(descendants(timeline.links, index, last))
        rows.append([node_name(node), "; ".join(node_name(timeline.sections[k]).strip() for k in reached) or "(gone)"])
    return header, rows


def result_label(entry: LedgerEntry) -> str:
    """The result a ledger entry found, as printed (`—` for none)."""
    return entry.result.label if entry.result else "—"


def verdict_label(entry: LedgerEntry) -> str:
    """The verdict with its mark (`✓ met`)."""
    return f"{MARKS[entry.verdict]} {entry.verdict}"


def set_in(entry: LedgerEntry, main: str = "main") -> str:
    """Where the plan is set: `main` (a main target), else its section's heading."""
    return main if entry.main else entry.section or ""


def ledger_grid(ledger: Ledger) -> Grid:
    """One row per plan target: metric, plan, result reported, verdict, and where the plan is set
    (`main`: a main target; else the section of the tasks that sets it)."""
    header = ["metric", "plan", "period", "result", "verdict", "set in"]
    rows = [
        [
            e.plan.metric,
            e.plan.label,
            e.plan.period or "",
            result_label(e),
            verdict_label(e),
            set_in(e),
        ]
        for e in ledger.entries
    ]
    return header, rows


def timeline_grids(timeline: Timeline) -> list[tuple[str, Grid]]:
    """The titled grids of every kind the timeline holds."""
    out: list[tuple[str, Grid]] = []
    if timeline.targets:
        out.append((_TARGETS_TITLE, target_grid(timeline)))
    if timeline.phrases:
        out.append(("Phrases", phrase_grid(timeline)))
    if timeline.projects:
        out.append(("Projects", project_grid(timeline)))
    if timeline.sections:
        out.append(("Section lineage", section_grid(timeline)))
        out.append((f"Where each {timeline.years[0]} section went by {timeline.years[-1]}", lineage_grid(timeline)))
    return out


def unicode_chart(row: TargetRow, years: Sequence[str], height: int = 6) -> list[str]:
    """A small text chart of one target: `P` plan, `R` result, `*` both in the same cell, one
    column per year, the value scale on the left (for the TUI and terminals without images)."""
    plans, results = plan_values(row), result_values(row)
    known = [v for v in (*plans, *results) if v is not None]
    if not known:
        return [f"{row.metric}: no numbers to draw"]
    low, high = min(known), max(known)
    spread = (high - low) or 1.0
    width = max(len(y) for y in years) + 1

    def level(v: float) -> int:
        return round((v - low) / spread * (height - 1))

    lines = [f"{row.metric} ({row.unit or ''})  P plan  R result"]
    for h in range(height - 1, -1, -1):
        value = low + spread * h / (height - 1)
        cells = []
        for p, r in zip(plans, results, strict=True):
            mark = ""
            if p is not None and level(p) == h:
                mark += "P"
            if r is not None and level(r) == h:
                mark += "R"
            cells.append(("*" if mark == "PR" else mark or "·").center(width))
        lines.append(f"{value:>8.4g} │" + "".join(cells))
    lines.append(" " * 9 + "└" + "─" * (width * len(years)))
    lines.append(" " * 10 + "".join(y.center(width) for y in years))
    return lines
