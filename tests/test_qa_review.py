"""Defects a new user's review found, each pinned by a case that failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.compare import compare_documents
from docdiff.duplicates.models import Difference, DuplicateGroup, Occurrence
from docdiff.facts.tables import read_indicators
from docdiff.ingest import document_from_bytes
from docdiff.models import Document
from docdiff.normalise import normalise
from docdiff.report.markdown import render_markdown
from docdiff.report.view import duplicate_lines
from docdiff.store.store import Store
from docdiff.timeline.ledger import ledger_of, plan_targets
from docdiff.timeline.models import TimelineOptions
from tests.conftest import OUTLOOK_2024, REPORT_2025, SEEDS, seed_document

STORE = Store(SEEDS.parent / "snapshots")


def _doc(text: str, name: str) -> Document:
    return document_from_bytes(text.encode("utf-8"), name)


def test_section_statuses_count_the_sections_the_summary_counts() -> None:
    """Two sections a side, both kept: `old 2 · new 2 · 2 matched`, not `3 matched` (the root pair)."""
    old = "一、工作回顾\n\n全年加装电梯140台，完成旧住房修缮。\n\n二、主要工作\n\n今年加装电梯150台。\n"
    new = "一、工作回顾\n\n全年加装电梯155台，完成旧住房修缮。\n\n二、主要工作\n\n今年加装电梯160台。\n"
    summary = compare_documents(_doc(old, "old"), _doc(new, "new")).summary
    assert (summary.sections_old, summary.sections_new) == (2, 2)
    assert summary.statuses == {"matched": 2}


def test_section_statuses_leave_out_the_root_on_the_seeds() -> None:
    """On the Hongkou outlook → work report every status counted is a real section's pair."""
    comparison = compare_documents(seed_document(OUTLOOK_2024), seed_document(REPORT_2025))
    counted = [p for p in comparison.sections if (p.old or p.new).level > 0]  # type: ignore[union-attr]
    assert sum(comparison.summary.statuses.values()) == len(counted) == len(comparison.sections) - 1
    added = sum(1 for p in counted if p.status == "added")
    assert comparison.summary.statuses["added"] == added


def test_main_targets_stop_at_the_end_of_their_paragraph() -> None:
    """2021's targets paragraph ends before `经济增速是综合性指标，今年预期目标设定为6%以上`, which restates
    the GDP target: it is not a seventh main target (the ledger and the timeline showed it as a row)."""
    ledger = ledger_of("national-gwr@2021", "national-gwr@2022", STORE)
    assert [e.plan.metric for e in ledger.entries if e.main] == [
        "国内生产总值",
        "城镇新增就业",
        "城镇调查失业率",
        "居民消费价格涨幅",
        "单位国内生产总值能耗",
        "粮食产量",
    ]
    # The plans of the tasks that 2022's review reports a result for follow them.
    assert [(e.plan.metric, e.result and e.result.label, e.verdict) for e in ledger.entries if not e.main] == [
        ("大型商业银行普惠小微企业贷款", "40%", "met"),
        ("新开工改造城镇老旧小区", "5.6万个", "met"),
    ]


def test_a_targets_paragraph_followed_by_another_paragraph_with_a_figure() -> None:
    text = (
        "今年主要预期目标是：地区生产总值增长6%左右；城镇新增就业2万人以上。\n\n"
        "经济增速是综合性指标，预期目标设定为6%左右，考虑了各方面因素。\n"
    )
    document = _doc(text, "plan")
    plans = plan_targets(document, TimelineOptions())
    assert [(t.metric, t.value) for t in plans] == [("地区生产总值", 6.0), ("城镇新增就业", 2.0)]


def test_a_goal_a_colon_opens_is_the_targets_paragraph() -> None:
    """`今年经济社会发展的目标是：…` names no `主要`/`预期`: its list is the main targets all the same,
    not every plan of the report (the tasks' `600个` projects)."""
    text = (
        "二、2024年工作安排\n\n今年全市经济社会发展的目标是：地区生产总值增长5.5%左右，城镇新增就业16万人以上。\n\n"
        "（一）扩大需求\n\n全年安排市重点项目600个。\n"
    )
    plans = plan_targets(_doc(text, "plan"), TimelineOptions())
    assert [(t.metric, t.value) for t in plans] == [("地区生产总值", 5.5), ("城镇新增就业", 16.0)]
    earlier = "一、今后五年\n\n今后五年的主要目标，是全市生产总值年均增长6%。\n\n"
    tasks = _doc(earlier + text.replace("的目标是：", "的主要目标任务是："), "plan")
    assert [t.value for t in plan_targets(tasks, TimelineOptions())] == [5.5, 16.0]


