"""Time reading, normalising and segmenting the largest seed and the largest corpus report.

Budgets: segmenting the 94 KB plan well under 100 ms; the largest real report of the corpus
(`seeds/*/*.txt`, decoded size) read, normalised and segmented in under 50 ms.

Prints each stage in milliseconds and as a ratio to a baseline measured in the same run: one
regular-expression pass that splits the same text into sentences, the least any segmenter
must do. Run: `python bench/bench_segment.py`.
"""

from __future__ import annotations

import re

from common import PLAN, SEEDS, best_of

from docdiff.ingest import decode, read_document
from docdiff.normalise import normalise
from docdiff.segment import segment

RUNS = 20
BUDGET_MS = 100.0
CORPUS_BUDGET_MS = 50.0


def main() -> None:
    for path, budget in ((PLAN, BUDGET_MS), (largest_corpus_report(), CORPUS_BUDGET_MS)):
        measure(path, budget)


def largest_corpus_report():  # type: ignore[no-untyped-def]
    return max(SEEDS.glob("*/*.txt"), key=lambda path: len(read_document(path).text))


def measure(path, budget_ms: float) -> None:  # type: ignore[no-untyped-def]
    raw = path.read_bytes()
    text, _ = decode(raw)
    doc = read_document(path)
    sentences = re.compile(r"[^。！？；\n]*[。！？；\n]?")
    baseline = best_of(RUNS, lambda: sum(1 for _ in sentences.finditer(text)))
    stages = {
        "decode": best_of(RUNS, lambda: decode(raw)),
        "normalise": best_of(RUNS, lambda: normalise(text)),
        "segment": best_of(RUNS, lambda: segment(doc)),
        "read+normalise+segment": best_of(RUNS, lambda: segment(read_document(path))),
    }
    print(f"{path.parent.name}/{path.name}: {len(raw):,} bytes, {len(text):,} characters; best of {RUNS} runs")
    print(f"  baseline (one regex sentence pass): {baseline * 1000:7.2f} ms")
    for name, seconds in stages.items():
        print(f"  {name:<24} {seconds * 1000:7.2f} ms  {seconds / baseline:6.1f}x baseline")
    timed = "segment" if path == PLAN else "read+normalise+segment"
    share = stages[timed] * 1000 / budget_ms
    print(f"  {timed} is {share:.2f} of the {budget_ms:.0f} ms budget ({'within' if share < 1 else 'OVER'})")


if __name__ == "__main__":
    main()
