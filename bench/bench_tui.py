"""Time the review TUI (budgets: first screen with content within 1 s of process start for
the seed pair; moving between sections under 50 ms).

The first screen is timed cold (an empty analysis cache: read, segment and compare) and warm
(the comparison read back from the cache), five runs each. Run from any folder:
`python bench/bench_tui.py`. The baseline, measured in the same run, is starting a bare
Python interpreter.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OLD = SEEDS / "2024-hongkou-news-outlook.txt"
NEW = SEEDS / "2025-hongkou-gov-work-report.txt"
RUNS = 5

_CHILD = """
import asyncio, time, sys
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.review import ReviewScreen

async def main() -> None:
    app = DocdiffApp(sys.argv[1], sys.argv[2])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.comparison is not None
        print("ready", flush=True)
        if sys.argv[3] == "first":
            return
        moves, idle, moves_cpu, idle_cpu = [], [], [], []
        for key in ["right_square_bracket"] * 30 + ["left_square_bracket"] * 30:
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("x")  # an unbound key: what pressing and repainting costs by itself
            await pilot.pause()
            idle.append(time.perf_counter() - start)
            idle_cpu.append(time.process_time() - cpu)
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            moves.append(time.perf_counter() - start)
            moves_cpu.append(time.process_time() - cpu)
        handler = []
        for _ in range(10):
            start = time.perf_counter()
            await app.screen.action_next_section()
            handler.append(time.perf_counter() - start)
        for values in (moves, idle, moves_cpu, idle_cpu, handler):
            values.sort()
        print(
            f"moves {moves[30] * 1000:.1f} {idle[30] * 1000:.1f} {handler[5] * 1000:.1f} "
            f"{moves_cpu[30] * 1000:.1f} {idle_cpu[30] * 1000:.1f}",
            flush=True,
        )

asyncio.run(main())
"""


def _child(cache: str, mode: str) -> tuple[float, subprocess.Popen[str]]:
    """Start the app in a fresh interpreter; seconds until its first screen has content."""
    env = {**os.environ, "DOCDIFF_CACHE": cache}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(OLD), str(NEW), mode], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    ready_line = child.stdout.readline().strip()
    seconds = time.perf_counter() - start
    assert ready_line == "ready", ready_line
    return seconds, child


def _spread(values: list[float]) -> str:
    return f"min {min(values):.2f} / median {statistics.median(values):.2f} / max {max(values):.2f} s"


def main() -> None:
    bare: list[float] = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    cold: list[float] = []
    warm: list[float] = []
    with tempfile.TemporaryDirectory() as cache:
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as empty:
                seconds, child = _child(empty, "first")
                child.wait()
                cold.append(seconds)
        _child(cache, "first")[1].wait()  # fills the cache
        for _ in range(RUNS):
            seconds, child = _child(cache, "first")
            child.wait()
            warm.append(seconds)
        _, child = _child(cache, "moves")
        assert child.stdout is not None
        _, move, idle, handler, move_cpu, idle_cpu = child.stdout.readline().split()
        child.wait()
    base = statistics.median(bare)
    for name, values in (("cold cache", cold), ("warm cache", warm)):
        print(
            f"first screen with content, from process start, {name}: {_spread(values)} (budget 1 s); "
            f"{statistics.median(values) / base:.0f}x a bare Python start ({base:.2f} s)"
        )
    response = float(move) - float(idle)
    print(
        f"moving between sections ([ and ], 60 moves, medians): key to repainted screen {move} ms, an unbound "
        f"key {idle} ms, so the move itself {response:.1f} ms (budget 50 ms); docdiff's handler alone {handler} ms"
    )
    # On a machine shared with other work the wall clock mostly measures waiting for a core; the
    # CPU a move takes in this process does not.
    print(
        f"  CPU of this process per move, medians: {move_cpu} ms, an unbound key {idle_cpu} ms, so the move "
        f"itself {float(move_cpu) - float(idle_cpu):.1f} ms"
    )


if __name__ == "__main__":
    main()
