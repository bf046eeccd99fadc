"""The Markdown and terminal reports hold everything: facts with their sections, repeats marked new or
carried over, the added and dropped sections' text; lists are cut only for a reader at a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff import api
from docdiff.cli.app import app
from docdiff.comparison import Comparison
from docdiff.report.markdown import render_markdown
from docdiff.report.rows import delta_text, fact_rows, repeat_rows, wording
from docdiff.report.view import LIST_LIMIT
from tests.conftest import SEEDS

runner = CliRunner()
OUTLOOK = str(SEEDS / "2024-hongkou-news-outlook.txt")
REPORT = str(SEEDS / "2025-hongkou-gov-work-report.txt")


@pytest.fixture(scope="module")
def hongkou() -> Comparison:
    return api.compare(OUTLOOK, REPORT)


def test_markdown_lists_every_fact_with_its_section(hongkou: Comparison) -> None:
    text = render_markdown(hongkou)
    added = [f for f in hongkou.facts if f.kind == "target" and f.status == "added"]
    assert len(added) > LIST_LIMIT
    assert f"### Targets added ({len(added)})" in text
    assert "more (--all" not in text
    for row in fact_rows(hongkou):
        if row.change.kind == "target" and row.change.status == "added":
            assert f"§ {row.section}" in text
    # The first added target of the review sits in the review's first section.
    assert "地区生产总值  增长8.2%  § 一、2024年工作回顾" in text


def test_markdown_holds_the_added_sections_text(hongkou: Comparison) -> None:
    text = render_markdown(hongkou)
    assert "## Added sections' text" in text and "## Dropped sections' text" in text
    added = next(p for p in hongkou.sections if p.status == "added" and p.text and len(p.text) > 200)
    assert added.text is not None and added.new is not None
    # The text is the file's own, starting at the section's span.
    assert Path(REPORT).read_text(encoding="utf-8")[added.new.span[0] :].startswith(added.text)
    assert added.text.splitlines()[-1][:40].replace("*", "\\*") in text


def test_delta_is_in_the_values_unit(hongkou: Comparison) -> None:
    deltas = {delta_text(f) for f in hongkou.facts if f.kind == "target" and f.status == "changed" and f.delta}
    assert "+21场" in deltas
    assert all(not d[-1].isdigit() for d in deltas if d)
    percent = [f for f in hongkou.facts if f.delta and f.old and f.old.unit == "%"]
    assert all(delta_text(f).endswith("个百分点") for f in percent)


def test_a_repeat_in_both_versions_is_carried_over_and_one_in_new_only_is_new(tmp_path: Path) -> None:
    kept = "坚持以人民为中心的发展思想，持续改善民生，不断增强人民群众的获得感、幸福感、安全感。"
    fresh = "加快建设现代化产业体系，推动先进制造业和现代服务业深度融合，培育壮大新兴产业。"
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(f"一、总体要求\n{kept}\n二、重点工作\n{kept}\n", encoding="utf-8")
    filler = "统筹发展和安全，守住不发生系统性风险的底线，保持社会大局稳定。"
    new.write_text(
        f"一、总体要求\n{kept}\n二、重点工作\n{kept}\n三、产业\n{fresh}\n四、安全\n{filler}\n五、展望\n{fresh}\n",
        encoding="utf-8",
    )
    rows = repeat_rows(api.compare(old, new))
    statuses = {row.status: row for row in rows}
    assert set(statuses) == {"carried over", "new"}
    assert kept in statuses["carried over"].group.text and fresh in statuses["new"].group.text
    text = runner.invoke(app, ["compare", str(old), str(new), "--no-color"]).stdout
    assert "Repeats new in this version (1)" in text and "Repeats carried over (1)" in text
    assert text.count(kept[:20]) >= 1


def test_pipe_and_file_get_every_entry(tmp_path: Path) -> None:
    piped = runner.invoke(app, ["compare", OUTLOOK, REPORT, "--no-color"])
    assert piped.exit_code == 1
    assert "more (--all shows every one)" not in piped.stdout
    out = tmp_path / "report.txt"
    written = runner.invoke(app, ["compare", OUTLOOK, REPORT, "-o", str(out)])
    assert written.exit_code == 1 and written.stdout == ""
    assert out.read_text(encoding="utf-8") == piped.stdout
    assert "\x1b[" not in out.read_text(encoding="utf-8")


def test_a_terminal_gets_cut_lists_that_say_how_to_see_all() -> None:
    def run(*flags: str) -> str:
        leader, follower = pty.openpty()
        env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
        command = [sys.executable, "-c", "from docdiff.cli.app import main; main()", "compare", OUTLOOK, REPORT, *flags]
        process = subprocess.Popen(command, stdout=follower, stderr=subprocess.PIPE, env=env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert process.wait(timeout=120) == 1
        return b"".join(chunks).decode("utf-8")

    cut = run()
    assert "more (--all shows every one)" in cut
    everything = run("--all")
    assert "more (--all" not in everything and len(everything) > len(cut)


def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", OUTLOOK, REPORT, "-f", "html", "-o", str(tmp_path / "no" / "r.html")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot write" in result.stderr


def test_a_reworded_phrase_shows_both_wordings_in_every_report() -> None:
    national = api.compare(str(SEEDS / "national" / "2019.txt"), str(SEEDS / "national" / "2020.txt"))
    text = render_markdown(national)
    # The phrase kept, its modifier changed: the reviewer reads what it became, not just its name.
    assert "<del>积极的财政政策要加力提效</del> → <ins>积极的财政政策要更加积极有为</ins>" in text
    assert "<del>稳健的货币政策要松紧适度</del> → <ins>稳健的货币政策要更加灵活适度</ins>" in text
    from docdiff.report.html import render_html

    page = render_html(national)
    assert "积极的财政政策要加力提效" in page and "积极的财政政策要更加积极有为" in page
    changed = [r.change for r in fact_rows(national) if r.change.kind == "phrase" and r.change.status == "changed"]
    assert changed and all(wording(c) is not None for c in changed)


def test_wording_is_the_clause_when_it_holds_the_phrase_and_the_form_otherwise() -> None:
    from docdiff.facts.models import FactChange, FactSide

    def side(form: str, text: str) -> FactSide:
        return FactSide(text=text, span=(0, len(text)), section=(), metric=form)

    def change(old: FactSide, new: FactSide, kind: str = "phrase") -> FactChange:
        return FactChange(kind=kind, status="changed", old=old, new=new, delta=None, similarity=1.0)  # type: ignore[arg-type]

    kept = change(side("河长制", "全面推行“河长制”"), side("河长制", "全面落实“河长制”"))
    assert wording(kept) == ("全面推行“河长制”", "全面落实“河长制”")
    # A clause that does not hold the form (a heading stored as context) or a long one: the form.
    renamed = change(side("五个中心", "（一）总体要求"), side("五个新城", "（一）总体要求"))
    assert wording(renamed) == ("五个中心", "五个新城")
    long_clause = "要" * 70 + "河长制"
    assert wording(change(side("河长制", long_clause), side("河长制", long_clause + "。"))) is None
    assert wording(change(side("河长制", "推行河长制"), side("河长制", "推行河长制"))) is None


def test_a_range_target_is_shown_with_both_ends() -> None:
    # `国内生产总值增长6%-6.5%` (the State Council's 2019 plan) is one range target: the report
    # prints both ends, never the low end alone as if the plan were `增长6%`.
    from docdiff.facts.models import FactSide
    from docdiff.report.rows import target_value

    def side(value: float, high: float | None, unit: str, qualifier: str | None) -> FactSide:
        return FactSide(text="", span=(0, 1), section=(), value=value, value_high=high, unit=unit, qualifier=qualifier)

    assert target_value(side(6, 6.5, "%", "增长")) == "增长6%-6.5%"
    assert target_value(side(1, 3, "个百分点", "高于")) == "高于1-3个百分点"
    assert target_value(side(6, None, "%", "增长")) == "增长6%"

    def bounded(value: float, unit: str, direction: str | None, bound: str | None) -> str:
        qualifier = direction or bound
        return target_value(
            FactSide(
                text="",
                span=(0, 1),
                section=(),
                value=value,
                unit=unit,
                qualifier=qualifier,
                direction=direction,
                bound=bound,
            )
        )

    # Direction and bound, each where a report prints it.
    assert bounded(6, "%", "增长", "左右") == "增长6%左右"
    assert bounded(6, "%", "增长", "力争") == "力争增长6%"
    assert bounded(6, "%", "增长", "约") == "增长约6%"
    assert bounded(240, "场", None, "余") == "240余场"
    assert bounded(1, "万人", None, "以上") == "1万人以上"
    result = runner.invoke(
        app,
        [
            "compare",
            str(SEEDS / "national" / "2019.txt"),
            str(SEEDS / "national" / "2020.txt"),
            "--facts-only",
            "-f",
            "markdown",
        ],
    )
    assert result.exit_code == 1 and "国内生产总值  增长6%-6.5%" in result.output  # 1: the versions differ
