"""Time `compare`, stage by stage, as documents grow; and its budgets against baselines in the same run.

- Growth: synthetic pairs (a text vs a mutated copy) from 0.25 to 8 MB; for each stage the
  exponent k of CPU time ∝ size^k (least squares over the sizes; n·log n is about 1.1): budget
  ≤ 1.25 on `distinct` text, as repetitive at every size as its seeds. `stacked` text (to 4 MB)
  is printed beside as the worst case, with no budget: its every passage recurs as often as
  the text is long, so the alike sections and repeats to report grow as the square of its size.
  CPU time, since on a shared machine the wall-clock is mostly other load; each stage's
  least time over `--growth-runs` rounds, each round over every size in turn (cold runs).
- The two largest Hongkou seeds compared in ≤ 1/100 of whole-document diff-match-patch with no
  timeout (one run of it, minutes; `--skip-baseline` leaves it out).
- A 1 MB synthetic pair in < 5 s (min of runs).
- A pair of real ~50 KB reports (State Council 2021 vs 2022) aligned in < 300 ms, in process.

Run: `python bench/bench_compare.py [--skip-baseline] [--max-mb 8] [--runs 5] [--growth-runs 2]`.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from common import SEEDS, best_of, forget_cached_results
from diff_match_patch import diff_match_patch
from synthetic import distinct, mutated, stacked

import docdiff.compare as compare_module
from docdiff.compare import compare_documents
from docdiff.flat import flatten
from docdiff.ingest import document_from_bytes, read_document
from docdiff.options import CompareOptions
from docdiff.segment import segment

# The functions `compare_documents` calls, by stage; whatever is left is building the model.
STAGES = {
    "segment": ["segment"],
    "flatten": ["flatten"],
    "align": ["align"],
    "diff": ["diff_bodies", "one_sided_units", "find_moves"],
    "facts": ["recurring_slogans", "extract_facts", "pair_facts"],
    "duplicates": ["duplicate_report"],
}
BUDGET_EXPONENT = 1.25


def _timed(name: str, work: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return work(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return wrapper


def staged_compare(old: Any, new: Any) -> dict[str, float]:
    """Seconds per stage of one `compare_documents` run (the functions it calls, timed in place)."""
    spent: dict[str, float] = defaultdict(float)
    originals = {}
    for stage, names in STAGES.items():
        for name in names:
            originals[name] = getattr(compare_module, name)
            setattr(compare_module, name, _timed(stage, originals[name], spent))
    try:
        start = time.process_time()
        compare_documents(old, new)
        total = time.process_time() - start
    finally:
        for name, work in originals.items():
            setattr(compare_module, name, work)
    spent["build"] = total - sum(spent.values())
    spent["total"] = total
    return dict(spent)


def whole_document_dmp(old: str, new: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds diff-match-patch takes over the whole normalised texts, with
    no timeout."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    start, cpu = time.perf_counter(), time.process_time()
    diffs = engine.diff_main(old, new)
    engine.diff_cleanupSemantic(diffs)
    return time.perf_counter() - start, time.process_time() - cpu


def _both(work: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one cold run of `work()`: nothing cached by an earlier run
    (the words of a text, the tags of a name) is reused."""
    forget_cached_results()
    start, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - start, time.process_time() - cpu


