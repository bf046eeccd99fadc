"""The section tree: exact headings on the seeds, constructed cases, and span invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.ingest import document_from_bytes, read_document
from docdiff.models import Contents, Document, Outline, Paragraph, Section, Span, Table
from docdiff.normalise import normalise
from docdiff.segment import segment
from docdiff.textshape import labelled
from tests.conftest import (
    ALL_SEEDS,
    NEWS_2021,
    NEWS_2025,
    OUTLOOK_2024,
    PLAN,
    REPORT_2025,
    examples,
    seed_document,
    seed_outline,
)


def headings(section: Section) -> list[str]:
    return [(child.number_label or "") + child.heading for child in section.children]


def outline_of(text: str) -> Outline:
    return segment(document_from_bytes(text.encode("utf-8"), "<test>"))


def test_work_report_tree() -> None:
    outline = seed_outline(REPORT_2025)
    assert outline.title == "2025年上海市虹口区政府工作报告"
    assert headings(outline.root) == [
        "一、2024年工作回顾",
        "二、2025年主要工作",
        "三、全面加强政府自身建设",
        "名词解释",
    ]
    review, plans, government, glossary = outline.root.children
    assert headings(review) == [
        "（一）凝心聚力谋发展，经济质效加快提升",
        "（二）综合施策促转型，城市更新蹄疾步稳",
        "（三）倾情倾力惠民生，人民生活逐步改善",
        "（四）精细高效优管理，城区治理持续提升",
        "（五）担当作为提效能，政府建设走深走实",
    ]
    assert [c.number for c in plans.children] == [1, 2, 3, 4, 5, 6, 7]
    assert plans.children[4].heading == "聚焦“文化三地”建设，提升城区发展软实力"
    assert government.children == ()
    assert glossary.style == "glossary"
    assert len(glossary.children) == 34
    assert [c.number for c in glossary.children] == list(range(1, 35))
    assert glossary.children[13].heading == "“瓶改管”"
    assert glossary.children[33].heading == "财政四问"
    # Lead-sentence topics are the lowest level.
    topics = review.children[0].children
    assert [t.heading for t in topics[:3]] == ["投资促进成效显著", "支柱产业巩固壮大", "科技创新增添动能"]
    assert all(t.style == "topic" and t.level == 3 for t in topics)
    # A topic is the lowest level: its paragraph is never cut into further topics.
    every = outline.root.walk()
    assert all(not s.children for s in every if s.style == "topic")
    assert sum(s.style == "topic" for s in every) == 42


def test_a_short_first_sentence_stating_a_figure_is_no_topic() -> None:
    """A review written in topics (`项目投资扎实推进。…`) makes one short lead sentence a topic
    anywhere in the document; a short first sentence stating a figure (`新建高标准农田18万亩。`) is
    the section's first fact, not a heading of its own. A year does not count as a figure."""
    text = (
        "一、2023年工作回顾\n\n项目投资扎实推进。实施省市重大项目318个，完成投资436亿元，为年度计划的96.9%。\n\n"
        "工业经济提质增效。新增规模以上工业企业38户，规上工业增加值增长7.1%。\n\n"
        "2023年经济运行稳中向好。全年地区生产总值增长6.8%，一般公共预算收入增长8.2%。\n\n"
        "二、2024年工作安排\n\n（一）扎实推进乡村全面振兴。新建高标准农田18万亩。果品产量达到205万吨。"
        "农村卫生户厕普及率提高到80%。\n"
    )
    outline = segment(document_from_bytes(text.encode(), "report.txt"))
    review, plan = outline.root.children
    assert [t.heading for t in review.children] == ["项目投资扎实推进", "工业经济提质增效", "2023年经济运行稳中向好"]
    (rural,) = plan.children
    assert rural.heading == "扎实推进乡村全面振兴" and not rural.children


