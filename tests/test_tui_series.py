"""The TUI's Series screen (`5`), driven with Pilot on the bundled store."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from docdiff.store.store import Store
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.screens.series import SeriesScreen

ROOT = Path(__file__).resolve().parent.parent


def drive(old: str, new: str, test: Callable[[DocdiffApp, Pilot[None]], Awaitable[None]]) -> None:
    app = DocdiffApp(old, new, Store(ROOT / "snapshots"))

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("5")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await test(app, pilot)

    asyncio.run(main())


def plain(widget: Static) -> str:
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def test_series_screen_shows_the_targets_and_charts_the_highlighted_one() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, SeriesScreen)
        assert "national-gwr: 4 versions, 2019–2022" in plain(app.screen.query_one("#series-title", Static))
        table = app.screen.query_one("#targets-table", DataTable)
        assert table.row_count >= 5
        chart = app.screen.query_one("#series-chart", Static)
        assert plain(chart).startswith("国内生产总值")
        await pilot.press("down")
        await pilot.pause()
        assert plain(chart).startswith("城镇新增就业")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)

    drive("national-gwr@2020", "national-gwr@2021", test)


def test_a_document_in_no_series_says_so(tmp_path: Path) -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, SeriesScreen)
        assert "No timeline" in plain(app.screen.query_one("#series-title", Static))

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、总体要求\n今年新增就业1100万人以上。\n", encoding="utf-8")
    new.write_text("一、总体要求\n今年新增就业1200万人以上。\n", encoding="utf-8")
    drive(str(old), str(new), test)
