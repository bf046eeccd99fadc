"""Score a series' section lineage against the alignment truth composed across the years.

The truth's verdicts of consecutive pairs (`tests/truth/align/national-2019__national-2020.json`
…) are composed: a first-year heading reaches the last-year headings its content went to, year
by year (a pair, split or merge passes it on; a drop ends it). The timeline's lineage is composed
from its links. A heading agrees when both reach the same last-year headings; the mean Jaccard
overlap of the two sets is given beside it.

The truth names only the headings a reader sees (`tests/truth/headings/`); docdiff's outline may
hold more (a lead sentence read as a sub-heading). Such a section's text belongs to the truth
heading holding it (the last one at or before its line), so the comparison reads every docdiff
section as that heading: a lineage starts from every section the first-year heading holds and
ends in the last-year headings holding the sections it reached.

`truth_steps` reads the same verdicts as section pairs, so the timeline's own composition
(`compose_lineage`) can be run on the truth: that score tests the composition alone.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from docdiff.comparison import PairStatus, SectionPair, SectionRef
from docdiff.models import Document
from docdiff.similarity import heading_key
from docdiff.timeline.lineage import compose_lineage, descendants
from docdiff.timeline.models import Timeline

TRUTH = Path(__file__).resolve().parent / "truth"


@dataclass
class LineageScore:
    """How many first-year headings reach the same last-year headings as the truth says."""

    headings: int = 0
    agreed: int = 0
    jaccard_sum: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        return self.agreed / self.headings if self.headings else 1.0

    @property
    def jaccard(self) -> float:
        return self.jaccard_sum / self.headings if self.headings else 1.0


def _headings(name: str) -> list[dict[str, Any]]:
    data = json.loads((TRUTH / "headings" / f"{name}.json").read_text(encoding="utf-8"))
    headings: list[dict[str, Any]] = data["headings"]
    return headings


def _verdicts(prefix: str, old: str, new: str) -> list[dict[str, Any]]:
    path = TRUTH / "align" / f"{prefix}-{old}__{prefix}-{new}.json"
    verdicts: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["verdicts"]
    return verdicts


def composed_truth(prefix: str, years: Sequence[str]) -> dict[int, set[int]]:
    """First-year heading line → the last-year heading lines its content reached, by the truth."""
    reached = {h["line"]: {h["line"]} for h in _headings(f"{prefix}-{years[0]}")}
    for old, new in pairwise(years):
        step: dict[int, set[int]] = {}
        for verdict in _verdicts(prefix, old, new):
            for line in verdict["old"]:
                step.setdefault(line, set()).update(verdict["new"])
        reached = {k: set().union(*(step.get(line, set()) for line in v)) for k, v in reached.items()}
    return reached


def _holder(lines: list[int], line: int) -> int | None:
    """The truth heading holding `line`: the last heading line at or before it."""
    at = bisect_right(lines, line)
    return lines[at - 1] if at else None


def score_lineage(timeline: Timeline, prefix: str) -> LineageScore:
    """The timeline's first → last year lineage against the composed truth."""
    years = list(timeline.years)
    truth = composed_truth(prefix, years)
    first_lines = sorted(h["line"] for h in _headings(f"{prefix}-{years[0]}"))
    last_lines = sorted(h["line"] for h in _headings(f"{prefix}-{years[-1]}"))
    score = LineageScore()
    for line, want in sorted(truth.items()):
        starts = [
            k
            for k, node in enumerate(timeline.sections)
            if node.year == years[0] and _holder(first_lines, node.line) == line
        ]
        reached = set().union(*(descendants(timeline.links, k, years[-1]) for k in starts))
        holders = (_holder(last_lines, timeline.sections[n].line) for n in reached)
        got = {h for h in holders if h is not None}
        score.headings += 1
        score.agreed += got == want
        union = got | want
        score.jaccard_sum += len(got & want) / len(union) if union else 1.0
        if got != want:
            score.misses.append(f"line {line}: truth {sorted(want)}, timeline {sorted(got)}")
    return score


