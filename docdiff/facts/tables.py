"""Targets from indicator tables such as the five-year plan's 表五 (指标 | 单位 | 目标 | 属性)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, kw_only=True)
class Indicator(Measure):
    """One row of an indicator table, read as a plan target."""

    row: int


def indicator_columns(header: tuple[str, ...]) -> tuple[int, int | None, int] | None:
    """(metric, unit, target) column indexes if a header row looks like an indicator table."""
    metric = next((i for i, cell in enumerate(header) if "指标" in cell and "属性" not in cell), None)
    target = next((i for i, cell in enumerate(header) if "目标" in cell or cell in ("目标值", "预期值", "数值")), None)
    if metric is None or target is None or metric == target:
        return None
    unit = next((i for i, cell in enumerate(header) if "单位" in cell), None)
    return metric, unit, target


def read_indicators(rows: tuple[tuple[str, ...], ...]) -> list[Indicator]:
    """Every data row of an indicator table, numeric or not (`完成市下达目标` is a target too)."""
    columns = indicator_columns(rows[0]) if rows else None
    if columns is None:
        return []
    metric_col, unit_col, target_col = columns
    out: list[Indicator] = []
    for index, row in enumerate(rows[1:], start=1):
        if len(row) <= max(metric_col, target_col):
            continue
        metric = row[metric_col]
        period_note = _PERIOD_NOTE.search(metric)
        period = period_note.group(1) if period_note else None
        if period_note:
            metric = (metric[: period_note.start()] + metric[period_note.end() :]).strip()
        each_year = _EACH_YEAR.match(metric)
        if each_year and period is None:
            period = each_year.group(1)
        cell = row[target_col].strip()
        unit = row[unit_col].strip() if unit_col is not None and unit_col < len(row) else None
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
        out.append(Indicator(metric, value, high, unit or None, qualifier, period, cell, direction, bound, row=index))
    return out
