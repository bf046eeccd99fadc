"""The review TUI driven with Pilot on the seeds, plus SVG snapshots of each tab and diff view.

Snapshots live in tests/__snapshots__/; after a reviewed change, regenerate them with
`python -m pytest tests/test_tui.py --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.table import Table
from rich.text import Text
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from docdiff.store.store import Store
from docdiff.tui.app import DocdiffApp
from docdiff.tui.screens.dialogs import ExportScreen, HelpScreen
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.widgets.diff_view import DiffView
from docdiff.tui.widgets.doc_header import DocHeader
from docdiff.tui.widgets.facts_table import FactsTable
from docdiff.tui.widgets.section_tree import SectionTree
from tests.conftest import SEEDS

ROOT = SEEDS.parent
OLD = "seeds/2024-hongkou-news-outlook.txt"
NEW = "seeds/2025-hongkou-gov-work-report.txt"


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("DOCDIFF_CONFIG_DIR", str(tmp_path / "config"))  # a saved theme must not reach the snapshots


def drive(
    test: Callable[[DocdiffApp, Pilot[None]], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
    old: str = OLD,
    new: str = NEW,
    store: Store | None = None,
) -> DocdiffApp:
    """Run the app headless on two versions, wait for the comparison, then run `test`."""
    app = DocdiffApp(old, new, store) if store is not None else DocdiffApp(old, new)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await test(app, pilot)

    asyncio.run(main())
    return app


def screen(app: DocdiffApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def text_of(widget: object) -> str:
    rendered = widget.render()  # type: ignore[attr-defined]
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def test_open_select_toggle_and_next_change() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        review = screen(app)
        header = text_of(review.query_one(DocHeader))
        assert "2025年上海市虹口区政府工作报告" in header and "89 added" in header
        diff = review.query_one(DiffView)
        assert review.pair_index is not None and diff.rows() and diff.current == 0
        first = review.pair_index
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert review.pair_index != first
        assert diff.pair is review.comparison.sections[review.pair_index]  # type: ignore[union-attr]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert review.pair_index == first
        assert diff.side_by_side and all(isinstance(row.body, Table) for row in diff.rows())
        await pilot.press("s")
        await pilot.pause()
        assert not diff.side_by_side and all(isinstance(row.body, Text) for row in diff.rows())
        await pilot.press("n")
        await pilot.pause()
        assert (review.pair_index, diff.current) != (first, 0)
        await pilot.press("p")
        await pilot.pause()
        assert (review.pair_index, diff.current) == (first, 0)

    drive(test)


def test_filter_facts_to_changed_targets_and_jump_to_the_diff() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        review = screen(app)
        await pilot.press("2")
        await pilot.pause()
        tabs = review.query_one(TabbedContent)
        assert tabs.active == "facts"
        table = review.query_one(FactsTable)
        await pilot.press("f")
        await pilot.press("k")
        await pilot.pause()
        assert (table.status_filter, table.kind_filter) == ("changed", "target")
        rows = table.shown_cells()
        assert rows and all(row["status"] == "changed" for row in rows)
        assert any(
            row["metric"] == "加装电梯" and row["old value"] == "140台" and row["new value"] == "155台" for row in rows
        )
        fact = table.selected_fact()
        assert fact is not None and fact.new is not None
        await pilot.press("enter")
        await pilot.pause()
        assert tabs.active == "sections"
        pair = review.comparison.sections[review.pair_index]  # type: ignore[union-attr,index]
        assert pair.new and pair.new.span[0] <= fact.new.span[0] < pair.new.span[1]

    drive(test)


def test_help_search_export_and_quit(tmp_path: Path) -> None:
    target = tmp_path / "report.md"

    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Next change" in str(app.screen.query_one("Static").render()) or app.screen.keys
        assert ("n", "Next change") in app.screen.keys
        await pilot.press("escape")
        await pilot.pause()
        review = screen(app)
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#query").value = "加装电梯155台"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "加装电梯155台" in review._section_text(review.pair_index)  # type: ignore[arg-type]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# docdiff")
        await pilot.press("q")
        await pilot.pause()

    app = drive(test)
    assert not app.is_running


def test_missing_file_shows_an_error_not_a_crash() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        header = text_of(screen(app).query_one(DocHeader))
        assert header.startswith("Cannot compare:") and "no such file" in header
        await pilot.press("n", "s", "f", "slash")  # nothing to browse: keys do nothing harmful
        await pilot.pause()

    drive(test, old="seeds/nope.txt")


def test_side_by_side_columns_fold_cjk_instead_of_cutting_it_off() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        diff = screen(app).query_one(DiffView)
        row = max(diff.rows(), key=lambda r: len(r.passage()))
        lines = row.render_lines(Region(0, 0, row.region.width, row.region.height))
        text = "".join("".join(segment.text for segment in line) for line in lines)
        assert "…" not in text and row.region.height > 1

    drive(test, size=(80, 24))


def test_long_cjk_sentence_wraps_without_cutting_characters() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        review = screen(app)
        await pilot.press("s")
        await pilot.pause()
        diff = review.query_one(DiffView)
        rows = diff.rows()
        longest = max(rows, key=lambda r: len(r.passage()))
        longest.set_class(False, "current")  # measure the plain row, without the highlight border
        await pilot.pause()
        region = Region(0, 0, longest.region.width, longest.region.height)
        assert len(longest.passage()) * 2 > region.width  # it has to wrap
        lines = longest.render_lines(region)
        assert all(line.cell_length <= region.width for line in lines)
        joined = "".join("".join(segment.text for segment in line).strip() for line in lines)
        plain = "".join(p.text for p in longest.change.pieces).replace("\n", "¶")
        assert joined[1:].lstrip() == plain  # after the mark: every character whole, none cut in half or lost

    drive(test, size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize(
    "keys",
    [(), ("s",), ("2",), ("2", "f", "k"), ("3",), ("4",), ("question_mark",)],
    ids=["sections-side-by-side", "sections-inline", "facts", "facts-changed-targets", "duplicates", "summary", "help"],
)
def test_screens_match_reviewed_snapshots(
    snap_compare: Callable[..., bool], keys: tuple[str, ...], size: tuple[int, int]
) -> None:
    async def wait(pilot: Pilot[None]) -> None:
        # Keys pressed before the comparison is on screen are lost (a cold first run loads slowly,
        # and its worker may not have started when the workers are first waited for).
        for _ in range(600):
            if isinstance(pilot.app.screen, ReviewScreen) and pilot.app.screen.comparison is not None:
                break
            await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(DocdiffApp(OLD, NEW), press=keys, terminal_size=size, run_before=wait)


def test_tree_lists_statuses() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        tree = screen(app).query_one(SectionTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0].startswith("~ （文首）")  # the front matter first
        assert any(label.startswith("− ") for label in labels)  # a dropped section, marked
        assert any(label.startswith("+ 一、2024年工作回顾") for label in labels)

    drive(test)


def test_long_unedited_section_shows_what_fits_until_a() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        review = screen(app)
        assert review.comparison is not None
        added = max(
            (i for i, p in enumerate(review.comparison.sections) if p.status == "added" and p.new and p.new.level == 1),
            key=lambda i: review.comparison.sections[i].new.span[1] - review.comparison.sections[i].new.span[0],  # type: ignore[union-attr,index]
        )
        await review.show_pair(added)
        await pilot.pause()
        body = review.query_one("#diff-body")
        assert "more characters (a: show all)" in text_of(body)
        await pilot.press("a")
        await pilot.pause()
        shown = text_of(body)
        assert "more characters" not in shown and len(shown) > 2000

    drive(test)
