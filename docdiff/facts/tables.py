"""Targets from indicator tables such as the five-year plan's 表五 (指标 | 单位 | 目标 | 属性)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docdiff.facts.models import Tense
from docdiff.facts.numbers import RANGE_SEPARATORS, parse_value
from docdiff.facts.targets import Measure, split_qualifier

# A cell may lead with a direction (`增长6%`, `年均下降15%`) and end with a bound (`6%以上`,
# `5.5%左右`): neither is part of the unit.
_VALUE = re.compile(
    r"^(?P<yearly>年均)?(?P<direction>增长|提高|增加|提升|下降|降低|减少)?\s*"
    rf"(?P<qualifier>高于全市|低于全市|高于|低于|不低于|不高于|不超过|超过|达到|保持|控制在|<|>|≤|≥|约)?\s*"
    rf"(?P<num>\d+(?:\.\d+)?(?:\s*[{RANGE_SEPARATORS}]\s*\d+(?:\.\d+)?)?)\s*"
    r"(?P<unit>个百分点|%|(?:(?!以上|以下|左右|以内)[^\d\s]){1,6})?(?P<bound>以上|以下|左右|以内)?$"
)
_SYMBOLS = {"<": "低于", ">": "高于", "≤": "不高于", "≥": "不低于", "高于全市": "高于", "低于全市": "低于"}
_PERIOD_NOTE = re.compile(r"[（(](期末|五年累计|年均|累计|\d{4}年)[）)]")
_EACH_YEAR = re.compile(r"^(每年|年均)")


# A column of a year's figures (`2020年`, `2025年目标`, `2025`): the latest year is the target, an
# earlier one the base it starts from.
_YEAR_HEADER = re.compile(r"^(?P<year>(?:19|20)\d\d)年?(?:底|末)?(?:目标值?|预期值?|规划值?)?$")
# A column of one year's plan or outcome (`2024年目标`, `2024年完成`, `2025年预期目标`): a table of
# last year's targets beside what was achieved and this year's targets, as annual reports append.
_DATED_HEADER = re.compile(
    r"^(?P<year>(?:19|20)\d\d)?年?(?:(?P<plan>预期目标|目标|计划|预期)|"
    r"(?P<result>预计完成|完成情况|实际完成|完成|实际|实绩|执行情况|执行))值?$"
)
# What a column header says of its figures: targets set (`目标`, `计划`, `预期`).
_PLANNED = re.compile(r"目标|计划|预期")
# A name that says the rate of growth (`地区生产总值增速`, `…增幅`, `…增长率`): its measure grows.
_GROWTH_OF = re.compile(r"(?:增速|增幅|增长率)$")
# A column of the growth (`年均增长[累计]`, `年均增速（%）`, `五年累计`; `增长`, a year's own).
_GROWTH_HEADER = re.compile(r"年均|累计|增长|增速|增幅")
# A unit printed after the indicator's name (`地区生产总值（亿元）`).
_UNIT_NOTE = re.compile(r"\s*[（(](?P<unit>[^（）()]{1,8})[）)]$")
# A figure in square brackets is the plan's cumulative total (`[13.5]`, the State Council's `〔13.5〕`),
# as five-year plans print it.
_CUMULATIVE = re.compile(r"^[\[［【〔](?P<cell>[^\]］】〕]+)[\]］】〕]$")
# A cell that states nothing: a dash, or empty.
_NO_FIGURE = re.compile(r"^[\s—–\-－/／]*$")
# A name that says which way the indicator moves (`单位地区生产总值能源消耗降低`).
_MOVES = re.compile(r"(?:增长|提高|增加|提升|下降|降低|减少)(?:率)?$")


@dataclass(frozen=True, kw_only=True)
class Indicator(Measure):
    """One row of an indicator table, read as a plan target (or as its column says, `tense`)."""

    row: int
    tense: Tense | None = None


@dataclass(frozen=True)
class Columns:
    """Where an indicator table keeps the indicator's name, its unit, the target, the base year's
    figure and the growth over the plan (None: the table has no such column)."""

    metric: int
    unit: int | None
    target: int
    base: int | None = None
    growth: int | None = None
    year: str | None = None  # the target column's year (`2025年`), when it is a year column
    growth_period: str | None = None  # what the growth column covers: `年均`, `累计`, or the year
    dated: tuple[tuple[int, str, Tense], ...] = ()  # columns of a year's plan or outcome (see `_DATED_HEADER`)
    planned: bool = False  # the target column's header says its figures are targets (`2025年目标`)


def indicator_columns(header: tuple[str, ...]) -> Columns | None:
    """The columns of a header row that looks like an indicator table: a `指标` column and a
    `目标` column (`指标 | 单位 | 目标 | 属性`), or year columns (`指标 | 2020年 | 2025年 | 年均增长`)."""
    cells = [cell.strip() for cell in header]
    metric = next((i for i, cell in enumerate(cells) if "指标" in cell and "属性" not in cell), None)
    if metric is None:
        return None
    dated: list[tuple[int, str, Tense]] = []
    for i, cell in enumerate(cells):
        # An outcome's column may leave its year to the plan's before it (`2024年计划 | 完成情况`).
        if (m := _DATED_HEADER.match(cell)) and (m.group("year") or (dated and m.group("result"))):
            label = f"{m.group('year')}年" if m.group("year") else dated[-1][1]
            dated.append((i, label, "result" if m.group("result") else "plan"))
    unit = next((i for i, cell in enumerate(cells) if "单位" in cell and i != metric), None)
    if {tense for _, _, tense in dated} == {"plan", "result"}:
        # Last year's targets and outcomes beside this year's targets: every column is read.
        return Columns(metric, unit, dated[-1][0], dated=tuple(dated))
    years = sorted((int(m.group("year")), i) for i, cell in enumerate(cells) if (m := _YEAR_HEADER.match(cell)))
    target = next((i for i, cell in enumerate(cells) if "目标" in cell or cell in ("目标值", "预期值", "数值")), None)
    if target is None and years:
        target = years[-1][1]
    year = next((f"{y}年" for y, i in years if i == target), None)
    if target is None or metric == target:
        return None
    base = years[0][1] if years and years[0][1] != target else None
    growth = next(
        (i for i, cell in enumerate(cells) if _GROWTH_HEADER.search(cell) and i not in (metric, target, unit, base)),
        None,
    )
    header_of_growth = cells[growth] if growth is not None else ""
    growth_period = next((p for p in ("年均", "累计") if p in header_of_growth), year)
    planned = bool(_PLANNED.search(cells[target]))
    return Columns(metric, unit, target, base, growth, year, growth_period, planned=planned)


def read_indicators(rows: tuple[tuple[str, ...], ...]) -> list[Indicator]:
    """Every data row of an indicator table, numeric or not (`完成市下达目标` is a target too), and
    the growth over the plan a year table gives beside its target (`年均增长 7%左右`, `[13.5]`)."""
    columns = indicator_columns(rows[0]) if rows else None
    if columns is None:
        return []
    out: list[Indicator] = []
    for index, row in enumerate(rows[1:], start=1):
        if len(row) <= max(columns.metric, columns.target):
            continue
        metric, period = _name_and_period(row[columns.metric])
        if not metric:
            continue  # no indicator named: a blank or a sub-header row
        unit = row[columns.unit].strip() if columns.unit is not None and columns.unit < len(row) else None
        note = None if unit else _UNIT_NOTE.search(metric)
        if note:
            # No unit column: the bracket after the name gives it (not a note beside a unit column:
            # `大气常规污染物年均浓度（PM2.5）` | `微克/立方米`).
            metric, unit = metric[: note.start()], note.group("unit")
        if columns.dated:
            out.extend(_dated(row, columns, unit, period, index, metric))
            continue
        base = _cell(row, columns.base)
        earlier = _read(base, unit, period, index, metric).value if base else None
        # A column headed as targets holds plans, wherever the table stands (`2025年目标` in a review).
        tense: Tense | None = "plan" if columns.planned else None
        if columns.year is None:
            read = _read(row[columns.target].strip(), unit, period, index, metric)
            out.append(replace(read, earlier=earlier, tense=tense))
        elif target := _cell(row, columns.target):
            # A year table states the target for its year; a dash there means none is set.
            read = _read(target, unit, period or columns.year, index, metric)
            out.append(replace(read, earlier=earlier, tense=tense))
        growth = _cell(row, columns.growth)
        if growth:
            out.append(_growth(growth, unit, period or columns.growth_period, index, metric))
    return out


def _dated(
    row: tuple[str, ...], columns: Columns, unit: str | None, period: str | None, index: int, metric: str
) -> list[Indicator]:
    """A row's figure in each column of a year's plan or outcome, with that year and tense; a name
    that says the move (`地区生产总值增长（%）`) is the measure and the move its direction."""
    growth = _GROWTH_OF.search(metric)
    moves = growth or _MOVES.search(metric)
    measured, move = metric, None
    if moves and moves.start() >= 2:
        measured, move = metric[: moves.start()], "增长" if growth else moves.group().removesuffix("率")
    out = []
    for column, year, tense in columns.dated:
        cell = _cell(row, column)
        if cell is None:
            continue
        found = _read(cell, unit, period or year, index, measured)
        if move and found.direction is None:
            found = replace(found, direction=move, qualifier=found.qualifier or move)
        out.append(replace(found, tense=tense))
    return out


def _cell(row: tuple[str, ...], column: int | None) -> str | None:
    """A cell's text, None when the row has no such cell or it states nothing (`—`)."""
    if column is None or column >= len(row) or _NO_FIGURE.match(row[column]):
        return None
    return row[column].strip()


