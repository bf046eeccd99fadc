"""Score a comparison against a mutation's truth (used by the test-bed tests and the README figures)."""

from __future__ import annotations

from dataclasses import dataclass

from docdiff.compare import compare_documents
from docdiff.comparison import Comparison
from docdiff.flat import flatten
from docdiff.ingest import read_document
from docdiff.models import Document
from docdiff.segment import segment
from tests.mutate import Mutated, advance_years, documents, identities, mutate


@dataclass
class Score:
    """Counts from one or more mutated comparisons."""

    truth_pairs: int = 0
    recovered: int = 0
    invented: int = 0
    renamed_truth: int = 0
    renamed_recovered: int = 0
    numbers: int = 0
    numbers_found: int = 0
    moves: int = 0
    moves_found: int = 0
    number_targets: int = 0
    number_targets_found: int = 0
    dropped_projects: int = 0
    dropped_projects_found: int = 0
    added_phrases: int = 0
    added_phrases_found: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.recovered / self.truth_pairs if self.truth_pairs else 1.0


def score(mutated: Mutated, comparison: Comparison, old: Document, new: Document) -> Score:
    """How many true section pairs the comparison found, and how many it made up."""
    old_ids = identities(old, mutated.old_ids)
    new_ids = identities(new, mutated.new_ids)
    old_flat = {f.section.span: f.index for f in flatten(old, segment(old))}
    new_flat = {f.section.span: f.index for f in flatten(new, segment(new))}
    predicted: set[tuple[int, int]] = set()
    for pair in comparison.sections:
        if pair.old and pair.new and pair.old.level > 0:
            i = old_ids.get(old_flat[pair.old.span])
            j = new_ids.get(new_flat[pair.new.span])
            if i is not None and j is not None:
                predicted.add((i, j))
    truth = {(i, j) for i, j in mutated.truth.items() if i in old_ids.values()}
    result = Score(truth_pairs=len(truth), recovered=len(truth & predicted))
    result.invented = sum(
        1
        for i, j in predicted
        if mutated.truth.get(i) != j
        and (i, j) not in truth
        and (i in mutated.dropped or j in mutated.inserted or mutated.truth.get(i) is not None)
    )
    renamed = {(i, j) for i, j in truth if i in mutated.renamed}
    result.renamed_truth, result.renamed_recovered = len(renamed), len(renamed & predicted)
    replaced = [(e.old, e.new) for p in comparison.sections for e in p.edits if e.op == "replace"]
    result.numbers = len(mutated.number_changes)
    result.numbers_found = sum(
        1 for old_n, new_n in mutated.number_changes if any(old_n in o and new_n in n for o, n in replaced)
    )
    moved = [e.new for p in comparison.sections for e in p.edits if e.op == "move" and e.direction == "in"]
    result.moves = len(mutated.moved_sentences)
    result.moves_found = sum(
        1 for s in mutated.moved_sentences if any(advance_years(s).strip("。") in m for m in moved)
    )
    changed_targets = [
        (f.old.value, f.new.value)
        for f in comparison.facts
        if f.kind == "target" and f.status == "changed" and f.old and f.new
    ]
    result.number_targets = len(mutated.number_changes)
    result.number_targets_found = sum(
        1 for old_n, new_n in mutated.number_changes if (float(old_n), float(new_n)) in changed_targets
    )
    dropped = {f.old.metric for f in comparison.facts if f.kind == "project" and f.status == "dropped" and f.old}
    result.dropped_projects = len(mutated.dropped_projects)
    result.dropped_projects_found = sum(1 for name in mutated.dropped_projects if name in dropped)
    added = {f.new.metric for f in comparison.facts if f.kind == "phrase" and f.status == "added" and f.new}
    result.added_phrases = len(mutated.added_phrases)
    result.added_phrases_found = sum(1 for phrase in mutated.added_phrases if phrase in added)
    return result


def run(seed_paths: list[str], donor_path: str, seeds: range) -> Score:
    """Mutate each seed document with each random seed, compare, and add up the scores."""
    total = Score()
    donor = read_document(donor_path)
    donor_outline = segment(donor)
    for path in seed_paths:
        doc = read_document(path)
        outline = segment(doc)
        for seed in seeds:
            mutated = mutate(doc, outline, donor_outline, donor, seed)
            old, new = documents(mutated)
            total.add(score(mutated, compare_documents(old, new), old, new))
    return total
