"""Time `compare` (budgets: plan vs work report < 0.3 s and ≥ 100x faster than whole-document
diff-match-patch; 1 MB synthetic reports < 10 s, growing no worse than n·log n).

Run: `python bench/bench_compare.py` (add `--skip-baseline` to leave out the ~40 s baseline).
"""

from __future__ import annotations

import sys
import time

from common import PLAN, REPORT_2025, best_of
from diff_match_patch import diff_match_patch
from synthetic import mutated, stacked

from docdiff.compare import compare_documents
from docdiff.facts.extract import extract_facts
from docdiff.facts.pair import pair_facts
from docdiff.facts.phrases import recurring_slogans
from docdiff.ingest import document_from_bytes, read_document
from docdiff.options import FactOptions
from docdiff.segment import segment


def whole_document_dmp(old: str, new: str) -> float:
    """Seconds diff-match-patch takes over the whole normalised texts, with no timeout."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    start = time.perf_counter()
    diffs = engine.diff_main(old, new)
    engine.diff_cleanupSemantic(diffs)
    return time.perf_counter() - start


def main() -> None:
    old, new = read_document(PLAN), read_document(REPORT_2025)
    ours = best_of(5, lambda: compare_documents(old, new))
    print(f"five-year plan vs 2025 work report: compare {ours * 1000:.0f} ms (budget 300 ms)")
    old_outline, new_outline = segment(old), segment(new)

    def facts_only() -> None:
        slogans = recurring_slogans(old.normalised, new.normalised)
        pair_facts(
            extract_facts(old, old_outline, slogans), extract_facts(new, new_outline, slogans), set(), FactOptions()
        )

    facts = best_of(5, facts_only)
    print(
        f"  of which facts (extract both + pair): {facts * 1000:.0f} ms (budget 300 ms), {facts / ours:.0%} of compare"
    )
    if "--skip-baseline" not in sys.argv:
        baseline = whole_document_dmp(old.normalised, new.normalised)
        print(
            f"  whole-document diff-match-patch, no timeout: {baseline:.1f} s; docdiff is {baseline / ours:.0f}x faster"
        )
    print("synthetic reports (stacked seeds vs a mutated copy):")
    previous: float | None = None
    for size in (125_000, 250_000, 500_000, 1_000_000):
        text = stacked(size)
        a = document_from_bytes(text.encode("utf-8"), "old")
        b = document_from_bytes(mutated(text, seed=size).encode("utf-8"), "new")
        seconds = best_of(2, lambda a=a, b=b: compare_documents(a, b))
        growth = f"  ×{seconds / previous:.2f} per doubling" if previous else ""
        print(f"  {len(text.encode('utf-8')) / 1e6:5.2f} MB ({len(text):,} chars): {seconds:6.2f} s{growth}")
        previous = seconds
    print("  (n·log n predicts about ×2.1 per doubling; ×4 would be quadratic)")


if __name__ == "__main__":
    main()
