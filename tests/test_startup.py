"""Start-up: help and version load only the CLI shell; each command imports its core when it runs."""

from __future__ import annotations

import json
import subprocess
import sys

# The libraries the core needs to compare, and none of which printing help needs.
HEAVY = ("numpy", "scipy", "rapidfuzz", "cn2an", "diff_match_patch", "jieba", "textual", "dask")
COMMANDS = ["blame", "compare", "dupes", "facts", "sections", "tui", "snap", "snap add", "snap log"]

# Runs each argument list through the app in one fresh interpreter, then lists what was loaded.
_CHILD = """
import json, sys
from docdiff.cli.app import app
outputs = []
for argv in json.loads(sys.argv[1]):
    try:
        app(argv, prog_name="docdiff")
    except SystemExit as exit:
        outputs.append(exit.code)
print(json.dumps({"codes": outputs, "modules": sorted(sys.modules)}))
"""


def _loaded_by(argvs: list[list[str]]) -> tuple[list[object], set[str], str]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(argvs)], capture_output=True, text=True, check=True
    )
    last = result.stdout.strip().splitlines()[-1]
    report = json.loads(last)
    return report["codes"], set(report["modules"]), result.stdout


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_root_help_and_version_load_no_core() -> None:
    codes, modules, stdout = _loaded_by([["--help"], ["--version"]])
    assert codes == [0, 0]
    assert "compare" in stdout and "docdiff 0.1.0" in stdout
    assert _heavy(modules) == []
    # Not one pipeline module: only the CLI shell, the error types it catches and the sanitiser
    # its error lines pass through (regular expressions only).
    assert sorted(m for m in modules if m.startswith("docdiff.") and not m.startswith("docdiff.cli")) == [
        "docdiff.errors",
        "docdiff.report",
        "docdiff.report.safe",
    ]
    assert "rich" not in modules  # help is plain click output; rich is loaded when a command prints


def test_every_command_help_loads_no_core() -> None:
    codes, modules, stdout = _loaded_by([[*command.split(), "--help"] for command in COMMANDS])
    assert codes == [0] * len(COMMANDS)
    assert stdout.count("Usage: docdiff") == len(COMMANDS)
    assert _heavy(modules) == []
    assert "docdiff.models" not in modules and "docdiff.api" not in modules


def test_a_command_that_runs_loads_its_core() -> None:
    # The other side of the lazy imports: running `sections` really reaches the pipeline.
    from tests.conftest import REPORT_2025

    codes, modules, stdout = _loaded_by([["sections", str(REPORT_2025), "--depth", "1"]])
    assert codes == [0]
    assert "2024年工作回顾" in stdout
    assert {"docdiff.api", "docdiff.segment", "rich"} <= modules
