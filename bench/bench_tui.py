"""Time the review TUI (budgets: first screen with content within 1 s of process start for
the seed pair; moving between sections under 50 ms).

The first screen is timed cold (an empty analysis cache: read, segment and compare) and warm
(the comparison read back from the cache), at three moments: the first frame painted (for a
pair not cached, the loading screen naming its step), the first frame with the comparison on
it, and idle after it (every refresh the first screen asked for done: the
footer's keys, the tree's cursor). A section move is timed over 40 moves in each of several
fresh processes. Every figure is given as wall time and as the CPU time of the app's process
(on a machine shared with other work the wall clock mostly measures waiting for a core),
min/median/max over the runs. The baseline, measured in the same run, is starting a bare
Python interpreter.

Run from any folder: `python bench/bench_tui.py [RUNS]` (default 5). The children write
bytecode as an installed docdiff has it (PYTHONDONTWRITEBYTECODE is dropped for them), and a
first start before the timed ones compiles it.
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
MOVES = 20  # forward, then as many back

_CHILD = """
import asyncio, time, sys
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.review import ReviewScreen

def median(values):
    return sorted(values)[len(values) // 2]

async def main() -> None:
    app = DocdiffApp(sys.argv[1], sys.argv[2])
    frame = []
    display = app._display

    def first_frame(screen, update):
        # The first frame painted (a pair not cached: the loading screen naming its step), and the
        # first once the comparison is on the screen (headless: composed, not written).
        display(screen, update)
        if update is not None and len(frame) < 2 and isinstance(screen, ReviewScreen):
            if not frame or screen.comparison is not None:
                frame.append(f"{time.time():.4f} {time.process_time():.4f}")
            if len(frame) == 1 and screen.comparison is not None:
                frame.append(frame[0])

    app._display = first_frame
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.comparison is not None
        # Then idle: every refresh the first screen asked for is done. CPU is the whole process's
        # since it started (imports, the app, the worker thread); times are seconds since the epoch.
        print(f"ready {frame[0]} {frame[1]} {time.time():.4f} {time.process_time():.4f}", flush=True)
        if sys.argv[3] == "first":
            return
        moves, idle, moves_cpu, idle_cpu = [], [], [], []
        moves_n = int(sys.argv[4])
        for key in ["right_square_bracket"] * moves_n + ["left_square_bracket"] * moves_n:
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
        print(" ".join(f"{median(v) * 1000:.2f}" for v in (moves, idle, moves_cpu, idle_cpu)), flush=True)

asyncio.run(main())
"""


def _env(cache: str) -> dict[str, str]:
    env = {**os.environ, "DOCDIFF_CACHE": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(cache: str, mode: str) -> tuple[list[float], subprocess.Popen[str]]:
    """Start the app in a fresh interpreter; wall and CPU seconds from its start to the first frame
    with content, and to idle after it."""
    start = time.time()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(OLD), str(NEW), mode, str(MOVES)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(cache),
    )
    assert child.stdout is not None
    ready_line = child.stdout.readline().split()
    assert ready_line[:1] == ["ready"], ready_line
    any_at, any_cpu, frame_at, frame_cpu, idle_at, idle_cpu = (float(value) for value in ready_line[1:])
    return [any_at - start, any_cpu, frame_at - start, frame_cpu, idle_at - start, idle_cpu], child


def _spread(values: list[float], unit: str = "s") -> str:
    digits = 2 if unit == "s" else 1
    low, mid, high = (round(v, digits) for v in (min(values), statistics.median(values), max(values)))
    return f"min {low} / median {mid} / max {high} {unit}"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    bare: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    # cache → [any frame wall, CPU, content frame wall, CPU, idle wall, CPU] → one value a run
    first: dict[str, list[list[float]]] = {name: [[] for _ in range(6)] for name in ("cold cache", "warm cache")}
    move, idle, move_cpu, idle_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as cache:
        _child(cache, "first")[1].wait()  # compiles the bytecode and fills the cache
        for _ in range(runs):
            for name in first:
                with tempfile.TemporaryDirectory() as empty:
                    figures, child = _child(empty if name == "cold cache" else cache, "first")
                    child.wait()
                for values, figure in zip(first[name], figures, strict=True):
                    values.append(figure)
        for _ in range(runs):
            _, child = _child(cache, "moves")
            assert child.stdout is not None
            figures = [float(f) for f in child.stdout.readline().split()]
            child.wait()
            for values, figure in zip((move, idle, move_cpu, idle_cpu), figures, strict=True):
                values.append(figure)
    base = statistics.median(bare)
    print(f"{runs} runs each; baseline: a bare Python start, median {base:.2f} s wall")
    for name, (painted, painted_cpu, frame, frame_cpu, settled, settled_cpu) in first.items():
        print(f"first screen with content, from process start, {name} (budget 1 s):")
        loading = f"wall {_spread(painted)}; CPU {_spread(painted_cpu)}"
        print(f"  first frame painted (uncached: the loading screen): {loading}")
        print(
            f"  first frame showing the comparison: wall {_spread(frame)} ({statistics.median(frame) / base:.0f}x "
            f"the baseline); CPU {_spread(frame_cpu)}"
        )
        print(f"  idle after it (every refresh it asked for done): wall {_spread(settled)}; CPU {_spread(settled_cpu)}")
    itself = [m - i for m, i in zip(move, idle, strict=True)]
    itself_cpu = [m - i for m, i in zip(move_cpu, idle_cpu, strict=True)]
    print(f"moving between sections ([ and ], {2 * MOVES} moves a run, the medians of each run; budget 50 ms):")
    print(f"  key to repainted screen: wall {_spread(move, 'ms')}; CPU {_spread(move_cpu, 'ms')}")
    print(f"  an unbound key (pressing, repainting): wall {_spread(idle, 'ms')}; CPU {_spread(idle_cpu, 'ms')}")
    print(f"  so the move itself: wall {_spread(itself, 'ms')}; CPU {_spread(itself_cpu, 'ms')}")


if __name__ == "__main__":
    main()
