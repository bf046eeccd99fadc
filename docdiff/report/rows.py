"""Facts and repeats of a `Comparison` as flat rows, shared by the terminal, Markdown and HTML reports.

Each renderer needs the same derived facts: in which aligned section a fact sits, its change in
the values' unit, and whether a passage repeated in the new version was already repeated in the
old one. They are worked out here once, from the `Comparison` alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from docdiff.comparison import Comparison, SectionRef
from docdiff.duplicates.models import DuplicateGroup, Occurrence
from docdiff.facts.models import FactChange, FactSide
from docdiff.facts.phrases import phrase_form
from docdiff.facts.targets import MARGIN_BOUNDS
from docdiff.models import Span
from docdiff.textshape import labelled
from docdiff.units import MAGNITUDES, PERCENT_SIGNS

RepeatStatus = Literal["new", "carried over", "gone"]
# Two repeated passages, one per version, are the same repeat when they are this alike (0..1);
# a repeat carried over usually differs only in a year or a figure.
SAME_REPEAT = 0.8
# 两个百分比之差 is in percentage points, not percent.
# Where a bound is printed: `240余场`, but `6%左右`, `900万人以上`; an intent before the direction
# (`力争增长6%`), other bounds between it and the value (`增长不低于6%`, `增长约6%`).
_BEFORE_UNIT = ("余", "多")
_AFTER_UNIT = ("以上", "左右", "以内", "以下")
_INTENTS = ("力争", "确保", "预计", "努力")


def section_name(ref: SectionRef) -> str:
    """A section's label and heading as printed, e.g. `（一）凝心聚力谋发展`."""
    if ref.level == 0:
        return "（文首）"
    return labelled(ref.number_label, ref.heading)


def holding_pair(comparison: Comparison, span: Span, side: Literal["old", "new"]) -> int | None:
    """Index of the pair whose section on `side` is the deepest one holding `span`."""
    best: tuple[int, int] | None = None
    for index, pair in enumerate(comparison.sections):
        ref = pair.new if side == "new" else pair.old
        holds = ref is not None and ref.span[0] <= span[0] and span[1] <= ref.span[1]
        if holds and ref is not None and (best is None or ref.level >= best[1]):
            best = (index, ref.level)
    return best[0] if best else None


@dataclass(frozen=True)
class FactRow:
    """One fact change with what every report prints of it."""

    change: FactChange
    side: Literal["old", "new"]  # the side whose span locates it (new when it has one)
    section: str  # the aligned section holding it, as printed
    pair: int | None  # index of that section pair in `comparison.sections`

    @property
    def located(self) -> FactSide:
        """The side that locates the fact."""
        side = self.change.new if self.side == "new" else self.change.old
        assert side is not None
        return side

    @property
    def name(self) -> str:
        """Metric, phrase form or project name."""
        return self.located.metric or self.located.text


@dataclass(frozen=True)
class RepeatRow:
    """A passage repeated inside a version, with whether it was already repeated in the old one."""

    status: RepeatStatus
    group: DuplicateGroup  # the new version's group (the old one's when gone)
    old: DuplicateGroup | None  # the old version's group, when carried over


def fact_rows(comparison: Comparison) -> list[FactRow]:
    """Every fact change, each with the section it sits in (the new side's when it has one)."""
    rows = []
    for change in comparison.facts:
        side: Literal["old", "new"] = "new" if change.new is not None else "old"
        located = change.new or change.old
        assert located is not None
        index = holding_pair(comparison, located.span, side)
        section = _pair_section(comparison, index, side) if index is not None else " › ".join(located.section)
        rows.append(FactRow(change, side, section or "（文首）", index))
    return rows


def _pair_section(comparison: Comparison, index: int, side: Literal["old", "new"]) -> str:
    ref = comparison.sections[index].new if side == "new" else comparison.sections[index].old
    assert ref is not None
    return section_name(ref)


def number(value: float | None) -> str:
    """A value as the document writes it: `6`, `5.5`, `1345678.5` (never `1.34568e+06`: a
    district's output in 万元 has seven figures, and each of them is the document's), `—` for none.
    A value with more figures than any document writes was computed (`1/6`): six significant
    figures, `0.166667`."""
    if value is None:
        return "—"
    digits = len(repr(abs(float(value))).split("e")[0].replace(".", "").strip("0"))
    text = f"{value:.{6 if digits > _WRITTEN_FIGURES else 15}g}"
    if "e" in text:  # beyond the plain range of `g`: fixed point, as many decimals as it needs
        text = f"{value:.15f}".rstrip("0").rstrip(".")
    return text


# The most significant figures a document writes in one value (`1345678.5`: eight).
_WRITTEN_FIGURES = 10


