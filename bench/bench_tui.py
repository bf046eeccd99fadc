"""Time the review TUI (budgets: first screen with content under 1.5 s from process start for
the seed pair; moving between sections under 50 ms).

Run from any folder: `python bench/bench_tui.py` (the seeds are found beside this script). The
baselines, measured in the same run, are starting a bare Python interpreter and, for a move,
pressing an unbound key (what a key press and repaint cost by themselves). A move is timed in
wall-clock and in CPU time: on a shared machine the CPU time is the steadier figure.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import asyncio, time, sys
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.review import ReviewScreen

async def main() -> None:
    seeds = sys.argv[1] + "/seeds/"
    app = DocdiffApp(seeds + "2024-hongkou-news-outlook.txt", seeds + "2025-hongkou-gov-work-report.txt")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.comparison is not None
        print("ready", flush=True)
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
        for times in (moves, idle, moves_cpu, idle_cpu, handler):
            times.sort()
        print(
            f"moves {moves[30] * 1000:.1f} {idle[30] * 1000:.1f} {handler[5] * 1000:.1f} "
            f"{moves_cpu[30] * 1000:.1f} {idle_cpu[30] * 1000:.1f}",
            flush=True,
        )

asyncio.run(main())
"""


def main() -> None:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(ROOT)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    ready_line = child.stdout.readline().strip()
    first_screen = time.perf_counter() - start
    assert ready_line == "ready", ready_line
    _, move, idle, handler, move_cpu, idle_cpu = child.stdout.readline().split()
    child.wait()
    print(
        f"first screen with content, from process start: {first_screen:.2f} s (budget 1.5 s); "
        f"a bare Python start takes {bare:.2f} s ({first_screen / bare:.0f}x)"
    )
    response = float(move) - float(idle)
    print(
        f"moving between sections ([ and ], 60 moves, medians): key to repainted screen {move} ms, an unbound "
        f"key {idle} ms, so the move itself {response:.1f} ms (budget 50 ms); docdiff's handler alone {handler} ms"
    )
    move_ms, idle_ms = float(move_cpu), float(idle_cpu)
    print(
        f"the same in CPU time: a move {move_cpu} ms, an unbound key {idle_cpu} ms, so the move itself "
        f"{move_ms - idle_ms:.1f} ms (budget 50 ms; {move_ms / idle_ms:.1f}x an unbound key)"
    )


if __name__ == "__main__":
    main()
