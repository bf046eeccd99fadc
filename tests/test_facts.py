"""Facts: extraction on the seeds and constructed text, pairing, hand-annotated precision, test-bed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from docdiff.compare import compare_documents
from docdiff.facts.extract import extract_facts
from docdiff.facts.models import FactChange, Phrase, Project, Target
from docdiff.facts.numbers import parse_value
from docdiff.facts.targets import find_targets
from docdiff.ingest import document_from_bytes
from docdiff.report.rows import delta_text, number, readable_delta, target_value
from docdiff.segment import segment
from tests.conftest import NEWS_2021, NEWS_2025, OUTLOOK_2024, PLAN, REPORT_2025, seed_document, seed_outline
from tests.testbed_score import run

ANNOTATIONS = Path(__file__).parent / "annotations" / "targets.tsv"


def targets_of(path: Path) -> list[Target]:
    return [f for f in extract_facts(seed_document(path), seed_outline(path)) if isinstance(f, Target)]


def one(sentence: str, path: tuple[str, ...] = ()) -> list[tuple[str, float | None, str | None, str | None]]:
    return [(t.metric, t.value, t.unit, t.qualifier) for t in find_targets(sentence, path, [])]


def metrics_values(sentence: str) -> list[tuple[str, float | None]]:
    return [(t.metric, t.value) for t in find_targets(sentence, (), [])]


def with_field(name: str, sentence: str) -> list[tuple[str, float | None, object]]:
    """Each target's metric and value, and its field `name` (`direction`, `period`)."""
    return [(t.metric, t.value, getattr(t, name)) for t in find_targets(sentence, (), [])]


def test_a_table_of_year_columns_gives_the_target_its_base_and_the_growth_over_the_plan() -> None:
    """A plan's table `指标 | 2020年 | 2025年 | 年均增长[累计]`: the latest year's figure is the
    target for that year, the earliest its earlier value; the growth column is a target of its own,
    yearly or, in brackets, over the whole plan, in points for a rate; a dash states nothing."""
    text = (
        "一、主要指标\n\n"
        "类别\t指标\t2020年\t2025年\t年均增长[累计]\t属性\n"
        "经济发展\t地区生产总值（亿元）\t3200\t4500\t7%左右\t预期性\n"
        "创新驱动\t研发经费投入强度（%）\t2.1\t2.8\t[0.7]\t预期性\n"
        "民生福祉\t城镇调查失业率（%）\t—\t<5.5\t—\t预期性\n"
        "绿色生态\t单位地区生产总值能源消耗降低（%）\t—\t—\t[13.5]\t约束性\n"
    )
    doc = document_from_bytes(text.encode(), "<plan>")
    found = [
        (t.metric, t.value, t.unit, t.direction, t.bound, t.period, t.earlier)
        for t in extract_facts(doc, segment(doc), set())
        if isinstance(t, Target)
    ]
    assert found == [
        ("地区生产总值", 4500.0, "亿元", None, None, "2025年", 3200.0),
        ("地区生产总值", 7.0, "%", "增长", "左右", "年均", None),
        ("研发经费投入强度", 2.8, "%", None, None, "2025年", 2.1),
        ("研发经费投入强度", 0.7, "个百分点", "增长", None, "五年累计", None),
        ("城镇调查失业率", 5.5, "%", None, "低于", "2025年", None),
        ("单位地区生产总值能源消耗", 13.5, "%", "降低", None, "五年累计", None),
    ]
    # The State Council's outline prints the cumulative total in tortoise-shell brackets.
    national = text.replace("[13.5]", "〔13.5〕")
    doc = document_from_bytes(national.encode(), "<plan>")
    (energy,) = [t for t in extract_facts(doc, segment(doc), set()) if isinstance(t, Target) and "能源" in t.metric]
    assert (energy.value, energy.period) == (13.5, "五年累计")
    # In the review part, a table of last year's figures states results; its `增长` is that year's.
    review = "一、2024年工作回顾\n\n指标\t2023年\t2024年\t增长\n地区生产总值（亿元）\t3000\t3150\t5%\n\n二、2025年主要任务\n\n全年地区生产总值增长5%左右。\n"
    doc = document_from_bytes(review.encode(), "<report>")
    assert [
        (t.value, t.period, t.earlier, t.tense)
        for t in extract_facts(doc, segment(doc), set())
        if isinstance(t, Target)
    ] == [(3150.0, "2024年", 3000.0, "result"), (5.0, "2024年", None, "result"), (5.0, "全年", None, "plan")]


def test_a_table_of_last_years_targets_and_outcomes_gives_each_with_its_year_and_tense() -> None:
    """`指标 | 2024年目标 | 2024年完成 | 2025年目标`, appended to a report's review: each column is
    read, a plan or an outcome as its header says (never the first target column as a result); a
    name that says the move (`…增长（%）`) is the measure and the move."""
    text = (
        "一、2024年工作回顾\n\n过去一年，经济运行稳中有进。\n\n"
        "指标\t2024年目标\t2024年完成\t2025年目标\n"
        "地区生产总值增长（%）\t6左右\t5.8\t6左右\n"
        "城镇调查失业率（%）\t5.5以内\t5.1\t—\n"
    )
    doc = document_from_bytes(text.encode(), "<report>")
    assert [
        (t.metric, t.value, t.direction, t.bound, t.period, t.tense)
        for t in extract_facts(doc, segment(doc), set())
        if isinstance(t, Target)
    ] == [
        ("地区生产总值", 6.0, "增长", "左右", "2024年", "plan"),
        ("地区生产总值", 5.8, "增长", None, "2024年", "result"),
        ("地区生产总值", 6.0, "增长", "左右", "2025年", "plan"),
        ("城镇调查失业率", 5.5, None, "以内", "2024年", "plan"),
        ("城镇调查失业率", 5.1, None, None, "2024年", "result"),
    ]
    # An outcome's column may leave its year to the plan's before it; `增速` is the measure's growth.
    text = (
        "一、2024年工作回顾\n\n过去一年，经济运行稳中有进。\n\n"
        "指标名称\t单位\t2024年计划\t完成情况\t2025年预期目标\n地区生产总值增速\t%\t6左右\t5.8\t6左右\n"
    )
    doc = document_from_bytes(text.encode(), "<report>")
    assert [
        (t.metric, t.value, t.direction, t.period, t.tense)
        for t in extract_facts(doc, segment(doc), set())
        if isinstance(t, Target)
    ] == [
        ("地区生产总值", 6.0, "增长", "2024年", "plan"),
        ("地区生产总值", 5.8, "增长", "2024年", "result"),
        ("地区生产总值", 6.0, "增长", "2025年", "plan"),
    ]
    # A lone column headed as targets holds plans, even in the review part.
    text = "一、2024年工作回顾\n\n过去一年，经济运行稳中有进。\n\n指标\t2025年目标\n新增城镇就业（万人）\t12以上\n"
    doc = document_from_bytes(text.encode(), "<report>")
    assert [(t.value, t.tense) for t in extract_facts(doc, segment(doc), set()) if isinstance(t, Target)] == [
        (12.0, "plan")
    ]


def test_indicator_table_gives_all_20_plan_targets() -> None:
    table = [t for t in targets_of(PLAN) if "|" in t.text]
    assert len(table) == 20
    assert all(t.tense == "plan" and t.unit for t in table)
    by_metric = {t.metric: t for t in table}
    gdp = by_metric["地区生产总值年均增长率"]
    assert (gdp.value, gdp.value_high, gdp.unit, gdp.qualifier) == (1.0, 3.0, "个百分点", "高于")
    investment = by_metric["固定资产投资总额"]
    assert (investment.value, investment.unit, investment.period) == (1500.0, "亿元", "五年累计")
    assert by_metric["金融企业资产管理规模"].unit == "万亿元"
    assert by_metric["每年新增航运服务企业"].period == "每年"
    housing = by_metric["成片二级旧里以下房屋改造"]
    assert housing.value is None and housing.value_text == "全部完成" and housing.unit == "户"
    safety = by_metric["单位地区生产总值生产安全事故死亡率"]
    assert (safety.value, safety.qualifier, safety.unit) == (0.01, "低于", "人/亿元")
    assert by_metric["大气常规污染物年均浓度（PM2.5）"].value_text == "完成市下达目标"
    assert not [t for t in targets_of(PLAN) if t.metric == "指标"]  # the note under the table counts rows


def find(targets: list[Target], metric: str, value: float) -> Target:
    matches = [t for t in targets if t.metric == metric and t.value == value]
    assert matches, f"{metric} {value} not among {[(t.metric, t.value) for t in targets][:50]}"
    return matches[0]


def test_work_report_plans_and_results() -> None:
    targets = targets_of(REPORT_2025)
    platforms = find(targets, "新增高能级企业总部、研发中心和创新性平台", 32)
    assert (platforms.unit, platforms.qualifier, platforms.period, platforms.tense) == ("家", "共", "全年", "plan")
    lifts = find(targets, "加装电梯", 175)
    assert (lifts.unit, lifts.tense) == ("台", "plan")
    investment = find(targets, "全社会固投", 310)
    assert (investment.unit, investment.qualifier, investment.tense) == ("亿元", "力争", "plan")
    illegal = find(targets, "消除存量违建", 5)
    assert (illegal.unit, illegal.qualifier, illegal.tense) == ("万平方米", "不少于", "plan")
    done = find(targets, "加装电梯", 155)
    assert (done.unit, done.tense) == ("台", "result")
    repairs = find(targets, "旧住房修缮", 72.4)
    assert (repairs.unit, repairs.qualifier, repairs.tense) == ("万平方米", "完成", "result")
    doc = seed_document(REPORT_2025)
    assert doc.text[repairs.span[0] : repairs.span[1]] == repairs.text == "完成旧住房修缮72.4万平方米"


