"""The timeline of the bundled State Council series, its renderers, the ledger and the CLI."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.ingest import document_from_bytes
from docdiff.report.timeline import phrase_grid, section_grid, sparkline, unicode_chart
from docdiff.report.timeline_html import target_chart, timeline_html
from docdiff.report.timeline_markdown import timeline_markdown
from docdiff.store.store import Store
from docdiff.timeline.build import timeline
from docdiff.timeline.ledger import ledger_of
from docdiff.timeline.models import Measure, SectionNode, TargetRow, Timeline, TimelineOptions
from docdiff.timeline.series import targets_of
from docdiff.timeline.targets import _restated_once, verdict

ROOT = Path(__file__).resolve().parent.parent
STORE = Store(ROOT / "snapshots")
SEEDS = ROOT / "seeds"


@cache
def national() -> Timeline:
    return timeline("national-gwr", store=STORE)


def gdp() -> TargetRow:
    rows = [r for r in national().targets if "国内生产总值" in r.names]
    assert len(rows) == 1, [r.names for r in national().targets]
    return rows[0]


def test_versions_in_date_order() -> None:
    assert national().years == ("2019", "2020", "2021", "2022")


def test_gdp_growth_targets_read_with_their_bounds_and_the_year_without_one() -> None:
    cells = gdp().cells
    assert [c.plan.label if c.plan else "未设定" for c in cells] == ["6%-6.5%", "未设定", "6%以上", "5.5%左右"]
    assert (cells[0].plan and cells[0].plan.value, cells[0].plan and cells[0].plan.value_high) == (6.0, 6.5)
    assert cells[1].verdict == "no target"
    assert cells[3].result is None and cells[3].verdict == "no result"  # no 2023 report in the store


# The next report prints the GDP growth result after the level (`国内生产总值达到99.1万亿元，增长6.1%`);
# 2020 set no GDP target, so 2021's `全年国内生产总值增长2.3%` is a result with no plan.
@pytest.mark.parametrize(("year", "value", "mark"), [(0, 6.1, "met"), (1, 2.3, "no target"), (2, 8.1, "met")])
def test_gdp_growth_results_the_next_report_gives(year: int, value: float, mark: str) -> None:
    next_report = STORE.document(STORE.get(f"national-gwr@{national().years[year + 1]}"))
    assert [
        t.value
        for t in targets_of(next_report)
        if t.metric == "国内生产总值" and t.unit == "%" and t.tense == "result" and t.value == value
    ]
    cell = gdp().cells[year]
    assert cell.result is not None and cell.result.value == value and cell.result.label == f"{value:g}%"
    assert cell.verdict == mark


def test_results_of_other_main_targets_from_the_next_report() -> None:
    rows = {r.metric: r for r in national().targets}
    unemployment = rows["城镇调查失业率"].cells
    assert [(c.plan and c.plan.label, c.result and c.result.label, c.verdict) for c in unemployment[:3]] == [
        ("5.5%左右", "5.3%以下", "met"),  # 2020: `调查失业率在5.3%以下`, bound as printed
        ("6%左右", "5.2%", "met"),
        ("5.5%左右", "5.1%", "met"),
    ]
    jobs = rows["城镇新增就业"].cells
    assert [c.result.value if c.result else None for c in jobs] == [1352, 1186, 1269, None]


def test_phrases_first_and_last_seen() -> None:
    phrases = {p.phrase: p for p in national().phrases}
    assert phrases["六保"].first == "2020"
    assert phrases["两新一重"].first == "2020" and phrases["两新一重"].last == "2021"
    assert phrases["两新一重"].years == ("2020", "2021")


def test_the_year_a_modifier_changed_on_a_kept_phrase() -> None:
    phrases = {p.phrase: p for p in national().phrases}
    fiscal = phrases["积极的财政政策"]
    # 2019 `积极的财政政策要加力提效`, 2020 `…要更加积极有为`, 2021 `…要提质增效、更可持续`,
    # 2022 `…要提升效能` (inside a paragraph, found since lead sentences are compared too).
    assert [(r.year, r.old, r.new) for r in fiscal.requalified] == [
        ("2020", "积极的财政政策要加力提效", "积极的财政政策要更加积极有为"),
        ("2021", "积极的财政政策要更加积极有为", "积极的财政政策要提质增效、更可持续"),
        ("2022", "积极的财政政策要提质增效、更可持续", "积极的财政政策要提升效能"),
    ]
    assert fiscal.modified == ()  # the phrase itself kept its wording
    assert phrases["两新一重"].requalified == ()
    header, rows = phrase_grid(national())
    column = header.index("modifier changed")
    row = next(r for r in rows if r[0] == "积极的财政政策")
    assert row[column].startswith("2020: 积极的财政政策要加力提效 → 积极的财政政策要更加积极有为; 2021: ")


def test_projects_continued_and_dropped() -> None:
    projects = {p.name: p for p in national().projects}
    assert projects["海南自由贸易港"].years == ("2020", "2021", "2022") and projects["海南自由贸易港"].dropped is None
    assert projects["双创示范基地"].dropped == "2021"


def test_projects_completed_in_a_review() -> None:
    shanghai = {p.name: p for p in timeline("shanghai-gwr", kinds=("project",), store=STORE).projects}
    # 2016 plans `加快建设…17号线`; 2017 plans `建成…17号线`; the 2018 review: `建成12号线、16号线、17号线`.
    assert (shanghai["17号线"].announced, shanghai["17号线"].completed) == ("2016", "2018")
    hailar = {p.name: p for p in timeline("hailar-gwr", kinds=("project",), store=STORE).projects}
    # 2017 review: `时代广场商业项目开工建设,…一期投入使用` (another work finished); 2018: `主体完工`.
    # 2016 names the work in full (三角地时代广场商业综合体), later years by its short name: one work.
    assert hailar["三角地时代广场商业综合体"].completed is None


def test_lineage_events_name_what_happened() -> None:
    events = {link.event for link in national().links}
    assert {"continued", "renamed", "split", "gone", "new"} <= events
    for link in national().links:
        assert (link.old is None) == (link.event == "new") and (link.new is None) == (link.event == "gone")
    # 2019's （一） task became 2020's part 三: promoted a level.
    events = {(row[1].strip(), row[3].strip()): row[2] for row in section_grid(national())[1]}
    assert events[
        ("（一）继续创新和完善宏观调控，确保经济运行在合理区间", "三、加大宏观政策实施力度，着力稳企业保就业")
    ] == ("renamed, level 2→1")


def _m(
    value: float,
    high: float | None = None,
    bound: str | None = None,
    metric: str = "国内生产总值",
    direction: str | None = None,
) -> Measure:
    return Measure(
        metric=metric, value=value, value_high=high, unit="%", direction=direction, bound=bound, label="", text=""
    )


@pytest.mark.parametrize(
    ("plan", "result", "expected"),
    [
        (_m(6, 6.5), _m(6.1), "met"),
        (_m(6, 6.5), _m(5.9), "not met"),
        (_m(6, bound="以上"), _m(8.1), "met"),
        (_m(5.5, bound="左右"), _m(5.3), "met"),  # within 5% of the value
        (_m(5.5, bound="左右"), _m(3.0), "not met"),
        # A level to hold (`稳定在`) with no bound is about that level; with one it is a floor.
        (_m(1530, direction="稳定在"), _m(1528), "met"),
        (_m(1530, direction="稳定在", bound="以上"), _m(1528), "not met"),
        (_m(1530, direction="稳定在"), _m(1400), "not met"),
        (_m(3, bound="左右", metric="居民消费价格涨幅"), _m(2.5), "met"),  # a price ceiling
        (_m(3, bound="左右", metric="居民消费价格涨幅"), _m(3.4), "not met"),
        (_m(4.5, bound="以内", metric="城镇登记失业率"), _m(4.9), "not met"),
        (_m(6, direction="增长"), _m(2, direction="下降"), "not met"),  # it fell
        (None, _m(2.3), "no target"),
        (_m(6), None, "no result"),
        # A margin over a benchmark against a plain rate; the same margin reported is checked.
        (_m(1, 3, bound="高于").model_copy(update={"unit": "个百分点"}), _m(8.2), "relative"),
        (
            _m(1, 3, bound="高于").model_copy(update={"unit": "个百分点"}),
            _m(2).model_copy(update={"unit": "个百分点"}),
            "met",
        ),
        (_m(6).model_copy(update={"value": None}), _m(6.1), "no figure"),
        # A target for 2025 is not yet due in 2022; in 2025 it is judged.
        (_m(6).model_copy(update={"year": 2025}), _m(5).model_copy(update={"year": 2022}), "not due"),
        (_m(6).model_copy(update={"year": 2025}), _m(5).model_copy(update={"year": 2025}), "not met"),
    ],
)
def test_verdicts(plan: Measure | None, result: Measure | None, expected: str) -> None:
    assert verdict(plan, result, TimelineOptions()) == expected


def test_sparkline_and_chart() -> None:
    assert sparkline([1.0, None, 3.0, 2.0]) == "▁ █▅"
    assert sparkline([5.0, 5.0]) == "▁▁"
    chart = unicode_chart(gdp(), national().years)
    assert chart[-1].split() == ["2019", "2020", "2021", "2022"]
    # Three years set a number (`*` where plan and result share a cell).
    assert sum(line.count("P") + line.count("*") for line in chart[1:]) == 3


def test_html_has_charts_and_escapes_document_text() -> None:
    page = timeline_html(national())
    assert page.count("<svg") >= 3 and "section lineage" in page
    # GDP: the plan line breaks at 2020 (no target): 2019 alone, then 2021-2022; results 2019-2021.
    assert target_chart(gdp(), national().years).count("<polyline") == 2
    hostile = national().model_copy(
        update={
            "sections": (
                SectionNode(
                    year="2019", level=1, heading="<script>x</script>\x1b]52;c;aGk=\x07", number_label=None, line=1
                ),
            )
        }
    )
    hostile = hostile.model_copy(update={"links": ()})
    page = timeline_html(hostile)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and "\x07" not in page and "\\x1b]52" in page  # controls shown, never sent
    assert "\\<script\\>" in timeline_markdown(hostile)


def test_json_round_trips() -> None:
    text = national().to_json()
    assert json.loads(text)["schema"] == "docdiff.timeline/1"
    assert Timeline.model_validate_json(text) == national()


def test_ledger_of_the_five_year_plan_against_the_2025_report() -> None:
    result = ledger_of(SEEDS / "2021-hongkou-14th-five-year-plan.txt", SEEDS / "2025-hongkou-gov-work-report.txt")
    assert len(result.entries) == 20  # the rows of 表五
    rows = {e.plan.metric: e for e in result.entries}
    green = rows["新增绿地面积"]
    assert green.plan.label == "7万平方米" and green.plan.period == "五年累计"
    assert green.result is not None and green.result.label == "2.1万平方米" and green.verdict == "period differs"
    # A target relative to the city (`高于全市1-3个百分点`) is shown with the growth the report gives,
    # but never judged against it: the city's growth is not in the outcome.
    gdp_row = rows["地区生产总值年均增长率"]
    assert gdp_row.result is not None and gdp_row.result.label == "8.2%" and gdp_row.verdict == "relative"
    # A plan with no number (`全部完成`, `完成市下达目标`) has nothing to meet, rather than no result.
    assert rows["成片二级旧里以下房屋改造"].verdict == "no figure"
    assert rows["高新技术企业"].result is None  # a stock of 500 is not the year's 30 new ones


def test_ledger_of_a_plans_year_table_waits_for_the_year_it_sets() -> None:
    """A plan's table of year columns sets targets for 2025; a report on 2022 shows its figures
    beside them but judges none (`not due`): the year of a result is its review part's."""
    plan = document_from_bytes(
        "一、主要指标\n\n指标\t2020年\t2025年\n地区生产总值（亿元）\t3200\t4500\n".encode(), "plan.txt"
    )
    report = document_from_bytes(
        "一、2022年工作回顾\n\n全市地区生产总值达到3900亿元。\n\n二、2023年主要目标\n\n地区生产总值增长6%。\n".encode(),
        "report.txt",
    )
    from docdiff.timeline.ledger import ledger

    (entry,) = ledger(plan, report).entries
    assert (entry.plan.year, entry.result and entry.result.year, entry.verdict) == (2025, 2022, "not due")