def _name_and_period(name: str) -> tuple[str, str | None]:
    """An indicator's name without the period it notes (`（期末）`, `年均`), and that period."""
    period_note = _PERIOD_NOTE.search(name)
    period = period_note.group(1) if period_note else None
    if period_note:
        name = (name[: period_note.start()] + name[period_note.end() :]).strip()
    each_year = _EACH_YEAR.match(name)
    if each_year and period is None:
        period = each_year.group(1)
    return name.strip(), period


def _growth(cell: str, unit: str | None, period: str | None, row: int, metric: str) -> Indicator:
    """The growth column's figure over `period` (the column's: a yearly average, a year), or the
    plan's total when bracketed (`[13.5]`); a rate indicator grows in percentage points
    (`研发经费投入强度（%）` `[0.7]`)."""
    cumulative = _CUMULATIVE.match(cell)
    figure = cumulative.group("cell") if cumulative else cell
    moves = _MOVES.search(metric)
    if moves:
        # The name says the move (`…能源消耗降低（%）`): its unit is the move's, the rest is measured.
        metric = metric[: moves.start()]
    found = _read(figure, unit if moves else None, None, row, metric)
    direction = found.direction or (moves.group().removesuffix("率") if moves else "增长")
    own_unit = found.unit or ("个百分点" if unit in ("%", "％") else "%")
    return replace(
        found,
        unit=own_unit,
        direction=direction,
        qualifier=found.qualifier or direction,
        period="五年累计" if cumulative else period,
        value_text=cell,
    )


def _read(cell: str, unit: str | None, period: str | None, row: int, metric: str) -> Indicator:
    """One cell as the value of `metric` (its unit from the table unless the cell prints one)."""
    match = _VALUE.match(cell)
    value = high = None
    qualifier = None
    if match:
        parsed = parse_value(re.sub(r"\s+", "", match.group("num")))
        if parsed:
            value, high = parsed
        qualifier = match.group("qualifier")
        qualifier = _SYMBOLS.get(qualifier or "", qualifier)
        if match.group("unit"):
            unit = match.group("unit")
    direction, bound = split_qualifier(qualifier)
    if match and match.group("direction"):
        direction = match.group("direction")
        qualifier = qualifier or direction
    if match and match.group("bound"):
        bound = match.group("bound")
        qualifier = qualifier or bound
    if match and match.group("yearly") and period is None:
        period = "年均"
    return Indicator(metric, value, high, unit or None, qualifier, period, cell, direction, bound, row=row)
