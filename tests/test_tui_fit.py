"""The review TUI as a new user meets it at 80×24: what the screen shows, search, the pair picker,
the remembered theme, and `docdiff tui`'s argument errors before the app starts."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Select, Static
from typer.testing import CliRunner

from docdiff.cli.app import app as cli
from docdiff.store.store import Store
from docdiff.tui.app import DocdiffApp
from docdiff.tui.find import MATCH_STYLE, find_all, fold
from docdiff.tui.screens.dialogs import HelpScreen
from docdiff.tui.screens.picker import PickerScreen
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.series import BUNDLED_STORE, check_sources, default_pair
from docdiff.tui.settings import SETTINGS_FILE, load_settings
from docdiff.tui.widgets.diff_view import DiffView
from docdiff.tui.widgets.facts_table import FactsTable, fit_columns
from tests.conftest import SEEDS
from tests.test_tui import drive

ROOT = SEEDS.parent
HONGKOU = (str(ROOT / "seeds/2024-hongkou-news-outlook.txt"), str(ROOT / "seeds/2025-hongkou-gov-work-report.txt"))
runner = CliRunner()


@pytest.fixture(autouse=True)
def _own_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Settings go to a temporary folder, never the user's."""
    folder = tmp_path / "config"
    monkeypatch.setenv("DOCDIFF_CONFIG_DIR", str(folder))
    return folder


def run(
    test: Callable[[DocdiffApp, Pilot[None]], Awaitable[None]],
    old: str | None = None,
    new: str | None = None,
    size: tuple[int, int] = (80, 24),
) -> DocdiffApp:
    """Run the app headless (default: the bundled store's newest pair), wait for the comparison, run `test`."""
    store = Store(BUNDLED_STORE)
    if old is None or new is None:
        old, new = default_pair(store)
    return drive(test, size, old, new, store)


