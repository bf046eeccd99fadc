"""A TUI reopened on a pair it has shown starts from the cache: no pipeline, numpy or scipy loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docdiff.cache.analysis import Cache, load_document
from tests.conftest import SEEDS

OLD = str(SEEDS / "2024-hongkou-news-outlook.txt")
NEW = str(SEEDS / "2025-hongkou-gov-work-report.txt")
# What only computing a comparison needs (the cache holds the result).
PIPELINE = ("numpy", "scipy", "rapidfuzz", "diff_match_patch", "docdiff.compare", "docdiff.segment", "docdiff.api")

# The app headless on the pair until its first screen has content, then what was loaded.
_APP = """
import asyncio, json, sys
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.widgets.doc_header import DocHeader

async def main() -> str:
    app = DocdiffApp(sys.argv[1], sys.argv[2])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.comparison is not None
        return str(app.screen.query_one(DocHeader).render())

header = asyncio.run(main())
print(json.dumps({"header": header, "modules": sorted(sys.modules)}))
"""

# `docdiff tui OLD NEW` up to the point where the app would take over the terminal.
_CLI = """
import json, sys
import docdiff.tui.app
docdiff.tui.app.DocdiffApp.run = lambda self, *args, **kwargs: None
from docdiff.cli.app import app
try:
    app(["tui", sys.argv[1], sys.argv[2]], prog_name="docdiff")
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _run(script: str, cache: Path, tmp_path: Path) -> dict[str, object]:
    env = {**os.environ, "DOCDIFF_CACHE": str(cache), "DOCDIFF_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", script, OLD, NEW], capture_output=True, text=True, check=True, env=env
    )
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def _pipeline(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return sorted(m for m in modules if m in PIPELINE or m.split(".")[0] in PIPELINE)


def test_a_cached_pair_opens_without_the_pipeline(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    comparison = cache.comparison(load_document(OLD, cache=cache), load_document(NEW, cache=cache))
    shown = _run(_APP, tmp_path / "cache", tmp_path)
    assert comparison.new.title and comparison.new.title in str(shown["header"])
    assert _pipeline(shown["modules"]) == []
    launched = _run(_CLI, tmp_path / "cache", tmp_path)
    assert launched["code"] in (None, 0)
    assert _pipeline(launched["modules"]) == []


def test_an_uncached_pair_is_compared(tmp_path: Path) -> None:
    # The other side: with an empty cache the worker runs the pipeline and the screen still fills.
    shown = _run(_APP, tmp_path / "empty", tmp_path)
    assert "docdiff.compare" in _pipeline(shown["modules"])
    assert "2025年上海市虹口区政府工作报告" in str(shown["header"])
