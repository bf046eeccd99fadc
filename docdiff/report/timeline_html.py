"""Render a timeline as an HTML fragment: the tables, a line chart of each numeric target
(plan and result across the years) and a lineage diagram of the sections, as inline SVG drawn
here (no script, no network). Every document string is escaped: text is data, never markup."""

from __future__ import annotations

import html

from docdiff.report.rows import number
from docdiff.report.safe import visible
from docdiff.report.timeline import Grid, node_name, plan_values, result_values, timeline_grids
from docdiff.timeline.models import TargetRow, Timeline

# Chart geometry, in SVG user units (pixels at 100%).
_CHART_W, _CHART_H, _PAD = 360, 140, 30
_BOX_W, _BOX_H, _GAP_X, _GAP_Y = 180, 16, 60, 4


def escape(text: str) -> str:
    """Document text for HTML: control characters made visible, then escaped."""
    return html.escape(visible(text))


def _table(grid: Grid) -> str:
    header, rows = grid
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _runs(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """The (year index, value) runs of consecutive years that have a value."""
    runs: list[list[tuple[int, float]]] = [[]]
    for k, v in enumerate(values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((k, v))
    return [run for run in runs if run]


def target_chart(row: TargetRow, years: tuple[str, ...]) -> str:
    """A line chart of one target: plan (blue, a bar for a range) and result (green), per year."""
    plans, results = plan_values(row), result_values(row)
    lows = [c.plan.value if c.plan else None for c in row.cells]
    highs = [c.plan.value_high if c.plan else None for c in row.cells]
    known = [v for v in (*plans, *results, *highs) if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    spread = (high - low) or 1.0
    step = (_CHART_W - 2 * _PAD) / max(len(years) - 1, 1)

    def x(k: int) -> float:
        return _PAD + k * step

    def y(v: float) -> float:
        return _CHART_H - _PAD - (v - low) / spread * (_CHART_H - 2 * _PAD)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_CHART_W}" height="{_CHART_H}" role="img" '
        f'aria-label="{escape(row.metric)}">',
        f"<title>{escape(row.metric)}</title>",
        f'<text x="{_PAD}" y="14" font-size="12">{escape(row.metric)} ({escape(row.unit or "")})</text>',
    ]
    for k, year in enumerate(years):
        parts.append(
            f'<text x="{x(k):.1f}" y="{_CHART_H - 8}" font-size="10" text-anchor="middle">{escape(year)}</text>'
        )
    for values, colour in ((plans, "#1f77b4"), (results, "#2ca02c")):
        # A line joins consecutive years only: a year without a value (`未设定`) breaks it.
        for run in _runs(values):
            if len(run) > 1:
                path = " ".join(f"{x(k):.1f},{y(v):.1f}" for k, v in run)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
            parts += [f'<circle cx="{x(k):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>' for k, v in run]
    for k, (a, b) in enumerate(zip(lows, highs, strict=True)):
        if a is not None and b is not None:
            parts.append(
                f'<line x1="{x(k):.1f}" x2="{x(k):.1f}" y1="{y(a):.1f}" y2="{y(b):.1f}" '
                'stroke="#1f77b4" stroke-width="6" opacity="0.4"/>'
            )
    for k, v in enumerate(results):
        if v is not None:
            parts.append(f'<text x="{x(k) + 5:.1f}" y="{y(v) - 5:.1f}" font-size="10">{number(v)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def lineage_diagram(timeline: Timeline) -> str:
    """One column per year with its sections as boxes, a line for every link to the next year."""
    columns: dict[str, list[int]] = {year: [] for year in timeline.years}
    for index, node in enumerate(timeline.sections):
        columns[node.year].append(index)
    place: dict[int, tuple[float, float]] = {}
    for c, year in enumerate(timeline.years):
        for r, index in enumerate(columns[year]):
            place[index] = (c * (_BOX_W + _GAP_X), 20 + r * (_BOX_H + _GAP_Y))
    tallest = max((len(v) for v in columns.values()), default=0)
    width = len(timeline.years) * (_BOX_W + _GAP_X)
    height = 30 + tallest * (_BOX_H + _GAP_Y)
    colours = {"continued": "#999", "renamed": "#1f77b4", "split": "#ff7f0e", "merged": "#9467bd"}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        'aria-label="section lineage">'
    ]
    for c, year in enumerate(timeline.years):
        parts.append(
            f'<text x="{c * (_BOX_W + _GAP_X)}" y="12" font-size="12" font-weight="bold">{escape(year)}</text>'
        )
    for link in timeline.links:
        if link.old is None or link.new is None:
            continue
        (x1, y1), (x2, y2) = place[link.old], place[link.new]
        parts.append(
            f'<line x1="{x1 + _BOX_W:.0f}" y1="{y1 + _BOX_H / 2:.0f}" x2="{x2:.0f}" y2="{y2 + _BOX_H / 2:.0f}" '
            f'stroke="{colours.get(link.event, "#999")}"><title>{escape(link.event)}</title></line>'
        )
    for index, (px, py) in place.items():
        node = timeline.sections[index]
        name = node_name(node).strip()
        short = name if len(name) <= 13 else name[:12] + "…"
        fill = "#eef" if node.level == 1 else "#fff"
        indent = 8 if node.level == 2 else 0  # level-2 boxes sit inside their part's column
        parts.append(
            f'<g><title>{escape(name)}</title><rect x="{px + indent:.0f}" y="{py:.0f}" '
            f'width="{_BOX_W - indent}" height="{_BOX_H}" fill="{fill}" stroke="#666"/>'
            f'<text x="{px + indent + 4:.0f}" y="{py + 12:.0f}" font-size="11">{escape(short)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_html(timeline: Timeline) -> str:
    """An HTML fragment (a `<section>`) with the charts, the lineage diagram and the tables."""
    out = [f'<section class="docdiff-timeline"><h1>Timeline of {escape(timeline.series)}</h1>']
    charts = [target_chart(row, timeline.years) for row in timeline.targets]
    if any(charts):
        out.append(
            "<h2>Targets across the years</h2><p>blue: plan (bar: a range), green: result the next report gives</p>"
        )
        out.append('<div class="charts">' + "".join(c for c in charts if c) + "</div>")
    if timeline.sections:
        out.append(f"<h2>Section lineage diagram</h2>{lineage_diagram(timeline)}")
    for title, grid in timeline_grids(timeline):
        out.append(f"<h2>{escape(title)}</h2>{_table(grid)}")
    out.append("</section>")
    return "\n".join(out) + "\n"
