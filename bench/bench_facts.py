"""Time facts extraction (targets, phrases, projects) of real reports, in process after warm-up.

Budget (issue 12): facts for a 60 KB report in under 100 ms. Measured on the State Council
reports 2019 (61 KB, the largest) and 2021 (53 KB): `extract_facts` from the section tree, and
segmenting plus extracting, min · median · max of the runs, in wall-clock and CPU time (on a
shared machine the CPU time is the steadier figure). Each is also a ratio to a baseline
measured in the same run: one regular-expression pass that splits the same text into sentences.

Run: `python bench/bench_facts.py [--runs 15]`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable

from common import SEEDS

from docdiff.facts.extract import extract_facts
from docdiff.ingest import read_document
from docdiff.segment import segment

BUDGET_MS = 100.0
_SENTENCES = re.compile(r"[^。！？；\n]*[。！？；\n]?")


def _runs(work: Callable[[], object], runs: int, clock: Callable[[], float]) -> list[float]:
    out = []
    for _ in range(runs):
        start = clock()
        work()
        out.append((clock() - start) * 1000)
    return out


def _line(name: str, wall: list[float], cpu: list[float], baseline: float) -> str:
    return (
        f"  {name:<18} wall min {min(wall):6.1f} · median {statistics.median(wall):6.1f} · max {max(wall):6.1f} ms;"
        f" CPU min {min(cpu):6.1f} ms = {min(cpu) / baseline:5.1f}x baseline"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each figure (≥ 5)")
    args = parser.parse_args()
    runs = max(5, args.runs)
    for name in ("national/2019.txt", "national/2021.txt"):
        measure(name, runs)


def measure(name: str, runs: int) -> None:
    """Print the figures of one report."""
    path = SEEDS / name
    doc = read_document(path)
    outline = segment(doc)
    extract_facts(doc, outline)  # warm-up: jieba's dictionary, cn2an, compiled patterns
    baseline = min(_runs(lambda: sum(1 for _ in _SENTENCES.finditer(doc.text)), runs, time.process_time))
    baseline = max(baseline, 1e-3)
    size = len(path.read_bytes())
    print(f"{name}: {size / 1000:.0f} KB, {len(doc.text):,} characters; {runs} runs after warm-up")
    print(f"  baseline (one regex sentence pass): CPU {baseline:.2f} ms")
    extract = (
        _runs(lambda: extract_facts(doc, outline), runs, time.perf_counter),
        _runs(lambda: extract_facts(doc, outline), runs, time.process_time),
    )
    both = (
        _runs(lambda: extract_facts(doc, segment(doc)), runs, time.perf_counter),
        _runs(lambda: extract_facts(doc, segment(doc)), runs, time.process_time),
    )
    print(_line("extract_facts", *extract, baseline))
    print(_line("segment + extract", *both, baseline))
    verdict = "within" if min(both[1]) < BUDGET_MS else "OVER"
    print(f"  segment + extract is {min(both[1]) / BUDGET_MS:.2f} of the {BUDGET_MS:.0f} ms budget ({verdict})")


if __name__ == "__main__":
    main()
