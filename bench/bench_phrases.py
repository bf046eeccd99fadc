"""Time of facts extraction with unquoted formulations against without, on the State Council
2019 report (61 KB) compared with 2020, in process after warm-up.

Run: `python bench/bench_phrases.py`. Prints milliseconds per extraction and the ratio to the
baseline (extraction without the other version, so without formulations) measured in this run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docdiff.facts.extract import extract_facts  # noqa: E402
from docdiff.facts.formulations import forget_words  # noqa: E402
from docdiff.flat import flatten  # noqa: E402
from docdiff.ingest import read_document  # noqa: E402
from docdiff.segment import segment  # noqa: E402

ROUNDS = 5


def main() -> None:
    old = read_document(ROOT / "seeds" / "national" / "2019.txt")
    new = read_document(ROOT / "seeds" / "national" / "2020.txt")
    outline = segment(old)
    flat = flatten(old, outline)
    start = time.perf_counter()
    extract_facts(old, outline, None, flat, new)
    print(f"warm-up (jieba-rs dictionary, wordfreq list, first run): {1000 * (time.perf_counter() - start):.0f} ms")

    def timed(other: object, cold_tokens: bool) -> float:
        best = float("inf")
        for _ in range(ROUNDS):
            if cold_tokens:
                forget_words()  # segment both texts again, as for a new pair
            start = time.perf_counter()
            extract_facts(old, outline, None, flat, other)  # type: ignore[arg-type]
            best = min(best, time.perf_counter() - start)
        return 1000 * best

    base = timed(None, False)
    cold = timed(new, True)
    warm = timed(new, False)
    size = (ROOT / "seeds" / "national" / "2019.txt").stat().st_size // 1024
    print(f"{len(old.normalised)} characters ({size} KB), best of {ROUNDS}")
    print(f"facts without formulations   {base:7.1f} ms  (baseline)")
    print(f"facts with formulations      {cold:7.1f} ms  ratio {cold / base:.2f}  (both texts segmented anew)")
    print(f"  segmentation cached        {warm:7.1f} ms  ratio {warm / base:.2f}  (the second side of a pair)")


if __name__ == "__main__":
    main()
