"""Layouts real reports have, each as a small constructed case (the corpus is scored in test_accuracy).

Each case is written here from the shape the rule is about, not copied from a corpus file.
"""

from __future__ import annotations

from docdiff.ingest import document_from_bytes
from docdiff.models import Contents, Outline, Section
from docdiff.segment import segment

BODY = "我们要坚持稳中求进工作总基调，推动经济运行持续好转，切实保障和改善民生，确保各项任务落到实处。"


def outline_of(text: str, encoding: str = "utf-8") -> Outline:
    return segment(document_from_bytes(text.encode(encoding), "<test>"))


def tree(section: Section, depth: int = 2) -> list[tuple[int, str]]:
    """(level, label + heading) of the headings down to `depth`, topics left out."""
    return [
        (s.level, (s.number_label or "") + s.heading)
        for s in section.walk()[1:]
        if s.level <= depth and s.style != "topic"
    ]


def heading_texts(outline: Outline) -> list[str]:
    return [heading for _, heading in tree(outline.root)]


REPORT = f"""各位代表：

一、过去一年工作回顾

{BODY}

二、今年主要任务

（一）继续创新和完善宏观调控，确保经济运行在合理区间。

{BODY}

（二）激发市场主体活力，着力优化营商环境。

{BODY}
"""


def test_numbered_heading_alone_ending_in_full_stop() -> None:
    outline = outline_of(REPORT)
    assert tree(outline.root) == [
        (1, "一、过去一年工作回顾"),
        (1, "二、今年主要任务"),
        (2, "（一）继续创新和完善宏观调控，确保经济运行在合理区间"),
        (2, "（二）激发市场主体活力，着力优化营商环境"),
    ]
    assert outline.warnings == ()


def test_run_in_heading_gives_the_same_tree() -> None:
    run_in = REPORT.replace("区间。\n\n", "区间。").replace("环境。\n\n", "环境。")
    assert tree(outline_of(run_in).root) == tree(outline_of(REPORT).root)


def test_indentation_never_hides_a_heading_nor_enters_it() -> None:
    plain = tree(outline_of(REPORT).root)
    for indent in ("\t", "\u3000\u3000", "\t\u3000\u3000", "\u2003\u2003", " \t"):
        indented = "\n".join(indent + line if line else line for line in REPORT.split("\n"))
        assert tree(outline_of(indented).root) == plain, repr(indent)
        crlf = indented.replace("\n", "\r\n")
        assert tree(outline_of(crlf).root) == plain, repr(indent)


def test_one_sentence_per_line_gives_the_same_tree() -> None:
    long_body = "坚持稳中求进工作总基调。推动经济运行持续好转，切实保障和改善民生。确保各项任务落到实处。"
    paragraphs = REPORT.replace(BODY, long_body)
    sentences = paragraphs.replace("。", "。\n").replace("\n\n", "\n").replace("\n\n", "\n")
    assert tree(outline_of(sentences).root) == tree(outline_of(paragraphs).root)


def _faulty(labels: list[str]) -> str:
    parts = [f"一、今年主要任务\n\n{BODY}\n"]
    parts += [f"{label}推进第{i}项重点工作\n\n{BODY}\n" for i, label in enumerate(labels)]
    return "\n".join(parts)


def test_siblings_out_of_order_stay_sections_and_are_reported() -> None:
    outline = outline_of(_faulty(["（二）", "（一）", "（三）"]))
    assert [h for level, h in tree(outline.root) if level == 2] == [
        "（二）推进第0项重点工作",
        "（一）推进第1项重点工作",
        "（三）推进第2项重点工作",
    ]
    assert any("（一）" in w and "（二）" in w for w in outline.warnings), outline.warnings


def test_skipped_and_repeated_numbers_stay_sections_and_are_reported() -> None:
    skipped = outline_of(_faulty(["（一）", "（三）", "（四）"]))
    assert len([1 for level, _ in tree(skipped.root) if level == 2]) == 3
    assert any("skipped" in w for w in skipped.warnings)
    repeated = outline_of(_faulty(["（一）", "（二）", "（二）", "（三）"]))
    assert len([1 for level, _ in tree(repeated.root) if level == 2]) == 4
    assert any("repeated" in w for w in repeated.warnings)


def test_run_restarting_in_the_next_part_is_no_fault() -> None:
    text = _faulty(["（一）", "（二）"]) + "\n二、政府自身建设\n\n" + BODY + "\n\n" + _faulty(["（一）", "（二）"])[9:]
    outline = outline_of(text)
    assert [len(part.children) for part in outline.root.children] == [2, 2]
    assert outline.warnings == ()


