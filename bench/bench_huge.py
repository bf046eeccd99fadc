"""Time `sections`, `facts` and `dupes` on huge generated inputs, as a user runs them.

Inputs (written to a temporary folder): 200,000 short lines (the bad-input matrix's
`many-lines`: a seed line's first 14 characters and a number), 200,000 short Chinese sentences
one a line, 200,000 numbered headings, one paragraph of 200,000 `；` items, one 2 MB line, and a
50 MB text (a seed repeated).
Each command runs as `docdiff --no-cache CMD FILE > /dev/null` (a file, as a pipe would: every
row, no pager). Bars (issue 16): `facts` and `dupes` on 200,000 lines in seconds, `sections`
on 50 MB well under a minute.

The baseline, measured in the same run, is the least any command must do with the file:
decode it and split it into sentences with one regular expression. Each command is printed in
seconds and as a ratio to that baseline for the same file, so runs on a loaded machine compare.
Run: `python bench/bench_huge.py` (about ten minutes), `--quick` for a tenth of each size.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import SEEDS

DOCDIFF = Path(sys.executable).with_name("docdiff")
LINES = 200_000
BIG_BYTES = 50_000_000


def inputs(folder: Path, scale: float) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """name → (file, commands to time on it)."""
    seed = [line for line in (SEEDS / "2024-hongkou-news-outlook.txt").read_text("utf-8").splitlines() if line.strip()]
    real = (SEEDS / "national" / "2021.txt").read_text(encoding="utf-8")
    sentences = [s + "。" for line in real.splitlines() for s in line.split("。") if 5 < len(s) < 40]
    count = int(LINES * scale)
    makers: dict[str, tuple[Callable[[], str], tuple[str, ...]]] = {
        "200k-lines": (
            lambda: "\n".join(f"{seed[i % len(seed)][:14]}{i}" for i in range(count)) + "\n",
            ("sections", "facts", "dupes"),
        ),
        "200k-sentences": (
            lambda: "\n".join(sentences[i % len(sentences)] for i in range(count)) + "\n",
            ("sections", "facts", "dupes"),
        ),
        "200k-headings": (lambda: "".join(f"{i}. 标题第{i}项\n" for i in range(1, count + 1)), ("sections", "facts")),
        # One paragraph of `；` items: each item's tense may come from the one before (linear).
        "200k-items": (
            lambda: "一、工作回顾\n\n去年新增企业5家；" + "".join(f"新建学校{i}所；" for i in range(count)) + "。\n",
            ("facts",),
        ),
        "2mb-line": (lambda: "推进北外滩开发建设，" * int(70_000 * scale) + "\n", ("sections", "facts", "dupes")),
        "50mb-text": (lambda: real * int(BIG_BYTES * scale // len(real.encode())), ("sections",)),
    }
    made = {}
    for name, (make, commands) in makers.items():
        path = folder / f"{name}.txt"
        path.write_text(make(), encoding="utf-8")
        made[name] = (path, commands)
    return made


def baseline(path: Path) -> float:
    """CPU seconds to decode the file and split it into sentences with one regex pass."""
    sentences = re.compile(r"[^。！？；\n]*[。！？；\n]?")
    start = time.process_time()
    text = path.read_bytes().decode("utf-8")
    sum(1 for _ in sentences.finditer(text))
    return time.process_time() - start


def run(command: str, path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `docdiff --no-cache COMMAND FILE` with stdout to /dev/null. On a
    shared machine the CPU seconds are the figure to read: the wall time counts the waiting."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [str(DOCDIFF), "--no-cache", command, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        print(f"    {command}: exit {done.returncode}: {done.stderr.decode()[:200]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    scale = 0.1 if "--quick" in sys.argv else 1.0
    with tempfile.TemporaryDirectory() as folder:
        for name, (path, commands) in inputs(Path(folder), scale).items():
            base = baseline(path)
            print(f"{name}: {path.stat().st_size:,} bytes; baseline (decode + one regex pass) {base:.3f} s")
            for command in commands:
                wall, cpu = run(command, path)
                print(f"  {command:<9} {cpu:7.2f} s CPU ({wall:6.2f} s wall)  {cpu / base:8.0f}x baseline")


if __name__ == "__main__":
    main()