def test_five_year_plan_tree_ignores_its_table_of_contents() -> None:
    outline = seed_outline(PLAN)
    top = outline.root.children
    numbered = [s for s in top if s.style == "cn-enum"]
    assert [s.number for s in numbered] == list(range(1, 17))
    assert [s.heading for s in top if s.style == "plain"] == ["前言", "结语"]
    assert numbered[9].heading == "解决好人民群众最关心的“老小旧远”难题"
    arabic = [s for s in outline.root.walk() if s.style == "arabic"]
    assert [s.number for s in arabic] == list(range(1, 53))
    assert all(s.level == 2 for s in arabic)
    assert headings(numbered[1]) == [
        "3.二〇三五年远景目标",
        "4.“十四五”时期经济社会发展指导思想和基本原则",
        "5.“十四五”时期经济社会发展主要目标",
    ]
    all_headings = [s.heading for s in outline.root.walk()]
    assert all_headings.count("站在新起点") == 1
    contents = [b for b in outline.root.blocks if isinstance(b, Contents)]
    assert len(contents) == 1 and len(contents[0].entries) == 68
    # The exact first- and second-level heading lists are the plan's own table of contents.
    printed = [entry.replace(" ", "") for entry in contents[0].entries]
    built = [(s.number_label or "") + s.heading for s in outline.root.walk() if s.style in ("cn-enum", "arabic")]
    assert built == printed
    assert contents[0].entries[0] == "一、把握历史发展新方位"
    # Topic sentences are the third level.
    assert headings(arabic[0])[:2] == ["经济发展能级持续提升", "北外滩开发建设全面起势"]


def test_five_year_plan_indicator_table() -> None:
    tables = [b for s in seed_outline(PLAN).root.walk() for b in s.blocks if isinstance(b, Table)]
    indicators = [t for t in tables if t.caption and t.caption.startswith("表五")]
    assert len(indicators) == 1
    rows = indicators[0].rows
    assert rows[0] == ("序号", "指标", "单位", "“十四五”目标", "属性")
    assert len(rows) == 21
    assert rows[19] == ("19", "大气常规污染物年均浓度（PM2.5）", "微克/立方米", "完成市下达目标", "约束性")
    assert len(tables) == 5
    assert all("<ul" not in cell and "◇" not in cell for t in tables for row in t.rows for cell in row)


def test_newspaper_trees() -> None:
    assert seed_outline(NEWS_2021).title == "上海北外滩 浦江金三角"
    assert headings(seed_outline(NEWS_2021).root) == [
        "经济发展更加强劲",
        "城区有温度生活更美好",
    ]  # 瑞虹天地太阳宫开业 is a bold photo caption in a text whose headings are plain: not a section
    # The headline over the feature's opening paragraphs is its title, not a section.
    assert seed_outline(OUTLOOK_2024).title == "增强城区核心竞争力，开创高质量发展新局面"
    assert headings(seed_outline(OUTLOOK_2024).root) == [
        "培育新动能，提升产业竞争力增强城区综合实力",
        "北外滩开发建设提标提速，引领全域高质量发展",
        "用心用情创造高品质生活，增强获得感满意度",
    ]
    assert seed_outline(NEWS_2025).title == "日新月异上海北外滩"
    assert headings(seed_outline(NEWS_2025).root) == [
        "产业新格局 优化升级韧性强",
        "引资强磁场 彰显核心竞争力",
        "实事惠民生 桩桩件件暖人心",
        "亮红色基因“建党精神”薪火传",
    ]


def test_doubled_headings_come_out_single() -> None:
    doc = seed_document(NEWS_2021)
    section = seed_outline(NEWS_2021).root.children[0]
    assert section.heading == "经济发展更加强劲"
    title_span = seed_outline(NEWS_2021).root.heading_span
    assert title_span is not None
    assert doc.text[title_span[0] : title_span[1]] == "上上海海北北外外滩滩 浦浦江江金金三三角角"


def test_article_numbering_and_chapters() -> None:
    text = (
        "第一章 总则\n\n第一条 为了规范城市更新，制定本条例。\n\n第二条 本条例适用于本市行政区域。\n\n"
        "第二章 规划\n\n第一节 编制\n\n第三条 区人民政府组织编制规划。\n（一）听取意见；\n（二）公示结果。\n\n"
        "第四条 规划经批准后公布。\n"
    )
    outline = outline_of(text)
    assert headings(outline.root) == ["第一章总则", "第二章规划"]
    chapter1, chapter2 = outline.root.children
    assert [(a.heading, a.number, a.level) for a in chapter1.children] == [("第一条", 1, 2), ("第二条", 2, 2)]
    section = chapter2.children[0]
    assert section.style == "section" and section.heading == "编制"
    assert [a.number for a in section.children] == [3, 4]
    assert outline.root.walk()[0].level == 0
    # An article's heading is its label: reports print it once (`第一条`, not `第一条第一条`).
    from rich.console import Console

    from docdiff.cli.sections import render_tree
    from docdiff.comparison import SectionRef
    from docdiff.report.rows import section_name

    article = chapter1.children[0]
    ref = SectionRef(
        heading=article.heading, number_label=article.number_label, level=2, path=("总则", "第一条"), span=article.span
    )
    assert section_name(ref) == "第一条"
    console = Console(record=True, width=100)
    console.print(render_tree(outline))
    shown = console.export_text()
    assert "L2 第一条 " in shown and "第一条 第一条" not in shown
    assert labelled("（一）", "听取意见") == "（一）听取意见"


