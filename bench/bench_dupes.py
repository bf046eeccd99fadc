"""Time duplicate detection (budgets: repeats in a 100 KB document < 0.1 s; reuse across 1,000
documents of 30 KB < 20 s and < 2 GB, growing no worse than n·log n, planted reuse all found;
the 1,000-document scan on 2 cores ≤ 0.6× its single-core time, min/median/max over `--runs`;
5,000 documents within 2 GB with `--memory`).

The parallel figure is printed beside a control measured in the same run: pure CPU work on
the same 2 processes, which shows how much of a second core the machine had to give.

Run: `python bench/bench_dupes.py [--max-docs N] [--runs N] [--memory]`.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from common import PLAN, SEEDS, best_of

from docdiff.duplicates.engine import engine
from docdiff.duplicates.hashing import codes, kgram_hashes
from docdiff.duplicates.repeats import find_repeats
from docdiff.duplicates.reuse import find_reuse
from docdiff.ingest import read_document
from docdiff.options import DuplicateOptions
from docdiff.segment import segment

_CJK = [chr(c) for c in range(0x4E00, 0x9FA5)]


def corpus(count: int, size_bytes: int, seed: int) -> tuple[list[str], list[tuple[int, int, str]]]:
    """`count` documents of about `size_bytes` (UTF-8) mutated from the seeds, all carrying the
    same boilerplate formulas, with reuse planted between random pairs; returns the plants too."""
    rng = random.Random(seed)
    sources = [read_document(p).normalised for p in sorted(SEEDS.glob("*.txt"))]
    paragraphs = [p for text in sources for p in text.split("\n") if len(p) > 40]
    boilerplate = [p for p in paragraphs if "习近平新时代中国特色社会主义思想" in p][:6]
    docs: list[str] = []
    for _ in range(count):
        parts = list(boilerplate)
        while sum(len(p) for p in parts) * 3 < size_bytes:
            paragraph = list(rng.choice(paragraphs))
            for i in range(len(paragraph)):  # mutate: a document of its own, not a seed's copy
                if rng.random() < 0.3:
                    paragraph[i] = rng.choice(_CJK)
            parts.append("".join(paragraph))
        rng.shuffle(parts)
        docs.append("\n".join(parts))
    plants: list[tuple[int, int, str]] = []
    for _ in range(count // 3):
        a, b = rng.sample(range(count), 2)
        length = rng.randint(60, 200)
        while True:  # a passage of the document's own (mutated) text, not of the shared boilerplate
            start = rng.randrange(0, len(docs[a]) - length)
            passage = docs[a][start : start + length]
            if not any(passage[:20] in formula for formula in boilerplate) and "\n" not in passage:
                break
        copy = list(passage)
        for _ in range(rng.randint(0, 2)):
            copy[rng.randrange(len(copy))] = rng.choice(_CJK)
        at = docs[b].rfind("\n", 0, rng.randrange(len(docs[b]))) + 1
        docs[b] = docs[b][:at] + "".join(copy) + "\n" + docs[b][at:]
        plants.append((a, b, passage))
    return docs, plants


def recovered(docs: list[str], plants: list[tuple[int, int, str]], found: list) -> int:  # type: ignore[type-arg]
    hits = 0
    for a, b, passage in plants:
        start = docs[a].find(passage)
        for shared in found:
            if {shared.a, shared.b} != {a, b}:
                continue
            block = shared.block
            lo, hi = (block.a_start, block.a_end) if shared.a == a else (block.b_start, block.b_end)
            if start >= 0 and min(hi, start + len(passage)) - max(lo, start) >= 0.8 * len(passage):
                hits += 1
                break
    return hits


def _spin(n: int) -> int:
    return sum(range(n))


def _control(jobs: int) -> float:
    """Seconds for four equal CPU-bound tasks on `jobs` processes (pool started beforehand)."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(abs, range(jobs)))
        start = time.perf_counter()
        list(pool.map(_spin, [5_000_000] * 4))
        return time.perf_counter() - start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _scan(docs: list[str], jobs: int) -> tuple[float, float, list]:  # type: ignore[type-arg]
    """Seconds of the scan, CPU seconds it took here and in its workers (user + sys), what it found."""
    workers_before = _children_cpu()
    with engine(jobs) as runner:
        runner.map(abs, range(runner.workers))  # start the workers before the clock
        start, cpu = time.perf_counter(), time.process_time()
        found = find_reuse(docs, DuplicateOptions(), engine=runner)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    # Workers' CPU is counted once they exit (when the pool closes); their start-up is a few ms.
    return seconds, cpu + _children_cpu() - workers_before, found


