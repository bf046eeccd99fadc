"""Pair the facts of two versions and give each pair a status.

Targets pair when their units are compatible, their periods agree (`全年` and `前三季度` never
pair), their metrics are alike (rapidfuzz) and name one subject (`metric_subject`); a pair
whose sections are aligned scores higher, so a metric that moved section still pairs but a
same-section one is preferred. The pairing is one assignment over all candidates. Phrases
and projects pair by their normalised form, exactly first, then by close similarity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from docdiff.facts.acronyms import expanded_metrics
from docdiff.facts.metric_subject import different_subjects
from docdiff.facts.models import Fact, FactChange, FactSide, Phrase, Project, Target
from docdiff.facts.name_shapes import NUMBERED_PHASE
from docdiff.facts.targets import LEVEL_DIRECTIONS, SAME_METRIC, counted_noun, opposite_moves, section_role
from docdiff.options import FactOptions
from docdiff.similarity import paired_ratios, ratio_matrix, ratio_pairs
from docdiff.sparse_assign import assign_sparse
from docdiff.units import split_magnitude

# A rate (`增长8.2%`) and a gap between rates (`高于1个百分点`) measure different things: a Δ
# between two rates is in percentage points, and no Δ joins a rate to a gap.
_POINTS = {"个百分点", "百分点"}
_NUMBERED_PHASE = re.compile(NUMBERED_PHASE)
_LEAST_HELD = 3  # characters of a name found inside another for the two to be one work
# The unit of a Δ between two values of a base unit, where it is not the old value's own.
_DELTA_UNITS = {"%": "个百分点", "个百分点": "个百分点", "‰": "个千分点"}


def pair_facts(
    old: Sequence[Fact],
    new: Sequence[Fact],
    section_pairs: set[tuple[tuple[str, ...], tuple[str, ...]]],
    options: FactOptions,
) -> list[FactChange]:
    """Every fact of both versions, paired where they correspond, in new-document order."""
    changes: list[FactChange] = []
    for kind in ("target", "phrase", "project"):
        olds = [f for f in old if f.kind == kind]
        news = [f for f in new if f.kind == kind]
        if kind == "target":
            pairs = _pair_targets(olds, news, section_pairs, options)  # type: ignore[arg-type]
        elif kind == "project":
            pairs = _pair_by_role(olds, news, options)
        else:
            pairs = _pair_names(olds, news, options)
        paired_old = {i for i, _, _ in pairs}
        paired_new = {j for _, j, _ in pairs}
        for i, j, score in pairs:
            changes.append(_change(olds[i], news[j], score))
        changes.extend(_one_sided(f, "dropped") for k, f in enumerate(olds) if k not in paired_old)
        changes.extend(_one_sided(f, "added") for k, f in enumerate(news) if k not in paired_new)
    return sorted(changes, key=_order)


def _order(change: FactChange) -> tuple[int, int, int]:
    kind = ("target", "phrase", "project").index(change.kind)
    side = change.new or change.old
    assert side is not None
    return (kind, 0 if change.new else 1, side.span[0])


def _base_unit(unit: str | None) -> tuple[str, float]:
    if unit is None:
        return ("", 1.0)
    if unit in _POINTS:
        return ("个百分点", 1.0)
    base, factor = split_magnitude(unit)
    return (base, factor) if base else (unit, 1.0)  # a magnitude alone (`万`) is its own unit


def _pair_targets(
    old: list[Target],
    new: list[Target],
    section_pairs: set[tuple[tuple[str, ...], tuple[str, ...]]],
    options: FactOptions,
) -> list[tuple[int, int, float]]:
    if not old or not new:
        return []
    # A metric is compared by its name with acronyms read as the other version names them
    # (`GDP` → `国内生产总值`, see `acronyms`).
    old_metrics, new_metrics = expanded_metrics(old, new)
    # Only the pairs whose metrics are alike enough are kept (never a matrix of all pairs).
    rows, cols, metric = ratio_pairs(
        [counted_noun(m) for m in old_metrics], [counted_noun(m) for m in new_metrics], options.min_metric_similarity
    )
    old_names, new_names = set(old_metrics), set(new_metrics)
    # The clause around each number breaks ties between targets sharing a metric.
    context = paired_ratios([old[i].text for i in rows], [new[j].text for j in cols])
    keep_rows: list[int] = []
    keep_cols: list[int] = []
    scores: list[float] = []
    # A long report states a metric many times: whether two metrics name different subjects is
    # decided once per pair of metrics, not once per pair of targets.
    different: dict[tuple[str, str], bool] = {}
    for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        a, b = old[i], new[j]
        if not _comparable(a.unit, b.unit) or not _same_period(a.period, b.period) or a.change != b.change:
            continue  # an increment (`比去年增加1万亿元`) is never read against a level (`2.76万亿元`)
        names = (old_metrics[i], new_metrics[j])
        if names not in different:
            different[names] = different_subjects(*names, old_names, new_names)
        if different[names]:
            continue  # `城镇调查失业率` is never `城镇登记失业率`, however alike the characters
        if opposite_moves(a.direction, b.direction) and metric[k] < SAME_METRIC:
            continue  # `GDP增长5%左右` is never `单位国内生产总值能耗降低2.5%左右`
        aligned = (a.section, b.section) in section_pairs
        short = min(len(names[0]), len(names[1])) <= options.generic_metric_chars
        if not aligned and short and not (names[0] == names[1] and _names_a_rate(names[0])):
            continue  # `项目`, `企业`: too generic to pair outside aligned sections; `赤字率` names one rate
        bonus = options.aligned_section_bonus if aligned else 0.0
        same_value = options.same_value_bonus if a.value == b.value else 0.0
        same_tense = options.same_tense_bonus if a.tense is not None and a.tense == b.tense else 0.0
        same_verb = options.same_direction_bonus if a.direction is not None and a.direction == b.direction else 0.0
        keep_rows.append(i)
        keep_cols.append(j)
        scores.append(
            float(metric[k] + bonus + same_value + same_tense + same_verb + options.context_weight * context[k])
        )
    return _assign_pairs(np.array(keep_rows, dtype=np.intp), np.array(keep_cols, dtype=np.intp), np.array(scores))


def _names_a_rate(metric: str) -> bool:
    """A rate named by what it measures (`赤字率`, `失业率`: two characters or more before `率`);
    a frame (`增长率`) never reaches pairing as a metric (see `targets.generic_metric`)."""
    return len(metric) >= 3 and metric.endswith("率")


@lru_cache(maxsize=1 << 12)
def _comparable(a: str | None, b: str | None) -> bool:
    """Units of one quantity: the same base, or a rate and a gap in points (which pair, with no
    Δ). Cached: a long report pairs thousands of targets stated in a few units."""
    base_a, base_b = _base_unit(a)[0], _base_unit(b)[0]
    return base_a == base_b or {base_a, base_b} == {"%", "个百分点"}


def _same_period(a: str | None, b: str | None) -> bool:
    """Periods agree: equal, or both whole-year (none given, 全年, or a year)."""
    return a == b or (_whole_year(a) and _whole_year(b))


def _whole_year(period: str | None) -> bool:
    """A period that covers the year or closes it: a year-end level (`年末`) is what a year's
    plan is checked against, and `每年` is said of every whole year."""
    return (
        period is None or period in ("全年", "每年", "年末", "年底") or bool(re.fullmatch(r"(?:19|20)\d\d年", period))
    )


def _assign(score: NDArray[np.float64]) -> list[tuple[int, int, float]]:
    rows, cols = np.nonzero(score >= 0)
    return _assign_pairs(rows, cols, score[rows, cols])


def _assign_pairs(
    rows: NDArray[np.intp], cols: NDArray[np.intp], score: NDArray[np.float64]
) -> list[tuple[int, int, float]]:
    """The best one-to-one pairing among the candidate pairs (row, col) with their scores."""
    return [(i, j, min(value, 1.0)) for i, j, value in assign_sparse(rows, cols, score)]


def _key(fact: Fact) -> str:
    if isinstance(fact, Phrase):
        return fact.form
    if isinstance(fact, Project):
        return fact.name
    return fact.metric


def _roles(facts: Sequence[Fact]) -> list[str | None]:
    has_review = any(section_role(f.section[:1], False) == "review" for f in facts)
    return [section_role(f.section, has_review) for f in facts]


def _pair_by_role(old: list[Fact], new: list[Fact], options: FactOptions) -> list[tuple[int, int, float]]:
    """Projects pair only within parts of the same role: one taken out of this year's plans is
    dropped even when this year's review still names it as done."""
    old_roles, new_roles = _roles(old), _roles(new)
    if "review" not in old_roles or "review" not in new_roles:
        return _pair_names(old, new, options)  # a news piece or a plan: no parts to keep apart
    pairs: list[tuple[int, int, float]] = []
    for role in {*old_roles, *new_roles}:
        olds = [i for i, r in enumerate(old_roles) if r == role]
        news = [j for j, r in enumerate(new_roles) if r == role]
        found = _pair_names([old[i] for i in olds], [new[j] for j in news], options)
        pairs.extend((olds[i], news[j], score) for i, j, score in found)
    return pairs