def test_long_heading_with_commas_is_a_heading() -> None:
    heading = "（一）坚持把发展基点放在创新上，加快建设具有全球影响力的科技创新中心，创新成为经济发展的重要驱动力"
    assert len(heading) > 45
    text = f"一、过去五年工作回顾\n\n{BODY}\n\n{heading}\n\n{BODY}\n\n（二）坚持质量第一、效益优先，推进供给侧结构性改革\n\n{BODY}\n"
    assert (2, heading) in tree(outline_of(text).root)


def test_wrapped_heading_is_joined_and_its_fragment_is_no_section() -> None:
    text = f"一、今年主要任务\n\n（一）加快建设具有全球影响力的科技创新中心和国际\n金融中心\n{BODY}\n\n（二）深化改革\n\n{BODY}\n"
    outline = outline_of(text)
    assert [h for _, h in tree(outline.root)] == [
        "一、今年主要任务",
        "（一）加快建设具有全球影响力的科技创新中心和国际金融中心",
        "（二）深化改革",
    ]
    title = outline_of(f"政府工作报\n告\n\n{REPORT}")
    assert title.title == "政府工作报告"


def test_ascii_full_stop_after_chinese_ends_a_sentence() -> None:
    doc = document_from_bytes("经济平稳增长.城乡居民收入增长6.5%.网址www.gov.cn不变\n".encode(), "<t>")
    assert doc.normalised.startswith("经济平稳增长。城乡居民收入增长6.5%。网址www.gov.cn不变")


def test_ascii_parenthesised_number_alone_is_level_two() -> None:
    ascii_labels = REPORT.replace("（一）", "(一)").replace("（二）", "(二)")
    assert tree(outline_of(ascii_labels).root) == tree(outline_of(REPORT).root)


FOOTER = (
    "\n" * 15
    + "本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议、决定和其他文件。\n公有领域\n。\n\n\nPublic domain\nfalse\n"
)


def test_archive_licence_footer_is_not_a_section() -> None:
    report = REPORT + f"\n{BODY}\n" * 12  # the footer is a small share of a real report
    outline = outline_of(report + FOOTER)
    assert tree(outline.root) == tree(outline_of(report).root)
    doc = document_from_bytes((report + FOOTER).encode(), "<t>")
    assert "公有领域" not in doc.normalised and "Public" not in doc.normalised


def test_continuation_markers_wherever_they_sit() -> None:
    text = REPORT.replace("（二）激发", f"下转◆2版\n\n（上接第1版）{BODY}\n\n（二）激发")
    doc = document_from_bytes(text.encode(), "<t>")
    assert "版" not in doc.normalised
    assert tree(outline_of(text).root) == tree(outline_of(REPORT).root)
    indented = "\n".join("\t\u3000\u3000" + line if line else line for line in text.split("\n"))
    assert "版" not in document_from_bytes(indented.encode(), "<t>").normalised


def test_web_page_controls_and_a_bare_title_are_no_sections() -> None:
    page = (
        "国务院政府工作报告\n来源：新华社 时间：2019-03-05 10:00\n【大】【中】【小】\n\n"
        + REPORT
        + "\n【打印】【关闭】\n"
    )
    outline = outline_of(page)
    assert outline.title == "国务院政府工作报告"
    assert tree(outline.root) == tree(outline_of(REPORT).root)
    doc = document_from_bytes(page.encode(), "<t>")
    assert "来源" not in doc.normalised and "打印" not in doc.normalised


def test_bracketed_targets_paragraph_is_body() -> None:
    targets = "[综合各方面因素，建议今年全市生产总值增长6.5%左右，一般公共预算收入增长7%。]"
    text = REPORT.replace("（一）继续", f"{targets}\n\n（一）继续")
    outline = outline_of(text)
    assert tree(outline.root) == tree(outline_of(REPORT).root)
    doc = document_from_bytes(text.encode(), "<t>")
    tasks = outline.root.children[1]
    assert [doc.text[b.span[0] : b.span[1]] for b in tasks.blocks] == [targets]


def test_glossary_with_indented_entries() -> None:
    entries = "\n".join(f"\u3000\u3000{i}.术语{i}：指第{i}项工作的具体内容。" for i in range(1, 6))
    outline = outline_of(REPORT + "\n名词解释\n" + entries + "\n")
    glossary = outline.root.children[-1]
    assert glossary.style == "glossary" and len(glossary.children) == 5


