"""Helpers for the benchmark scripts: best-of-N timing and the seed paths."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PLAN = SEEDS / "2021-hongkou-14th-five-year-plan.txt"
REPORT_2025 = SEEDS / "2025-hongkou-gov-work-report.txt"
NEWS_2025 = SEEDS / "2025-hongkou-news-review.txt"
OUTLOOK_2024 = SEEDS / "2024-hongkou-news-outlook.txt"


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Fastest of `runs` timings of `work()`, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best
