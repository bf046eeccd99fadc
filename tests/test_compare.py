"""Comparing versions: alignment statuses, token edits, moves, round trips, and the test-bed scores."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.compare import compare_documents
from docdiff.comparison import Comparison
from docdiff.ingest import document_from_bytes
from docdiff.models import Document
from tests.conftest import NEWS_2021, NEWS_2025, OUTLOOK_2024, PLAN, REPORT_2025, examples, seed_document
from tests.rebuild import assert_rebuilds
from tests.testbed_score import run


def doc(text: str, name: str = "doc") -> Document:
    return document_from_bytes(text.encode("utf-8"), name)


def compare_texts(old: str, new: str) -> tuple[Comparison, Document, Document]:
    a, b = doc(old, "old"), doc(new, "new")
    return compare_documents(a, b), a, b


REPORT = (
    "一、2024年工作回顾\n\n过去一年，全区经济社会保持平稳健康发展。\n\n（一）经济发展\n\n投资促进成效显著。全年举办240余场推介会，"
    "加装电梯175台。\n\n支柱产业巩固壮大。航运延链升级，引进企业160余家。\n\n（二）城市更新\n\n重大工程压茬推进。东余杭路一期等20个街坊收尾交地。"
    "\n\n重点片区有序更新。永生大楼等38个项目加快推进。\n\n二、2025年主要工作\n\n今年是关键一年，主要预期目标是一般公共预算收入增长6%。\n"
)


def test_identical_texts_compare_identical() -> None:
    comparison, _, _ = compare_texts(REPORT, REPORT)
    assert comparison.summary.identical
    assert all(p.status == "matched" and not p.changed and not p.edits for p in comparison.sections)


def test_number_change_is_one_replacement() -> None:
    comparison, a, b = compare_texts(REPORT, REPORT.replace("175台", "180台"))
    edits = [e for p in comparison.sections for e in p.edits]
    assert [(e.op, e.old, e.new) for e in edits] == [("replace", "175台", "180台")]
    edit = edits[0]
    assert edit.old_span and a.text[edit.old_span[0] : edit.old_span[1]] == "175台"
    assert edit.new_span and b.text[edit.new_span[0] : edit.new_span[1]] == "180台"
    changed = [p for p in comparison.sections if p.changed]
    assert [p.new.heading for p in changed if p.new] == ["投资促进成效显著"]


def test_year_advanced_heading_pairs_without_rename() -> None:
    new = REPORT.replace("2024年工作回顾", "2025年工作回顾").replace("2025年主要工作", "2026年主要工作")
    comparison, _, _ = compare_texts(REPORT, new)
    top = [p for p in comparison.sections if p.new and p.new.level == 1]
    assert [(p.status, p.renamed, p.old.heading if p.old else None) for p in top] == [
        ("matched", False, "2024年工作回顾"),
        ("matched", False, "2025年主要工作"),
    ]


def test_renamed_swapped_dropped_and_added_sections() -> None:
    new = (
        REPORT.replace("（一）经济发展", "（一）经济高质量发展")
        .replace("支柱产业巩固壮大。航运延链升级，引进企业160余家。\n\n", "")
        .replace(
            "重大工程压茬推进。东余杭路一期等20个街坊收尾交地。\n\n重点片区有序更新。永生大楼等38个项目加快推进。",
            "重点片区有序更新。永生大楼等38个项目加快推进。\n\n重大工程压茬推进。东余杭路一期等20个街坊收尾交地。",
        )
        + "\n三、全面加强政府自身建设\n\n坚持依法行政，深化政务公开，持续改进工作作风。\n"
    )
    comparison, a, b = compare_texts(REPORT, new)
    by_old = {p.old.heading: p for p in comparison.sections if p.old}
    assert by_old["经济发展"].renamed and by_old["经济发展"].status == "matched"
    assert by_old["支柱产业巩固壮大"].status == "dropped"
    assert by_old["重大工程压茬推进"].moved or by_old["重点片区有序更新"].moved
    added = [p.new.heading for p in comparison.sections if p.status == "added" and p.new]
    assert added == ["全面加强政府自身建设"]
    assert assert_rebuilds(comparison, a, b) >= 6


def test_generic_heading_over_a_new_body_is_not_paired() -> None:
    old = "主要工作\n\n全年完成旧区改造签约2500户，新建保障性住房1200套，实施美丽家园工程。\n"
    new = "主要工作\n\n深化科技创新策源，引进研发机构三十家，培育专精特新企业，建设北中环科创集聚带。\n"
    comparison, _, _ = compare_texts(old, new)
    statuses = sorted(p.status for p in comparison.sections if (p.old or p.new) and (p.old or p.new).level == 1)  # type: ignore[union-attr]
    assert statuses == ["added", "dropped"]


def test_sentence_moved_between_sections_is_a_move() -> None:
    moved = "永生大楼等38个项目加快推进。"
    new = REPORT.replace(moved, "").replace(
        "航运延链升级，引进企业160余家。", "航运延链升级，引进企业160余家。" + moved
    )
    comparison, a, b = compare_texts(REPORT, new)
    moves = [(e.direction, e.old) for p in comparison.sections for e in p.edits if e.op == "move"]
    assert sorted(moves) == [("in", moved), ("out", moved)]
    assert not [
        e for p in comparison.sections for e in p.edits if e.op in ("insert", "delete") and moved in (e.old + e.new)
    ]
    assert assert_rebuilds(comparison, a, b) >= 6


def test_split_section() -> None:
    old = (
        "一、城市更新\n\n完成旧住房修缮72.4万平方米，加装电梯155台。推进成套改造惠及198户居民。"
        "实施美丽家园系列工程，改造老旧小区二十个。新建口袋公园五座，改造绿地三万平方米。\n\n二、社会事业\n\n新增养老床位三百张。\n"
    )
    new = (
        "一、旧房改造\n\n完成旧住房修缮72.4万平方米，加装电梯155台。推进成套改造惠及198户居民。\n\n"
        "二、环境提升\n\n实施美丽家园系列工程，改造老旧小区二十个。新建口袋公园五座，改造绿地三万平方米。\n\n三、社会事业\n\n新增养老床位三百张。\n"
    )
    comparison, a, b = compare_texts(old, new)
    split = [p for p in comparison.sections if p.status == "split"]
    assert {p.new.heading for p in split if p.new} == {"旧房改造", "环境提升"}
    assert sum(p.primary for p in split) == 1
    assert assert_rebuilds(comparison, a, b) >= 1


def test_work_report_vs_news_review_shows_copied_numbers_changed() -> None:
    a, b = seed_document(REPORT_2025), seed_document(NEWS_2025)
    comparison = compare_documents(a, b)
    inline = [
        [(piece.op, piece.text) for piece in sentence.pieces]
        for pair in comparison.sections
        for sentence in pair.sentences
        if sentence.kind == "moved-in"
    ]
    flat = [piece for pieces in inline for piece in pieces]
    assert ("delete", "35.7%") in flat and ("insert", "35.46%") in flat
    assert ("delete", "星") in flat and ("insert", "空") in flat  # 国科航星 → 国科航空
    for pieces in inline:
        if ("delete", "35.7%") in pieces:
            k = pieces.index(("delete", "35.7%"))
            assert pieces[k + 1] == ("insert", "35.46%")
            assert pieces[k - 1][1].endswith("实到外资增长")
    assert assert_rebuilds(comparison, a, b) >= 1


@pytest.mark.parametrize(
    ("old", "new"),
    [(OUTLOOK_2024, REPORT_2025), (REPORT_2025, NEWS_2025), (PLAN, REPORT_2025), (NEWS_2021, OUTLOOK_2024)],
    ids=["outlook-report", "report-news", "plan-report", "news2021-outlook"],
)
def test_seed_pairs_round_trip(old: object, new: object) -> None:
    a, b = seed_document(old), seed_document(new)  # type: ignore[arg-type]
    comparison = compare_documents(a, b)
    assert_rebuilds(comparison, a, b)
    again = Comparison.model_validate_json(comparison.to_json())
    assert again == comparison
    assert comparison.to_json().startswith('{\n  "schema": "docdiff.compare/1"')
    olds = [p.old for p in comparison.sections if p.old]
    news = [p.new for p in comparison.sections if p.new]
    # Every section of both sides appears; spans index the text as read.
    assert len({o.span for o in olds}) == comparison.summary.sections_old + 1
    assert len({n.span for n in news}) == comparison.summary.sections_new + 1
    for pair in comparison.sections:
        for edit in pair.edits:
            if edit.op in ("replace", "delete") and edit.old_span:
                assert a.normalised_slice(edit.old_span) == edit.old
            if edit.op in ("replace", "insert") and edit.new_span:
                assert b.normalised_slice(edit.new_span) == edit.new


def test_parents_come_before_children() -> None:
    comparison = compare_documents(seed_document(PLAN), seed_document(REPORT_2025))
    seen: set[tuple[str, ...]] = set()
    for pair in comparison.sections:
        ref = pair.new or pair.old
        assert ref is not None
        if pair.new:
            assert ref.path[:-1] in seen or len(ref.path) <= 1
            seen.add(ref.path)


SENTENCES = [
    "全年举办240余场推介会。",
    "加装电梯175台。",
    "实到外资增长35.7%。",
    "新增企业7726家，注册资金亿元以上65家。",
    "推进成套改造惠及198户居民。",
    "北横通道主线通车。",
    "世界会客厅二期开工。",
    "完成旧住房修缮72.4万平方米。",
]


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
)
def test_edits_rebuild_new_text_for_any_edit(a1: list[str], a2: list[str], b1: list[str], b2: list[str]) -> None:
    old = f"一、经济发展\n\n{''.join(a1)}\n\n二、城市更新\n\n{''.join(a2)}\n"
    new = f"一、经济发展\n\n{''.join(b1)}\n\n二、城市更新\n\n{''.join(b2)}\n"
    comparison, a, b = compare_texts(old, new)
    assert_rebuilds(comparison, a, b)
    assert comparison.summary.identical == (old == new)


def test_mutation_testbed_recovers_section_pairs() -> None:
    """≥ 98 % of known section pairs over many random mutations of real seeds; none invented."""
    score = run([str(REPORT_2025), str(PLAN), str(OUTLOOK_2024), str(NEWS_2025)], str(NEWS_2021), range(8))
    score.add(run([str(NEWS_2021)], str(OUTLOOK_2024), range(8)))
    assert score.truth_pairs > 1000
    assert score.recall >= 0.98, score
    assert score.invented == 0, score
    assert score.renamed_recovered / score.renamed_truth >= 0.98, score
    assert score.numbers_found == score.numbers, score
    assert score.moves_found >= 0.9 * score.moves, score


def test_compare_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom docdiff.cli.app import app\nfrom typer.testing import CliRunner\n"
        f"CliRunner().invoke(app, ['compare', {str(REPORT_2025)!r}, {str(NEWS_2025)!r}, '--format', 'json'])\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_testbed_carries_the_layout_faults_of_real_drafts() -> None:
    """The mutations the test-bed scores include what real drafts do: siblings swapped without
    renumbering, headings ending in 。, indentation, a wrapped heading and a page marker."""
    from docdiff.segment import segment
    from tests.conftest import seed_outline
    from tests.mutate import mutate

    faults = {"marker": 0, "indent": 0, "full_stop": 0, "order": 0}
    for seed in range(6):
        mutated = mutate(
            seed_document(REPORT_2025),
            seed_outline(REPORT_2025),
            seed_outline(NEWS_2021),
            seed_document(NEWS_2021),
            seed,
        )
        text = mutated.new_text
        faults["marker"] += "下转◆2版" in text and "（上接第1版）" in text
        faults["indent"] += "\t" in text or "\u3000" in text
        faults["full_stop"] += any(line.strip().startswith("（") and line.endswith("。") for line in text.split("\n"))
        outline = segment(document_from_bytes(text.encode(), "new"))
        faults["order"] += any(" after " in warning for warning in outline.warnings)
    assert faults["marker"] == 6 and faults["indent"] >= 3 and faults["full_stop"] >= 5 and faults["order"] >= 4, faults


def test_the_collector_is_paused_while_a_comparison_runs_and_resumed_after(monkeypatch) -> None:
    """Paused inside (its objects hold no cycles and each collection would walk them all again),
    resumed when the comparison ends or fails, and left off if the caller had turned it off."""
    import gc

    import docdiff.compare as compare_module

    seen: list[bool] = []
    real_align = compare_module.align

    def spying(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_align(*args, **kwargs)

    monkeypatch.setattr(compare_module, "align", spying)
    assert gc.isenabled()
    result, _, _ = compare_texts(REPORT, REPORT.replace("6%", "7%"))
    assert seen == [False] and gc.isenabled()
    assert [(e.old, e.new) for s in result.sections for e in s.edits] == [("6%", "7%")]

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("stop")

    monkeypatch.setattr(compare_module, "align", failing)
    with pytest.raises(RuntimeError):
        compare_texts(REPORT, REPORT)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(compare_module, "align", spying)
        compare_texts(REPORT, REPORT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_comparison_says_what_last_years_targets_became() -> None:
    """A report against the next one: each of last year's targets with this year's result (the
    main targets, then a task's plan the review reports on), in every format. A newspaper's summary
    of the same year's report gives figures of the year before, which judge no plan: none."""
    from docdiff.report.html import render_html
    from docdiff.report.markdown import render_markdown

    last = document_from_bytes(
        (
            "一、2023年工作回顾\n\n地区生产总值增长5.1%。\n\n二、2024年工作安排\n\n"
            "今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业10万人以上。\n\n"
            "（一）科技创新\n\n新增高新技术企业500家以上。\n"
        ).encode(),
        "2024.txt",
    )
    this = document_from_bytes(
        (
            "一、2024年工作回顾\n\n地区生产总值增长5.8%，城镇新增就业9.6万人。新增高新技术企业620家。\n\n"
            "二、2025年工作安排\n\n今年主要预期目标是：地区生产总值增长5%左右。\n"
        ).encode(),
        "2025.txt",
    )
    comparison = compare_documents(last, this)
    assert [(e.main, e.plan.metric, e.result and e.result.label, e.verdict) for e in comparison.outcomes] == [
        (True, "地区生产总值", "5.8%", "met"),
        (True, "城镇新增就业", "9.6万人", "not met"),
        (False, "新增高新技术企业", "620家", "met"),
    ]
    assert "新增高新技术企业  500家以上 → 620家  ✓ met  § 科技创新" in render_markdown(comparison)
    assert "<td>城镇新增就业</td><td>10万人以上</td><td>9.6万人</td>" in render_html(comparison)
    news = document_from_bytes(
        "今年目标\n\n报告提出，今年地区生产总值增长5%左右。去年增长5.8%。\n".encode(), "news.txt"
    )
    assert compare_documents(this, news).outcomes == ()


def test_the_years_planned_investment_of_the_works_counted_is_judged_by_their_investment_done() -> None:
    """`安排县重点项目120个，年度计划投资150亿元`: the year's planned investment is of the works just
    counted (`年度计划` says how it is set, not what is measured), so next year's `完成投资152亿元`
    of the works carried out judges it; so does `粮食总产量` a plan said `，总产量…` after the area."""
    last = document_from_bytes(
        (
            "一、2023年工作回顾\n\n地区生产总值增长5.1%。\n\n二、2024年工作安排\n\n"
            "今年主要预期目标是：地区生产总值增长5.5%左右。\n\n（一）扩大有效投资\n\n"
            "安排县重点项目120个，年度计划投资150亿元。粮食播种面积稳定在120万亩，总产量达到50万吨以上。\n"
        ).encode(),
        "2024.txt",
    )
    this = document_from_bytes(
        (
            "一、2024年工作回顾\n\n地区生产总值增长5.6%。全年实施县重点项目118个，完成投资152亿元。"
            "粮食总产量51万吨。\n\n二、2025年工作安排\n\n今年主要预期目标是：地区生产总值增长5.5%左右。\n"
        ).encode(),
        "2025.txt",
    )
    outcomes = {(e.plan.metric, e.result and e.result.label, e.verdict) for e in compare_documents(last, this).outcomes}
    assert {("县重点项目投资", "152亿元", "met"), ("粮食总产量", "51万吨", "met")} <= outcomes
