"""Time a 7-version timeline (Shanghai 2016-2018 then the State Council 2019-2022, one series
in date order): cold, and again from the in-run memo of comparisons; then the six comparisons
alone, the baseline the cold run is measured against. Also prints the lineage agreement of the
bundled State Council series with the composed alignment truth.

Run: `python bench/bench_timeline.py`. Works in a temporary store.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from common import SEEDS, best_of

from docdiff import api
from docdiff.store.store import Store
from docdiff.timeline.build import timeline
from docdiff.timeline.series import clear_memo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.timeline_truth import score_lineage

VERSIONS = [("shanghai", y) for y in ("2016", "2017", "2018")] + [
    ("national", y) for y in ("2019", "2020", "2021", "2022")
]


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store")
        for issuer, year in VERSIONS:
            store.add(SEEDS / issuer / f"{year}.txt", "reports", year, date=year)
        refs = [f"reports@{year}" for _, year in VERSIONS]
        # Best of two, alternating, so both see the same load on a shared machine.
        cold, compares = float("inf"), float("inf")
        for _ in range(2):
            clear_memo()
            cold = min(cold, timed(lambda: timeline("reports", store=store)))
            compares = min(compares, timed(lambda: [api.compare(a, b, store=store) for a, b in pairwise(refs)]))
        memo = best_of(3, lambda: timeline("reports", store=store))
    print(f"7-version timeline, cold: {cold:.2f} s ({cold / compares:.2f}x the 6 comparisons alone, {compares:.2f} s)")
    print(f"7-version timeline, from the in-run memo: {memo:.3f} s ({cold / memo:.0f}x faster than cold)")
    score = score_lineage(
        timeline("national-gwr", kinds=("section",), store=Store(SEEDS.parent / "snapshots")), "national"
    )
    print(
        f"section lineage national 2019→2022 vs composed truth: {score.agreed}/{score.headings} headings agree "
        f"({score.agreement:.3f}), mean Jaccard {score.jaccard:.3f}"
    )


if __name__ == "__main__":
    main()