def test_ledger_finds_the_result_of_a_metric_said_in_another_word_order() -> None:
    plan = document_from_bytes("二、2024年主要目标\n\n城镇新增就业100万人以上。\n".encode(), "plan.txt")
    report = document_from_bytes("一、2024年工作回顾\n\n新增城镇就业111.3万人。\n".encode(), "report.txt")
    from docdiff.timeline.ledger import ledger

    (entry,) = ledger(plan, report).entries
    assert entry.result is not None and (entry.result.value, entry.verdict) == (111.3, "met")


def test_reordered_words_are_the_same_words() -> None:
    from docdiff.words import reordered

    assert reordered("城镇新增就业", "新增城镇就业")
    assert not reordered("城镇新增就业", "城镇新增就业")  # the same text is no reordering
    assert not reordered("城镇新增就业", "城镇就业新增人数")


runner = CliRunner()


def test_cli_timeline_formats() -> None:
    args = ["timeline", "national-gwr", "--store", str(ROOT / "snapshots")]
    table = runner.invoke(app, [*args, "-k", "target", "-m", "国内生产总值"])
    assert table.exit_code == 0, table.output
    assert "6%-6.5%" in table.output and "未设定" in table.output
    data = runner.invoke(app, [*args, "-k", "phrase", "-f", "json"])
    assert data.exit_code == 0 and json.loads(data.output)["phrases"]
    html = runner.invoke(app, [*args, "-f", "html"])
    assert html.exit_code == 0 and html.output.startswith('<section class="docdiff-timeline">')