def test_glossary_with_terms_over_their_definitions() -> None:
    entries = "\n".join(f"{i}.术语{i}\n指第{i}项工作的具体内容，包括相关的配套措施。" for i in range(1, 5))
    outline = outline_of(REPORT + "\n名词解释\n" + entries + "\n")
    glossary = outline.root.children[-1]
    assert glossary.style == "glossary"
    assert [c.heading for c in glossary.children] == ["术语1", "术语2", "术语3", "术语4"]
    assert all(c.blocks for c in glossary.children)


def test_appendix_reusing_the_parts_numbering_stays_inside_it() -> None:
    appendix = f"\n附件：今年区政府实事项目\n\n一、新增养老床位500张\n\n{BODY}\n\n二、改造老旧小区30个\n\n{BODY}\n"
    outline = outline_of(REPORT + appendix)
    parts = [(s.number_label or "") + s.heading for s in outline.root.children]
    assert parts == ["一、过去一年工作回顾", "二、今年主要任务", "附件：今年区政府实事项目"]
    assert len(outline.root.children[-1].children) == 2


LAW = """中华人民共和国示范法

目录
第一章 总则
第二章 管理
第一节 一般规定
第二节 特别规定
第三章 附则

第一章 总则
第一条 为了规范示范管理工作，保障各方合法权益，
根据宪法，制定本法。
第二条 本法所称示范，是指下列活动：
（一）示范项目的规划和建设；
（二）示范项目的运行和维护。
第二章 管理
第一节 一般规定
第三条 国务院有关部门负责全国的示范管理工作。
第二节 特别规定
第四条 县级以上地方人民政府负责本行政区域的示范管理工作。
第三章 附则
第五条 本法自2025年1月1日起施行。
"""


def test_law_contents_chapters_sections_and_articles() -> None:
    outline = outline_of(LAW)
    assert any(isinstance(b, Contents) for b in outline.root.blocks)
    chapters = outline.root.children
    assert [(c.number_label, c.heading) for c in chapters] == [
        ("第一章", "总则"),
        ("第二章", "管理"),
        ("第三章", "附则"),
    ]
    first, second, third = chapters
    assert [a.number for a in first.children] == [1, 2]
    assert all(a.style == "article" for a in first.children)
    assert first.children[1].children == ()  # （一） items are a list inside the article
    assert [s.heading for s in second.children] == ["一般规定", "特别规定"]
    assert [a.number for s in second.children for a in s.children] == [3, 4]
    assert [a.number for a in third.children] == [5]
    doc = document_from_bytes(LAW.encode(), "<t>")
    article = first.children[0]
    assert "制定本法" in doc.text[article.span[0] : article.span[1]]


def test_gbk_crlf_report_gives_the_same_tree() -> None:
    crlf = REPORT.replace("\n", "\r\n")
    assert tree(outline_of(crlf, "gbk").root) == tree(outline_of(REPORT).root)


def test_a_glossary_missing_an_entry_keeps_the_rest_and_text_after_it_is_never_the_roots() -> None:
    """A later version drops entry 3 and keeps the others' numbers: 4 and 5 are still entries.
    A paragraph after the glossary goes to its last entry, never to the root after its
    sections (the root's own text would then run from its first line over the whole text)."""
    entries = "\n".join(f"{i}.术语{i}：指第{i}项工作的具体内容。" for i in (1, 2, 4, 5))
    closing = "以上名词按首次出现的顺序排列。"
    text = "年度报告\n前言写在这里。\n" + REPORT + "\n名词解释\n" + entries + "\n" + closing + "\n"
    outline = outline_of(text)
    glossary = outline.root.children[-1]
    assert glossary.style == "glossary"
    assert [c.number for c in glossary.children] == [1, 2, 4, 5]
    doc = document_from_bytes(text.encode(), "<t>")
    assert [doc.text[b.span[0] : b.span[1]] for b in glossary.children[-1].blocks][-1] == closing
    first_child = outline.root.children[0].span[0]
    assert all(b.span[1] <= first_child for b in outline.root.blocks)
    # More than two entries missing in a row, or a list not opening on 1, is no such run.
    far = "\n".join(f"{i}.术语{i}：指第{i}项工作的具体内容。" for i in (1, 2, 3, 7))
    kept = outline_of(REPORT + "\n名词解释\n" + far + "\n").root.children[-1]
    assert [c.number for c in kept.children] == [1, 2, 3]
    unnumbered_from_one = "\n".join(f"{i}.术语{i}：指第{i}项工作的具体内容。" for i in (2, 3, 4))
    assert outline_of(REPORT + "\n名词解释\n" + unnumbered_from_one + "\n").root.children[-1].style != "glossary"
