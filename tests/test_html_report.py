"""The HTML report in a real browser: headless Chromium from Debian's packages, driven by playwright.

The browser is the system's `/usr/bin/chromium` (`.ci/run` installs it); playwright's own
browser downloads are never used. A missing browser fails the tests rather than skipping them,
so CI cannot pass without having run them. Screenshots go to tests/artifacts/screenshots/
(ignored by git), printed for review.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from typer.testing import CliRunner

from docdiff import api
from docdiff.cli.app import app
from docdiff.comparison import Comparison
from docdiff.report.html import render_html
from tests.conftest import SEEDS

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def national() -> Comparison:
    return api.compare(SEEDS / "national" / "2020.txt", SEEDS / "national" / "2021.txt")


@pytest.fixture(scope="module")
def report(national: Comparison, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(national), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists() or shutil.which("chromium"), (
        "Chromium is missing: apt-get install -y chromium (.ci/run does this)"
    )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def open_page(browser: Browser, path: Path, width: int, height: int = 900) -> tuple[Page, list[str]]:
    """A page at `width` px showing the report, with every console error and page error collected."""
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A self-contained page asks for nothing: any request but the file itself is a failure.
    page.route(
        re.compile(r"^(?!file:).*"), lambda route: (errors.append(f"request {route.request.url}"), route.abort())
    )
    page.goto(path.as_uri())
    return page, errors


def in_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    viewport = page.viewport_size
    assert viewport is not None
    return box is not None and box["height"] > 0 and box["y"] < viewport["height"] and box["y"] + box["height"] > 0


def test_the_file_asks_for_nothing_outside_itself(national: Comparison) -> None:
    html = render_html(national)
    assert "<script src" not in html and "<link" not in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", html)


@pytest.mark.parametrize("width", [1280, 390])
def test_summary_and_redline_show_at_each_width(browser: Browser, report: Path, width: int) -> None:
    page, errors = open_page(browser, report, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    top = SCREENSHOTS / f"national-2020-2021-{width}-summary.png"
    page.screenshot(path=str(top))
    assert in_viewport(page, "#summary")
    assert "Sections" in page.locator("#summary").inner_text()
    page.locator("#redline .sentence.changed").first.scroll_into_view_if_needed()
    redline = SCREENSHOTS / f"national-2020-2021-{width}-redline.png"
    page.screenshot(path=str(redline))
    assert in_viewport(page, "#redline .sentence.changed")
    first = page.locator("#redline .sentence.changed").first
    assert first.locator("del").count() + first.locator("ins").count() > 0
    # Nothing is wider than the window: the page never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    print(f"screenshots: {top} {redline}")
    assert errors == []
    page.close()


def test_filtering_targets_to_changed_ones(browser: Browser, report: Path, national: Comparison) -> None:
    page, errors = open_page(browser, report, 1280)
    rows = page.locator("#targets tbody tr")
    total = sum(1 for f in national.facts if f.kind == "target")
    changed = sum(1 for f in national.facts if f.kind == "target" and f.status == "changed")
    assert rows.count() == total and 0 < changed < total
    page.select_option("#targets select.status", "changed")
    assert page.locator("#targets tbody tr:visible").count() == changed
    assert page.locator("#targets .count").inner_text() == f"{changed} of {total} rows"
    assert all(
        text == "changed" for text in page.locator("#targets tbody tr:visible td:nth-child(2)").all_inner_texts()
    )
    # Every in-page link reaches an element, and most facts have a sentence to go to.
    broken = page.evaluate(
        "Array.from(document.querySelectorAll('a[href^=\"#\"]')).filter(a => !document.getElementById(a.hash.slice(1))).length"
    )
    assert broken == 0
    linked = page.locator("#targets tbody tr a.fact-link").count()
    assert linked >= total * 0.8, (linked, total)
    page.fill("#targets input.filter", "国内生产总值")
    narrowed = page.locator("#targets tbody tr:visible").count()
    assert 0 < narrowed < changed
    assert errors == []
    page.close()


def test_clicking_a_changed_target_scrolls_to_its_sentence(browser: Browser, report: Path) -> None:
    page, errors = open_page(browser, report, 1280)
    page.select_option("#targets select.status", "changed")
    link = page.locator("#targets tbody tr:visible a.fact-link").first
    metric = link.inner_text()
    anchor = link.get_attribute("href")
    assert anchor is not None and re.fullmatch(r"#s-\d+-\d+", anchor)
    assert not in_viewport(page, anchor)
    link.click()
    page.wait_for_function(f"location.hash === '{anchor}'")
    assert in_viewport(page, anchor)
    # The sentence reached names what the row names.
    assert metric[:2] in page.locator(anchor).inner_text()
    assert errors == []
    page.close()


HOSTILE = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
LINK = '<a href="javascript:window.__pwned=3">点此</a>'


def test_markup_in_a_document_is_shown_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("一、总体要求\n全年地区生产总值增长6%左右。\n二、重点工作\n推进城市更新。\n", encoding="utf-8")
    new.write_text(
        f"一、总体要求\n全年地区生产总值增长5.5%左右。{HOSTILE}\n二、重点工作\n推进城市更新。{IMAGE}\n"
        f"三、新的部分{LINK}\n这是新增的内容{HOSTILE}，还有{IMAGE}。\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["compare", str(old), str(new), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert HOSTILE not in html and "<img" not in html and 'href="javascript' not in html
    page, errors = open_page(browser, out, 1280)
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img").count() == 0
    assert all(not (a.get_attribute("href") or "#").startswith("javascript") for a in page.locator("a").all())
    # The added section's full text is there, markup and all, as text.
    added = page.locator("#one-sided").inner_text()
    assert HOSTILE in added and IMAGE in added and LINK in added and "这是新增的内容" in added
    assert errors == []
    page.close()
