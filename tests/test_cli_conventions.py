"""CLI conventions: -h, completion, --color, the pager, store errors, and blame's near copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli import output
from docdiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = ROOT / "seeds" / "national" / "2021.txt", ROOT / "seeds" / "national" / "2022.txt"
STORE = ROOT / "snapshots"
runner = CliRunner()


@pytest.mark.parametrize("args", [["-h"], ["compare", "-h"], ["snap", "-h"], ["snap", "log", "-h"], ["blame", "-h"]])
def test_short_help_works_everywhere(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout and "--help" in result.stdout


def test_shell_completion_can_be_installed() -> None:
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["snap", "log", "UNKNOWN", "--store", str(STORE)], "no series 'UNKNOWN'"),
        (["snap", "log", "--store", "/missing"], "/missing: no such store folder"),
        (["blame", "national-gwr@2022", "--store", "/missing"], "no such store folder"),
        (["compare", str(OLD), str(NEW), "--store", "/missing"], "no such store folder"),
    ],
)
def test_unknown_series_and_missing_store_are_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"docdiff: error: {message}"] or message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_snap_log_of_a_known_series_still_lists_it() -> None:
    result = runner.invoke(app, ["snap", "log", "national-gwr", "--store", str(STORE), "--format", "json"])
    assert result.exit_code == 0
    assert {entry["snapshot"]["label"] for entry in json.loads(result.stdout)} == {"2019", "2020", "2021", "2022"}


def test_color_always_never_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    always = runner.invoke(app, ["compare", str(OLD), str(NEW), "--color", "always"])
    assert always.exit_code == 1 and "\x1b[" in always.stdout
    never = runner.invoke(app, ["compare", str(OLD), str(NEW), "--color", "never"])
    assert "\x1b[" not in never.stdout and "{+" in never.stdout and "[-" in never.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    auto = runner.invoke(app, ["compare", str(OLD), str(NEW)])
    assert "\x1b[" not in auto.stdout and "{+" in auto.stdout
    # always beats NO_COLOR: the user asked for it on this command line
    assert "\x1b[" in runner.invoke(app, ["compare", str(OLD), str(NEW), "--color", "always"]).stdout


def test_long_output_on_a_terminal_goes_through_the_pager(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    monkeypatch.setattr(output, "_terminal_height", lambda: 24)
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    result = runner.invoke(app, ["compare", str(OLD), str(NEW), "--color", "never"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "{+" in paged.read_text(encoding="utf-8") and paged.read_text(encoding="utf-8").count("\n") > 24
    paged.unlink()
    direct = runner.invoke(app, ["compare", str(OLD), str(NEW), "--color", "never", "--no-pager"])
    assert "{+" in direct.stdout and not paged.exists()


def test_short_output_and_pipes_are_never_paged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    monkeypatch.setattr(output, "_terminal_height", lambda: 24)
    output.page("one line\n")
    assert capsys.readouterr().out == "one line\n" and not paged.exists()
    monkeypatch.setattr(output, "_terminal_height", lambda: None)  # stdout is a pipe or a file
    output.page("x\n" * 100)
    assert capsys.readouterr().out == "x\n" * 100 and not paged.exists()
    assert output.DEFAULT_PAGER == "less -FRX"


def test_blame_marks_near_copies_and_shows_what_changed() -> None:
    result = runner.invoke(app, ["blame", "national-gwr@2022", "--store", str(STORE), "--color", "never"])
    assert result.exit_code == 0, result.output
    near = [line for line in result.stdout.splitlines() if "≈ │" in line]
    assert near and all("{+" in line or "[-" in line for line in near)
    assert any("居民消费价格上涨[-2-]{+0+}.9%。" in line for line in near)
    report = json.loads(
        runner.invoke(app, ["blame", "national-gwr@2022", "--store", str(STORE), "--format", "json"]).stdout
    )
    lines = report["lines"]
    copies = [line for line in lines if line["copied_from"] is not None]
    assert len(copies) == len(near)
    assert all(0 < line["similarity"] < 1 and line["copied_from"] != line["text"] for line in copies)
    assert all(line["copied_from"] is None for line in lines if line["similarity"] in (0.0, 1.0))
    assert f"Near copies {len(near)} sentences" in result.stdout
