"""Time the snapshot store (budgets: adding a 100 KB document and listing a series of 100
versions each under 0.3 s; blaming a 50 KB version against 10 earlier ones under 2 s).

Run: `python bench/bench_store.py`. Works in a temporary folder.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import PLAN, REPORT_2025, best_of
from synthetic import mutated

from docdiff.ingest import read_document
from docdiff.store.blame import blame
from docdiff.store.history import history
from docdiff.store.store import Store


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = Store(root / "store")
        plan_bytes = PLAN.read_bytes()
        copy_time = best_of(5, lambda: (root / "copy.txt").write_bytes(plan_bytes))
        counter = iter(range(10_000))
        add = best_of(5, lambda: store.add(PLAN, "plans", f"v{next(counter)}"))
        print(
            f"add a 94 KB document: {add * 1000:.1f} ms (budget 300 ms); writing its bytes once: "
            f"{copy_time * 1000:.2f} ms ({add / copy_time:.0f}x, for decoding, hashing, fsync and metadata)"
        )
        text = read_document(REPORT_2025).normalised
        for i in range(100):
            version = root / f"v{i:03d}.txt"
            version.write_text(mutated(text, seed=i, rate=0.02), encoding="utf-8")
            store.add(version, "reports", f"{2000 + i}", date=f"{2000 + i}")
        listing = best_of(5, lambda: store.snapshots("reports"))
        logged = best_of(3, lambda: history(store, "reports"))
        print(
            f"list a series of 100 versions: {listing * 1000:.1f} ms; `snap log` with change summaries: "
            f"{logged * 1000:.1f} ms (budget 300 ms)"
        )
        for i in range(11):
            version = root / f"b{i:02d}.txt"
            version.write_text(mutated(text, seed=1000 + i, rate=0.05), encoding="utf-8")
            store.add(version, "blamed", f"{2010 + i}", date=f"{2010 + i}")
        started = time.perf_counter()
        report = blame(store, "blamed@latest")
        seconds = time.perf_counter() - started
        new = report.shares[-1].share
        print(f"blame a 49 KB version against 10 earlier versions: {seconds:.2f} s (budget 2 s); {new:.1%} new text")


if __name__ == "__main__":
    main()
