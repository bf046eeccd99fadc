"""Start-up of the `docdiff` command as a ratio to a bare `import typer` (budget ≤ 1.5×).

Each figure is the wall time of a fresh interpreter, min/median/max over the runs, the
baseline measured in the same run, interleaved with the commands so load hits both alike.

Run: `python bench/bench_startup.py [RUNS]` (default 7 runs).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from common import REPORT_2025

BUDGET = 1.5
_APP = "from docdiff.cli.app import app; app({argv!r}, prog_name='docdiff')"
BASELINE = [sys.executable, "-c", "import typer"]
# typer 0.29 builds a pydantic TypeAdapter per parameter to show a command's help: this bare
# two-option typer command's `--help` shows that cost, which no command of ours can avoid.
_TYPER_COMMAND = (
    "import typer\n"
    "def run(path: str, fast: bool = typer.Option(False, help='x'), n: int = typer.Option(1, help='y')) -> None:\n"
    "    pass\n"
    "app = typer.Typer()\n"
    "app.command()(run)\n"
    "app.command('other')(run)\n"
    "app(['run', '--help'])\n"
)
COMMANDS = {
    "docdiff --help": ["--help"],
    "docdiff --version": ["--version"],
    "docdiff compare --help": ["compare", "--help"],
    "docdiff dupes --help": ["dupes", "--help"],
}


def _seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _spread(values: list[float]) -> str:
    return f"min {min(values):.2f} · median {statistics.median(values):.2f} · max {max(values):.2f}"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    commands = {name: [sys.executable, "-c", _APP.format(argv=argv)] for name, argv in COMMANDS.items()}
    commands["(bare typer app) CMD --help"] = [sys.executable, "-c", _TYPER_COMMAND]
    # For scale: a command that runs reads the core (and pays its imports) on top of the shell.
    commands["docdiff sections FILE"] = [sys.executable, "-c", _APP.format(argv=["sections", str(REPORT_2025)])]
    base: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in commands}
    _seconds(BASELINE)  # warm the file cache once
    for _ in range(runs):
        base.append(_seconds(BASELINE))
        for name, argv in commands.items():
            times[name].append(_seconds(argv))
    baseline = statistics.median(base)
    print(f"python -c 'import typer': {baseline * 1000:.0f} ms median over {runs} runs (the baseline)")
    for name, values in times.items():
        ratios = [v / baseline for v in values]
        budget = f" (budget ≤ {BUDGET}×)" if name in ("docdiff --help", "docdiff --version") else ""
        verdict = "" if not budget else (" ok" if statistics.median(ratios) <= BUDGET else " OVER BUDGET")
        print(f"  {name:<28} {_spread(ratios)} × baseline{budget}{verdict}")


if __name__ == "__main__":
    main()