def _pair_names(old: list[Fact], new: list[Fact], options: FactOptions) -> list[tuple[int, int, float]]:
    """Exact names first; then close ones (long slogans may differ in one part)."""
    pairs: list[tuple[int, int, float]] = []
    where: dict[str, list[int]] = {}
    for j, fact in enumerate(new):
        where.setdefault(_key(fact), []).append(j)
    taken: set[int] = set()
    rest_old: list[int] = []
    for i, fact in enumerate(old):
        match = next((j for j in where.get(_key(fact), []) if j not in taken), None)
        if match is None:
            rest_old.append(i)
        else:
            taken.add(match)
            pairs.append((i, match, 1.0))
    rest_new = [j for j in range(len(new)) if j not in taken]
    if rest_old and rest_new:
        keys_old = [_key(old[i]) for i in rest_old]
        keys_new = [_key(new[j]) for j in rest_new]
        ratio = ratio_matrix(keys_old, keys_new)
        long_old = np.array([len(k) >= options.long_phrase_chars and "、" in k for k in keys_old])
        long_new = np.array([len(k) >= options.long_phrase_chars and "、" in k for k in keys_new])
        need = np.where(
            long_old[:, None] & long_new[None, :], options.min_long_phrase_similarity, options.min_name_similarity
        )
        # Numbered names (90街坊, 19号线, 杭温铁路一期) are different works when a number differs.
        digits_old = np.array([_numbered(k) for k in keys_old])
        digits_new = np.array([_numbered(k) for k in keys_new])
        numbered = digits_old[:, None] | digits_new[None, :]
        ratio = np.where((ratio < need) | numbered, -1.0, ratio)
        # A name that holds the other whole names the same work more fully (`255街坊` →
        # `…255街坊旧城区改建征收项目`), numbered or not; phrases differ by what they add.
        if isinstance(old[rest_old[0]], Project):
            for r, a in enumerate(keys_old):
                for c, b in enumerate(keys_new):
                    if ratio[r, c] < 0 and _holds(a, b):
                        ratio[r, c] = need[r, c]
        pairs.extend((rest_old[r], rest_new[c], s) for r, c, s in _assign(ratio))
    return pairs


