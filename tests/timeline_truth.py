"""Score a series' section lineage against the alignment truth composed across the years.

The truth's verdicts of consecutive pairs (`tests/truth/align/national-2019__national-2020.json`
…) are composed: a 2019 heading reaches the 2022 headings its content went to, year by year
(a pair, split or merge passes it on; a drop ends it). The timeline's lineage is composed the
same way from its links. A heading agrees when both reach the same 2022 headings; the mean
Jaccard overlap of the two sets is given beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from docdiff.timeline.lineage import descendants
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


def _heading_lines(name: str) -> set[int]:
    data = json.loads((TRUTH / "headings" / f"{name}.json").read_text(encoding="utf-8"))
    return {h["line"] for h in data["headings"]}


def composed_truth(prefix: str, years: list[str]) -> dict[int, set[int]]:
    """First-year heading line → the last-year heading lines its content reached, by the truth."""
    reached = {line: {line} for line in _heading_lines(f"{prefix}-{years[0]}")}
    for old, new in pairwise(years):
        path = TRUTH / "align" / f"{prefix}-{old}__{prefix}-{new}.json"
        step: dict[int, set[int]] = {}
        for verdict in json.loads(path.read_text(encoding="utf-8"))["verdicts"]:
            for line in verdict["old"]:
                step.setdefault(line, set()).update(verdict["new"])
        reached = {k: set().union(*(step.get(line, set()) for line in v)) for k, v in reached.items()}
    return reached


def score_lineage(timeline: Timeline, prefix: str) -> LineageScore:
    """The timeline's first → last year lineage against the composed truth."""
    years = list(timeline.years)
    truth = composed_truth(prefix, years)
    last_lines = _heading_lines(f"{prefix}-{years[-1]}")
    index = {(node.year, node.line): k for k, node in enumerate(timeline.sections)}
    score = LineageScore()
    for line, want in sorted(truth.items()):
        k = index.get((years[0], line))
        got = set() if k is None else {timeline.sections[n].line for n in descendants(timeline.links, k, years[-1])}
        got &= last_lines
        score.headings += 1
        score.agreed += got == want
        union = got | want
        score.jaccard_sum += len(got & want) / len(union) if union else 1.0
        if got != want:
            score.misses.append(f"line {line}: truth {sorted(want)}, timeline {sorted(got)}")
    return score