def test_restarted_numbering_inside_a_section_is_a_list() -> None:
    text = (
        "一、总体要求\n\n坚持稳中求进工作总基调，推动高质量发展。\n\n二、主要任务\n\n今年重点做好三件事：\n\n"
        "一、稳增长\n\n二、促改革\n\n三、惠民生\n\n三、保障措施\n\n加强组织领导，确保任务落实。\n"
    )
    outline = outline_of(text)
    assert headings(outline.root) == ["一、总体要求", "二、主要任务", "三、保障措施"]
    assert outline.root.children[1].children == ()
    assert len(outline.root.children[1].blocks) == 4


def test_a_run_of_one_sentence_items_ends_as_it_began_and_a_headings_sibling_stays_one() -> None:
    """`（1）…。（2）…。` under a heading are items of one list, the last one too (it is followed by
    the next heading, not by an item); `（二）…。` after the heading `（一）…。` is its sibling, even
    as the last line of the text."""
    text = "报告\n\n一、着力扩大有效需求\n（一）促进消费稳定增长。\n（1）培育新型消费。\n（2）稳定大宗消费。\n（二）扩大有效投资。\n"
    outline = outline_of(text)
    part = outline.root.children[-1]
    assert headings(part) == ["（一）促进消费稳定增长", "（二）扩大有效投资"]
    assert part.children[0].children == () and not outline.warnings


def test_a_box_caption_opens_no_section_and_the_chapters_run_on() -> None:
    """`专栏1 重大产业项目` labels a box inside its section: the chapter after the box is the next
    chapter of the same part, not a part of its own."""
    text = (
        "第一篇 建设现代化产业体系\n\n第一章 做强先进制造业\n\n第一节 改造提升传统产业\n\n实施技术改造升级工程。\n\n"
        "专栏1 重大产业项目\n\n一、集成电路产业园二期\n二、生物医药创新中心\n\n第二章 发展现代服务业\n\n建设国际消费中心城市。\n"
    )
    outline = outline_of(text)
    assert headings(outline.root) == ["第一篇建设现代化产业体系"]
    assert headings(outline.root.children[0]) == ["第一章做强先进制造业", "第二章发展现代服务业"]
    assert not outline.warnings


def test_the_last_item_of_a_list_of_targets_is_an_item_too() -> None:
    # Items closed by `；` are a list; the last, closed by a full stop, is its next item, not a heading.
    text = (
        "一、2025年主要预期目标\n1.地区生产总值增长6%左右；\n2.一般公共预算收入增长5%；\n"
        "3.单位地区生产总值能耗下降3%。\n二、重点工作\n（一）扩大有效需求。实施重点项目200个。\n"
    )
    outline = outline_of(text)
    assert headings(outline.root) == ["一、2025年主要预期目标", "二、重点工作"]
    assert headings(outline.root.children[0]) == []
    assert not outline.warnings


def test_a_byline_under_the_title_is_the_titles_not_a_section() -> None:
    text = (
        "2025年政府工作报告\n——2025年1月15日在市第十六届人民代表大会第四次会议上\n"
        "一、2024年工作回顾\n过去一年，全市地区生产总值增长5.8%，城镇新增就业12.6万人。\n"
        "二、2025年目标任务\n今年经济社会发展主要预期目标是：地区生产总值增长5.5%左右。\n"
    )
    outline = outline_of(text)
    assert outline.title == "2025年政府工作报告"
    assert headings(outline.root) == ["一、2024年工作回顾", "二、2025年目标任务"]
    # So is the speaker's role and name under it; further on, such a line may head a section.
    signed = outline_of(text.replace("会议上\n", "会议上\n市长 张某某\n", 1))
    assert headings(signed.root) == ["一、2024年工作回顾", "二、2025年目标任务"]


