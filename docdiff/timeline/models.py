"""Timeline models: a series' targets, phrases, projects and sections, year by year (docdiff.timeline/1)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from docdiff.models import Model

TIMELINE_SCHEMA: Literal["docdiff.timeline/1"] = "docdiff.timeline/1"
LEDGER_SCHEMA: Literal["docdiff.ledger/2"] = "docdiff.ledger/2"
TimelineKind = Literal["target", "phrase", "project", "section"]
Verdict = Literal["met", "not met", "no result", "no target", "period differs", "no figure", "relative", "not due"]
SectionEvent = Literal["continued", "renamed", "split", "merged", "new", "gone"]


class TimelineOptions(Model):
    """Tuning values of the timeline, each with its unit."""

    target_window: int = Field(
        default=900,
        description="Characters after the `主要预期目标是` sentence that hold the year's main targets "
        "(the State Council's targets paragraph is 300-700 characters in 2019-2022).",
    )
    target_gap: int = Field(
        default=300,
        description="Characters between two targets that end the targets paragraph: the State Council's "
        "2019-2022 main targets follow each other within 191, the next policy's first figure comes 411 "
        "or more after the last (2020, whose paragraphs and sub-sections are lost).",
    )
    min_metric_similarity: float = Field(
        default=0.7,
        description="Least rapidfuzz ratio (0..1) between a plan's metric and a result's for the result "
        "to be read as that plan's outcome (`国内生产总值` vs `国内生产总值从不到` is 0.8; "
        "`高新技术企业` vs `新增企业`, a different count, is 0.6).",
    )
    min_task_similarity: float = Field(
        default=0.9,
        description="Least rapidfuzz ratio (0..1) between a plan of the tasks part and a result of the next "
        "review for the ledger to read the result as its outcome: a task's metric is a count of one thing "
        "(`新增高新技术企业`), and one a few characters off is another count (`新增公办养老床位` vs "
        "`新增养老床位` 0.86, `新增非农就业岗位` vs `新增就业岗位` 0.86).",
    )
    about_tolerance: float = Field(
        default=0.05,
        description="Share of the value a result may fall short of an `左右`/`约` target and still meet it "
        "(5.5%左右 is met by 5.3%, not by 5.2%).",
    )


class Measure(Model):
    """A target as read in one version: the value and bound as printed, and what it measures."""

    metric: str = Field(description="The metric as extracted (`国内生产总值`).")
    value: float | None = Field(description="The number, the low end of a range.")
    value_high: float | None = Field(default=None, description="High end of a range (`6%-6.5%`).")
    unit: str | None = Field(description="Unit as printed.")
    direction: str | None = Field(default=None, description="增长, 下降, 控制在 …")
    bound: str | None = Field(default=None, description="左右, 以上, 以内 …")
    period: str | None = Field(default=None, description="全年, 年均, 五年累计, 期末 …")
    label: str = Field(description="Value and bound as a reader writes them: `6%-6.5%`, `5.5%左右`, `未设定`.")
    text: str = Field(description="The clause it was read from.")
    year: int | None = Field(
        default=None,
        description="The year the figure is for, when the text says it: a plan's `2025年`, a result's review "
        "part (`2022年工作回顾`).",
    )


class TargetCell(Model):
    """One year of a target row: the plan that year's report sets and the result the next report gives."""

    year: str = Field(description="The version's label (a year for a work-report series).")
    plan: Measure | None = Field(description="The plan set in that version, None when it sets none (`未设定`).")
    result: Measure | None = Field(description="The outcome the next version reports, None if not found or no next.")
    verdict: Verdict = Field(
        description="met, not met, no result, no target (a result with no plan), period differs, no figure "
        "(a plan with no number: `全部完成`) or relative (a plan set against a benchmark the result does not give)."
    )


class TargetRow(Model):
    """One metric followed across the series."""

    metric: str = Field(description="The metric's name in its latest plan.")
    names: tuple[str, ...] = Field(description="Every name the metric had, in year order (renamed metrics).")
    unit: str | None = Field(description="Unit of the latest plan.")
    cells: tuple[TargetCell, ...] = Field(description="One cell per version, in date order.")


class Requalification(Model):
    """A kept phrase whose modifier changed: `积极的财政政策要加力提效` → `积极的财政政策要更加积极有为`."""

    year: str = Field(description="The version where the new modifier is read.")
    old: str = Field(description="The clause holding the phrase in the version before.")
    new: str = Field(description="The clause holding it in this version.")