PLAN, OUTCOME = SEEDS / "2021-hongkou-14th-five-year-plan.txt", SEEDS / "2025-hongkou-gov-work-report.txt"


@pytest.mark.parametrize(
    ("fmt", "expected"), [("markdown", "新增绿地面积"), ("json", '"docdiff.ledger/2"'), ("text", "新增绿地面积")]
)
def test_ledger_writes_the_file_it_is_given(tmp_path: Path, fmt: str, expected: str) -> None:
    """`--ledger -o FILE` wrote to stdout and left no file."""
    out = tmp_path / f"ledger.{fmt}"
    result = CliRunner().invoke(app, ["compare", str(PLAN), str(OUTCOME), "--ledger", "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert expected in out.read_text(encoding="utf-8")


def test_ledger_in_html_is_a_one_line_error() -> None:
    """`--ledger -f html` printed the terminal table as if html had been asked for."""
    result = CliRunner().invoke(app, ["compare", str(PLAN), str(OUTCOME), "--ledger", "-f", "html"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "docdiff: error: --ledger writes text, json or markdown, not html"


@pytest.mark.parametrize(
    ("cell", "value", "unit", "direction", "bound", "period"),
    [
        ("增长6%", 6.0, "%", "增长", None, None),  # was value None: a number nobody could compare
        ("年均下降15%", 15.0, "%", "下降", None, "年均"),
        ("6%以上", 6.0, "%", None, "以上", None),  # was unit `%以上`
        ("5.5%左右", 5.5, "%", None, "左右", None),  # was unit `%左右`
        ("高于全市1-3个百分点", 1.0, "个百分点", None, "高于", None),
        ("1500亿元", 1500.0, "亿元", None, None, None),
    ],
)
def test_indicator_cells_with_a_direction_or_a_bound(
    cell: str, value: float, unit: str, direction: str | None, bound: str | None, period: str | None
) -> None:
    (row,) = read_indicators((("指标", "单位", "目标值"), ("一般公共预算收入", "", cell)))
    assert (row.value, row.unit, row.direction, row.bound, row.period) == (value, unit, direction, bound, period)


def test_a_difference_of_a_space_is_visible_in_the_repeats() -> None:
    """The 2021 plan's title (`…发展 第十四个…` on the cover, without the space in the text) printed
    `[- -] → {+∅+}`: a deleted space that a reader cannot see."""
    copies = ("上海市虹口区国民经济和社会发展 第十四个五年规划", "国民经济和社会发展第十四个五年规划")
    group = DuplicateGroup(
        kind="repeat",
        text=copies[0],
        chars=len(copies[0]),
        similarity=0.9,
        occurrences=tuple(
            Occurrence(doc="plan.txt", span=(0, len(c)), section=(), line=n, text=c) for n, c in enumerate(copies, 1)
        ),
        differences=(Difference(old="上海市虹口区", new=""), Difference(old=" ", new=""), Difference(old="\t", new="")),
    )
    (differs,) = [line for line in duplicate_lines([group]) if line[0].text.strip() == "differs:"]
    assert [run.text for run in differs[1:] if run.style in ("del", "ins")] == ["上海市虹口区", "∅", "␣", "∅", "⇥", "∅"]


@pytest.mark.parametrize("date", ["2025-13-01", "2025-02-30", "2025-00", "2025\n"])
def test_snap_add_refuses_a_date_not_on_the_calendar(tmp_path: Path, date: str) -> None:
    """`--date 2025-13-01` was stored, though the help asks for YYYY-MM-DD."""
    result = CliRunner().invoke(
        app, ["snap", "add", str(OUTLOOK_2024), "-s", "press", "-l", "x", "--date", date, "--store", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("docdiff: error: date ") and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "series").exists() or not any((tmp_path / "series").rglob("*.json"))


@pytest.mark.parametrize("date", ["2024", "2024-02", "2024-02-29"])
def test_snap_add_keeps_real_dates(tmp_path: Path, date: str) -> None:
    result = CliRunner().invoke(
        app, ["snap", "add", str(OUTLOOK_2024), "-s", "press", "-l", "x", "--date", date, "--store", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    assert Store(tmp_path).get("press@x").date == date


def test_markdown_move_notes_render_as_emphasis() -> None:
    """`*  ← moved from …*` has a space after its opening `*`, so Markdown printed both asterisks."""
    from markdown_it import MarkdownIt

    comparison = compare_documents(seed_document(OUTLOOK_2024), seed_document(REPORT_2025))
    html = MarkdownIt("commonmark").render(render_markdown(comparison))
    assert "<em>← moved from" in html and "<em>→ moved to" in html
    assert "*  ←" not in html and "*  →" not in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sections", str(OUTLOOK_2024), "--depth", "0"], "Invalid value for '--depth'"),
        (["compare", str(OUTLOOK_2024)], "Missing argument 'new'"),
        (["facts", str(OUTLOOK_2024), "--kind", "foo"], "'foo' is not one of"),
        (["bogus"], "No such command 'bogus'"),
        (["--bogus", "sections"], "No such option: --bogus"),
        (["snap", "add", str(OUTLOOK_2024)], "Missing option '--series'"),
        (["snap", "bogus"], "No such command 'bogus'"),
    ],
)
def test_a_bad_command_line_is_one_error_line_and_exit_2(args: list[str], message: str) -> None:
    """click printed `Usage: …`, `Try …`, a blank line and `Error: …`: four lines, not docdiff's one."""
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("docdiff: error: ") and message in line and line.endswith(" -h')")
    assert "Usage:" not in result.stderr and result.stdout == ""


def test_help_and_a_bare_group_still_print_the_help() -> None:
    assert CliRunner().invoke(app, ["sections", "-h"]).stdout.startswith("Usage: docdiff sections")
    bare = CliRunner().invoke(app, ["snap"])
    assert "Usage: docdiff snap" in bare.output and "docdiff: error" not in bare.output


def test_one_snapshot_is_not_plural(tmp_path: Path) -> None:
    """`w: 1 snapshots` in `snap log` and `snap verify`."""
    store = ["--store", str(tmp_path)]
    assert CliRunner().invoke(app, ["snap", "add", str(OUTLOOK_2024), "-s", "w", "-l", "1", *store]).exit_code == 0
    log = CliRunner().invoke(app, ["snap", "log", "w", *store]).stdout
    assert "w: 1 snapshot" in log and "1 snapshots" not in log
    assert CliRunner().invoke(app, ["snap", "verify", *store]).stdout.strip().endswith(": 1 snapshot verified")


def test_a_web_address_keeps_its_colon_in_a_chinese_line() -> None:
    """`访问https://www.gov.cn了解` was shown as `https：//www.gov.cn` in every redline."""
    text = "详情访问https://www.gov.cn/zhengce了解，时间10:30，比例：1:2。"
    normalised, offsets = normalise(text)
    assert "https://www.gov.cn/zhengce" in normalised
    assert "，比例：" in normalised and "10:30" in normalised  # the other rules still apply
    assert len(offsets) == len(normalised)


def test_compare_facts_only_in_markdown_is_only_the_facts() -> None:
    """`--facts-only -f markdown` gave the whole report: sections, repeats and every redline."""
    result = CliRunner().invoke(app, ["compare", str(OUTLOOK_2024), str(REPORT_2025), "--facts-only", "-f", "markdown"])
    assert result.exit_code == 1, result.stderr
    assert "### Targets changed (14)" in result.stdout and "加装电梯" in result.stdout
    assert "## Changes by section" not in result.stdout and "## Most changed" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--facts-only", "-f", "json"], "--facts-only is for the text and markdown reports, not json"),
        (["--facts-only", "-f", "html"], "--facts-only is for the text and markdown reports, not html"),
        (["--explain", "-f", "markdown"], "--explain is for the text report, not markdown"),
    ],
)
def test_compare_options_a_format_cannot_honour_are_errors(args: list[str], message: str) -> None:
    """They were ignored in silence: the full report came out as if they had not been given."""
    result = CliRunner().invoke(app, ["compare", str(OUTLOOK_2024), str(REPORT_2025), *args])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"docdiff: error: {message}")