def _cold_pair(old: bytes, new: bytes) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one cold `compare_documents` of two texts read afresh (new
    documents, so nothing a document computed lazily in an earlier run is reused)."""
    a, b = document_from_bytes(old, "old"), document_from_bytes(new, "new")
    return _both(lambda: compare_documents(a, b))


def _slope(sizes: list[float], times: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


# The two synthetic series (see bench/synthetic.py): whose exponents are held to the budget.
SERIES: dict[str, tuple[Callable[[int], str], bool, str]] = {
    "distinct": (distinct, True, "seeds as parts, each part in its own alphabet, vs a mutated copy"),
    "stacked": (stacked, False, "seeds stacked, each passage repeated as often as the text is long, vs a mutated copy"),
}


def growth(max_mb: float, series: str = "distinct", runs: int = 1) -> None:
    make, budgeted, what = SERIES[series]
    # Warm-up: imports (scipy's solver, jieba's dictionary, wordfreq's list) load on first use and
    # would count in the smallest size only, lowering every exponent.
    warm = make(20_000).encode("utf-8")
    compare_documents(document_from_bytes(warm, "old"), document_from_bytes(warm, "new"))
    pairs: list[tuple[bytes, bytes]] = []
    size = 250_000
    while size <= max_mb * 1_000_000:
        text = make(size)
        pairs.append((text.encode("utf-8"), mutated(text, seed=size).encode("utf-8")))
        size *= 2
    rounds = f", min of {runs} rounds" if runs > 1 else ""
    print(f"{series} synthetic pairs ({what}), CPU seconds per stage{rounds}:")
    header = ["ingest", *STAGES, "build", "total"]
    print("   MB   " + "".join(f"{name:>11}" for name in header))
    sizes = [len(old) / 1e6 for old, _ in pairs]
    rows: list[dict[str, float]] = [defaultdict(lambda: math.inf) for _ in pairs]
    # Rounds go over every size in turn, so that a spell of load from other work on this shared
    # machine slows one run of each size, not every run of one size (which would bend the slope);
    # each stage keeps its least disturbed time. Every run is cold: fresh documents, no cache.
    for round_ in range(runs):
        for k, (old, new) in enumerate(pairs):
            forget_cached_results()
            start = time.process_time()
            a, b = document_from_bytes(old, "old"), document_from_bytes(new, "new")
            row = {"ingest": time.process_time() - start, **staged_compare(a, b)}
            for name, seconds in row.items():
                rows[k][name] = min(rows[k][name], seconds)
            if round_ == runs - 1:
                print(f"  {sizes[k]:5.2f} " + "".join(f"{rows[k].get(name, 0.0):11.2f}" for name in header), flush=True)
    if len(sizes) < 2:
        return
    budget = f"budget ≤ {BUDGET_EXPONENT}" if budgeted else "no budget: the output grows as the square of the size"
    print(f"  exponent k (time ∝ size^k, least squares over {sizes[0]:.2f}–{sizes[-1]:.2f} MB; {budget}):")
    for name in header:
        # A stage that stays under 50 ms at the largest size has nothing to grow into.
        times = [row.get(name, 0.0) for row in rows]
        if max(times) < 0.05:
            print(f"    {name:<11} under 50 ms throughout")
            continue
        k = _slope(sizes, times)
        over = budgeted and k > BUDGET_EXPONENT
        # Beside it, the growth from 1 MB up, where fixed costs and timer noise weigh least.
        upper = [(s, t) for s, t in zip(sizes, times, strict=True) if s >= 1.0]
        tail = f"   (from 1 MB: k = {_slope(*map(list, zip(*upper, strict=True))):4.2f})" if len(upper) >= 3 else ""
        print(f"    {name:<11} k = {k:4.2f}{'  OVER BUDGET' if over else ''}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-baseline", action="store_true", help="leave out whole-document diff-match-patch")
    parser.add_argument("--max-mb", type=float, default=8.0, help="largest synthetic pair, in MB")
    parser.add_argument("--stacked-max-mb", type=float, default=4.0, help="largest stacked pair, in MB (0: none)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each small timing")
    parser.add_argument("--growth-runs", type=int, default=2, help="rounds over the growth sizes (min per stage)")
    args = parser.parse_args()

    # The two largest Hongkou seeds (the five-year plan and the 2025 work report).
    largest = sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)[-2:]
    old, new = (read_document(p) for p in largest)
    compare_documents(old, new)  # warm-up: imports and dictionaries load on first use
    runs = [_both(lambda: compare_documents(old, new)) for _ in range(max(5, args.runs))]
    wall, cpu = [w for w, _ in runs], [c for _, c in runs]
    names = " vs ".join(p.relative_to(SEEDS).as_posix() for p in largest)
    print(
        f"two largest seeds ({names}): compare wall min {min(wall):.3f} · median {statistics.median(wall):.3f} · "
        f"max {max(wall):.3f} s; CPU min {min(cpu):.3f} · median {statistics.median(cpu):.3f} · max {max(cpu):.3f} s"
    )
    if not args.skip_baseline:
        base_wall, base_cpu = whole_document_dmp(old.normalised, new.normalised)
        # CPU time is the fairer figure on a shared machine: both are single runs of one process.
        ratio = min(cpu) / base_cpu
        print(
            f"  whole-document diff-match-patch, no timeout (one run): wall {base_wall:.1f} s, CPU {base_cpu:.1f} s; "
            f"compare is {ratio:.4f}x of it in CPU (min), {min(wall) / base_wall:.4f}x in wall-clock "
            f"(budget ≤ 0.01){' ok' if ratio <= 0.01 else '  OVER BUDGET'}"
        )

    options = CompareOptions().align
    r2021, r2022 = read_document(SEEDS / "national/2021.txt"), read_document(SEEDS / "national/2022.txt")
    o2021, o2022 = segment(r2021), segment(r2022)
    f2021, f2022 = flatten(r2021, o2021), flatten(r2022, o2022)
    aligns = [best_of(1, lambda: compare_module.align(r2021, f2021, r2022, f2022, options)) for _ in range(args.runs)]
    print(
        f"State Council reports 2021 vs 2022 (~50 KB each): align min {min(aligns) * 1000:.0f} · median "
        f"{statistics.median(aligns) * 1000:.0f} · max {max(aligns) * 1000:.0f} ms (budget < 300 ms)"
    )

    text = stacked(1_000_000)
    old_bytes, new_bytes = text.encode("utf-8"), mutated(text, seed=1_000_000).encode("utf-8")
    one_mb = [_cold_pair(old_bytes, new_bytes) for _ in range(max(2, args.runs // 2))]
    wall, cpu = [w for w, _ in one_mb], [c for _, c in one_mb]
    print(
        f"1 MB synthetic pair: compare wall min {min(wall):.2f} · median {statistics.median(wall):.2f} s; "
        f"CPU min {min(cpu):.2f} s (budget < 5 s){' ok' if min(cpu) < 5 else '  OVER BUDGET'}"
    )
    growth(args.max_mb, "distinct", args.growth_runs)
    if args.stacked_max_mb:
        growth(args.stacked_max_mb, "stacked", args.growth_runs)


if __name__ == "__main__":
    main()