def screen_lines(app: DocdiffApp) -> list[str]:
    """The terminal's text, line by line, as the screenshot shows it."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(match.group(2)), []).append((float(match.group(1)), html.unescape(match.group(3))))
    return ["".join(t for _, t in sorted(parts)).replace("\xa0", " ").rstrip() for _, parts in sorted(rows.items())]


def review(app: DocdiffApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def test_no_arguments_open_the_newest_pair_of_the_state_council_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")  # from any folder: the bundled store is found beside the package
    assert check_sources(None, None, Store(BUNDLED_STORE)) == ("national-gwr@2021", "national-gwr@2022")

    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        header = screen_lines(app)[0]
        assert "政府工作报告 (2021) → 政府工作报告 (2022)" in header
        assert review(app).comparison is not None and review(app).comparison.summary.statuses["matched"] > 20

    run(test)


def test_facts_at_80x24_show_metric_old_new_delta_and_section() -> None:
    assert list(fit_columns(78)) == ["status", "metric", "old value", "new value", "delta", "section"]
    assert list(fit_columns(64)) == ["metric", "old value", "new value", "delta", "section"]
    assert list(fit_columns(40)) == ["metric", "old value", "new value", "delta"]  # section drops last
    assert sum(width + 2 for width in fit_columns(78).values()) <= 78

    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        await pilot.press("2")
        await pilot.pause()
        lines = screen_lines(app)
        head = next(line for line in lines if "metric" in line)
        assert re.search(r"metric\s+old\s+new\s+Δ\s+section", head), head
        table = review(app).query_one(FactsTable)
        gdp = next(row for row in table.shown_cells() if row["metric"] == "国内生产总值")
        assert (gdp["old value"], gdp["new value"], gdp["delta"]) == ("100万亿元", "114万亿元", "+14万亿元")
        assert any("国内生产总值" in line and "114万亿元" in line and "+14万亿元" in line for line in lines)
        assert table.virtual_size.width <= table.size.width  # nothing to scroll sideways for

    run(test)


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"])
def test_footer_always_shows_quit_and_help(tab: str) -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        await pilot.press(tab)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert footer.startswith(" q Quit  ? Help"), footer
        assert "^p palette" in footer

    run(test)


def test_help_scrolls_at_80x24() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not any("command palette" in line for line in screen_lines(app))  # below the fold
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        assert any("command palette" in line for line in screen_lines(app))

    run(test)


def _highlighted(static: Static) -> list[str]:
    """The passages a widget shows in the search-match style."""
    from rich.table import Table
    from rich.text import Text

    body = getattr(static, "body", None) or static.render()
    texts = [cell for column in body.columns for cell in column.cells] if isinstance(body, Table) else [body]
    return [
        text.plain[span.start : span.end]
        for text in texts
        if isinstance(text, Text)
        for span in text.spans
        if str(span.style) == MATCH_STYLE
    ]


_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def test_search_folds_width_and_highlights_the_match_in_the_diff() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        screen = review(app)
        assert screen.comparison is not None and screen.new_doc is not None and screen.old_doc is not None
        # A number that changed, as it reads in the new text, found nowhere else in either version.
        passage = None
        for pair in screen.comparison.sections:
            for sentence in pair.sentences:
                new = "".join(p.text for p in sentence.pieces if p.op != "delete")
                number = re.search(r"\d{2,}(?:\.\d+)?%?", new)
                if number and sentence.kind == "changed":
                    window = new[max(0, number.start() - 4) : number.end() + 2]
                    if (
                        "\n" not in window
                        and screen.new_doc.text.count(window) == 1
                        and window not in screen.old_doc.text
                    ):
                        passage = window
                        break
            if passage:
                break
        assert passage is not None
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#query").value = passage.translate(_FULL_WIDTH)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        diff = screen.query_one(DiffView)
        row = diff.rows()[diff.current]
        assert passage in row.passage() and _highlighted(row) == [passage]

    run(test)


def test_search_finds_text_in_a_section_without_changes() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        screen = review(app)
        comparison, new = screen.comparison, screen.new_doc
        assert comparison is not None and new is not None
        changed = fold("".join(p.text for pair in comparison.sections for s in pair.sentences for p in s.pieces))
        found = None
        for index, pair in enumerate(comparison.sections):
            if pair.sentences or pair.new is None or pair.new.level == 0:
                continue
            text = new.text[pair.new.span[0] : pair.new.span[1]].strip()
            if len(text) > 1200:  # past what the pane shows at first
                passage = text[-40:-28]
                if new.text.count(passage) == 1 and fold(passage) not in changed and "\n" not in passage:
                    found = index, passage
                    break
        assert found is not None
        index, passage = found
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#query").value = passage  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.pair_index == index
        diff = screen.query_one(DiffView)
        assert [diff.below.plain[s.start : s.end] for s in diff.below.spans if str(s.style) == MATCH_STYLE] == [passage]
        body = screen.query_one("#diff-body", Static)
        shown = body.render_lines(Region(0, 0, body.region.width, min(body.region.height, diff.region.height)))
        assert passage in "".join(segment.text.strip() for line in shown for segment in line)  # within the pane

    run(test, *HONGKOU)


def test_fold_keeps_offsets() -> None:
    text = "增长９０％，ＧＤＰ达到１２０万亿元㈠"
    assert fold(text) == "增长90%,gdp达到120万亿元㈠" and len(fold(text)) == len(text)
    start, end = find_all(text, "120万亿")[0]
    assert text[start:end] == "１２０万亿"
    assert find_all(text, "gdp") == [(text.index("Ｇ"), text.index("Ｇ") + 3)]
    assert find_all(text, "") == []


def test_picker_returns_a_pair_and_opens_it() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        await pilot.press("o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.query_one("#series", Select).value == "national-gwr"
        assert (picker.query_one("#old", Select).value, picker.query_one("#new", Select).value) == ("2021", "2022")
        picker.query_one("#series", Select).value = "shanghai-gwr"
        await pilot.pause()
        assert picker.query_one("#new", Select).value == "2018"
        picker.query_one("#old", Select).value = "2016"
        await pilot.click("#open")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = review(app)
        assert (screen.old_source, screen.new_source) == ("shanghai-gwr@2016", "shanghai-gwr@2018")
        assert screen.comparison is not None and "(2016)" in screen_lines(app)[0]

    run(test)


def test_picker_refuses_the_same_version_twice() -> None:
    async def test(app: DocdiffApp, pilot: Pilot[None]) -> None:
        await pilot.press("o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        picker.query_one("#old", Select).value = "2022"
        await pilot.click("#open")
        await pilot.pause()
        assert app.screen is picker and any("two different versions" in line for line in screen_lines(app))
        await pilot.press("escape")
        await pilot.pause()
        assert review(app).old_source == "national-gwr@2021"

    run(test)


def test_theme_is_kept_between_runs(_own_config: Path) -> None:
    async def choose(app: DocdiffApp, pilot: Pilot[None]) -> None:
        assert app.theme != "nord"
        app.theme = "nord"
        await pilot.pause()

    run(choose)
    assert load_settings().theme == "nord" and (_own_config / SETTINGS_FILE).is_file()

    async def check(app: DocdiffApp, pilot: Pilot[None]) -> None:
        assert app.theme == "nord"

    run(check)


def test_tui_argument_errors_come_before_the_app(tmp_path: Path) -> None:
    report = str(ROOT / "seeds/national/2021.txt")
    for args, message in [
        ([str(tmp_path / "missing.txt"), report], "missing.txt: no such file"),
        ([str(tmp_path), report], "is a directory, expected a text file"),  # what every command says
        ([report], "give two versions (OLD NEW)"),
        ([report, "national-gwr@1999"], "no label '1999' in series 'national-gwr'"),
    ]:
        result = runner.invoke(cli, ["tui", *args, "--store", str(BUNDLED_STORE)])
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], result.stderr
