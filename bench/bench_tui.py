"""Time the review TUI (budgets: first screen with content under 1.5 s from process start for
the seed pair; moving between sections under 50 ms).

Run from the repository root: `python bench/bench_tui.py`. The baseline, measured in the same
run, is starting a bare Python interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import time

_CHILD = """
import asyncio, time, sys
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.review import ReviewScreen

async def main() -> None:
    app = DocdiffApp("seeds/2024-hongkou-news-outlook.txt", "seeds/2025-hongkou-gov-work-report.txt")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.comparison is not None
        print("ready", flush=True)
        moves, idle = [], []
        for key in ["right_square_bracket"] * 30 + ["left_square_bracket"] * 30:
            start = time.perf_counter()
            await pilot.press("x")  # an unbound key: what pressing and repainting costs by itself
            await pilot.pause()
            idle.append(time.perf_counter() - start)
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            moves.append(time.perf_counter() - start)
        handler = []
        for _ in range(10):
            start = time.perf_counter()
            await app.screen.action_next_section()
            handler.append(time.perf_counter() - start)
        moves.sort()
        idle.sort()
        handler.sort()
        print(f"moves {moves[30] * 1000:.1f} {idle[30] * 1000:.1f} {handler[5] * 1000:.1f}", flush=True)

asyncio.run(main())
"""


def main() -> None:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    ready_line = child.stdout.readline().strip()
    first_screen = time.perf_counter() - start
    assert ready_line == "ready", ready_line
    _, move, idle, handler = child.stdout.readline().split()
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


if __name__ == "__main__":
    main()
