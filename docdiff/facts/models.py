"""Fact models: what was extracted from one document, and how facts of two versions pair."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from docdiff.models import Model, Span

Tense = Literal["plan", "result"]


class FactBase(Model):
    """What every fact has: the text as printed, where it is, and its section path."""

    text: str = Field(description="The fact as printed, with enough context to be read alone (normalised).")
    span: Span = Field(description="Original span of `text`.")
    section: tuple[str, ...] = Field(description="Headings of the sections holding it, top level first.")


class Target(FactBase):
    """A quantity with what it measures: `一般公共预算收入增长6%`, `加装电梯175台`."""

    kind: Literal["target"] = Field(default="target", description="Fact variant tag.")
    metric: str = Field(description="The noun phrase measured, e.g. `一般公共预算收入`, `加装电梯`.")
    value: float | None = Field(description="The number (the low end of a range); None for a non-numeric target.")
    value_high: float | None = Field(default=None, description="High end of a range such as `1-3`.")
    unit: str | None = Field(
        description="Unit as printed, magnitude included: `%`, `个百分点`, `亿元`, `万平方米`, `台`."
    )
    qualifier: str | None = Field(description="增长, 下降, 达到, 不少于, 超过, 力争, 约, 近, 余, 以上, 翻番 …")
    direction: str | None = Field(
        default=None, description="Which way it moves or where it is held: 增长, 下降, 提高, 降低, 控制在, 达到 …"
    )
    bound: str | None = Field(
        default=None, description="How exact: 左右, 以上, 以内, 不低于, 不超过, 超过, 约, 近, 余 …"
    )
    period: str | None = Field(description="全年, 前三季度, 1—11月, 五年累计, 年均, 期末, a year …")
    tense: Tense | None = Field(description="`result` (reported as done) or `plan` (a goal).")
    value_text: str = Field(description="The value as printed (`35.7%`, `两万户`, `全部完成`).")
    earlier: float | None = Field(
        default=None, description="The value it moved from, when the sentence says so (`由9.8%降至7.5%` → 9.8)."
    )
    change: Literal["increment"] | None = Field(
        default=None,
        description="`increment` for a change by an absolute amount against a base (`比上年增加1万亿元`): "
        "the amount added, not the level reached, so it is never read against a level.",
    )


class Phrase(FactBase):
    """A slogan, quoted term, title, numbered formula or unquoted formulation: `上海北外滩、都市新标杆`,
    `五个中心`, `新型基础设施建设`."""

    kind: Literal["phrase"] = Field(default="phrase", description="Fact variant tag.")
    form: str = Field(description="Normalised form for matching (quotes and spacing dropped).")
    style: Literal["quoted", "title", "formula", "slogan", "formulation"] = Field(
        description="How it was recognised; `formulation`: an unquoted distinctive term found against the other "
        "version (its `text` the heading holding it when its modifier changed)."
    )


class Project(FactBase):
    """A named work or initiative: `世界会客厅二期`, `90街坊`, `北横通道`, `“美丽家园+”系列工程`."""

    kind: Literal["project"] = Field(default="project", description="Fact variant tag.")
    name: str = Field(description="The project's name, normalised.")


Fact = Annotated[Target | Phrase | Project, Field(discriminator="kind")]
FactKind = Literal["target", "phrase", "project"]


class FactSide(Model):
    """One side of a fact pair, in the shape of the JSON contract."""

    text: str = Field(description="The fact as printed with context.")
    span: Span = Field(description="Original span in that side's text.")
    section: tuple[str, ...] = Field(description="Section path.")
    metric: str | None = Field(default=None, description="Target metric, phrase form or project name.")
    value: float | None = Field(default=None, description="Target value.")
    value_high: float | None = Field(default=None, description="High end of a range target (`6%-6.5%`).")
    unit: str | None = Field(default=None, description="Target unit.")
    qualifier: str | None = Field(default=None, description="Target qualifier.")
    direction: str | None = Field(default=None, description="Target direction (增长, 下降, 控制在 …).")
    bound: str | None = Field(default=None, description="Target bound (左右, 以上, 以内, 不低于 …).")
    period: str | None = Field(default=None, description="Target period.")
    tense: Tense | None = Field(default=None, description="Target tense.")
    change: Literal["increment"] | None = Field(default=None, description="`increment`: an amount added, not a level.")


class FactChange(Model):
    """A fact of the old version paired with one of the new, or present on one side only."""

    kind: FactKind = Field(description="target, phrase or project.")
    status: Literal["unchanged", "changed", "added", "dropped"] = Field(description="What happened to it.")
    old: FactSide | None = Field(description="The old fact, absent if added.")
    new: FactSide | None = Field(description="The new fact, absent if dropped.")
    delta: float | None = Field(
        default=None,
        description="For a changed target: new value minus old value, in `delta_unit` (the old value's unit); "
        "None when the units cannot be compared (a growth rate against a gap in percentage points).",
    )
    delta_unit: str | None = Field(
        default=None, description="The unit of `delta`: the old value's (`亿元`), `个百分点` between two rates."
    )
    qualifier_changed: bool = Field(default=False, description="For a target: the qualifier differs.")
    tense_changed: bool = Field(default=False, description="For a target: plan became result or the reverse.")
    similarity: float = Field(default=0.0, description="How alike the paired facts are, 0..1.")


class FactList(Model):
    """The facts of one document (schema docdiff.facts/1)."""

    schema_: Literal["docdiff.facts/1"] = Field(
        default="docdiff.facts/1", alias="schema", description="JSON shape version."
    )
    source: str = Field(description="Where the document was read from.")
    facts: tuple[Fact, ...] = Field(description="Targets, phrases and projects in document order.")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