def test_cli_bad_series_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["timeline", "no-such-series", "--store", str(ROOT / "snapshots")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no series 'no-such-series'" in result.output


def test_cli_compare_ledger_json() -> None:
    plan, outcome = SEEDS / "2021-hongkou-14th-five-year-plan.txt", SEEDS / "2025-hongkou-gov-work-report.txt"
    result = runner.invoke(app, ["compare", str(plan), str(outcome), "--ledger", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["schema"] == "docdiff.ledger/2"


def _mini_store(root: Path, years: dict[str, str]) -> Store:
    store = Store(root / "store")
    for year, text in years.items():
        path = root / f"{year}.txt"
        path.write_text(text, encoding="utf-8")
        store.add(path, "mini", year, date=year)
    return store


def test_a_renamed_metric_stays_one_row_and_results_come_from_the_next_review(tmp_path: Path) -> None:
    store = _mini_store(
        tmp_path,
        {
            "2020": "一、2019年工作回顾\n全年地区生产总值增长6.2%。\n二、2020年主要目标\n"
            "今年主要预期目标是：地区生产总值增长6%左右，城镇登记失业率控制在4%以内。\n",
            "2021": "一、2020年工作回顾\n全年地区生产总值增长5.1%，城镇登记失业率3.5%。\n二、2021年主要目标\n"
            "今年主要预期目标是：全区生产总值增长7%左右，城镇登记失业率控制在4%以内。\n",
            "2022": "一、2021年工作回顾\n全年全区生产总值增长7.4%，城镇登记失业率4.2%。\n二、2022年主要目标\n"
            "今年主要预期目标是：全区生产总值增长6.5%左右。\n",
        },
    )
    rows = timeline("mini", kinds=("target",), store=store).targets
    assert len(rows) == 2
    growth, jobless = rows
    assert [(c.plan and c.plan.label, c.result and c.result.label, c.verdict) for c in growth.cells] == [
        ("6%左右", "5.1%", "not met"),  # 5.1 is more than 5% short of 6
        ("7%左右", "7.4%", "met"),
        ("6.5%左右", None, "no result"),
    ]
    assert [c.verdict for c in jobless.cells] == ["met", "not met", "no target"]  # 4.2% over a 4%以内 cap


def test_a_result_for_the_whole_area_moving_the_other_way_is_the_plans_shortfall(tmp_path: Path) -> None:
    # `全省固定资产投资下降5.1%` is the outcome of the plan `固定资产投资增长5%左右`: the area word says
    # where, not what is measured, so the metric is the same one and the fall a shortfall.
    plan, outcome = tmp_path / "2024.txt", tmp_path / "2025.txt"
    plan.write_text(
        "二、2024年主要预期目标\n今年主要预期目标是：固定资产投资增长5%左右，一般公共预算收入增长3%。\n",
        encoding="utf-8",
    )
    outcome.write_text(
        "一、2024年工作回顾\n全年一般公共预算收入增长1.2%，全省固定资产投资下降5.1%。\n", encoding="utf-8"
    )
    entries = {e.plan.metric: e for e in ledger_of(plan, outcome).entries}
    investment = entries["固定资产投资"]
    assert investment.result is not None and investment.result.value == 5.1
    assert investment.verdict == "not met"
    # The fall is shown with its direction: `5.1%` alone would read as the growth planned.
    assert (investment.plan.label, investment.result.label) == ("5%左右", "下降5.1%")
    assert entries["一般公共预算收入"].verdict == "not met"


def test_a_series_of_one_version_is_a_one_line_error(tmp_path: Path) -> None:
    store = _mini_store(tmp_path, {"2020": "一、总体要求\n今年新增就业100人。\n"})
    result = runner.invoke(app, ["timeline", "mini", "--store", str(store.root)])
    assert result.exit_code == 2 and "only one version" in result.output


def test_a_plan_stated_twice_is_one_row_read_with_its_period() -> None:
    # The five-year plan names `新增高能级企业总部、研发中心和创新性平台150家` in its text and in its
    # indicator table (`五年累计`): one row, whose five-year total is never judged by one year's 30.
    rows = timeline("hongkou-reports", kinds=("target",), metric="新增高能级企业", store=STORE).targets
    assert len(rows) == 1
    first = rows[0].cells[0]
    assert first.plan is not None and first.plan.period == "五年累计"
    assert first.result is not None and first.verdict == "period differs"


def test_a_plan_names_its_main_targets_after_zhuyao_zhibiao_and_its_table_gives_the_period(tmp_path: Path) -> None:
    # A plan's `主要指标是` paragraph opens its main targets as a report's `主要预期目标是` does; its
    # table row completes a target with the period the sentence leaves out, and a restatement
    # with another bound never replaces the paragraph's own (`4%以内` stays, not `4.5%左右`).
    store = _mini_store(
        tmp_path,
        {
            "2020": "一、发展目标\n主要指标是：新增绿地面积7万平方米，城镇登记失业率控制在4%以内。\n"
            "二、重点任务\n新建街心花园2个，城镇登记失业率4%左右。\n"
            "表一：主要指标\n\n序号\t指标\t单位\t2025年目标\t属性\n1\t新增绿地面积（五年累计）\t万平方米\t7\t约束性\n"
            "2\t城镇登记失业率\t%\t4\t预期性\n",
            "2021": "一、工作回顾\n新增绿地面积2.1万平方米，城镇登记失业率3.9%。\n",
        },
    )
    rows = timeline("mini", kinds=("target",), store=store).targets
    assert [r.metric for r in rows] == ["新增绿地面积", "城镇登记失业率"]  # never `街心花园`
    green, jobless = (r.cells[0] for r in rows)
    assert green.plan is not None and green.plan.period == "五年累计" and green.verdict == "period differs"
    assert jobless.plan is not None and jobless.plan.label == "4%以内" and jobless.verdict == "met"


def test_a_version_without_a_targets_paragraph_only_continues_main_targets(tmp_path: Path) -> None:
    # 2021 names no targets paragraph: its plans continue the rows 2020 and 2022 open (`地区生产总值`)
    # and open none of their own (`14个项目`).
    store = _mini_store(
        tmp_path,
        {
            "2020": "一、主要目标\n今年主要预期目标是：地区生产总值增长6%左右。\n",
            "2021": "一、重点工作\n今年地区生产总值增长6.5%左右，推进14个项目开工。\n",
            "2022": "一、主要目标\n今年主要预期目标是：地区生产总值增长5%左右。\n",
        },
    )
    rows = timeline("mini", kinds=("target",), store=store).targets
    assert len(rows) == 1
    assert [c.plan and c.plan.label for c in rows[0].cells] == ["6%左右", "6.5%左右", "5%左右"]


def test_compatibility_forms_of_a_metric_are_one_plan() -> None:
    # `Ⅳ类` (one Roman-numeral character) and `IV类` name the same metric: a plan stated with
    # each is one plan.
    text = "一、主要目标\n今年市考断面达到或好于Ⅳ类水体比例达到100%。\n二、重点任务\n今年市考断面达到或好于IV类水体比例达到100%。\n"
    plans = [t for t in targets_of(document_from_bytes(text.encode(), "plan.txt")) if t.tense == "plan"]
    assert len(plans) == 2 and len(_restated_once(plans)) == 1


def test_ledger_checks_the_plans_of_the_tasks_the_next_review_reports() -> None:
    """After the main targets, each plan of the tasks whose metric the next review reports for the
    year, with its section; not a goal of a five-year part before the main targets, a metric too
    generic to name one count, a count a few characters off (`公办` beds are not all beds), nor a
    five-year review's total."""
    plan = document_from_bytes(
        (
            "一、今后五年目标\n\n到2028年，新增高新技术企业2万家。\n\n"
            "二、2024年工作安排\n\n今年主要预期目标是：地区生产总值增长5%左右。\n\n"
            "（一）科技创新\n\n新增高新技术企业5000家以上。项目增长8%。\n\n"
            "（二）民生\n\n新增公办养老床位7000张，新建改造农村公路5000公里。\n"
        ).encode(),
        "plan.txt",
    )
    report = document_from_bytes(
        (
            "一、2024年工作回顾\n\n地区生产总值增长5.2%。新增高新技术企业6000家。项目增长9%。"
            "新增养老床位4.9万张。\n\n二、过去五年回顾\n\n新建改造农村公路3万公里。\n\n"
            "三、2025年工作安排\n\n新建改造农村公路5000公里。\n"
        ).encode(),
        "report.txt",
    )
    from docdiff.timeline.ledger import ledger

    entries = ledger(plan, report).entries
    rows = [(e.main, e.plan.metric, e.plan.label, e.result and e.result.label, e.verdict, e.section) for e in entries]
    assert rows == [
        (True, "地区生产总值", "5%左右", "5.2%", "met", "2024年工作安排"),
        (False, "新增高新技术企业", "5000家以上", "6000家", "met", "科技创新"),
    ]


def test_a_total_the_works_cost_is_not_the_years_investment() -> None:
    """`重点项目120个，总投资680亿元`: the total is what the works cost in all; the next review's
    `完成投资152亿元` is the year's, which is no outcome of it."""
    plan = document_from_bytes(
        (
            "二、2024年工作安排\n\n今年主要预期目标是：地区生产总值增长6%左右。\n\n"
            "（一）扩大有效投资\n\n全年计划实施重点项目120个，总投资680亿元。\n"
        ).encode(),
        "plan.txt",
    )
    report = document_from_bytes("一、2024年工作回顾\n\n实施重点项目118个，完成投资152亿元。\n".encode(), "report.txt")
    from docdiff.timeline.ledger import ledger

    assert [(e.plan.metric, e.result and e.result.label) for e in ledger(plan, report).entries if not e.main] == [
        ("重点项目", "118个")
    ]


def test_a_plan_of_another_subject_the_plan_holds_apart_finds_no_result() -> None:
    """The plan sets `城镇调查失业率` and `城镇登记失业率`; the outcome reports the surveyed rate only:
    the registered one has no result, not the surveyed one's (70 % alike in characters)."""
    plan = document_from_bytes(
        "二、2020年目标\n\n今年主要预期目标是：城镇调查失业率6%左右，城镇登记失业率5.5%左右。\n".encode(), "plan.txt"
    )
    report = document_from_bytes("一、2020年工作回顾\n\n城镇调查失业率降到5.2%。\n".encode(), "report.txt")
    from docdiff.timeline.ledger import ledger

    entries = {e.plan.metric: e for e in ledger(plan, report).entries}
    assert entries["城镇调查失业率"].result is not None and entries["城镇调查失业率"].verdict == "met"
    assert entries["城镇登记失业率"].result is None
