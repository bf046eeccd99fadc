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


def forget_cached_results() -> None:
    """Clear every cache in `docdiff` that is keyed by its arguments (words of a text, a name's
    tags, a numeral's value), so that a timing repeated in one process measures a cold run.

    Caches of loaders without arguments (jieba's dictionary, wordfreq's list) are kept: a process
    loads them once, and the warm-up run has paid for them.
    """
    import inspect
    import sys

    for name, module in list(sys.modules.items()):
        if not (name == "docdiff" or name.startswith("docdiff.")):
            continue
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if clear is None or getattr(value, "__module__", None) != name:
                continue
            if inspect.signature(value).parameters:
                clear()