def _refs(document: Document, headings: list[dict[str, Any]]) -> dict[int, SectionRef]:
    """Each truth heading as a section of `document`: from its line to the next heading of its
    level or above (a part holds its sub-sections, as docdiff's sections do)."""
    text = document.text
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    refs: dict[int, SectionRef] = {}
    for i, heading in enumerate(headings):
        after = [h for h in headings[i + 1 :] if h["level"] <= heading["level"]]
        end = starts[after[0]["line"] - 1] if after else len(text)
        refs[heading["line"]] = SectionRef(
            heading=heading["text"],
            number_label=heading["label"],
            level=heading["level"],
            path=(heading["text"],),
            span=(starts[heading["line"] - 1], end),
        )
    return refs


_STATUS: dict[str, PairStatus] = {
    "pair": "matched",
    "split": "split",
    "merge": "merged",
    "dropped": "dropped",
    "added": "added",
}


def _pair(status: PairStatus, old: SectionRef | None, new: SectionRef | None, primary: bool) -> SectionPair:
    renamed = old is not None and new is not None and heading_key(old.heading) != heading_key(new.heading)
    return SectionPair(
        status=status,
        renamed=renamed,
        moved=False,
        changed=True,
        heading_similarity=0.0,
        content_similarity=0.0,
        primary=primary,
        old=old,
        new=new,
        edits=(),
    )


def truth_steps(prefix: str, years: Sequence[str], documents: Sequence[Document]) -> list[list[SectionPair]]:
    """The truth's verdicts of each year with the next, as the section pairs a comparison holds
    (a split or merge as one pair per piece, the first primary)."""
    refs = [_refs(doc, _headings(f"{prefix}-{year}")) for doc, year in zip(documents, years, strict=True)]
    steps: list[list[SectionPair]] = []
    for k, (old, new) in enumerate(pairwise(years)):
        pairs: list[SectionPair] = []
        for verdict in _verdicts(prefix, old, new):
            status = _STATUS[verdict["kind"]]
            olds = [refs[k][line] for line in verdict["old"]] or [None]
            news = [refs[k + 1][line] for line in verdict["new"]] or [None]
            pieces = [(a, b) for a in olds for b in news]
            pairs.extend(_pair(status, a, b, i == 0) for i, (a, b) in enumerate(pieces))
        steps.append(pairs)
    return steps


def truth_lineage(prefix: str, timeline: Timeline, documents: Sequence[Document]) -> Timeline:
    """`timeline` with its sections and links composed from the truth's pairwise verdicts."""
    years = list(timeline.years)
    nodes, links = compose_lineage(years, documents, truth_steps(prefix, years, documents))
    return timeline.model_copy(update={"sections": tuple(nodes), "links": tuple(links)})


@dataclass
class StepScore:
    """The links of one year with the next against the truth's verdicts, at the truth's headings."""

    old: str
    new: str
    truth: int = 0
    found: int = 0
    agreed: int = 0
    missed: list[tuple[int, int]] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)


def score_steps(timeline: Timeline, prefix: str) -> list[StepScore]:
    """For each consecutive pair of years, the (old heading line, new heading line) links the
    truth gives and those the timeline gives (each docdiff section read as its truth heading):
    where the composed lineage misses, these say which year's pairing lost it."""
    lines = {year: sorted(h["line"] for h in _headings(f"{prefix}-{year}")) for year in timeline.years}
    scores = []
    for old, new in pairwise(timeline.years):
        want = {(a, b) for v in _verdicts(prefix, old, new) for a in v["old"] for b in v["new"]}
        got: set[tuple[int, int]] = set()
        for link in timeline.links:
            if link.old_year != old or link.new_year != new or link.old is None or link.new is None:
                continue
            a = _holder(lines[old], timeline.sections[link.old].line)
            b = _holder(lines[new], timeline.sections[link.new].line)
            if a is not None and b is not None:
                got.add((a, b))
        scores.append(StepScore(old, new, len(want), len(got), len(want & got), sorted(want - got), sorted(got - want)))
    return scores
