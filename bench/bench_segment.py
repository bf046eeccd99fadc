"""Time reading, normalising and segmenting the largest seed (budget: segmenting well under 100 ms).

Prints each stage in milliseconds and as a ratio to a baseline measured in the same run: one
regular-expression pass that splits the same text into sentences, the least any segmenter
must do. Run: `python bench/bench_segment.py`.
"""

from __future__ import annotations

import re

from common import PLAN, best_of

from docdiff.ingest import decode, read_document
from docdiff.normalise import normalise
from docdiff.segment import segment

RUNS = 20
BUDGET_MS = 100.0


def main() -> None:
    raw = PLAN.read_bytes()
    text, _ = decode(raw)
    doc = read_document(PLAN)
    sentences = re.compile(r"[^。！？；\n]*[。！？；\n]?")
    baseline = best_of(RUNS, lambda: sum(1 for _ in sentences.finditer(text)))
    stages = {
        "decode": best_of(RUNS, lambda: decode(raw)),
        "normalise": best_of(RUNS, lambda: normalise(text)),
        "segment": best_of(RUNS, lambda: segment(doc)),
        "read+normalise+segment": best_of(RUNS, lambda: segment(read_document(PLAN))),
    }
    print(f"{PLAN.name}: {len(raw):,} bytes, {len(text):,} characters; best of {RUNS} runs")
    print(f"  baseline (one regex sentence pass): {baseline * 1000:7.2f} ms")
    for name, seconds in stages.items():
        print(f"  {name:<24} {seconds * 1000:7.2f} ms  {seconds / baseline:6.1f}x baseline")
    share = stages["segment"] * 1000 / BUDGET_MS
    print(f"  segment is {share:.2f} of the {BUDGET_MS:.0f} ms budget ({'within' if share < 1 else 'OVER'})")


if __name__ == "__main__":
    main()
