"""Time a 7-version timeline (Shanghai 2016-2018 then the State Council 2019-2022, one series
in date order), against a baseline measured in the same run: the six comparisons of
consecutive versions computed one after the other with no cache.

- cold: an empty cache, comparisons on one process (`--jobs 1`) and on two;
- warm: the comparisons, documents and facts read back from the store's cache, in this
  process (the in-run memo cleared) and as a new `docdiff timeline` process (what a user's
  second run costs, interpreter start and imports included).

Then the section lineage of the bundled State Council series 2019→2022 against the composed
alignment truth: composed from docdiff's comparisons, and from the truth's own pairwise
verdicts (which tests the composition alone), with the links of each year found.

Run: `python bench/bench_timeline.py`. Works in a temporary store.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from common import SEEDS

from docdiff.cache import Cache, load_document
from docdiff.cache.folder import STORE_FOLDER
from docdiff.store.store import Store
from docdiff.timeline.build import timeline
from docdiff.timeline.series import clear_memo, versions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.timeline_truth import score_lineage, score_steps, truth_lineage

VERSIONS = [("shanghai", y) for y in ("2016", "2017", "2018")] + [
    ("national", y) for y in ("2019", "2020", "2021", "2022")
]


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Timing:
    """Wall-clock seconds, and CPU seconds of this process and the processes it waited for (on a
    shared machine the wall clock counts the others' load; the CPU time does not)."""

    wall: float
    cpu: float

    def against(self, baseline: Timing) -> str:
        return (
            f"{self.wall:.2f} s wall, {self.cpu:.2f} s CPU "
            f"({self.wall / baseline.wall:.3f}x, CPU {self.cpu / baseline.cpu:.3f}x the baseline)"
        )


def timed(work: Callable[[], object], runs: int = 1) -> Timing:
    """The fastest of `runs` runs of `work()`, by wall clock and by CPU time."""
    best = Timing(float("inf"), float("inf"))
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu()
        work()
        best = Timing(min(best.wall, time.perf_counter() - wall), min(best.cpu, _cpu() - cpu))
    return best


def cold(store: Store, jobs: int) -> Timing:
    """A timeline with nothing cached: the store's analysis folder emptied, the memo cleared."""
    shutil.rmtree(store.root / STORE_FOLDER, ignore_errors=True)
    clear_memo()
    return timed(lambda: timeline("reports", store=store, jobs=jobs))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store")
        for issuer, year in VERSIONS:
            store.add(SEEDS / issuer / f"{year}.txt", "reports", year, date=year)
        documents = [load_document(f"reports@{year}", store, cache=Cache(None)) for _, year in VERSIONS]
        nothing = Cache(None)
        baseline = timed(lambda: [nothing.comparison(a, b) for a, b in pairwise(documents)])
        one, two = cold(store, 1), cold(store, 2)

        def warm() -> None:
            clear_memo()
            timeline("reports", store=store)

        in_process = timed(warm, runs=3)
        command = [str(Path(sys.executable).parent / "docdiff"), "timeline", "reports", "--store", str(store.root)]
        new_process = timed(lambda: subprocess.run([*command, "-f", "json"], check=True, capture_output=True), 2)
        startup = timed(lambda: subprocess.run([*command[:1], "--help"], check=True, capture_output=True), 2)
    print(
        f"baseline: the 6 comparisons alone, uncached, one after the other: {baseline.wall:.2f} s wall, "
        f"{baseline.cpu:.2f} s CPU"
    )
    print(f"7-version timeline, cold, --jobs 1: {one.against(baseline)}")
    print(f"7-version timeline, cold, --jobs 2: {two.against(baseline)}")
    print(f"7-version timeline, warm, in this process: {in_process.against(baseline)}")
    print(f"7-version timeline, warm, a new `docdiff timeline` process: {new_process.against(baseline)}")
    print(f"  (`docdiff --help` alone: {startup.wall:.2f} s wall, {startup.cpu:.2f} s CPU)")
    lineage()


def lineage() -> None:
    """The bundled State Council lineage against the composed truth, two ways."""
    store = Store(SEEDS.parent / "snapshots")
    own = timeline("national-gwr", kinds=("section",), store=store)
    documents = [v.document for v in versions(store, "national-gwr")]
    truth = truth_lineage("national", own, documents)
    for name, result in (("docdiff's comparisons", own), ("the truth's verdicts", truth)):
        score = score_lineage(result, "national")
        steps = score_steps(result, "national")
        found = ", ".join(f"{s.old}→{s.new} {s.agreed}/{s.truth} (+{len(s.extra)})" for s in steps)
        print(
            f"section lineage national 2019→2022 from {name}: {score.agreed}/{score.headings} headings agree "
            f"({score.agreement:.3f}), mean Jaccard {score.jaccard:.3f}; truth links found per year: {found}"
        )


if __name__ == "__main__":
    main()