def test_numbering_level_follows_context() -> None:
    text = (
        "一、经济发展\n\n（一）产业升级\n\n1.金融业\n\n金融业增加值增长5%，规模持续扩大。\n\n2.航运业\n\n航运业营收增长39.6%，集聚企业增加。\n\n"
        "（二）消费提振\n\n社会消费品零售总额增长3%，消费持续回暖。\n"
    )
    outline = outline_of(text)
    arabic = [s for s in outline.root.walk() if s.style == "arabic"]
    assert [(s.heading, s.level) for s in arabic] == [("金融业", 3), ("航运业", 3)]
    alone = outline_of(
        "1.金融业\n\n金融业增加值增长5%，规模持续扩大。\n\n2.航运业\n\n航运业营收增长39.6%，集聚企业增加。\n"
    )
    assert [(s.heading, s.level) for s in alone.root.children] == [("金融业", 1), ("航运业", 1)]


def test_sentences_split_on_final_punctuation() -> None:
    outline = outline_of("标题\n\n第一句话。第二句“引号内容。”第三句！第四句；最后一句没有句号\n")
    assert outline.title == "标题"
    paragraph = outline.root.blocks[0]
    assert isinstance(paragraph, Paragraph)
    doc = document_from_bytes("标题\n\n第一句话。第二句“引号内容。”第三句！第四句；最后一句没有句号\n".encode(), "<t>")
    assert [doc.text[s:e] for s, e in paragraph.sentences] == [
        "第一句话。",
        "第二句“引号内容。”",
        "第三句！",
        "第四句；",
        "最后一句没有句号",
    ]


def test_seed_segments_identically_in_every_encoding(tmp_path: Path) -> None:
    expected = seed_outline(PLAN).root
    text = seed_document(PLAN).text
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"plan-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert segment(read_document(path)).root == expected


def all_spans(outline: Outline) -> list[Span]:
    spans: list[Span] = []
    for section in outline.root.walk():
        spans.append(section.span)
        if section.heading_span:
            spans.append(section.heading_span)
        for block in section.blocks:
            spans.append(block.span)
            if isinstance(block, Paragraph):
                spans.extend(block.sentences)
            if isinstance(block, Table):
                spans.extend(block.row_spans)
    return spans


def assert_spans_consistent(doc: Document, outline: Outline) -> None:
    """Every span is tight on kept characters and its original slice normalises to its view."""
    origins = set(doc.offsets)
    for start, end in all_spans(outline):
        assert 0 <= start <= end <= len(doc.text)
        if end > start:
            assert start in origins
            assert not doc.text[start:end].endswith(("\n", " "))
        projected = "".join(ch for ch, o in zip(doc.normalised, doc.offsets, strict=True) if start <= o < end)
        assert doc.normalised_slice((start, end)) == projected
    for section in outline.root.walk():
        for child in section.children:
            assert section.span[0] <= child.span[0] <= child.span[1] <= section.span[1]


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
def test_seed_spans_map_back_to_the_text(path: Path) -> None:
    doc = seed_document(path)
    outline = seed_outline(path)
    assert_spans_consistent(doc, outline)
    # A sentence on one line of the file normalises, on its own, to its normalised view.
    for section in outline.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                for start, end in block.sentences:
                    original = doc.text[start:end]
                    if "\n" not in original and "\r" not in original:
                        assert normalise(original)[0] == doc.normalised_slice((start, end))


LINES = [
    "一、总体要求",
    "二、主要任务",
    "（一）产业升级",
    "（二）消费",
    "1.金融业",
    "2. 航运业",
    "第一章 总则",
    "第一条 为了规范，制定本条例。",
    "第二条 本条例适用于本市。",
    "前 言",
    "名词解释",
    "1.术语:定义内容。",
    "2.另一个术语:第二个定义。",
    "3.第三:定义。",
    "投资促进成效显著。大力开展海内外投资推介活动。",
    "支柱产业巩固壮大。航运延链升级，引进企业。",
    "今年是关键一年，全区经济社会发展的主要预期目标是增长6%。",
    "表五：主要指标",
    "序号\t指标\t单位",
    "1\t地区生产总值\t%",
    "一、把握历史.....\t2",
    "目 录",
    "上上海海北北外外滩滩",
    "(虹口区供图)",
    "图 1 布局",
    "注册 | 登录",
    "",
    "收入增长",
    "8.2%，",
    "<ul style=x> ◇ 项目",
]


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_any_arrangement_of_heading_shapes_segments_consistently(lines: list[str], sep: str) -> None:
    text = sep.join(lines) + "这是一段足够长的正文，用来保证文档里有正文内容存在。"
    doc = document_from_bytes(text.encode("utf-8"), "<gen>")
    assert_spans_consistent(doc, segment(doc))