class PhraseRow(Model):
    """A phrase (slogan, quoted term, formula) followed across the series."""

    phrase: str = Field(description="Its form where first seen.")
    forms: tuple[str, ...] = Field(description="Every form it had, in year order.")
    first: str = Field(description="Version it was first seen in.")
    last: str = Field(description="Version it was last seen in.")
    years: tuple[str, ...] = Field(description="Versions holding it.")
    modified: tuple[str, ...] = Field(description="Versions where its own wording changed while it was kept.")
    requalified: tuple[Requalification, ...] = Field(
        default=(), description="Versions where a modifier changed on it while it was kept, with both wordings."
    )


class ProjectRow(Model):
    """A named project followed across the series."""

    name: str = Field(description="Its name where first seen.")
    announced: str = Field(description="Version it first appears in.")
    years: tuple[str, ...] = Field(description="Versions naming it (announced and continued).")
    completed: str | None = Field(description="Version reporting it finished (竣工, 建成, 投用 in a review).")
    dropped: str | None = Field(description="First version no longer naming it, when not completed before.")


class SectionNode(Model):
    """A level-1 or level-2 section of one version."""

    year: str = Field(description="The version's label.")
    level: int = Field(description="1 or 2.")
    heading: str = Field(description="Heading as printed, without its number.")
    number_label: str | None = Field(description="Numbering as printed.")
    line: int = Field(description="1-based line of its heading in the version's text.")


class SectionLink(Model):
    """What one section of a version became in the next."""

    old_year: str = Field(description="Earlier version.")
    new_year: str = Field(description="Later version.")
    old: int | None = Field(description="Index into `sections` of the old section, None for a new one.")
    new: int | None = Field(description="Index into `sections` of the new section, None for a gone one.")
    event: SectionEvent = Field(description="continued, renamed, split, merged, new or gone.")


class Timeline(Model):
    """Everything followed across one series."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["docdiff.timeline/1"] = Field(
        default=TIMELINE_SCHEMA, alias="schema", description="JSON shape version."
    )
    series: str = Field(description="The series name.")
    years: tuple[str, ...] = Field(description="Version labels in date order.")
    targets: tuple[TargetRow, ...] = Field(default=(), description="Main targets, one row per metric.")
    phrases: tuple[PhraseRow, ...] = Field(default=(), description="Phrases, by first year.")
    projects: tuple[ProjectRow, ...] = Field(default=(), description="Projects, by first year.")
    sections: tuple[SectionNode, ...] = Field(default=(), description="Level-1 and level-2 sections of every year.")
    links: tuple[SectionLink, ...] = Field(default=(), description="Section lineage between consecutive years.")

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON contract, with `schema` first."""
        return self.model_dump_json(by_alias=True, indent=indent)


class LedgerEntry(Model):
    """One plan target with the outcome a later document reports."""

    plan: Measure = Field(description="The target as the plan sets it.")
    result: Measure | None = Field(description="The result reported, None if the outcome does not give one.")
    main: bool = Field(
        default=True,
        description="One of the plan's main targets (its targets paragraph or indicator table), every one "
        "listed; otherwise a plan its tasks state that the outcome's review reports a result for.",
    )
    section: str | None = Field(
        default=None, description="The heading of the plan's section (`（二）大力推进科技创新`), None at the top."
    )
    verdict: Verdict = Field(
        description="met, not met, no result, period differs, no figure (a plan with no number), relative "
        "(`高于全市1-3个百分点` against a growth rate: the benchmark is not in the outcome) or not due (a "
        "target for a later year than the result: `2025年` against 2022's figure)."
    )


class Ledger(Model):
    """A plan's targets against an outcome document (docdiff.ledger/2)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["docdiff.ledger/2"] = Field(
        default=LEDGER_SCHEMA, alias="schema", description="JSON shape version."
    )
    plan: str = Field(description="Where the plan was read from.")
    outcome: str = Field(description="Where the outcome was read from.")
    entries: tuple[LedgerEntry, ...] = Field(
        description="Every main target in plan order, then the plans of the tasks part with a result reported."
    )

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON contract, with `schema` first."""
        return self.model_dump_json(by_alias=True, indent=indent)
