"""The `docdiff` command through typer's CliRunner: output, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from docdiff.cli.app import app
from tests.conftest import NEWS_2025, PLAN, REPORT_2025

runner = CliRunner()


def test_sections_prints_the_tree() -> None:
    result = runner.invoke(app, ["sections", str(REPORT_2025)])
    assert result.exit_code == 0, result.output
    assert "2025年上海市虹口区政府工作报告" in result.stdout
    assert "L1 一、 2024年工作回顾" in result.stdout
    assert "L2 34. 财政四问" in result.stdout
    assert "投资促进成效显著" in result.stdout


def test_sections_reports_numbering_faults_on_stderr(tmp_path: Path) -> None:
    body = "推进各项工作落实，确保全年目标任务圆满完成，切实保障和改善民生。"
    text = f"一、主要任务\n\n{body}\n\n（二）第一项工作\n\n{body}\n\n（一）第二项工作\n\n{body}\n"
    path = tmp_path / "faulty.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["sections", str(path)])
    assert result.exit_code == 0
    assert "（二） 第一项工作" in result.stdout and "（一） 第二项工作" in result.stdout
    assert "docdiff: warning: numbering: （一） after （二） under 一、主要任务" in result.stderr
    data = json.loads(runner.invoke(app, ["sections", str(path), "--format", "json"]).stdout)
    assert data["warnings"] == ["（二） opens the run under 一、主要任务", "（一） after （二） under 一、主要任务"]


def test_sections_depth_limits_the_tree() -> None:
    result = runner.invoke(app, ["sections", str(PLAN), "--depth", "1"])
    assert result.exit_code == 0
    assert "十六、 强化规划实施保障机制" in result.stdout
    assert "L2" not in result.stdout


def test_sections_json_is_the_model() -> None:
    result = runner.invoke(app, ["sections", str(REPORT_2025), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "docdiff.sections/1"
    assert [c["heading"] for c in data["root"]["children"]] == [
        "2024年工作回顾",
        "2025年主要工作",
        "全面加强政府自身建设",
        "名词解释",
    ]
    start, end = data["root"]["children"][0]["heading_span"]
    assert REPORT_2025.read_text(encoding="utf-8")[start:end] == "一、2024年工作回顾"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "file is empty"),
        (lambda d: _write(d / "bin.dat", bytes(range(256)) * 8), "binary"),
        (lambda d: _write(d / "doc.pdf", b"%PDF-1.5\n..."), "PDF"),
    ],
    ids=["missing", "directory", "empty", "binary", "pdf"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(app, ["sections", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("docdiff: error:") and message in lines[0]
    assert "Traceback" not in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_gbk_file_reads(tmp_path: Path) -> None:
    path = _write(tmp_path / "gbk.txt", REPORT_2025.read_text(encoding="utf-8").encode("gbk"))
    result = runner.invoke(app, ["sections", str(path), "--depth", "1"])
    assert result.exit_code == 0
    assert "名词解释" in result.stdout


def test_every_command_has_help() -> None:
    group = typer.main.get_command(app)
    assert group.commands  # type: ignore[attr-defined]
    for name in group.commands:  # type: ignore[attr-defined]
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.stdout and len(result.stdout.strip()) > 50


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("docdiff ")


def test_facts_table_and_json() -> None:
    result = runner.invoke(app, ["facts", str(REPORT_2025), "--kind", "target"])
    assert result.exit_code == 0
    assert "加装电梯" in result.stdout and "175台" in result.stdout
    data = json.loads(runner.invoke(app, ["facts", str(PLAN), "--format", "json", "--kind", "project"]).stdout)
    assert data["schema"] == "docdiff.facts/1"
    assert data["facts"] and all(f["kind"] == "project" for f in data["facts"])
    assert {"北横通道（虹口段）", "上海文学馆"} <= {f["name"] for f in data["facts"]}


def test_compare_facts_only() -> None:
    result = runner.invoke(app, ["compare", str(REPORT_2025), str(NEWS_2025), "--facts-only", "--no-color"])
    assert result.exit_code == 1
    assert "实到外资  [-增长35.7%-] → {+增长35.46%+}  (Δ -0.24个百分点)  § 引资强磁场 彰显核心竞争力" in result.stdout
    assert "\n§ " not in result.stdout  # no per-section details (a fact's own `§ section` is inline)