def target_value(side: FactSide) -> str:
    """A target's value with its direction, bound and unit, as a report prints it: `增长6%左右`,
    `控制在5.5%以内`, `3000万人以上`, `力争增长6%`; a range with both ends: `增长6%-6.5%`,
    `高于1-3个百分点`. A side with neither direction nor bound shows its one qualifier word."""
    qualifier, unit = side.qualifier or "", side.unit or ""
    value = number(side.value)
    if side.value_high is not None:
        # A percentage prints its sign on both ends, as the reports do; other units once, after the range.
        high = number(side.value_high)
        value = f"{value}{unit}-{high}" if unit in PERCENT_SIGNS else f"{value}-{high}"
    direction, bound = side.direction or "", side.bound or ""
    if bound and not direction and qualifier != bound and (bound in MARGIN_BOUNDS or qualifier.startswith(bound)):
        # The whole comparison: `高于全省平均水平1.2个百分点`, `不低于总用地面积的30%`.
        return f"{qualifier}{value}{unit}"
    if not direction and not bound:
        # One word: a bound by where it is printed, any other before the value (`完成`, `高于`).
        placed = qualifier in _BEFORE_UNIT or qualifier in _AFTER_UNIT
        direction, bound = ("", qualifier) if placed else (qualifier, "")
    elif not direction and qualifier != bound:
        direction = qualifier  # `完成`, `实现`: how the value is reached
    if bound in _BEFORE_UNIT:
        # `1万余人次` as printed (the magnitude first), or `10余万元`.
        magnitude = next((m for m in MAGNITUDES if unit.startswith(m) and f"{m}{bound}" in side.text), "")
        return f"{direction}{value}{magnitude}{bound}{unit[len(magnitude) :]}"
    if bound in _AFTER_UNIT:
        return f"{direction}{value}{unit}{bound}"
    if bound in _INTENTS:
        return f"{bound}{direction}{value}{unit}"
    return f"{direction}{bound}{value}{unit}"


# Longest clause shown as a re-worded phrase's wording; a longer one is shown by its form alone.
_WORDING_CHARS = 60


def wording(change: FactChange) -> tuple[str, str] | None:
    """How a changed phrase or project reads on each side, when that is what changed: the clause
    holding it (`积极的财政政策要加力提效` → `…要更加积极有为`), or its form where the form itself
    changed; None for targets, one-sided changes and a change whose two wordings read alike."""
    old, new = change.old, change.new
    if change.kind == "target" or old is None or new is None:
        return None
    before, after = _worded(old), _worded(new)
    return (before, after) if before != after else None


def _worded(side: FactSide) -> str:
    form = side.metric or ""
    text = side.text.strip()
    # The form was made from the text by `phrase_form`: the clause holds it if its own form does.
    if form and len(text) <= _WORDING_CHARS and form in phrase_form(text):
        return text
    return form or text


def delta_text(change: FactChange) -> str:
    """A changed target's Δ in the old value's unit (pairing converts the new value to it): `+0.5个百分点`."""
    if change.delta is None or not change.delta or change.old is None:
        return ""
    return f"{readable_delta(change.delta, delta_places(change))}{change.delta_unit or ''}"


def readable_delta(delta: float, places: int | None = None) -> str:
    """A Δ as a reviewer reads it, signed: with `places` decimals when given (those its values
    print, see `delta_places`), else to three significant figures but never rounding its whole
    part: `3.3亿元 → 6601万元` is `-2.64` (亿元), not the exact `-2.6399`; `+12346`, not `+1.23e+04`.
    The exact Δ stays in the JSON report."""
    if places is not None:
        return f"{delta:+.{places}f}"
    figures = max(3, len(str(int(abs(delta)))))
    return f"{delta:+.{figures}g}"


def delta_places(change: FactChange) -> int | None:
    """The decimals a Δ between two values printed in one unit is exact to: the most either value
    prints (`74亿斤 → 177.6亿斤` is Δ `+103.6`, not `+104`); None when their units differ and the
    Δ is a conversion (`3.3亿元 → 6601万元`)."""
    old, new = change.old, change.new
    if old is None or new is None or old.unit != new.unit:
        return None
    printed = [number(v) for v in (old.value, old.value_high, new.value, new.value_high) if v is not None]
    return max((len(text.partition(".")[2]) for text in printed), default=0)


def tense_text(change: FactChange) -> str:
    """`plan → result` when the tense changed, otherwise the one tense (or '')."""
    old = change.old.tense if change.old else None
    new = change.new.tense if change.new else None
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old or ""


def repeat_rows(comparison: Comparison) -> list[RepeatRow]:
    """The new version's repeats, each new or carried over, then the old repeats that are gone."""
    olds = [g for g in comparison.duplicates if g.kind == "repeat" and _doc(g) == "old"]
    news = [g for g in comparison.duplicates if g.kind == "repeat" and _doc(g) == "new"]
    used: set[int] = set()
    rows = []
    for group in news:
        match = next((i for i, old in enumerate(olds) if i not in used and _same(old, group)), None)
        if match is None:
            rows.append(RepeatRow("new", group, None))
        else:
            used.add(match)
            rows.append(RepeatRow("carried over", group, olds[match]))
    rows.extend(RepeatRow("gone", old, None) for i, old in enumerate(olds) if i not in used)
    return rows


def occurrence_place(occurrence: Occurrence) -> str:
    """`new:19 十四五规划 › 总体要求`: which version, the line and the section of a copy."""
    return f"{occurrence.doc}:{occurrence.line} " + (" › ".join(occurrence.section) or "（文首）")


def _doc(group: DuplicateGroup) -> str:
    return group.occurrences[0].doc if group.occurrences else ""


def _same(old: DuplicateGroup, new: DuplicateGroup) -> bool:
    # difflib, not the rapidfuzz adapter: the report layer stays free of numpy and scipy for `--help`.
    return old.text == new.text or SequenceMatcher(None, old.text, new.text, autojunk=False).ratio() >= SAME_REPEAT