def parallel(count: int, runs: int) -> None:
    """The reuse scan on 1 and on 2 local processes, alternated, with the same results."""
    docs, _ = corpus(count, 30_000, seed=count)
    one: list[float] = []
    two: list[float] = []
    cpu_one: list[float] = []
    cpu_two: list[float] = []
    controls: list[float] = []
    for _ in range(runs):
        seconds, cpu, single = _scan(docs, 1)
        one.append(seconds)
        cpu_one.append(cpu)
        seconds, cpu, double = _scan(docs, 2)
        two.append(seconds)
        cpu_two.append(cpu)
        assert double == single, "the 2-process scan differs from the single-process one"
        controls.append(_control(2) / _control(1))
    ratios = sorted(b / a for a, b in zip(one, two, strict=True))
    print(
        f"  {count} docs × 30 KB on 2 processes / 1 process: min {ratios[0]:.2f} / median "
        f"{statistics.median(ratios):.2f} / max {ratios[-1]:.2f} (budget 0.60; single-process median "
        f"{statistics.median(one):.2f} s); same results; pure CPU control on this machine now: "
        f"median {statistics.median(controls):.2f} (0.50 is a free second core)"
    )
    # Wall time on a shared machine depends on the neighbours; CPU time does not: what the two
    # processes spent together against one (1.00 = no overhead from splitting the work).
    cpu_ratios = sorted(b / a for a, b in zip(cpu_one, cpu_two, strict=True))
    print(
        f"  CPU (user + sys, this process and its workers), 2 processes / 1: min {cpu_ratios[0]:.2f} / median "
        f"{statistics.median(cpu_ratios):.2f} / max {cpu_ratios[-1]:.2f} (single-process median "
        f"{statistics.median(cpu_one):.2f} s)"
    )


def memory(count: int) -> None:
    """Peak memory of a scan of `count` documents on every core (this process and its workers)."""
    docs, _ = corpus(count, 30_000, seed=count)
    seconds, _, found = _scan(docs, 0)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"  {count} docs × 30 KB on every core: {seconds:.1f} s, {len(found)} passages, peak memory "
        f"{own:.0f} MB here + {worker:.0f} MB the largest worker (budget 2 GB)"
    )


def main() -> None:
    options = DuplicateOptions()
    doc = read_document(PLAN)
    outline = segment(doc)
    baseline = best_of(5, lambda: kgram_hashes(codes(doc.normalised), 5))
    repeats = best_of(5, lambda: find_repeats(doc, outline, "plan", options))
    print(
        f"repeats inside the five-year plan ({len(doc.text):,} chars, 94 KB): {repeats * 1000:.1f} ms "
        f"(budget 100 ms); numpy k-gram hashing alone {baseline * 1000:.2f} ms ({repeats / baseline:.0f}x)"
    )
    largest = int(sys.argv[sys.argv.index("--max-docs") + 1]) if "--max-docs" in sys.argv else 1000
    previous = None
    sizes = [n for n in (125, 250, 500, 1000) if n <= largest]
    for count in sizes:
        docs, plants = corpus(count, 30_000, seed=count)
        start = time.perf_counter()
        found = find_reuse(docs, options)
        seconds = time.perf_counter() - start
        hits = recovered(docs, plants, found)
        megabytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        growth = f"  ×{seconds / previous:.2f} per doubling" if previous else ""
        print(
            f"  {count:5d} docs × 30 KB: {seconds:6.2f} s, planted reuse found {hits}/{len(plants)}, "
            f"{len(found)} passages, peak memory {megabytes:.0f} MB{growth}"
        )
        previous = seconds
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    parallel(largest, runs)
    if "--memory" in sys.argv:
        memory(5000)


if __name__ == "__main__":
    main()
