"""How the review screen gets its pair: a cached one on the spot, before the first frame; any
other in a worker that names each step on the loading screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from docdiff.tui.app import DocdiffApp
from docdiff.tui.pair import STEPS, cached_pair, compare_pair
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.widgets.doc_header import DocHeader
from docdiff.tui.widgets.footer import KeysFooter
from tests.conftest import SEEDS

OLD = str(SEEDS / "2024-hongkou-news-outlook.txt")
NEW = str(SEEDS / "2025-hongkou-gov-work-report.txt")


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOCDIFF_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DOCDIFF_CONFIG_DIR", str(tmp_path / "config"))


def test_a_pair_not_compared_before_is_compared_step_by_step() -> None:
    assert cached_pair(OLD, NEW, None) is None  # nothing is computed to answer
    steps: list[tuple[int, str]] = []
    ready = compare_pair(OLD, NEW, None, lambda step, name: steps.append((step, name)))
    assert [step for step, _ in steps] == list(range(len(STEPS)))
    assert steps[0][1] == "reading 2024-hongkou-news-outlook.txt"
    assert steps[3][1] == "segmenting 2025-hongkou-gov-work-report.txt"
    assert ready.comparison.new.title == "2025年上海市虹口区政府工作报告"
    # Now all three are cached: read on the spot, the same comparison; the worker only reads.
    cached = cached_pair(OLD, NEW, None)
    assert cached is not None and cached.comparison == ready.comparison
    assert cached.old.text == ready.old.text and cached.new.sha256 == ready.new.sha256
    again: list[int] = []
    compare_pair(OLD, NEW, None, lambda step, name: again.append(step))
    assert again == [0, 1]


def test_a_missing_file_is_left_to_the_worker(tmp_path: Path) -> None:
    assert cached_pair(str(tmp_path / "gone.txt"), NEW, None) is None
    assert cached_pair("no-such-series@2020", NEW, None) is None


def test_a_cached_pair_is_on_the_first_frame_without_a_worker() -> None:
    compare_pair(OLD, NEW, None, lambda step, name: None)

    async def run() -> tuple[bool, bool, int, str]:
        app = DocdiffApp(OLD, NEW)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            # Before any pause: set while the screen mounted, and no worker started (a running
            # worker is listed until it ends; an uncached pair takes seconds).
            shown, workers = screen.comparison is not None, len(app.workers)
            await pilot.pause()
            return shown, screen.query_one("#loading").display, workers, str(screen.query_one(DocHeader).render())

    shown, loading, workers, header = asyncio.run(run())
    assert shown and not loading and workers == 0
    assert "2025年上海市虹口区政府工作报告" in header


def test_the_loading_screen_names_the_step() -> None:
    seen: list[str] = []

    async def run() -> None:
        app = DocdiffApp(OLD, NEW)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            header = screen.query_one(DocHeader)
            while screen.comparison is None:
                seen.append(str(header.render()))
                await pilot.pause(0.05)

    asyncio.run(run())
    steps = [text for text in seen if "step " in text]
    assert steps, seen
    assert all(text.startswith(f"Comparing {OLD} → {NEW}") for text in steps)
    assert any("of 5: segmenting" in text or "of 5: comparing" in text for text in steps)


def test_the_footer_keeps_its_keys_while_they_stay_the_same() -> None:
    compare_pair(OLD, NEW, None, lambda step, name: None)

    async def run() -> tuple[list[str], list[str], bool]:
        app = DocdiffApp(OLD, NEW)
        async with app.run_test(size=(80, 24)) as pilot:
            footer = app.screen.query_one(KeysFooter)
            await pilot.pause()
            before = list(footer.query(FooterKey))
            shown = [f"{key.key_display} {key.description}" for key in before]
            await pilot.press("tab")  # focus moves to the facts table, then back: the same keys
            await pilot.press("1")
            await pilot.pause()
            after = list(footer.query(FooterKey))
            again = [f"{key.key_display} {key.description}" for key in after]
            return shown, again, all(a is b for a, b in zip(before, after, strict=True))

    shown, again, kept = asyncio.run(run())
    assert shown == again and kept  # not removed and mounted again on each change of focus
    assert shown[:2] == ["q Quit", "? Help"] and "] Next section" in shown