def test_dates_years_ordinals_and_names_are_not_targets() -> None:
    targets = targets_of(REPORT_2025)
    assert not [t for t in targets if t.unit in ("年", "月", "日", "届", "号")]
    assert not [t for t in targets if any(name in t.text for name in ("19号线", "480米", "700TEU", "2024年", "2025年"))]
    assert one("2024年11月28日，第十七届人民代表大会第七次会议在虹口召开。") == []
    assert one("轨交19号线加快推进，480米新地标顺利浇筑底板，90街坊开工。") == []
    assert one("实施7.0版行动方案，推进五个中心和四大功能建设。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("完成旧住房修缮两万户。", [("旧住房修缮", 2.0, "万户", "完成")]),  # the magnitude stays with the unit
        ("新建养老床位三百张。", [("新建养老床位", 300.0, "张", None)]),
        ("发行一万亿元特别国债。", [("特别国债", 1.0, "万亿元", None)]),
        ("培训三百万人次。", [("培训", 300.0, "万人次", None)]),
        # Magnitudes inside the numeral are read together, in the largest: 3.5亿元, 1.2万套.
        ("发行三亿五千万元债券。", [("债券", 3.5, "亿元", None)]),
        ("新建住房一万二千套。", [("新建住房", 1.2, "万套", None)]),
        # Ten thousands are counted, never a formula like `五个中心`.
        ("新增十万个岗位。", [("新增岗位", 10.0, "万个", None)]),
        ("地区生产总值年均增长率高于全市1-3个百分点。", [("地区生产总值年均增长率", 1.0, "个百分点", "高于全市")]),
        ("到2035年地区生产总值比2020年翻两番。", [("地区生产总值", 4.0, "倍", None)]),
        ("公募基金占全国的1/8的份额。", [("份额", 0.125, None, None)]),
        ("全年举办240余场高质量推介会。", [("高质量推介会", 240.0, "场", "余")]),
        # A modal before a verb of intent or of making new is no part of the metric; a noun opening
        # on the same character keeps it.
        (
            "今年要新建学校5所，要确保粮食产量稳定在1268万吨以上。",
            [("新建学校", 5.0, "所", None), ("粮食产量", 1268.0, "万吨", "稳定在")],
        ),
        ("要素市场交易额增长10%。", [("要素市场交易额", 10.0, "%", "增长")]),
        # Parallel parts take the tail the last one prints past the part before it, and the ordinal's 第.
        (
            "第一、二、三产业增加值分别增长3.1%、5.2%和7.4%。",
            [
                ("第一产业增加值", 3.1, "%", "增长"),
                ("第二产业增加值", 5.2, "%", "增长"),
                ("第三产业增加值", 7.4, "%", "增长"),
            ],
        ),
        # Parts each printed with their own head share none (not `商品销售总额售总额`).
        (
            "商品销售总额、社会消费品零售总额分别达到11.3万亿元和1.2万亿元。",
            [("商品销售总额", 11.3, "万亿元", "达到"), ("社会消费品零售总额", 1.2, "万亿元", "达到")],
        ),
        # A measure its kind opens (`总投资`) after a count is the measure of the things counted,
        # whose verb of making new stays when it is one word with them (`新开工`).
        (
            "新开工项目100个以上、总投资超过800亿元。",
            [("新开工项目", 100.0, "个", "以上"), ("新开工项目总投资", 800.0, "亿元", "超过")],
        ),
        # The total of a count of new things counts them all, new or not.
        (
            "新增规上工业企业25家，总数达到312家。",
            [("新增规上工业企业", 25.0, "家", None), ("规上工业企业", 312.0, "家", "达到")],
        ),
        # A part after `其中` counted as the things before it takes the verb that counted them;
        # counted in another unit it is another thing.
        (
            "新增市场主体15.6万户，其中企业5.2万户。",
            [("新增市场主体", 15.6, "万户", None), ("新增企业", 5.2, "万户", None)],
        ),
        (
            "新增就业岗位3万个，其中高校毕业生1.2万人。",
            [("新增就业岗位", 3.0, "万个", None), ("高校毕业生", 1.2, "万人", None)],
        ),
        # `其中` lists parts of what was just measured: each part's is that measure.
        (
            "居民人均可支配收入达到5.2万元，其中城镇、农村居民分别增长4.5%、6.3%。",
            [
                ("居民人均可支配收入", 5.2, "万元", "达到"),
                ("城镇居民人均可支配收入", 4.5, "%", "增长"),
                ("农村居民人均可支配收入", 6.3, "%", "增长"),
            ],
        ),
        (
            "规模以上企业营业收入增长8%，其中高新技术企业、科技型中小企业分别增长12%和10%。",
            [
                ("规模以上企业营业收入", 8.0, "%", "增长"),
                ("高新技术企业营业收入", 12.0, "%", "增长"),
                ("科技型中小企业营业收入", 10.0, "%", "增长"),
            ],
        ),
        # A verb of building or making new after what it counts is named first, as where it leads;
        # two such verbs together are the metric's verbs, not a noun and a verb.
        (
            "5G基站累计建成1.2万个，养老床位新增4.9万张。",
            [("建成5G基站", 1.2, "万个", None), ("新增养老床位", 4.9, "万张", None)],
        ),
        ("新建改建30处市民健身点。", [("新建改建市民健身点", 30.0, "处", None)]),
        # A share of the budget is said of the clause's subject, as a share of the plan is, and shown as one.
        (
            "一般公共预算支出80亿元，为年初预算的105%。",
            [("一般公共预算支出", 80.0, "亿元", None), ("一般公共预算支出", 105.0, "%", "为年初预算的")],
        ),
        # A year before the area opening a clause: the area and its verb go as at the clause's start.
        ("去年全市完成固定资产投资500亿元。", [("固定资产投资", 500.0, "亿元", "完成")]),
        # A part parallel to the opening of the metric before it names the same measure of that part;
        # a noun after a count names what is counted.
        (
            "城镇居民人均可支配收入达到5万元，农村居民达到2.5万元。",
            [("城镇居民人均可支配收入", 5.0, "万元", "达到"), ("农村居民人均可支配收入", 2.5, "万元", "达到")],
        ),
        (
            "第二产业增加值增长5%，第三产业增长6%。",
            [("第二产业增加值", 5.0, "%", "增长"), ("第三产业增加值", 6.0, "%", "增长")],
        ),
        (
            "联合20家龙头企业建立联合实验室集群，培育21家优质企业。",
            [("龙头企业建立联合实验室集群", 20.0, "家", None), ("优质企业", 21.0, "家", None)],
        ),
        # A headline's space between two phrases ends a clause; a space beside a Latin word does not.
        ("市政府工作报告提出今年目标 经济增长5%左右", [("经济", 5.0, "%", "增长")]),
        ("全年 CPI 上涨2%左右。", [("CPI", 2.0, "%", "上涨")]),
        ("世界会客厅二期、90街坊等14个项目如期开工。", [("项目", 14.0, "个", None)]),
        (
            "科技服务业和信息服务业营收分别增长12.9%和10%。",
            [
                ("科技服务业营收", 12.9, "%", "增长"),
                ("信息服务业营收", 10.0, "%", "增长"),
            ],
        ),
    ],
)
def test_quantities_in_constructed_sentences(
    sentence: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    assert one(sentence) == expected


def test_value_parsing() -> None:
    assert parse_value("1,047.28") == (1047.28, None)
    assert parse_value("2—4") == (2.0, 4.0)
    assert parse_value("一百零三") == (103.0, None)
    assert parse_value("一半") == (0.5, None)
    assert parse_value("翻番") == (2.0, None)
    assert parse_value("1/6") == (1 / 6, None)
    assert parse_value("项目") is None


def test_tense_and_period() -> None:
    plan = find_targets("今年力争完成全社会固投310亿元。", (), [])[0]
    assert plan.tense == "plan"
    result = find_targets("去年完成旧住房修缮103万平方米。", (), [])[0]
    assert result.tense == "result"
    by_section = find_targets("新增企业7726家。", ("2024年工作回顾",), [])[0]
    assert by_section.tense == "result"
    # A span up to now (`今年以来`, `…以来`) counts what is done, though it names this year.
    since = find_targets("今年以来，新增市场主体2.1万户。", (), [])[0]
    assert since.tense == "result"
    assert find_targets("今年新增市场主体2万户。", (), [])[0].tense == "plan"
    quarter = find_targets("2024年前三季度，虹口地区生产总值增长8.9%。", (), [])[0]
    assert quarter.period == "前三季度"
    # `争取到` obtained what it names; before a horizon it still strives for it.
    assert find_targets("争取到中央预算内投资2.76亿元。", (), [])[0].tense != "plan"
    assert find_targets("争取到2025年新增企业100家。", (), [])[0].tense == "plan"
    # In the review part `将` moves its object (as 把), it marks no plan.
    review = ("一、2021年工作回顾",)
    assert find_targets("将研发费用加计扣除比例提高到100%。", review, [], role="review")[0].tense == "result"
    # Above last year is a comparison, not a past: the arranged sum is a plan.
    (arranged, _) = find_targets("对地方转移支付安排增长7.8%、增幅高于去年，其中奖补资金增长10%。", (), [])
    assert arranged.tense == "plan"


def test_phrases_and_projects() -> None:
    facts = extract_facts(seed_document(REPORT_2025), seed_outline(REPORT_2025))
    phrases = {f.form: f for f in facts if isinstance(f, Phrase)}
    assert "上海北外滩、都市新标杆" in phrases and "五个中心" in phrases and "四大功能" in phrases
    assert "两评估、一清单、一盘活" in phrases and "八大计划" in phrases
    projects = {f.name for f in facts if isinstance(f, Project)}
    assert {"世界会客厅二期", "90街坊", "480米新地标", "北横通道", "轨交19号线", "“美丽家园+”系列工程"} <= projects
    assert not projects & {"项目", "中心", "工程"}
    for fact in facts:
        doc = seed_document(REPORT_2025)
        assert doc.normalised_slice(fact.span) == fact.text.replace(" | ", "\t")


def changes(old: Path, new: Path) -> list[FactChange]:
    return list(compare_documents(seed_document(old), seed_document(new)).facts)


def test_report_vs_news_review_changed_target_and_shared_projects() -> None:
    facts = changes(REPORT_2025, NEWS_2025)
    foreign = [f for f in facts if f.kind == "target" and f.old and f.old.metric == "实到外资"]
    assert len(foreign) == 1 and foreign[0].status == "changed" and foreign[0].new
    assert (foreign[0].old.value, foreign[0].new.value, foreign[0].delta) == (35.7, 35.46, -0.24)  # type: ignore[union-attr]
    shared = [f.new.metric for f in facts if f.kind == "project" and f.status == "unchanged" and f.new]
    # (中共四大纪念馆 is named in the review only by a photo caption, which is not its text.)
    assert "“美丽家园+”系列工程" in shared


def test_outlook_vs_report_slogan_and_projects() -> None:
    facts = changes(OUTLOOK_2024, REPORT_2025)
    unchanged = {(f.kind, f.new.metric) for f in facts if f.status == "unchanged" and f.new}
    assert ("phrase", "上海北外滩、都市新标杆") in unchanged
    assert ("project", "世界会客厅二期") in unchanged and ("project", "90街坊") in unchanged
    budget = [f for f in facts if f.kind == "target" and f.old and f.old.metric == "一般公共预算收入"]
    assert budget and budget[0].tense_changed and (budget[0].old.tense, budget[0].new.tense) == ("plan", "result")  # type: ignore[union-attr]


def test_slogan_change_between_2021_and_2024() -> None:
    facts = changes(NEWS_2021, OUTLOOK_2024)
    slogan = [f for f in facts if f.kind == "phrase" and f.old and f.old.metric == "上海北外滩、浦江金三角"]
    assert (
        slogan and slogan[0].status == "changed" and slogan[0].new and slogan[0].new.metric == "上海北外滩、都市新标杆"
    )


def test_different_periods_never_pair() -> None:
    old = document_from_bytes("一、2024年工作回顾\n\n全年地区生产总值增长8.2%。\n".encode(), "old")
    new = document_from_bytes("一、2024年工作回顾\n\n前三季度地区生产总值增长8.9%。\n".encode(), "new")
    facts = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert sorted(f.status for f in facts) == ["added", "dropped"]


def test_a_headline_figure_its_story_restates_is_one_target() -> None:
    """A newspaper's headline `省政府工作报告提出今年GDP增长5%左右` names who says it and when
    (no part of the metric), and its story says `GDP增长5%左右` again: one target, paired with the
    report's, not an extra one reported added. A figure only the headline states stays."""
    assert metrics_values("省政府工作报告提出今年GDP增长5%左右") == [("GDP", 5.0)]
    assert metrics_values("数据显示全市规上工业增加值增长6%。") == metrics_values("全市规上工业增加值增长6%。")
    report = document_from_bytes(
        "一、2023年工作回顾\n\n地区生产总值增长4.8%。\n\n二、2024年工作安排\n\n"
        "今年主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长4%。\n".encode(),
        "report",
    )
    news = document_from_bytes(
        "省政府工作报告提出今年GDP增长5%左右\n"
        "报告提出，今年主要预期目标是：GDP增长5%左右，一般公共预算收入增长4%。\n".encode(),
        "news",
    )
    news_targets = [f for f in extract_facts(news, segment(news)) if f.kind == "target"]
    assert [(t.metric, t.value) for t in news_targets] == [("GDP", 5.0), ("一般公共预算收入", 4.0)]  # type: ignore[union-attr]
    facts = [f for f in compare_documents(report, news).facts if f.kind == "target"]
    assert "added" not in {f.status for f in facts}
    headline_only = document_from_bytes("今年GDP增长5%左右\n报告提出，一般公共预算收入增长4%。\n".encode(), "news")
    assert len([f for f in extract_facts(headline_only, segment(headline_only)) if f.kind == "target"]) == 2


def test_a_plan_pairs_with_a_plan_before_a_result_of_an_aligned_section() -> None:
    """A newspaper's one section aligns with the report's review, yet its `城镇调查失业率5.5%左右`
    is the report's plan, said in its targets part, not last year's `5.2%` changed: a pair of the
    same tense scores higher (`same_tense_bonus`)."""
    report = document_from_bytes(
        (
            "一、2023年工作回顾\n\n过去一年，国内生产总值增长5.2%，城镇新增就业1244万人。"
            "城镇调查失业率平均为5.2%，粮食产量1.39万亿斤。\n\n"
            "二、2024年目标\n\n今年发展主要预期目标是：城镇调查失业率5.5%左右，粮食产量1.3万亿斤以上。\n"
        ).encode(),
        "report",
    )
    news = document_from_bytes(
        (
            "报告提出今年目标\n\n报告提出，今年城镇调查失业率5.5%左右，粮食产量1.3万亿斤以上。"
            "回顾过去一年，国内生产总值增长5.2%，城镇新增就业1244万人。\n"
        ).encode(),
        "news",
    )
    facts = [f for f in compare_documents(report, news).facts if f.kind == "target"]
    assert sorted((f.status, (f.old or f.new).metric, (f.old or f.new).value) for f in facts) == [
        ("dropped", "城镇调查失业率", 5.2),
        ("dropped", "粮食产量", 1.39),
        ("unchanged", "国内生产总值", 5.2),
        ("unchanged", "城镇新增就业", 1244.0),
        ("unchanged", "城镇调查失业率", 5.5),
        ("unchanged", "粮食产量", 1.3),
    ]


def test_a_level_pairs_with_the_level_said_the_same_way_not_the_milestone_beside_it() -> None:
    """`突破13万亿元，达到13.57万亿元`: the milestone crossed and the level reached share the metric,
    unit and tense; last year's `达到12.9万亿元` is read against the level said with the same verb
    (`same_direction_bonus`), so Δ is +0.67 万亿元, not +0.1."""
    old = document_from_bytes(
        "一、2022年工作回顾\n\n2022年，全省地区生产总值达到12.9万亿元，增长1.9%。\n".encode(), "old"
    )
    new = document_from_bytes(
        "一、2023年工作回顾\n\n2023年，全省地区生产总值突破13万亿元，达到13.57万亿元，增长4.8%。\n".encode(), "new"
    )
    facts = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert sorted((f.status, f.old and f.old.value, f.new and f.new.value) for f in facts) == [
        ("added", None, 13.0),
        ("changed", 1.9, 4.8),
        ("changed", 12.9, 13.57),
    ]


def test_hand_annotated_targets_precision_and_recall() -> None:
    """At least 60 targets annotated by hand in two seeds; precision and recall ≥ 0.9."""
    rows = [r for r in csv.reader(ANNOTATIONS.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
    assert len(rows) >= 60
    sources = {"news": NEWS_2025, "report": REPORT_2025}
    true_positive = extracted = 0
    for name, path in sources.items():
        gold = [r for r in rows if r[0] == name]
        sections = {r[1] for r in gold}
        found = [t for t in targets_of(path) if t.section and t.section[-1] in sections]
        extracted += len(found)
        used: set[int] = set()
        for target in found:
            for k, row in enumerate(gold):
                if k in used or row[1] != target.section[-1] or target.value is None:
                    continue
                same_value = abs(target.value - float(row[3])) < 1e-6
                same_metric = (
                    row[2] in target.metric or target.metric in row[2] or fuzz.ratio(row[2], target.metric) >= 50
                )
                if same_value and same_metric:
                    used.add(k)
                    true_positive += 1
                    break
    precision, recall = true_positive / extracted, true_positive / len(rows)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_testbed_fact_changes() -> None:
    score = run([str(REPORT_2025), str(OUTLOOK_2024), str(PLAN)], str(NEWS_2021), range(5))
    assert score.number_targets and score.number_targets_found == score.number_targets, score
    assert score.dropped_projects and score.dropped_projects_found == score.dropped_projects, score
    assert score.added_phrases_found == score.added_phrases, score


def test_a_generic_head_takes_the_subject_of_its_sentence() -> None:
    """`同比增长7.2%` is about what the sentence measured before it; a frame alone is no metric."""
    found = one("地区生产总值完成303.6亿元，同比增长7.2%；一般公共预算收入17亿元，按可比口径增长13%。")
    assert [(m, v) for m, v, _, _ in found] == [
        ("地区生产总值", 303.6),
        ("地区生产总值", 7.2),
        ("一般公共预算收入", 17.0),
        ("一般公共预算收入", 13.0),
    ]
    # At constant prices (`按不变价格计算`) frames the growth as at comparable prices does.
    found = one("全市实现地区生产总值3.2万亿元，按不变价格计算，同比增长5.1%。")
    assert [(m, v) for m, v, _, _ in found] == [("地区生产总值", 3.2), ("地区生产总值", 5.1)]
    assert one("旧区改造全面提速，累计完成94万平方米。")[0][:2] == ("旧区改造全面提速", 94.0)
    assert one("同比增长7.2%。") == []  # nothing says what grew
    # `首次` says when, not what: the milestone is the subject's.
    assert [t[:2] for t in one("装备制造业产值达到512亿元，首次突破500亿元。")] == [
        ("装备制造业产值", 512.0),
        ("装备制造业产值", 500.0),
    ]
    # `同口径` frames a comparison as `同比` does, and `增速` is the growth of the subject.
    found = one("区级一般公共预算收入完成152.3亿元，同口径增长8.5%。地区生产总值增长6.1%，增速高于全市1.1个百分点。")
    assert [(m, v) for m, v, _, _ in found] == [
        ("区级一般公共预算收入", 152.3),
        ("区级一般公共预算收入", 8.5),
        ("地区生产总值", 6.1),
        ("地区生产总值", 1.1),
    ]
    # A margin over any benchmark is bounded by its comparison and shown with it, never as a bare figure.
    for sentence, bound, shown in (
        ("规上工业增加值增长8.5%，高于全省平均水平1.2个百分点。", "高于", "高于全省平均水平1.2个百分点"),
        ("规上工业增加值增长8.5%，比全省高1.2个百分点。", "高于", "比全省高1.2个百分点"),
        # A benchmark ending on a move's word: `增长` is the benchmark's, not the margin's direction.
        ("规上工业增加值增长8.5%，快于经济增长1.2个百分点。", "快于", "快于经济增长1.2个百分点"),
    ):
        doc = document_from_bytes(f"一、2024年工作回顾\n\n{sentence}\n".encode(), "t")
        sides = [f.new for f in compare_documents(doc, doc).facts if f.kind == "target" and f.new]
        assert [(s.metric, s.bound, target_value(s)) for s in sides][1] == ("规上工业增加值", bound, shown)
    # A regulation's floor set against a measure, negated as a rule says it (`不得低于…的30%`).
    doc = document_from_bytes("第二章 规划和建设\n\n第三条 新建居住区绿地面积不得低于总用地面积的30%。\n".encode(), "t")
    (floor,) = [f.new for f in compare_documents(doc, doc).facts if f.kind == "target" and f.new]
    assert (floor.metric, floor.bound, target_value(floor)) == ("新建居住区绿地面积", "不低于", "不低于总用地面积的30%")
    # A connector before a leading verb goes first, then the verb: neither is measured.
    assert one("全区实现地区生产总值1285.6亿元。")[0][:2] == ("地区生产总值", 1285.6)
    # Any whole area: a county's, a province's.
    assert one("全县实现地区生产总值125.6亿元。")[0][:2] == ("地区生产总值", 125.6)
    assert one("全省粮食播种面积稳定在1528万亩。")[0][:2] == ("粮食播种面积", 1528.0)
    # The area is part of a product's name (`全市生产总值`, as `国内生产总值`), not its subject.
    assert one("全市生产总值增长6.8%。")[0][:2] == ("全市生产总值", 6.8)
    # `我国`, `我省`, `我市`: the speaker's own area, the clause's subject as `全区` is.
    assert [t[:2] for t in one("2023年我国国内生产总值超过126万亿元，我省地区生产总值增长5%。")] == [
        ("国内生产总值", 126.0),
        ("地区生产总值", 5.0),
    ]


def test_direction_bound_and_ranges_in_their_own_fields() -> None:
    """`增长6%－6.5%` is one range target; `5.5%左右` keeps its bound beside its direction."""
    (gdp,) = find_targets("国内生产总值增长6%－6.5%。".replace("－", "-"), (), [])
    assert (gdp.value, gdp.value_high, gdp.unit, gdp.direction, gdp.bound) == (6.0, 6.5, "%", "增长", None)
    (growth,) = find_targets("国内生产总值增长5.5%左右。", (), [])
    assert (growth.direction, growth.bound, growth.qualifier) == ("增长", "左右", "增长")
    (jobless,) = find_targets("城镇调查失业率全年控制在5.5%以内。", (), [])
    assert (jobless.direction, jobless.bound, jobless.period) == ("控制在", "以内", "全年")
    (grain,) = find_targets("粮食产量保持在1.3万亿斤以上。", (), [])
    assert (grain.metric, grain.unit, grain.direction, grain.bound) == ("粮食产量", "万亿斤", "保持在", "以上")
    (floor,) = find_targets("研发投入不低于3%。", (), [])
    assert (floor.direction, floor.bound) == (None, "不低于")


def test_a_range_printed_with_a_unit_on_each_end_is_one_target() -> None:
    """`1200万吨到1300万吨`, `50万至60万人` and a floor with a ceiling (`1000元以上1万元以下罚款`)
    are one range, both ends in one unit; a move from one value to another is not a range."""

    def ranges(sentence: str) -> list[tuple[str, float | None, float | None, str | None, str | None]]:
        return [(t.metric, t.value, t.value_high, t.unit, t.bound) for t in find_targets(sentence, (), [])]

    assert ranges("粮食产量稳定在1200万吨到1300万吨。") == [("粮食产量", 1200.0, 1300.0, "万吨", None)]
    assert ranges("城镇新增就业50万至60万人。") == [("城镇新增就业", 50.0, 60.0, "万人", None)]
    # A fine between a floor and a ceiling: the sum named by the noun after it, in the floor's unit.
    assert ranges("逾期不改正的，处1000元以上1万元以下罚款。") == [("罚款", 1000.0, 10000.0, "元", None)]
    # Not a range: a fall, a move from one value to another, different units, a bound alone.
    assert [t[1:3] for t in ranges("每户补贴5000元至3000元。")] == [(5000.0, None), (3000.0, None)]
    assert [t[1:3] for t in ranges("专利拥有量从29件到35件。")] == [(29.0, None), (35.0, None)]
    assert [t[1:4] for t in ranges("建成绿道10公里至20个。")] == [(10.0, None, "公里"), (20.0, None, "个")]
    assert ranges("企业研发投入增长10%以上。")[0][2] is None


def test_a_move_said_first_is_the_direction_and_a_task_verb_is_no_part_of_the_metric() -> None:
    """`降低工商业电价5%`: the verb of moving opens the clause and is the direction; an amount it moves
    by is an increment; `…至每月5000元` is the level reached. `实施`, `开展` and how a task is done
    (`全力确保`) lead into the metric and are no part of it."""

    def read(sentence: str) -> list[tuple[str, float | None, str | None, str | None]]:
        return [(t.metric, t.value, t.direction, t.change) for t in find_targets(sentence, (), [])]

    assert read("降低工商业电价5%。") == [("工商业电价", 5.0, "降低", None)]
    assert read("增加国家铁路建设资本金1000亿元。") == [("国家铁路建设资本金", 1000.0, "增加", "increment")]
    assert read("提高个人所得税基本减除费用标准至每月5000元。") == [
        ("个人所得税基本减除费用标准", 5000.0, "提高到", None)
    ]
    assert read("增加值增长8%。") == []  # `增加值` is a noun (with no subject here, no target)
    assert [t[:2] for t in read("实施临时救助超过800万人次，开展补贴性技能培训2.85万人次。")] == [
        ("临时救助", 800.0),
        ("补贴性技能培训", 2.85),
    ]
    assert read("全力确保空气优良天数达到350天。") == [("空气优良天数", 350.0, "达到", None)]
    # A time word before the leading word or a verb of making new says when, not what.
    assert [t[:2] for t in read("年内力争建成水冲式公厕30座，年内新建学校5所。")] == [
        ("建成水冲式公厕", 30.0),
        ("新建学校", 5.0),
    ]
    # A growth rate named after its metric (`增速`, `增幅`, `年均增速`) is the metric's growth;
    # `涨幅` names a price index's measure and stays.
    rates = [
        find_targets(sentence, (), [])[0]
        for sentence in ("规模以上工业增加值增速达到11.1%。", "新兴产业产值年均增速超过20%。", "居民消费价格涨幅3%。")
    ]
    assert [(t.metric, t.direction, t.period) for t in rates] == [
        ("规模以上工业增加值", "增长", None),
        ("新兴产业产值", "增长", "年均"),
        ("居民消费价格涨幅", None, None),
    ]


def test_a_rules_modal_and_negated_comparison_are_its_bound() -> None:
    """A regulation words a bound with a modal (`不得超过`, `不宜低于`, `应当不低于`): the bound is
    `不超过`, `不低于`…, and the modal (`应当`, `原则上`) is no part of what is measured."""
    assert one("单间租金月涨幅不得超过5%。") == [("单间租金月涨幅", 5.0, "%", "不超过")]
    assert one("收益用于公共服务的比例原则上不宜低于40%。") == [("收益用于公共服务的比例", 40.0, "%", "不低于")]
    assert one("保障性住房比例应当不低于20%。") == [("保障性住房比例", 20.0, "%", "不低于")]
    assert one("绿地率应当达到30%。") == [("绿地率", 30.0, "%", "达到")]
    # `不` of a word before the comparison is no negation of it.
    assert one("天然气供应不低于100亿立方米。") == [("天然气供应", 100.0, "亿立方米", "不低于")]
    # At least and at most bound a target (`至少` may open the clause, before its verb).
    assert one("全年至少新增就业岗位5万个。") == [("新增就业岗位", 5.0, "万个", "至少")]
    assert one("给予最高100万元奖励。") == [("奖励", 100.0, "万元", "最高")]
    # A decimal before `年` counts years (a date is a whole year); output per worker is in 元/人.
    assert one("劳动年龄人口平均受教育年限提高到11.3年。") == [("劳动年龄人口平均受教育年限", 11.3, "年", "提高到")]
    assert one("全员劳动生产率达到20万元/人。") == [("全员劳动生产率", 20.0, "万元/人", "达到")]
    assert one("2025年地区生产总值达到5000亿元。")[0][:3] == ("地区生产总值", 5000.0, "亿元")
    # A fraction in words is a share: `压减三分之一以上` cuts by a third or more.
    assert one("工业生产许可证种类压减三分之一以上。") == [("工业生产许可证种类", 1 / 3, None, "压减")]
    # A share of things that do something measures what they do, not the things alone.
    assert one("三分之二的竞争类企业实现整体上市。")[0][:2] == ("竞争类企业实现整体上市", 2 / 3)
    assert one("90%的行政村实现通硬化路。")[0][:2] == ("行政村实现通硬化路", 90.0)
    assert one("覆盖50%以上的义务教育学校。")[0][:2] == ("义务教育学校", 50.0)
    # Energy is counted in tonnes of standard coal, a unit of its own.
    assert one("能源消费总量控制在1.6亿吨标准煤以内。") == [("能源消费总量", 1.6, "亿吨标准煤", "控制在")]


def test_tense_follows_the_part_when_the_sentence_does_not_say() -> None:
    """In a report with a review part, the other parts are plans; in the review `预计` is an outcome."""
    text = (
        "一、2016年工作回顾\n\n全市生产总值增长6.8%，预计单位生产总值能耗下降3.8%。\n\n"
        "二、2017年主要任务\n\n新增公办养老床位7000张，改造中心城区二级旧里以下房屋55万平方米。\n"
    )
    doc = document_from_bytes(text.encode(), "<t>")
    from docdiff.segment import segment

    tenses = {(t.metric, t.tense) for t in extract_facts(doc, segment(doc)) if isinstance(t, Target)}
    assert tenses >= {("全市生产总值", "result"), ("单位生产总值能耗", "result"), ("新增公办养老床位", "plan")}
    # Without a review part, the section headings decide as before (no role is assumed).
    assert find_targets("新增公办养老床位7000张。", ("社会保障",), [])[0].tense is None


def test_a_sentence_cut_at_a_semicolon_goes_on_in_the_tense_its_first_part_states() -> None:
    """A news piece has no parts: `去年…；一般公共预算收入完成…` is last year's in both parts. A
    from-to span (`由2010年的…增加到2015年的…`) is past, not a horizon (`到2025年`)."""
    text = (
        "市政府工作报告解读\n\n1月15日，市十六届人大三次会议开幕。报告显示，去年全市实现地区生产总值1.2万亿元，增长5.3%；"
        "一般公共预算收入完成860亿元，增长3.1%。\n\n报告提出，今年地区生产总值增长5.5%左右；城镇新增就业25万人。\n"
    )
    doc = document_from_bytes(text.encode(), "<t>")
    from docdiff.segment import segment

    tenses = [(t.metric, t.value, t.tense) for t in extract_facts(doc, segment(doc)) if isinstance(t, Target)]
    assert tenses == [
        ("地区生产总值", 1.2, "result"),
        ("地区生产总值", 5.3, "result"),
        ("一般公共预算收入", 860.0, "result"),
        ("一般公共预算收入", 3.1, "result"),
        ("地区生产总值", 5.5, "plan"),
        ("城镇新增就业", 25.0, "plan"),
    ]
    (spanned,) = find_targets("公共预算支出由11.66亿元增加到2015年的29.33亿元。", (), [])
    assert spanned.tense != "plan"
    (horizon,) = find_targets("到2025年，地区生产总值达到2000亿元。", (), [])
    assert horizon.tense == "plan"


def test_named_programmes_and_zones_are_projects_categories_are_not() -> None:
    from docdiff.facts.projects import find_projects

    names = [
        p.name
        for p in find_projects("实施文化惠民工程和职业技能提升行动，建设海南自由贸易港，再开工一批重大水利工程。")
    ]
    # `重大水利工程` is a quality and a field: a class of works (tests/annotations/projects_national.tsv)
    assert names == ["文化惠民工程", "职业技能提升行动", "海南自由贸易港"]
    assert [p.name for p in find_projects("推进民生工程，改善乡村学校和公立医院条件。")] == []


def test_each_value_of_a_list_takes_its_own_part_of_the_subject() -> None:
    """`A、B分别…X和Y`: X is A's, Y is B's; parallel parts share the head only the last prints."""
    # A part printing its own head is not completed with the subject's (`规上` shortens the subject).
    assert metrics_values("新增规上工业企业9500家，高新技术企业超过7.5万家。")[1] == ("高新技术企业", 7.5)
    assert metrics_values("跨国公司地区总部、外资研发中心分别新增222家和75家。") == [
        ("跨国公司地区总部", 222.0),
        ("外资研发中心", 75.0),
    ]
    assert metrics_values("城镇和农村居民人均可支配收入分别达35512元、25689元。") == [
        ("城镇居民人均可支配收入", 35512.0),
        ("农村居民人均可支配收入", 25689.0),
    ]
    # A measure per unit of output opens the list: the parts after it are per the same unit,
    # a total is not.
    assert metrics_values("单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。") == [
        ("单位国内生产总值能耗", 13.5),
        ("单位国内生产总值二氧化碳排放", 18.0),
    ]
    assert metrics_values("单位GDP能耗和用水量均下降3%。") == [("单位GDP能耗", 3.0), ("单位GDP用水量", 3.0)]
    assert metrics_values("单位面积产量和总产量分别增长3%和4%。")[1] == ("总产量", 4.0)
    # `城乡` contracts the two subjects into one word: each still gets its value, and one value
    # said of both is each one's.
    assert metrics_values("城乡居民人均可支配收入分别增长6.5%、9.4%。") == [
        ("城镇居民人均可支配收入", 6.5),
        ("农村居民人均可支配收入", 9.4),
    ]
    assert metrics_values("城乡常住居民人均可支配收入均增长7.5%。") == [
        ("城镇常住居民人均可支配收入", 7.5),
        ("农村常住居民人均可支配收入", 7.5),
    ]
    # Two values, one part printed: the metric is the whole subject, without `分别`.
    assert metrics_values("居民人均可支配收入分别增长6.5%、9.4%。") == [
        ("居民人均可支配收入", 6.5),
        ("居民人均可支配收入", 9.4),
    ]
    # Unsplit without `分别`: the whole is measured.
    assert metrics_values("城乡居民人均可支配收入增长6.5%。") == [("城乡居民人均可支配收入", 6.5)]
    # A bound printed after the last value is said of them all; one after an earlier value is its own.
    bounds = [t.bound for t in find_targets("城乡常住居民人均可支配收入分别增长7%和8%左右。", (), [])]
    assert bounds == ["左右", "左右"]
    assert [t.bound for t in find_targets("城乡居民人均可支配收入分别增长5%以上和7%。", (), [])] == ["以上", None]


def test_values_said_each_in_a_clause_without_a_subject_belong_to_the_subjects_counted_before() -> None:
    """`A52368元，B24120元，分别增长5.1%和7%`: 5.1% is A's growth, 7% B's, and both grow."""
    found = find_targets("城镇居民人均可支配收入52,368元，农村居民人均可支配收入24,120元，分别增长5.1%和7.0%。", (), [])
    assert [(t.metric, t.value, t.unit, t.direction) for t in found] == [
        ("城镇居民人均可支配收入", 52368.0, "元", None),
        ("农村居民人均可支配收入", 24120.0, "元", None),
        ("城镇居民人均可支配收入", 5.1, "%", "增长"),
        ("农村居民人均可支配收入", 7.0, "%", "增长"),
    ]
    # The nearest subjects, as many as there are values.
    assert metrics_values("地区生产总值120亿元，增长6%；出口18亿元，进口9亿元，分别是上年的1.2倍和1.1倍。") == [
        ("地区生产总值", 120.0),
        ("地区生产总值", 6.0),
        ("出口", 18.0),
        ("进口", 9.0),
        ("出口", 1.2),
        ("进口", 1.1),
    ]
    # One subject before two values: each is that subject's, as before.
    assert metrics_values("出口18亿元，分别增长5%和6%。") == [("出口", 18.0), ("出口", 5.0), ("出口", 6.0)]


def test_a_comma_grouping_thousands_is_part_of_the_number_not_the_end_of_a_clause() -> None:
    assert metrics_values("全区实现地区生产总值1,234.5亿元，同比增长5.2%。") == [
        ("地区生产总值", 1234.5),
        ("地区生产总值", 5.2),
    ]


def test_what_a_figure_is_set_against_or_left_without_is_no_metric() -> None:
    """`增速高于全省平均水平`, `剔除留抵退税因素后`, `同口径`, `为年度计划的`: how a figure is
    compared, not what it measures; the clause's subject is measured. A share of the year's plan
    is what was done, not a plan."""
    assert metrics_values("地区生产总值增长4.2%，增速高于全省平均水平0.8个百分点。") == [
        ("地区生产总值", 4.2),
        ("地区生产总值", 0.8),
    ]
    assert metrics_values("一般公共预算收入215.3亿元，剔除留抵退税因素后增长6.5%。") == [
        ("一般公共预算收入", 215.3),
        ("一般公共预算收入", 6.5),
    ]
    assert metrics_values("一般公共预算收入同口径增长5%。") == [("一般公共预算收入", 5.0)]
    _done, share = find_targets("重点项目完成投资850亿元，为年度计划的112%。", (), [])
    assert (share.metric, share.value, share.tense) == ("重点项目完成投资", 112.0, None)
    assert find_targets("年度计划投资1000亿元。", (), [])[0].tense == "plan"
    # The year's goal, as the plan: `完成年度目标的120%` is how much of its goal the subject met.
    assert metrics_values("全年新增城镇就业1.2万人，完成年度目标的120%。") == [
        ("新增城镇就业", 1.2),
        ("新增城镇就业", 120.0),
    ]


def test_a_past_span_or_a_comparison_base_is_no_metric() -> None:
    """`过去五年年均增长7.5%`, `是上个五年的2.1倍`, `从五年前的2万亿元跃升到3万亿元`: the
    sentence's subject is what is measured."""
    assert metrics_values("地区生产总值达到2.5万亿元，过去五年年均增长7.5%。") == [
        ("地区生产总值", 2.5),
        ("地区生产总值", 7.5),
    ]
    assert metrics_values("新设企业121.9万家，是上个五年的2.1倍。") == [("新设企业", 121.9), ("新设企业", 2.1)]
    assert metrics_values("地区生产总值年均增长7.1%，从五年前的2万亿元跃升到3万亿元。") == [
        ("地区生产总值", 7.1),
        ("地区生产总值", 3.0),  # moved from 2万亿元: one target
    ]
    assert metrics_values("地区生产总值由162.4亿元增加到287.9亿元，年均增长12.1%。")[-1] == ("地区生产总值", 12.1)
    # A count of another kind is not the subject's: households are no investment in 亿元.
    assert metrics_values("全年投资90.07亿元，完成1.8万户。") == [("投资", 90.07)]
    # How long a level has held is a span, not what is measured.
    assert metrics_values("全年粮食产量6.87亿吨，连续7年保持在6.5亿吨以上。") == [("粮食产量", 6.87), ("粮食产量", 6.5)]


def test_a_measure_before_a_noun_measures_the_noun() -> None:
    """`发行1万亿元抗疫特别国债`: only a verb stands before the sum, the noun after says what it is."""
    assert metrics_values("发行1万亿元抗疫特别国债。") == [("抗疫特别国债", 1.0)]
    # The later counts of a list share the verb: `新建50家A、80家B` builds both.
    assert metrics_values("新建50家长者照护之家、80家老年人日间服务中心。") == [
        ("新建长者照护之家", 50.0),
        ("新建老年人日间服务中心", 80.0),
    ]
    assert metrics_values("完成175个重点项目、30个民生项目。") == [("重点项目", 175.0), ("民生项目", 30.0)]
    assert metrics_values("使用1000亿元失业保险基金。") == [("失业保险基金", 1000.0)]
    # A verb after a count belongs to the metric before it.
    assert metrics_values("每万人口发明专利拥有量从上年的29件提高到35件。") == [("每万人口发明专利拥有量", 35.0)]
    # An attribute of the subject (`规模`) is no metric; a direction may stand before a bound.
    found = find_targets("中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%。", (), [])
    assert [(t.metric, t.value, t.direction, t.bound) for t in found] == [
        ("中央对地方转移支付", 1.5, "增加", "约"),
        ("中央对地方转移支付", 9.8, None, "近"),
        ("中央对地方转移支付", 18.0, "增长", None),
    ]
    # A count's total (`总数`) is such an attribute: the metric is the subject of the clause
    # before it (which still carries its predicate, `持续壮大`, as `旧区改造全面提速` does).
    found = find_targets("全区经营主体持续壮大，总数达到52万户。", (), [])
    assert [(t.metric[:4], t.value, t.unit) for t in found] == [("经营主体", 52.0, "万户")]


def test_an_average_is_how_a_quantity_is_taken_not_what_is_measured() -> None:
    assert metrics_values("城镇调查失业率平均5.1%，城镇调查失业率平均为5.2%。") == [
        ("城镇调查失业率", 5.1),
        ("城镇调查失业率", 5.2),
    ]
    # Inside a metric it is the metric's own word.
    assert metrics_values("PM2.5年平均浓度下降到42微克/立方米。") == [("PM2.5年平均浓度", 42.0)]


def test_a_ratio_without_a_unit_is_a_target_only_after_a_dimensionless_metric() -> None:
    found = find_targets("城乡居民收入比缩小到2.07，恩格尔系数为28.5。", (), [])
    assert [(t.metric, t.value, t.unit, t.direction) for t in found] == [
        ("城乡居民收入比", 2.07, None, "缩小到"),
        ("恩格尔系数", 28.5, None, None),
    ]
    # A ratio may be printed as a multiple (`倍差`) and carry its bound, as a target does.
    found = find_targets("城乡居民收入倍差缩小到1.8以内。", (), [])
    assert [(t.metric, t.value, t.unit, t.bound) for t in found] == [("城乡居民收入倍差", 1.8, None, "以内")]
    # A bare decimal after anything else is a version or a name, not an amount.
    assert metrics_values("推出数据安全管理办法2.0，建设智慧城市3.0。") == []
    assert metrics_values("推进“一网通办”2.0版建设。") == []


def test_a_bare_measure_listed_after_a_measured_target_is_of_its_thing() -> None:
    assert metrics_values("粮食播种面积稳定在1500万亩以上、产量稳定在124亿斤以上。") == [
        ("粮食播种面积", 1500.0),
        ("粮食产量", 124.0),
    ]
    assert metrics_values("新建林地7.6万亩、绿地1221公顷。") == [("新建林地", 7.6), ("新建绿地", 1221.0)]
    # Not after things counted side by side, nor a verb (what is done), nor a part the thing names.
    assert metrics_values("新建学校5所、医院3家。")[1] == ("医院", 3.0)
    assert metrics_values("一般公共预算收入增长5%、支出增长3%。")[1] == ("支出", 3.0)
    assert metrics_values("进出口总额增长5%、出口增长6%。")[1] == ("出口", 6.0)
    assert metrics_values("地区生产总值增长5.5%左右，投资增长5%。")[1] == ("投资", 5.0)  # not listed by 、
    # After `，`, another measure of the thing in a unit of another kind, when a noun opens the
    # thing: area then weight, weight then money; not after a verb (`新建道路`), nor a rate.
    assert metrics_values("粮食播种面积稳定在1.75亿亩，总产量达到1270万吨以上。")[1] == ("粮食总产量", 1270.0)
    assert metrics_values("碳排放权交易成交量410.4万吨，成交额2.1亿元。")[1] == ("碳排放权交易成交额", 2.1)
    assert metrics_values("新建道路10公里，投资5亿元。")[1] == ("投资", 5.0)
    # `年度计划` before a measure says how the year's figure is set, not what is measured.
    assert metrics_values("安排县重点项目120个，年度计划投资150亿元。")[1] == ("县重点项目投资", 150.0)
    assert metrics_values("重点项目年度计划投资150亿元。") == [("重点项目投资", 150.0)]
    assert metrics_values("财政收入30亿元，支出50亿元。")[1] == ("支出", 50.0)
    # After a count of things, an amount of another kind is of those things; a rate, a count of
    # other things or a move against a base is not.
    assert metrics_values("全年实施重点项目47个，完成投资46.9亿元。")[1] == ("重点项目投资", 46.9)
    assert metrics_values("建成公园5个、面积20公顷。")[1] == ("公园面积", 20.0)
    assert metrics_values("引进企业50家，投资增长10%。")[1] == ("投资", 10.0)
    assert metrics_values("新开工项目42个，比计划增加22个，完成投资1280亿元。")[-1][1] == 1280.0
    assert "比计划投资" not in {m for m, _ in metrics_values("新开工项目42个，比计划增加22个，完成投资1280亿元。")}
    # The label of an item in a list of targets is no part of the metric.
    assert metrics_values("1.地区生产总值增长6%左右；（2）一般公共预算收入增长5%；")[:2] == [
        ("地区生产总值", 6.0),
        ("一般公共预算收入", 5.0),
    ]
    assert metrics_values("1.2万人参加技能培训。") == [("参加技能培训", 1.2)]  # a number, not a label
    # An item listed by 、 loses its leading verb as the first item does.
    assert metrics_values("全年接待游客3000万人次、实现旅游收入300亿元。")[1] == ("旅游收入", 300.0)


def test_set_phrases_brackets_and_groups_are_not_targets() -> None:
    """Chinese single digits are set phrases (GB/T 15835); a threshold defining a bracket or a
    group counts nothing."""
    assert metrics_values("严格落实中央八项规定精神。") == []
    assert metrics_values("打造四张“名片”。") == []
    assert metrics_values("对小微企业年应纳税所得额100万元至300万元部分，再减半征收企业所得税。") == []
    assert metrics_values("减轻3岁以下婴幼儿照护负担，60岁以上人口达2.5亿。") == [("60岁以上人口", 2.5)]
    assert metrics_values("近14亿人口的发展中大国。") == []
    # A bound after a direction is a target, even before a noun.
    assert metrics_values("城镇新增就业增长1100万人以上。") == [("城镇新增就业", 1100.0)]
    assert metrics_values("PM2.5年平均浓度下降到35微克/立方米以下。")[0][1] == 35.0


def test_a_move_from_one_value_to_another_is_one_target() -> None:
    """`由A降至B`: one target, B, with A as the value it moved from (the Δ a reviewer reads)."""
    found = find_targets("关税总水平由9.8%降至7.5%，城乡居民基础养老金最低标准从每月70元提高到88元。", (), [])
    assert [(t.metric, t.value, t.earlier, t.direction) for t in found] == [
        ("关税总水平", 7.5, 9.8, "降至"),
        ("城乡居民基础养老金最低标准", 88.0, 70.0, "提高到"),
    ]
    (gdp,) = find_targets("地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元。", (), [])
    assert (gdp.value, gdp.earlier) == (287.9, 162.4)
    (rate,) = find_targets("将制造业等行业现行16%的税率降至13%。", (), [])
    assert (rate.value, rate.earlier, rate.metric.endswith("税率")) == (13.0, 16.0, True)
    # Two values of different units are two targets, not a move.
    assert len(find_targets("投资由5亿元增加到120个项目。", (), [])) == 2


def test_a_growth_that_speeds_up_or_slows_down_is_one_growth_target() -> None:
    """`由增长A加快到B`, `由A回落至B`: a rate that moved, B, with A as where it moved from; a growth
    that sped up is still a growth, and what the sentence goes on to say is of the same metric."""
    found = find_targets("规模以上工业增加值由增长2.1%加快到5.3%，增速比全国高0.3个百分点。", (), [])
    assert [(t.metric, t.value, t.earlier, t.direction) for t in found] == [
        ("规模以上工业增加值", 5.3, 2.1, "增长"),
        ("规模以上工业增加值", 0.3, None, None),
    ]
    found = find_targets("居民消费价格涨幅由3.1%回落至2.0%，赤字率由3.6%收窄至3.2%。", (), [])
    assert [(t.metric, t.value, t.earlier) for t in found] == [("居民消费价格涨幅", 2.0, 3.1), ("赤字率", 3.2, 3.6)]


def test_after_a_direction_the_noun_after_de_only_describes() -> None:
    """`失业率稳定在5%左右的较低水平`: the metric is the rate, not the level it is called."""
    assert metrics_values("调查失业率稳定在5%左右的较低水平。") == [("调查失业率", 5.0)]
    assert metrics_values("航空旅客年吞吐量突破1亿人次的城市。") == [("航空旅客年吞吐量", 1.0)]
    assert metrics_values("设立规模50亿元的中小微企业政策性融资担保基金。") == [("中小微企业政策性融资担保基金", 50.0)]
    assert metrics_values("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%。") == [
        ("城镇常住居民人均可支配收入", 8.0),
        ("农村常住居民人均可支配收入", 8.0),
    ]


def test_project_names_start_after_the_words_that_cannot_begin_one() -> None:
    """Word classes (jieba) trim what stands before a name: adverbs and verbs before a work,
    a locative makes an expression; a programme keeps the verbs of its own name."""
    from docdiff.facts.projects import find_projects

    def names(sentence: str) -> list[str]:
        return [p.name for p in find_projects(sentence)]

    assert names("进一步推动产业园发展。") == []  # a head alone names a kind
    assert names("古城打造特色街区。") == ["特色街区"]
    assert names("统一思想上政治上行动。") == []
    assert names("实施职业技能提升行动。") == ["职业技能提升行动"]
    assert names("开展扫黑除恶专项斗争。") == ["扫黑除恶专项斗争"]
    assert names("稳步推进海南自由贸易港建设。") == ["海南自由贸易港"]
    # A weak head (中心, 平台, 项目, 新区 …) needs a proper noun before it.
    assert names("建设海拉尔大数据中心。") == ["海拉尔大数据中心"]
    assert names("实施一批重大科技项目，建设工业互联网平台。") == []


def test_a_project_taken_out_of_the_plans_is_dropped_even_if_the_review_names_it() -> None:
    """Projects pair within parts of the same role: last year's plan against this year's plan."""
    old = document_from_bytes(
        "一、2024年工作回顾\n\n建成滨江绿地。\n\n二、2025年主要工作\n\n加快建设北横通道。\n".encode(), "old"
    )
    new = document_from_bytes(
        "一、2025年工作回顾\n\n北横通道全线贯通。\n\n二、2026年主要工作\n\n启动建设海伦路地下通道。\n".encode(), "new"
    )
    projects = {(f.status, (f.old or f.new).metric) for f in compare_documents(old, new).facts if f.kind == "project"}  # type: ignore[union-attr]
    assert ("dropped", "北横通道") in projects
    assert ("added", "北横通道") in projects
    assert not any(status == "unchanged" for status, _ in projects)


def test_a_delta_is_in_the_unit_of_the_old_value_and_only_between_like_units() -> None:
    """`3.3亿元 → 6601万元` is Δ −2.64亿元 (less than one 亿元, it would be in 万元); two rates differ in percentage points; a rate and a
    gap in points have no Δ."""

    def change(old_sentence: str, new_sentence: str) -> FactChange:
        old = document_from_bytes(f"一、主要工作\n\n{old_sentence}\n".encode(), "old")
        new = document_from_bytes(f"一、主要工作\n\n{new_sentence}\n".encode(), "new")
        (found,) = [f for f in compare_documents(old, new).facts if f.kind == "target" and f.old and f.new]
        return found

    money = change("区级财政投入3.3亿元。", "区级财政投入6601万元。")
    assert (money.delta, money.delta_unit) == (-2.6399, "亿元")  # exact in the JSON report
    assert delta_text(money) == "-2.64亿元"  # as a reviewer reads it
    # Less than one old unit, the new value in a smaller one: the Δ is in the new value's unit.
    grain = change("粮食产量1.37万亿斤。", "粮食产量13908亿斤。")
    assert (grain.delta, grain.delta_unit) == (208.0, "亿斤")
    # In one unit, the Δ is shown to the decimals the values print: exact, never rounded further.
    more = change("粮食增产74亿斤。", "粮食增产177.6亿斤。")
    assert delta_text(more) == "+103.6亿斤"
    rate = change("一般公共预算收入增长6%。", "一般公共预算收入增长8.2%。")
    assert (rate.delta, rate.delta_unit) == (2.2, "个百分点")
    gap = change("地区生产总值增速高于全市1个百分点。", "地区生产总值增速增长8.2%。")
    assert gap.delta is None
    # The same quantity in another magnitude is the same value: unchanged, Δ 0.
    same = change("粮食产量达到1.3万亿斤。", "粮食产量达到13000亿斤。")
    assert (same.status, same.delta) == ("unchanged", 0.0)
    # A range has one Δ only when both its ends move by it.
    shifted = change("地区生产总值增长6%-7%。", "地区生产总值增长6.5%-7.5%。")
    assert (shifted.delta, shifted.delta_unit) == (0.5, "个百分点")
    widened = change("逾期不改正的，处1000元以上1万元以下罚款。", "逾期不改正的，处2000元以上2万元以下罚款。")
    assert (widened.status, widened.delta) == ("changed", None)
    narrowed = change("国内生产总值增长6%-6.5%。", "国内生产总值增长5.5%左右。")
    assert (narrowed.status, narrowed.delta) == ("changed", None)


def test_better_than_expected_is_an_outcome_and_a_goal_statement_is_no_metric() -> None:
    """`好于预期` compares an outcome with the plan; `今年预期目标设定为6%以上` states a goal for
    the clause's topic (`经济增速是…`)."""
    (gdp,) = find_targets("经济恢复好于预期，全年国内生产总值增长2.3%。", ("一、2020年工作回顾",), [], role="review")
    assert gdp.tense == "result"
    # `超预期` (beyond what was expected) and `预期转弱` (weakening expectations) name no plan either.
    for sentence in (
        "面对超预期因素冲击，全县生产总值完成467.2亿元，比上年增长5.6%。",
        "面对预期转弱等困难，全市地区生产总值完成842.6亿元。",
    ):
        assert {t.tense for t in find_targets(sentence, ("一、2022年工作回顾",), [], role="review")} == {"result"}
    (goal,) = find_targets("经济增速是综合性指标，今年预期目标设定为6%以上。", (), [])
    assert (goal.metric, goal.value, goal.bound, goal.tense) == ("经济增速", 6.0, "以上", "plan")
    # Exceeding the year's target is an outcome measured against the plan, whatever the part, and
    # the margin over it is the subject's, bounded by the comparison.
    found = find_targets("全年地区生产总值增长6.1%，超过年初预期目标0.6个百分点。", (), [])
    assert [(t.metric, t.value, t.bound, t.tense) for t in found] == [
        ("地区生产总值", 6.1, None, "result"),
        ("地区生产总值", 0.6, "超过", "result"),
    ]
    # Striving to exceed it is still a plan.
    (plan,) = find_targets("力争全年实际使用外资增长10%，超过年度目标。", (), [])
    assert plan.tense == "plan"


def test_clauses_stating_opposite_tenses_each_keep_their_own() -> None:
    """Last year's level and this year's goal in one sentence; what was set and what was built."""
    found = find_targets("去年全市研发投入强度达到3.1%，今年要提高到3.3%。", ("三、2024年重点工作",), [], role="tasks")
    assert [(t.value, t.tense) for t in found] == [(3.1, "result"), (3.3, "plan")]
    found = find_targets("原定建设保障性租赁住房1万套，已建成1.2万套。", ("一、2023年工作回顾",), [], role="review")
    assert [(t.value, t.tense) for t in found] == [(1.0, "plan"), (1.2, "result")]
    # A clause stating nothing takes the tense of the clause before it.
    found = find_targets("今年新建学校5所，去年建成3所，改造2所。", (), [])
    assert [(t.value, t.tense) for t in found] == [(5.0, "plan"), (3.0, "result"), (2.0, "result")]


def test_a_metric_with_another_modifier_inside_the_same_frame_is_another_metric() -> None:
    """`城镇登记失业率` and `城镇调查失业率` share 5 of 7 characters but are two targets when a version
    names both: a modifier swapped between a shared head and tail. A name that only grows keeps
    its subject, and a swap no version holds apart may be a rewording (`研发投入` / `研发支出`)."""
    from docdiff.facts.metric_subject import different_subjects, modifier_swap

    assert modifier_swap("城镇登记失业率", "城镇调查失业率") == ("登记", "调查", "失业率")
    assert modifier_swap("集聚金融企业", "集聚商贸企业") == ("金融", "商贸", "企业")
    assert modifier_swap("调查失业率", "年末全国城镇调查失业率") is None
    assert modifier_swap("地区生产总值", "全区生产总值") is None  # one character: a scope word
    assert modifier_swap("发放小额担保贷款", "提供小额担保贷款") is None  # the verb at the loose end
    assert modifier_swap("共完成政府实事项目8个方面", "政府实事项目10方面") is None  # a count, not a word
    both = {"城镇调查失业率", "城镇登记失业率"}
    assert different_subjects("城镇登记失业率", "城镇调查失业率", both, {"城镇调查失业率"})
    assert not different_subjects("城镇登记失业率", "城镇调查失业率", {"城镇登记失业率"}, {"城镇调查失业率"})
    assert not different_subjects("研发支出占地区生产总值", "研发投入占地区生产总值", set(), set())
    old = document_from_bytes(
        "一、主要目标\n\n城镇调查失业率控制在6%左右，城镇登记失业率控制在5.5%左右。\n".encode(), "old"
    )
    new = document_from_bytes(
        "一、2020年工作回顾\n\n全年城镇调查失业率为5.2%。\n\n二、主要目标\n\n城镇调查失业率控制在5.5%左右。\n".encode(),
        "new",
    )
    pairs = {
        (f.old.metric, f.new.metric)
        for f in compare_documents(old, new).facts
        if f.kind == "target" and f.old and f.new
    }
    assert ("城镇登记失业率", "城镇调查失业率") not in pairs


def test_an_average_never_pairs_with_the_total_it_is_taken_of() -> None:
    """`人均生产总值` (per head) shares most of `全省生产总值`, but a per-head level read against the
    province's total gives a Δ of millions; the total pairs with the total."""
    from docdiff.facts.metric_subject import different_subjects

    assert different_subjects("人均生产总值", "全省生产总值", set(), set())
    assert not different_subjects("城镇居民人均可支配收入", "城镇常住居民人均可支配收入", set(), set())
    assert not different_subjects("地区生产总值年均增长率", "地区生产总值", set(), set())  # a period, not a share
    old = document_from_bytes("一、回顾\n\n人均生产总值从9.2万元增加到11.8万元。\n".encode(), "old")
    new = document_from_bytes("一、回顾\n\n全省生产总值达到8.26万亿元，增长6%。\n".encode(), "new")
    changes = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert [(f.status, (f.old or f.new).metric) for f in changes if f.status != "added"] == [
        ("dropped", "人均生产总值")
    ]


def test_an_amount_added_against_last_year_is_an_increment_of_the_subject() -> None:
    # `财政赤字规模比去年增加1万亿元`: the metric is the subject, the base of the comparison ends
    # it, and the amount added is an increment, never paired with (or a Δ taken from) a level.
    old = document_from_bytes(
        "一、今年工作安排\n\n今年拟安排地方政府专项债券2.15万亿元，比去年增加8000亿元。财政赤字2.76万亿元。\n".encode(),
        "old",
    )
    new = document_from_bytes(
        "一、今年工作安排\n\n今年拟安排地方政府专项债券3.75万亿元，比去年增加1.6万亿元。财政赤字规模比去年增加1万亿元。\n".encode(),
        "new",
    )
    found = [f for f in extract_facts(new, segment(new)) if isinstance(f, Target)]
    shown = {(t.metric, t.value, t.unit, t.change) for t in found}
    assert ("地方政府专项债券", 3.75, "万亿元", None) in shown
    assert ("地方政府专项债券", 1.6, "万亿元", "increment") in shown
    assert ("财政赤字规模", 1.0, "万亿元", "increment") in shown
    changes = [c for c in compare_documents(old, new).facts if c.kind == "target"]
    pairs = {(c.old.value, c.new.value) for c in changes if c.old and c.new}
    assert (0.8, 1.6) not in pairs and (8000.0, 1.6) in pairs  # increment with increment
    assert (2.76, 1.0) not in pairs  # a level is never read against an increment


def test_a_budget_passage_without_a_year_word_reads_as_plans_of_its_subjects() -> None:
    """The deficit passage of a State Council report as printed from 2023 on: no `今年` opens it,
    `拟` proposes, and `比上年…` is the base of a comparison, not a past year."""
    sentence = "赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。"
    found = find_targets(sentence, (), [])
    assert [(t.metric, t.value, t.unit, t.change, t.tense) for t in found] == [
        ("赤字率", 3.0, "%", None, "plan"),
        ("赤字规模", 4.06, "万亿元", None, "plan"),
        ("赤字规模", 1800.0, "亿元", "increment", "plan"),
    ]
    # `按` alone, as in `拟按`, says how the figure is set.
    assert [(t.metric, t.value) for t in find_targets("财政赤字率按2.8%安排。", (), [])] == [("财政赤字率", 2.8)]
    bonds = find_targets("拟安排地方政府专项债券3.9万亿元，比上年增加1000亿元。", (), [])
    assert [(t.metric, t.value, t.change) for t in bonds] == [
        ("地方政府专项债券", 3.9, None),
        ("地方政府专项债券", 1000.0, "increment"),
    ]
    assert {t.tense for t in bonds} == {"plan"}
    # `模拟`, `虚拟` hold the character without proposing anything.
    assert find_targets("虚拟现实产业营收增长12%。", (), [])[0].tense is None
    # A comparison with last year marks a result only when nothing else says a tense...
    assert find_targets("全年粮食产量比上年增长0.9%。", (), [])[0].tense == "result"
    # ...and a plan section says one.
    assert find_targets("全年粮食产量比上年增长0.9%。", ("主要目标",), [])[0].tense == "plan"
    # The distributive adverb after the base still shares the values out.
    assert metrics_values("城镇和农村居民人均可支配收入比上年分别增长8.9%和10%。") == [
        ("城镇居民人均可支配收入", 8.9),
        ("农村居民人均可支配收入", 10.0),
    ]


def test_a_word_of_summing_opens_the_metric_as_a_qualifier() -> None:
    """`合计新增政府债务总规模11.86万亿元`, like `累计`: the sum is a qualifier, not the metric's."""
    assert one("合计新增政府债务总规模11.86万亿元。") == [("新增政府债务总规模", 11.86, "万亿元", "合计")]
    assert one("累计完成投资300亿元。")[0][::3] == ("投资", "累计")


def test_a_figure_in_another_currency_is_the_same_measure_and_a_gloss_names_it_again() -> None:
    """A statistical communiqué's shapes: `按年平均汇率折算为15182美元` converts the figure before it
    (no target of its own; the growth after it is still the subject's), and a bracketed gloss
    after a metric (`占常住人口比重（常住人口城镇化率）75.42%`) is no part of it."""
    assert metrics_values("人均地区生产总值106985元，按年平均汇率折算为15182美元，增长4.6%。") == [
        ("人均地区生产总值", 106985.0),
        ("人均地区生产总值", 4.6),
    ]
    assert metrics_values("进出口总额8.3万亿元，折合1.2万亿美元，增长5%。")[-1] == ("进出口总额", 5.0)
    assert metrics_values("城镇常住人口9595万人，占常住人口比重（常住人口城镇化率）75.42%。")[-1] == (
        "城镇常住人口占常住人口比重",
        75.42,
    )
    assert metrics_values("常住人口城镇化率（城镇人口占比）达到75%。") == [("常住人口城镇化率", 75.0)]
    # A bracket inside the metric stays: it names a part of it.
    assert metrics_values("细颗粒物（PM2.5）平均浓度下降9.1%。") == [("细颗粒物（PM2.5）平均浓度", 9.1)]


def test_a_share_said_without_its_whole_is_the_subjects_share() -> None:
    """`税收收入5.9亿元，占比72%`: the share is of the subject, and not the subject itself."""
    assert metrics_values("其中税收收入5.9亿元，占比72%。") == [("税收收入", 5.9), ("税收收入占比", 72.0)]
    assert metrics_values("第三产业增加值500亿元，比重为55%。")[-1] == ("第三产业增加值比重", 55.0)


def test_a_part_in_a_list_of_rates_takes_the_measure_of_the_one_before() -> None:
    """`国有控股企业增加值增长4.1%，民营企业增长5.3%`: rates moving the same way one after another
    are the same measure of parts; a part naming only its thing takes the measure. Not after a
    count (`外资企业90家，实到外资增长35.7%`: 实到外资 is a measure of its own)."""
    assert metrics_values("国有控股企业增加值增长4.1%，民营企业增长5.3%。") == [
        ("国有控股企业增加值", 4.1),
        ("民营企业增加值", 5.3),
    ]
    assert metrics_values("新引进外资企业90家，实到外资增长35.7%。")[-1] == ("实到外资", 35.7)


def test_a_verb_making_the_metric_move_is_no_part_of_it() -> None:
    """`推动先进制造业投资增长15%`: what grows is the investment; the verb that makes it grow (or
    reach a level) governs the clause. Without a move or a level the verb names the task counted."""
    assert metrics_values("推动先进制造业投资增长15%以上。") == [("先进制造业投资", 15.0)]
    assert metrics_values("促进研发投入强度达到3%。") == [("研发投入强度", 3.0)]
    assert metrics_values("带动社会投资增长20%。") == [("社会投资", 20.0)]
    assert metrics_values("带动就业10万人。") == [("带动就业", 10.0)]


def test_an_adverb_and_a_verb_alone_take_the_object_that_verb_had_before() -> None:
    (bonds,) = find_targets("拟连续几年发行超长期特别国债，今年先发行1万亿元。", (), [])
    assert (bonds.metric, bonds.value, bonds.unit) == ("超长期特别国债", 1.0, "万亿元")
    # `再就业` is a noun, not `再` + `就业`: it keeps its name.
    assert metrics_values("落实就业优惠政策，失业人员再就业1582人。")[-1] == ("失业人员再就业", 1582.0)
    # With no earlier object of the verb, nothing is borrowed.
    assert metrics_values("今年先发行1万亿元。") == [("先发行", 1.0)]


def test_more_or_less_fused_with_what_the_subject_measures_is_its_move() -> None:
    found = find_targets("粮食产量1.37万亿斤，增产74亿斤。", (), [])
    assert [(t.metric, t.value, t.unit, t.direction, t.change) for t in found] == [
        ("粮食产量", 1.37, "万亿斤", None, None),
        ("粮食产量", 74.0, "亿斤", "增加", "increment"),
    ]
    # The fused character must be one of the subject's: `减税` is not a move of the deficit.
    assert metrics_values("财政赤字2.76万亿元，减税2.5万亿元。") == [("财政赤字", 2.76), ("减税", 2.5)]
    # A count in another unit cannot be the subject's amount: no target.
    assert metrics_values("粮食产量1.37万亿斤，增产74万户。") == [("粮食产量", 1.37)]


def test_an_adverb_between_a_metric_and_its_verb_is_no_part_of_the_metric() -> None:
    assert metrics_values("赤字率拟按2.8%安排。") == [("赤字率", 2.8)]
    assert metrics_values("居民人均可支配收入实际增长6.5%。") == [("居民人均可支配收入", 6.5)]
    assert metrics_values("单位生产总值能耗再降低4%。") == [("单位生产总值能耗", 4.0)]
    (found,) = find_targets("制造业增加值占生产总值比重力争达到25%。", (), [])
    assert (found.metric, found.bound) == ("制造业增加值占生产总值比重", "力争")
    # Only a tail goes: a leading `实际` is part of what is measured.
    assert metrics_values("实际利用外资889.3亿美元。") == [("实际利用外资", 889.3)]


def test_a_copula_or_preposition_before_the_value_is_no_part_of_the_metric() -> None:
    """`为` and `在` link a metric to its value; the `均` of `平均` is not "each" (`A、B均增长8%`):
    `平均` says how the one metric is taken (see the test on averages)."""
    assert metrics_values("城镇登记失业率为4.1%。") == [("城镇登记失业率", 4.1)]
    assert metrics_values("调查失业率在5.3%以下。") == [("调查失业率", 5.3)]
    assert metrics_values("城镇调查失业率平均为5.1%。") == [("城镇调查失业率", 5.1)]
    assert metrics_values("城镇、农村居民人均可支配收入均增长8%。") == [
        ("城镇居民人均可支配收入", 8.0),
        ("农村居民人均可支配收入", 8.0),
    ]


def test_the_naming_of_a_target_before_its_value_is_a_link() -> None:
    """`目标定为`, `目标为`, `定在` join a metric to its value, as `为` does."""
    assert metrics_values("今年城镇新增就业目标定为1200万人以上。") == [("城镇新增就业", 1200.0)]
    assert metrics_values("城镇调查失业率预期目标确定在5.5%左右。") == [("城镇调查失业率", 5.5)]
    assert metrics_values("粮食产量目标为1.3万亿斤以上。") == [("粮食产量", 1.3)]
    # A subject of two characters keeps the noun: `发展目标` is the name.
    assert metrics_values("发展目标定为5%左右。") == [("发展目标", 5.0)]


def test_a_move_or_its_manner_before_the_value_is_its_direction_not_its_metric() -> None:
    """What a quantity does (`上涨`, `压减`, `提高到`), how (`累计`, `首次`, `按可比口径`) and how
    near (`接近`) stand between the metric and the value: none is part of what is measured."""

    assert with_field("direction", "居民消费价格上涨2.9%。") == [("居民消费价格", 2.9, "上涨")]
    assert with_field("direction", "中央财政一般性支出压减5%。") == [("中央财政一般性支出", 5.0, "压减")]
    assert with_field("direction", "常住人口城镇化率提高到65%。") == [("常住人口城镇化率", 65.0, "提高到")]
    assert with_field("direction", "单位生产总值能耗累计下降18%。") == [("单位生产总值能耗", 18.0, "下降")]
    assert with_field("direction", "常住人口城镇化率首次超过60%。") == [("常住人口城镇化率", 60.0, None)]
    assert with_field("direction", "一般公共财政预算收入按可比口径增长8%。") == [("一般公共财政预算收入", 8.0, "增长")]
    assert with_field("direction", "城镇常住居民人均可支配收入比上年实际增长8.5%。") == [
        ("城镇常住居民人均可支配收入", 8.5, "增长")
    ]
    (near,) = find_targets("服务业对经济增长贡献率接近60%。", (), [])
    assert (near.metric, near.bound) == ("服务业对经济增长贡献率", "接近")
    # An amount added against last year, by a verb of widening: an increment.
    (wider,) = find_targets("支出规模比去年扩大2万亿元以上。", (), [])
    assert (wider.metric, wider.direction, wider.change) == ("支出规模", "扩大", "increment")
    # `都` says "each", as `均` does.
    assert metrics_values("城镇调查失业率和登记失业率都在5%以下。") == [("城镇调查失业率", 5.0), ("登记失业率", 5.0)]
    # Reaching a level as a step: the verb is the direction, the step after the value no noun.
    assert with_field("direction", "粮食产量首次迈上1.4万亿斤新台阶。") == [("粮食产量", 1.4, "迈上")]


def test_a_proposal_verb_or_arranging_alone_is_no_metric() -> None:
    """`拟发行…` says how a sum is set; `拟按…安排` alone leaves the clause's subject measured."""
    assert metrics_values("拟发行超长期特别国债1.3万亿元。") == [("超长期特别国债", 1.3)]
    (ratio, rise) = find_targets("赤字率拟按4%左右安排、比上年提高1个百分点。", (), [])
    assert (ratio.metric, ratio.value, ratio.bound) == ("赤字率", 4.0, "左右")
    assert (rise.metric, rise.value, rise.unit) == ("赤字率", 1.0, "个百分点")
    # A short remainder keeps the verb (no name of four characters follows), and a verb of
    # making new says what is counted.
    assert metrics_values("拟上市企业达到30家。")[0][0] == "拟上市企业"
    assert metrics_values("拟新增就业岗位5万个。")[0][0].startswith("拟新增")
    # The year of the proposal goes with it, and so does a plan set for the year; an object
    # marker after the proposal leaves the object measured.
    assert metrics_values("今年拟发行超长期特别国债1万亿元。") == [("超长期特别国债", 1.0)]
    assert metrics_values("今年计划完成固定资产投资1000亿元。") == [("固定资产投资", 1000.0)]
    # After a period word `计划` is the plan too (`全年计划实施重点项目`); alone it may be a noun.
    assert with_field("period", "全年计划实施重点项目120个。") == [("重点项目", 120.0, "全年")]
    assert metrics_values("全年计划投资300亿元。") == [("计划投资", 300.0)]
    assert metrics_values("计划生育家庭奖励扶助金发放5000万元。")[0][0].startswith("计划生育")
    assert metrics_values("今年拟将增值税税率降低3个百分点。") == [("增值税税率", 3.0)]
    assert metrics_values("今年拟新增就业岗位5万个。") == [("新增就业岗位", 5.0)]


def test_the_clause_opening_words_of_time_and_object_are_no_part_of_the_metric() -> None:
    """`去年`, `2013年以来`, `预计全年` say when; `将`/`把` mark the object that follows."""
    assert metrics_values("去年新增减税降费超过1万亿元。") == [("新增减税降费", 1.0)]
    assert with_field("period", "2013年以来新增的涉税市场主体纳税达到4.76万亿元。") == [
        ("新增的涉税市场主体纳税", 4.76, "2013年以来")
    ]
    assert metrics_values("预计全年退税减税约2.5万亿元。") == [("退税减税", 2.5)]
    assert metrics_values("将民航发展基金航空公司征收标准降低20%。") == [("民航发展基金航空公司征收标准", 20.0)]


def test_cumulation_year_end_and_a_base_before_respectively_stand_outside_the_metric() -> None:
    """`累积完成`, `累计` open the clause; `年末`, `每年` are periods; `比上年分别…` compares
    each part with last year."""

    assert with_field("period", "累积完成全社会固定资产投资615亿元。") == [("全社会固定资产投资", 615.0, None)]
    assert with_field("period", "年末全国城镇调查失业率降到5.2%。") == [("全国城镇调查失业率", 5.2, "年末")]
    assert with_field("period", "每年新增就业岗位60万个左右。") == [("新增就业岗位", 60.0, "每年")]
    assert metrics_values("城镇和农村常住居民人均可支配收入比上年分别增长8.9%和10%。") == [
        ("城镇常住居民人均可支配收入", 8.9),
        ("农村常住居民人均可支配收入", 10.0),
    ]


def test_a_budget_report_carries_out_last_years_budget_and_drafts_the_next() -> None:
    """`预算执行情况` reviews, `预算草案` plans; a share of the budget shows as one (`为预算的101.3%`)."""
    text = (
        "一、2023年预算执行情况\n\n一般公共预算收入完成1250.6亿元，为预算的101.3%，增长6.2%。\n\n"
        "二、2024年预算草案\n\n政府债务限额为3200亿元。\n"
    )
    doc = document_from_bytes(text.encode(), "budget")
    sides = [f.new for f in compare_documents(doc, doc).facts if f.kind == "target" and f.new]
    assert [(s.metric, target_value(s), s.tense) for s in sides] == [
        ("一般公共预算收入", "完成1250.6亿元", "result"),
        ("一般公共预算收入", "为预算的101.3%", "result"),
        ("一般公共预算收入", "增长6.2%", "result"),
        ("政府债务限额", "3200亿元", "plan"),
    ]


def test_a_year_end_level_pairs_with_the_year_before() -> None:
    """A year-end figure closes the year: it is read against last year's, not kept apart."""
    old = document_from_bytes("一、工作回顾\n城镇调查失业率在5.3%以下。\n".encode(), "old")
    new = document_from_bytes("一、工作回顾\n年末全国城镇调查失业率降到5.2%。\n".encode(), "new")
    (change,) = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert change.status == "changed"
    assert (change.old.value, change.new.value) == (5.3, 5.2)  # type: ignore[union-attr]


def test_what_the_values_of_a_move_count_is_no_part_of_its_metric() -> None:
    """`从月销售额A提高到B`: `月销售额` says what A and B count; the metric is what moved."""
    assert with_field("earlier", "将小规模纳税人增值税起征点从月销售额10万元提高到15万元。") == [
        ("小规模纳税人增值税起征点", 15.0, 10.0)
    ]
    # `由` inside a word before the metric is no move's start.
    assert with_field("earlier", "自由贸易试验区面积由120平方公里扩大到240平方公里。") == [
        ("自由贸易试验区面积", 240.0, 120.0)
    ]


def test_a_share_names_its_part_and_its_whole() -> None:
    """`占X比重` opening a clause is the share of what the sentence measured before it; `占X的N%`
    is a share of X."""
    assert metrics_values("服务贸易进出口额增长8%，占对外贸易总额比重提高到30.3%。") == [
        ("服务贸易进出口额", 8.0),
        ("服务贸易进出口额占对外贸易总额比重", 30.3),
    ]
    assert metrics_values("全年民生支出占一般公共预算支出的73.6%。") == [("民生支出占一般公共预算支出的比重", 73.6)]
    # A clause without a number names no quantity for the share to be part of.
    assert metrics_values("推动文化贸易、技术贸易发展，占对外贸易总额比重提高到30.3%。") == [
        ("占对外贸易总额比重", 30.3)
    ]


def test_a_verb_of_making_new_before_a_count_joins_its_noun() -> None:
    """`新增60万个就业岗位` counts new jobs; other verbs (`实施`, `发行`) are what is done with
    the counted thing and stay out of its name."""
    assert metrics_values("新增60万个就业岗位。") == [("新增就业岗位", 60.0)]
    assert metrics_values("新建12家长者照护之家。") == [("新建长者照护之家", 12.0)]
    assert metrics_values("发行1万亿元抗疫特别国债。") == [("抗疫特别国债", 1.0)]
    # The later counts of a list share the verb: `新建50家A、80家B` builds both.
    assert metrics_values("新建50家长者照护之家、80家老年人日间服务中心。") == [
        ("新建长者照护之家", 50.0),
        ("新建老年人日间服务中心", 80.0),
    ]
    assert metrics_values("完成175个重点项目、30个民生项目。") == [("重点项目", 175.0), ("民生项目", 30.0)]


def test_one_value_said_each_of_the_subjects_counted_before_is_each_ones() -> None:
    """`…，分别完成目标任务的117%`: `分别` opens the clause, which names no subject; its one value is
    said of each subject counted just before in one unit (as `城镇和农村…分别达35512元、25689元，分别
    同比增长7.8%` in Hailar's 2018 report, annotated so), and the counts stay targets of their own."""
    assert metrics_values("新增就业6435人，失业人员再就业1755人，分别完成目标任务的117%。") == [
        ("新增就业", 6435.0),
        ("失业人员再就业", 1755.0),
        ("新增就业", 117.0),
        ("失业人员再就业", 117.0),
    ]
    # A subject counted in another unit before them is not one of them.
    assert metrics_values("地区生产总值120亿元，新增就业6435人，失业人员再就业1755人，分别增长5%。")[-2:] == [
        ("新增就业", 5.0),
        ("失业人员再就业", 5.0),
    ]


def test_a_rate_named_by_what_it_measures_pairs_across_sections_a_generic_noun_does_not() -> None:
    old = document_from_bytes(
        "一、上年工作回顾\n赤字率拟按2.8%安排。项目12个。\n二、今年工作\n推进改革。\n".encode(), "old"
    )
    new = document_from_bytes(
        "一、政府工作回顾\n推进改革。\n二、抗击疫情\n赤字率拟按3.6%以上安排。\n三、重点任务\n项目15个。\n".encode(),
        "new",
    )
    changes = {
        (f.status, (f.old or f.new).metric): f  # type: ignore[union-attr]
        for f in compare_documents(old, new).facts
        if f.kind == "target"
    }
    rate = changes[("changed", "赤字率")]
    assert (rate.old.value, rate.new.value) == (2.8, 3.6)  # type: ignore[union-attr]
    assert {("dropped", "项目"), ("added", "项目")} <= set(changes)  # in sections that do not pair


def test_two_counts_of_new_things_pair_by_what_they_count_not_by_their_verb() -> None:
    """`新增高新技术企业` and `新增科技初创企业` share `新增` and `企业`, not what they count."""
    old = document_from_bytes("一、工作回顾\n全年新增高新技术企业30家。新增就业岗位5万个。\n".encode(), "old")
    new = document_from_bytes("一、工作回顾\n新增科技初创企业2家。新增就业岗位6万个。\n".encode(), "new")
    changes = {
        (f.status, (f.old or f.new).metric): f  # type: ignore[union-attr]
        for f in compare_documents(old, new).facts
        if f.kind == "target"
    }
    assert {("dropped", "新增高新技术企业"), ("added", "新增科技初创企业")} <= set(changes)
    jobs = changes[("changed", "新增就业岗位")]
    assert (jobs.old.value, jobs.new.value) == (5.0, 6.0)  # type: ignore[union-attr]


def test_a_number_inside_a_works_name_is_part_of_the_name_not_a_target() -> None:
    """`大唐700万吨露天矿`'s capacity and `“十四五”规划102项重大工程`'s count name the works; a
    count before a name (`完成3万亩退耕还林工程`) is a target."""
    text = "一、工作任务\n大唐700万吨露天矿完成项目核准。加快实施“十四五”规划102项重大工程。完成3万亩退耕还林工程。\n"
    doc = document_from_bytes(text.encode(), "doc")
    facts = extract_facts(doc, segment(doc))
    assert [(t.value, t.unit) for t in facts if isinstance(t, Target)] == [(3.0, "万亩")]
    assert {"大唐700万吨露天矿", "“十四五”规划102项重大工程"} <= {f.name for f in facts if isinstance(f, Project)}


def test_a_sentence_read_once_keeps_the_tense_each_section_gives_it() -> None:
    from docdiff.facts.extract import SentenceMemo

    text = (
        "第一部分 报告汇编\n（一）去年工作回顾\n固定资产投资10亿元。\n（二）今年主要任务\n固定资产投资10亿元。\n"
        "第二部分 报告汇编\n（一）上年工作回顾\n固定资产投资10亿元。\n（二）明年主要任务\n固定资产投资10亿元。\n"
    )
    doc = document_from_bytes(text.encode(), "doc")
    memo: SentenceMemo = {}
    targets = [f for f in extract_facts(doc, segment(doc), memo=memo) if isinstance(f, Target)]
    assert [(t.section[-1], t.tense) for t in targets] == [
        ("去年工作回顾", "result"),
        ("今年主要任务", "plan"),
        ("上年工作回顾", "result"),
        ("明年主要任务", "plan"),
    ]
    assert len(memo) == 2  # one reading per tense the headings give, not one per section


def project_changes(old_text: str, new_text: str) -> set[tuple[str, str | None, str | None]]:
    """(status, old name, new name) of every project change between two one-line texts."""
    old = document_from_bytes(f"{old_text}\n".encode(), "old")
    new = document_from_bytes(f"{new_text}\n".encode(), "new")
    return {
        (f.status, f.old.metric if f.old else None, f.new.metric if f.new else None)
        for f in compare_documents(old, new).facts
        if f.kind == "project"
    }


def test_a_work_named_more_fully_is_the_same_work() -> None:
    facts = project_changes("开工建设90街坊、北横通道。", "欧阳路190街坊开工，北横通道新建工程完成。")
    assert ("changed", "北横通道", "北横通道新建工程") in facts
    # A digit running on makes another number: 190街坊 is not 90街坊.
    assert ("dropped", "90街坊", None) in facts


def test_another_phase_is_another_work() -> None:
    facts = project_changes("建成杭温铁路一期，推进世界会客厅。", "开工建设杭温铁路二期，建成世界会客厅二期。")
    # 一期 built, 二期 begun: two works, not one renamed; a name given its phase is the same work.
    assert ("dropped", "杭温铁路一期", None) in facts and ("added", None, "杭温铁路二期") in facts
    assert ("changed", "世界会客厅", "世界会客厅二期") in facts


def test_a_delta_is_shown_to_three_significant_figures_without_rounding_its_whole_part() -> None:
    assert [readable_delta(d) for d in (-2.6399, 0.25, 2.2, 12345.6, -0.001234, 100.0)] == [
        "-2.64",
        "+0.25",
        "+2.2",
        "+12346",
        "-0.00123",
        "+100",
    ]


def test_a_value_is_shown_with_every_figure_the_document_gives() -> None:
    """A district's output in 万元 has seven figures: `1345678.5万元`, never `1.34568e+06万元`, in the
    report, the TUI table and `docdiff facts`."""
    from docdiff.tui.widgets.facts_table import fact_cells

    old = document_from_bytes("一、工作回顾\n\n全年地区生产总值达到1234567万元。\n".encode(), "old")
    new = document_from_bytes("一、工作回顾\n\n全年地区生产总值达到1345678.5万元。\n".encode(), "new")
    (gdp,) = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert gdp.new is not None
    assert target_value(gdp.new) == "达到1345678.5万元"
    assert delta_text(gdp) == "+111111.5万元"  # exact: the decimals the values print
    cells = fact_cells(gdp)
    assert (cells["old value"], cells["new value"]) == ("1234567万元", "1345678.5万元")
    assert [number(v) for v in (6.0, 5.5, 13000.0, 1.5e-7, None)] == ["6", "5.5", "13000", "0.00000015", "—"]
    assert number(1 / 6) == "0.166667"  # computed from `1/6`, not written


def test_a_target_shows_its_direction_and_its_bound_and_a_moved_bound_is_a_change() -> None:
    """`城镇调查失业率控制在5.5%以内` → `…控制在5.5%左右`: the same value, the bound moved (the
    direction word stayed): a changed target, shown with both words."""
    old = document_from_bytes(
        "二、今年安排\n\n城镇调查失业率控制在5.5%以内，固定资产投资增长8%以上。\n".encode(), "old"
    )
    new = document_from_bytes("二、今年安排\n\n城镇调查失业率控制在5.5%左右，固定资产投资增长6%。\n".encode(), "new")
    changes = {f.old.metric: f for f in compare_documents(old, new).facts if f.kind == "target" and f.old and f.new}
    jobless, investment = changes["城镇调查失业率"], changes["固定资产投资"]
    assert jobless.status == "changed" and jobless.qualifier_changed and jobless.delta == 0
    assert jobless.old is not None and jobless.new is not None and investment.old is not None
    assert (target_value(jobless.old), target_value(jobless.new)) == ("控制在5.5%以内", "控制在5.5%左右")
    assert target_value(investment.old) == "增长8%以上"
    # A level held (`保持在`) or reached (`达到`) is the level stated bare: no qualifier changed.
    old = document_from_bytes("二、今年安排\n\n粮食产量保持在1.3万亿斤以上，旅游人数达到800万人次。\n".encode(), "old")
    new = document_from_bytes("二、今年安排\n\n粮食产量1.3万亿斤以上，旅游人数800万人次。\n".encode(), "new")
    held = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert [(f.status, f.qualifier_changed) for f in held] == [("unchanged", False)] * 2
    # A level held within (`控制在`) is the level and its bound: `左右` on both sides, no change.
    old = document_from_bytes("二、今年安排\n\n城镇调查失业率控制在5.5%左右。\n".encode(), "old")
    new = document_from_bytes("二、今年安排\n\n城镇调查失业率5.5%左右。\n".encode(), "new")
    held = [f for f in compare_documents(old, new).facts if f.kind == "target"]
    assert [(f.status, f.qualifier_changed) for f in held] == [("unchanged", False)]
    (goal,) = find_targets("力争地区生产总值增长6%。", (), [])
    assert (goal.direction, goal.bound) == ("增长", "力争")

    # `余`, `多` after a magnitude: the unit follows them (`1万余人次`, `4万多名`), and shows as printed.
    doc = document_from_bytes("二、今年安排\n\n培训基层骨干1万余人次，累计投资10余万元。\n".encode(), "t")
    sides = [f.new for f in compare_documents(doc, doc).facts if f.kind == "target" and f.new]
    assert [(s.metric, s.unit, target_value(s)) for s in sides] == [
        ("培训基层骨干", "万人次", "1万余人次"),
        ("投资", "万元", "10余万元"),
    ]
    (staff,) = find_targets("4万多名医护人员驰援武汉。", (), [])
    assert (staff.value, staff.unit, staff.bound) == (4.0, "万名", "多")


def test_a_bound_below_a_negative_growth_and_a_narrowed_fall() -> None:
    """`控制在30微克/立方米以下` bounds from above; `同比增长-2.5%` is a fall printed as a negative
    growth (the minus is the number's sign, not a dash); `降幅…收窄0.5个百分点` is how the subject's
    fall narrowed, `降幅` naming no thing measured."""
    found = find_targets("PM2.5平均浓度控制在30微克/立方米以下。", (), [])
    assert [(t.metric, t.value, t.direction, t.bound) for t in found] == [("PM2.5平均浓度", 30.0, "控制在", "以下")]
    found = find_targets("规上工业增加值同比增长-2.5%，降幅比上年收窄0.5个百分点。", (), [])
    assert [(t.metric, t.value, t.unit, t.direction) for t in found] == [
        ("规上工业增加值", -2.5, "%", "增长"),
        ("规上工业增加值", 0.5, "个百分点", "收窄"),
    ]
    # A range's dash is no sign.
    assert [(t.value, t.value_high) for t in find_targets("国内生产总值增长6%-6.5%。", (), [])] == [(6.0, 6.5)]


def test_a_unit_character_that_starts_a_word_is_no_unit_after_about_either() -> None:
    """`人` of `人口` is no counter (`14亿人口`, a size in the background), nor after `多`."""
    assert metrics_values("我们有14亿人口。") == []
    assert metrics_values("我们有14亿多人口、4亿多中等收入群体。") == [("中等收入群体", 4.0)]
    assert [(t.value, t.unit) for t in find_targets("新增就业1100多万人。", (), [])] == [(1100.0, "万人")]


def test_a_sum_with_a_bound_before_a_noun_defines_a_group_and_is_no_target() -> None:
    assert find_targets("对年应纳税所得额100万元以上的企业减半征收。", (), []) == []
    assert find_targets("推进136个投资十亿元以上的重大项目。", (), [])[0].value == 136.0
    # A count or a share before its noun counts it; a sum before a word of how much is a target.
    assert metrics_values("用于1500万人次以上的职工技能提升。") == [("职工技能提升", 1500.0)]
    assert metrics_values("电子商务交易额保持20%以上的高速增长。") == [("电子商务交易额", 20.0)]
    assert metrics_values("服务业增加值保持5000亿元以上的规模。") == [("服务业增加值", 5000.0)]


def test_a_proposal_an_arrangement_and_a_span_of_years_are_no_part_of_the_metric() -> None:
    """`建议今年发行…超长期特别国债`: the proposal and its year are how the sum is set, and the
    noun after it is measured, though it opens on the character of a qualifier (`超`); `安排` sets
    a plan unless the review or a past word says it was arranged; `实际增长6.1%` with no subject
    measures nothing; `连续三年` says how long, not what."""
    (bonds,) = find_targets("建议今年发行1万亿元超长期特别国债。", (), [])
    assert (bonds.metric, bonds.value, bonds.unit, bonds.tense) == ("超长期特别国债", 1.0, "万亿元", "plan")
    assert find_targets("安排中央预算内投资7000亿元。", (), [])[0].tense == "plan"
    assert find_targets("去年安排中央预算内投资6100亿元。", (), [])[0].tense == "result"
    assert find_targets("安排中央预算内投资7000亿元。", ("一、去年工作回顾",), [], role="review")[0].tense == "result"
    assert find_targets("去年预期目标是增长6%左右，实际增长6.1%。", (), []) == []
    assert metrics_values("地区生产总值连续三年保持在1000亿元以上。") == [("地区生产总值", 1000.0)]
    # A qualifier of two characters after a count still belongs to the next quantity.
    assert metrics_values("专利拥有量从29件提高到35件。") == [("专利拥有量", 35.0)]
    assert metrics_values("智能制造等6个共性技术研发与转化平台启动建设。") == [("共性技术研发与转化平台", 6.0)]


def test_numbers_in_words_with_decimals_and_percentages() -> None:
    """A newspaper may print `百分之五左右` and `零点二个百分点`: 5% about, 0.2 points (not 2)."""
    (gdp,) = find_targets("今年国内生产总值预期增长百分之五左右。", (), [])
    assert (gdp.metric, gdp.value, gdp.unit, gdp.direction, gdp.bound) == ("国内生产总值", 5.0, "%", "增长", "左右")
    (deficit,) = find_targets("赤字率比上年提高零点二个百分点。", (), [])
    assert (deficit.metric, deficit.value, deficit.unit) == ("赤字率", 0.2, "个百分点")
    (time,) = find_targets("货物通关时间压缩一半以上。", (), [])
    assert (time.value, time.bound) == (0.5, "以上")


def test_verbs_of_opening_and_learning_lead_into_a_name_and_are_no_part_of_it() -> None:
    from docdiff.facts.projects import find_projects

    assert [p.name for p in find_projects("建成投运深中通道，开通运营京哈高铁全线。")] == ["深中通道", "京哈高铁"]
    assert "学习运用千万工程" not in [p.name for p in find_projects("学习运用千万工程经验。")]


def test_a_yearly_average_is_the_period_of_the_rates_of_its_clause_only() -> None:
    """`年均` says how fast a quantity grew each year: a level reached in the same sentence is
    not a yearly average, nor is a growth over last year said in another clause."""
    assert with_field(
        "period", "过去五年，生产总值从5万亿元增加到7.77万亿元，年均增长6.4%；人均生产总值达到11.8万元。"
    ) == [
        ("生产总值", 7.77, None),
        ("生产总值", 6.4, "年均"),
        ("人均生产总值", 11.8, None),
    ]
    assert with_field("period", "城乡居民人均可支配收入分别达到71268元和37565元，年均分别增长6.8%和8.4%。") == [
        ("城镇居民人均可支配收入", 71268.0, None),
        ("农村居民人均可支配收入", 37565.0, None),
        ("城镇居民人均可支配收入", 6.8, "年均"),
        ("农村居民人均可支配收入", 8.4, "年均"),
    ]
    # A period of a span still covers the whole sentence.
    assert with_field("period", "全年新增就业5万人，城镇调查失业率5.5%。") == [
        ("新增就业", 5.0, "全年"),
        ("城镇调查失业率", 5.5, "全年"),
    ]


def test_the_whole_area_in_brackets_after_a_figure_counts_the_same_things_over_it() -> None:
    """`5家（全市约65家）`: the area alone names nothing; it is the figure before it over the area,
    each part of a list said `分别` its own (the bracket does not break the list)."""
    assert metrics_values("科技初创企业、独角兽企业分别达到5家（全省约65家）和7家。") == [
        ("科技初创企业", 5.0),
        ("全省科技初创企业", 65.0),
        ("独角兽企业", 7.0),
    ]
    assert metrics_values("全区新增企业300家（全市4000家）。") == [("新增企业", 300.0), ("全市新增企业", 4000.0)]


def test_a_group_bounded_by_a_sum_takes_the_measure_of_the_group_before_it() -> None:
    """`注册资金亿元以上65家、千万元以上548家`: the second group is bounded by the same measure."""
    assert metrics_values("新设企业中，注册资本亿元以上80家、千万元以上600家。") == [
        ("注册资本亿元以上", 80.0),
        ("注册资本千万元以上", 600.0),
    ]
    assert metrics_values("年营业收入10亿元以上企业12家、亿元以上企业80家。")[1] == ("年营业收入亿元以上企业", 80.0)
    # A metric of its own is left as it is.
    assert metrics_values("注册资本亿元以上企业80家、新增高新技术企业600家。")[1] == ("新增高新技术企业", 600.0)


def test_aspect_words_are_no_part_of_a_metric() -> None:
    """`已` (already) and `了` (done) mark when the predicate happened; they measure nothing."""
    assert metrics_values("社区服务空间已从3万平方米增加到5万平方米。")[0][0] == "社区服务空间"
    assert metrics_values("完成了棚户区改造1200户，实现了地区生产总值150亿元。") == [
        ("棚户区改造", 1200.0),
        ("地区生产总值", 150.0),
    ]
    assert metrics_values("全县18条主干道已基本完成改造。") == [("主干道", 18.0)]
    # A predicate alone after a count says what was done to the things counted.
    assert metrics_values("12项督察反馈问题已整改完成9项。") == [("督察反馈问题", 12.0), ("督察反馈问题已整改", 9.0)]


def test_a_task_named_by_its_verb_is_the_topics_and_a_complement_goes_with_the_verb() -> None:
    """`推进旧区改造，完成800户的改造任务`: the task of the verb the topic holds is the topic's task;
    `完成好` is done as `完成` is; `年度` opening a noun is an attribute, not a span of years."""
    assert metrics_values("继续推进旧区改造，完成900户的改造任务。") == [("旧区改造", 900.0)]
    assert metrics_values("完成好40个年度重点项目建设任务。") == [("年度重点项目", 40.0)]
    assert metrics_values("连续5个年度考核优秀。") == []


def test_a_list_of_kinds_before_de_is_no_part_of_what_is_counted() -> None:
    """`淘汰高耗能、高排放和低效益的落后产能`: the list says which of the thing are counted; the verb
    leading into it stays. One word after the list is a measure of the things listed."""
    assert metrics_values("淘汰高耗能、高排放和低效益的落后产能300项。") == [("淘汰落后产能", 300.0)]
    assert metrics_values("以甲公司、乙公司为代表的软件业营收增长12%。") == [("软件业营收", 12.0)]
    assert metrics_values("新建幼儿园、中小学和养老院的数量达到30所。")[0][0] == "新建幼儿园、中小学和养老院的数量"


def test_a_goal_said_of_a_move_is_the_moves_value() -> None:
    """`国内生产总值增长目标为5%左右` (a newspaper's words for the report's `增长5%左右`): the direction
    is the move's, the goal frame is no part of the metric, nor is the year before a Latin name."""
    assert with_field("direction", "今年国内生产总值增长目标为5%左右。") == [("国内生产总值", 5.0, "增长")]
    assert with_field("direction", "今年GDP增长预期目标5%左右。") == [("GDP", 5.0, "增长")]
    # A rate named as a noun keeps its name: no move is said.
    assert with_field("direction", "经济增速预期目标设定为6%以上。") == [("经济增速", 6.0, None)]


def test_another_metric_moving_the_other_way_never_pairs() -> None:
    """`GDP增长5%左右` in a headline, the body's `国内生产总值` taken: the report's `单位国内生产总值
    能耗降低2.5%左右` moves the other way and is another target, however alike the names read."""
    report = document_from_bytes(
        "一、目标\n\n国内生产总值增长5%左右，单位国内生产总值能耗降低2.5%左右。\n".encode(), "report"
    )
    news = document_from_bytes("今年GDP增长目标5%左右\n\n今年国内生产总值增长5%左右。\n".encode(), "news")
    changed = [f for f in compare_documents(report, news).facts if f.kind == "target" and f.status == "changed"]
    assert changed == []


def test_comparable_before_a_move_frames_the_comparison() -> None:
    """`可比增长4%` (a budget report's comparable basis) is no part of the metric; `按可比价计算`
    alone still takes the subject of its sentence."""
    assert metrics_values("一般公共预算收入可比增长4%。") == [("一般公共预算收入", 4.0)]
    assert metrics_values("全县生产总值120亿元，按可比价计算，同比增长6.0%。")[1] == ("全县生产总值", 6.0)
