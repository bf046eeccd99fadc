"""Peak memory (resident set) of `compare` on a 4 MB pair (budget < 1 GB) and of `dupes` over
a folder of 5,000 documents of 30 KB (budget < 2 GB), each in a fresh interpreter.

Each figure is also given as a ratio to a baseline run in the same way in the same run: a
process that only reads the same documents (the text itself and the interpreter).

Run: `python bench/bench_memory.py [--mb 4] [--docs 5000]`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent

_PRELUDE = f"""
import json, resource, sys
sys.path.insert(0, {str(BENCH)!r})
"""
_PAIR = """
from synthetic import mutated, stacked
from docdiff.ingest import document_from_bytes
size = int(float(sys.argv[1]) * 1_000_000)
text = stacked(size)
old = document_from_bytes(text.encode("utf-8"), "old")
new = document_from_bytes(mutated(text, seed=size).encode("utf-8"), "new")
"""
_COMPARE = "from docdiff.compare import compare_documents\nresult = compare_documents(old, new)\n"
_FOLDER = """
from docdiff import api
files = api.text_files([sys.argv[1]])
docs = [api.load(f) for f in files]
"""
_DUPES = "del docs\nreport = api.dupes([sys.argv[1]])\n"
_PEAK = 'print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n'


def _peak(code: str, argument: str) -> float:
    """Peak resident MB of a fresh interpreter running `code`."""
    done = subprocess.run(
        [sys.executable, "-c", _PRELUDE + code + _PEAK, argument], capture_output=True, text=True, check=True
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1])["peak_mb"])


def _corpus(folder: Path, count: int) -> None:
    from bench_dupes import corpus

    docs, _ = corpus(count, 30_000, seed=13)
    print(f"  (wrote {count:,} documents, {sum(len(d.encode()) for d in docs) / 1e6:,.0f} MB)", flush=True)
    for index, text in enumerate(docs):
        (folder / f"doc{index:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=4.0, help="size of the compared pair, MB (0: skip)")
    parser.add_argument("--docs", type=int, default=5000, help="documents of 30 KB for dupes (0: skip)")
    args = parser.parse_args()

    if args.mb:
        base = _peak(_PAIR, str(args.mb))
        peak = _peak(_PAIR + _COMPARE, str(args.mb))
        verdict = "ok" if peak < 1024 else "OVER BUDGET"
        print(f"compare, {args.mb:g} MB pair: peak {peak:,.0f} MB (budget < 1,024 MB) {verdict}")
        print(f"  baseline (reading the pair only): {base:,.0f} MB; compare is {peak / base:.1f}x of it")
    if args.docs:
        with tempfile.TemporaryDirectory(prefix="docdiff-bench-") as name:
            _corpus(Path(name), args.docs)
            base = _peak(_FOLDER, name)
            peak = _peak(_FOLDER + _DUPES, name)
        verdict = "ok" if peak < 2048 else "OVER BUDGET"
        print(f"dupes, {args.docs:,} documents of 30 KB: peak {peak:,.0f} MB (budget < 2,048 MB) {verdict}")
        print(f"  baseline (reading the documents only): {base:,.0f} MB; dupes is {peak / base:.1f}x of it")


if __name__ == "__main__":
    main()