def _numbered(name: str) -> bool:
    """Whether a name holds a number: a digit, or a phase in Chinese numerals (`二期`)."""
    return any(ch.isdigit() for ch in name) or bool(_NUMBERED_PHASE.search(name))


def _holds(a: str, b: str) -> bool:
    """One name inside the other, whole: at least three characters, and no digit running on at
    either end (`90街坊` is not in `190街坊`)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < _LEAST_HELD or short == long:
        return False
    at = long.find(short)
    while at >= 0:
        before, after = long[at - 1 : at], long[at + len(short) : at + len(short) + 1]
        if not (before.isdigit() and short[0].isdigit()) and not (after.isdigit() and short[-1].isdigit()):
            return True
        at = long.find(short, at + 1)
    return False


def _reworded(old: Fact, new: Fact) -> bool:
    """A kept formulation whose wording around it changed (`…政策要加力提效` → `…政策要更加积极有为`)."""
    return (
        isinstance(old, Phrase)
        and isinstance(new, Phrase)
        and old.style == new.style == "formulation"
        and (old.text != new.text)
    )


def _side(fact: Fact) -> FactSide:
    if isinstance(fact, Target):
        return FactSide(
            text=fact.text,
            span=fact.span,
            section=fact.section,
            metric=fact.metric,
            value=fact.value,
            value_high=fact.value_high,
            unit=fact.unit,
            qualifier=fact.qualifier,
            direction=fact.direction,
            bound=fact.bound,
            period=fact.period,
            tense=fact.tense,
            change=fact.change,
        )
    return FactSide(text=fact.text, span=fact.span, section=fact.section, metric=_key(fact))


def _one_sided(fact: Fact, status: Literal["added", "dropped"]) -> FactChange:
    side = _side(fact)
    return FactChange(
        kind=fact.kind,
        status=status,
        old=side if status == "dropped" else None,
        new=side if status == "added" else None,
    )


def _qualifiers(target: Target) -> tuple[str | None, str | None, str | None]:
    """What a reader compares of a target's qualifiers: the way it moves (none for a level held
    or reached, `保持在`, `达到`), its bound, and a qualifier word that is neither (`累计`, `完成`).
    The qualifier word is otherwise the direction or the bound again (`保持在` of
    `保持在1.3万亿斤以上`, `以上` of `1.3万亿斤以上`)."""
    way = None if target.direction in LEVEL_DIRECTIONS else target.direction
    other = target.qualifier
    if other in (target.direction, target.bound) or other in LEVEL_DIRECTIONS:
        other = None
    return (way, target.bound, other)


def _change(old: Fact, new: Fact, score: float) -> FactChange:
    if isinstance(old, Target) and isinstance(new, Target):
        old_unit, old_factor = _base_unit(old.unit)
        new_unit, new_factor = _base_unit(new.unit)
        # The same quantity in another magnitude (`1.3万亿斤` → `13000亿斤`) is the same value.
        same_value = old_unit == new_unit and all(
            a == b or (a is not None and b is not None and math.isclose(a * old_factor, b * new_factor))
            for a, b in ((old.value, new.value), (old.value_high, new.value_high))
        )
        # `控制在5.5%以内` → `控制在5.5%左右`: the bound moved though the direction word did not;
        # `保持在1.3万亿斤以上` → `1.3万亿斤以上` holds the same level (see `_qualifiers`).
        qualifier_changed = _qualifiers(old) != _qualifiers(new)
        tense_changed = old.tense is not None and new.tense is not None and old.tense != new.tense
        delta = delta_unit = None
        if old.value is not None and new.value is not None and old_unit == new_unit:
            delta = round(new.value * new_factor / old_factor - old.value, 6)
            delta_unit = _DELTA_UNITS.get(old_unit, old.unit)
            # A range moves by one Δ only when both its ends move by it (`6%-7%` → `6.5%-7.5%`);
            # a range against one value, or one that widens, has no single Δ.
            if (old.value_high is None) != (new.value_high is None) or (
                old.value_high is not None
                and new.value_high is not None
                and not math.isclose(round(new.value_high * new_factor / old_factor - old.value_high, 6), delta)
            ):
                delta = delta_unit = None
            if delta is not None and abs(delta) < 1 and new_factor < old_factor:
                # A fraction of the old value's unit, the new value in a smaller one: the Δ is in
                # the new one (`1.37万亿斤 → 13908亿斤` is Δ +208亿斤, not +0.0208万亿斤).
                delta = round(new.value - old.value * old_factor / new_factor, 6)
                delta_unit = new.unit
        status = "unchanged" if same_value and not qualifier_changed and not tense_changed else "changed"
        return FactChange(
            kind="target",
            status=status,
            old=_side(old),
            new=_side(new),
            delta=delta,
            delta_unit=delta_unit,
            qualifier_changed=qualifier_changed,
            tense_changed=tense_changed,
            similarity=round(score, 4),
        )
    status = "unchanged" if _key(old) == _key(new) and not _reworded(old, new) else "changed"
    return FactChange(kind=old.kind, status=status, old=_side(old), new=_side(new), similarity=round(score, 4))
