"""`docdiff compare` through the CLI: formats, exit codes, colour, bad input, golden files.

Golden files live in tests/golden/; after a reviewed change, regenerate them with
`UPDATE_GOLDEN=1 python -m pytest tests/test_cli_compare.py` and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from tests.conftest import SEEDS

ROOT = SEEDS.parent
GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()

PAIRS = {
    "outlook-2024-vs-report-2025": ("seeds/2024-hongkou-news-outlook.txt", "seeds/2025-hongkou-gov-work-report.txt"),
    "report-2025-vs-news-2025": ("seeds/2025-hongkou-gov-work-report.txt", "seeds/2025-hongkou-news-review.txt"),
}


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)


def check_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1 and review it"
    assert output == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PAIRS)
@pytest.mark.parametrize(
    ("flags", "suffix"), [(["--no-color"], "txt"), (["--format", "markdown"], "md"), (["--format", "json"], "json")]
)
def test_golden_reports(name: str, flags: list[str], suffix: str) -> None:
    old, new = PAIRS[name]
    result = runner.invoke(app, ["compare", old, new, *flags])
    assert result.exit_code == 1, result.output
    check_golden(f"{name}.{suffix}", result.stdout)


def test_json_is_the_only_thing_on_stdout() -> None:
    old, new = PAIRS["report-2025-vs-news-2025"]
    result = runner.invoke(app, ["compare", old, new, "--format", "json"])
    data = json.loads(result.stdout)
    assert data["schema"] == "docdiff.compare/1"
    assert set(data) >= {"schema", "old", "new", "sections", "summary"}
    assert data["old"]["title"] == "2025年上海市虹口区政府工作报告"
    section = data["sections"][0]
    assert set(section) >= {
        "status",
        "renamed",
        "moved",
        "changed",
        "heading_similarity",
        "content_similarity",
        "old",
        "new",
        "edits",
    }
    assert set(section["old"]) >= {"heading", "number_label", "level", "path", "span"}


def test_same_file_is_identical_and_exit_0() -> None:
    path = PAIRS["report-2025-vs-news-2025"][0]
    result = runner.invoke(app, ["compare", path, path])
    assert result.exit_code == 0
    assert "identical" in result.stdout
    result = runner.invoke(app, ["compare", path, path, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["identical"] is True


def test_colour_is_used_unless_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = PAIRS["report-2025-vs-news-2025"]
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = runner.invoke(app, ["compare", old, new]).stdout
    assert "\x1b[" in coloured
    assert "\x1b[" not in runner.invoke(app, ["compare", old, new, "--no-color"]).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = runner.invoke(app, ["compare", old, new]).stdout
    assert "\x1b[" not in plain and "[-35.7%-]{+35.46%+}" in plain


@pytest.mark.parametrize("bad", ["empty", "binary", "missing"])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, bad: str) -> None:
    path = tmp_path / f"{bad}.txt"
    if bad == "empty":
        path.write_bytes(b"")
    elif bad == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["compare", str(path), PAIRS["report-2025-vs-news-2025"][0]])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
