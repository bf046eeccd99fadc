"""Section alignment on constructed year-on-year cases, and its evidence (the corpus is scored in test_accuracy)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.compare import compare_documents
from docdiff.comparison import Comparison, SectionPair
from docdiff.ingest import document_from_bytes
from docdiff.options import AlignOptions, CompareOptions

TAX = "实施更大规模的减税降费，制造业增值税税率降至百分之十三，小微企业所得税优惠扩大，企业社保缴费负担明显降低。"
JOBS = "实施就业优先政策，高校毕业生就业创业促进计划全面推开，农民工返乡创业得到扶持，城镇新增就业保持稳定。"
FARM = "稳定粮食播种面积和产量，新建高标准农田八千万亩，生猪产能加快恢复，农村人居环境整治三年行动完成。"
OPEN = "稳住外贸外资基本盘，跨境电商综合试验区扩大，外资准入负面清单再缩减，进博会和广交会成功举办。"


def compare(old: str, new: str) -> Comparison:
    return compare_documents(document_from_bytes(old.encode(), "old"), document_from_bytes(new.encode(), "new"))


def pairs(comparison: Comparison) -> list[tuple[str, str, str]]:
    """(status, old heading, new heading) of every pair with both sides, below the root."""
    return [
        (p.status, p.old.heading, p.new.heading) for p in comparison.sections if p.old and p.new and p.old.level > 0
    ]


def pair_of(comparison: Comparison, old_heading: str) -> SectionPair | None:
    return next((p for p in comparison.sections if p.old and p.new and p.old.heading == old_heading), None)


def test_reworded_sections_pair_by_their_distinctive_content() -> None:
    """A year later every heading is reworded and most sentences rewritten; the shared rare
    terms (增值税, 高标准农田, 跨境电商) still say which section became which."""
    old = f"一、减轻企业负担\n\n{TAX}\n\n二、稳定就业\n\n{JOBS}\n\n三、农业生产\n\n{FARM}\n\n四、对外开放\n\n{OPEN}\n"
    new = (
        f"一、加大减税降费力度\n\n继续{TAX[:30]}，增值税留抵退税全面推开。\n\n"
        f"二、全力稳就业保民生\n\n{JOBS[:28]}，失业保险稳岗返还继续实施。\n\n"
        f"三、抓好农业生产\n\n{FARM[:26]}，种业振兴行动启动实施。\n\n"
        f"四、扩大高水平开放\n\n{OPEN[:24]}，自由贸易试验区提升战略实施。\n"
    )
    found = pairs(compare(old, new))
    assert [(o, n) for _, o, n in found] == [
        ("减轻企业负担", "加大减税降费力度"),
        ("稳定就业", "全力稳就业保民生"),
        ("农业生产", "抓好农业生产"),
        ("对外开放", "扩大高水平开放"),
    ]


def test_a_part_promoted_a_level_still_pairs() -> None:
    """Last year's tasks part held （一）…（三）; this year each task is a part of its own."""
    old = (
        f"一、过去一年回顾\n\n{JOBS}\n\n二、今年政府工作任务\n\n今年要做好以下工作。\n\n"
        f"（一）减轻企业负担\n\n{TAX}\n\n（二）抓好农业生产\n\n{FARM}\n\n（三）推进对外开放\n\n{OPEN}\n"
    )
    new = (
        f"一、过去一年回顾\n\n{JOBS}\n\n二、加大减税降费力度\n\n{TAX}\n\n"
        f"三、促进农业丰收农民增收\n\n{FARM}\n\n四、稳住外贸外资基本盘\n\n{OPEN}\n"
    )
    comparison = compare(old, new)
    for old_heading, new_heading in (
        ("减轻企业负担", "加大减税降费力度"),
        ("抓好农业生产", "促进农业丰收农民增收"),
        ("推进对外开放", "稳住外贸外资基本盘"),
    ):
        pair = pair_of(comparison, old_heading)
        assert pair is not None and pair.new is not None and pair.new.heading == new_heading
        assert pair.old is not None and (pair.old.level, pair.new.level) == (2, 1)


def test_unrelated_sections_stay_unpaired_however_alike_their_headings() -> None:
    old = f"一、主要工作\n\n{TAX}\n"
    new = f"一、主要工作\n\n{FARM}\n"
    statuses = sorted(p.status for p in compare(old, new).sections if p.old is None or p.old.level > 0)
    assert statuses == ["added", "dropped"]


LAW_OLD = """第一章 总则

第一条 为了规范城市供水管理，保障城市生活、生产用水，制定本条例。

第二条 本条例所称城市供水，是指城市公共供水和自建设施供水。

第三条 城市供水工作实行开发水源和计划用水、节约用水相结合的原则。

第四条 县级以上人民政府应当将发展城市供水事业纳入国民经济和社会发展计划。

第五条 本条例自发布之日起施行。
"""

LAW_NEW = """第一章 总则

第一条 为了规范城市供水管理，保障城市生活、生产用水，制定本条例。

第二条 国家鼓励城市供水方面的科学技术研究，推广先进技术，提高城市供水的现代化水平。

第三条 本条例所称城市供水，是指城市公共供水和自建设施供水。

第四条 城市供水工作实行开发水源和计划用水、节约用水相结合的原则。

第五条 县级以上人民政府应当将发展城市供水事业纳入国民经济和社会发展计划。

第六条 本条例自发布之日起施行。
"""


def test_law_articles_pair_by_content_after_renumbering() -> None:
    """An article inserted shifts every number after it; articles have no heading words, so content pairs them."""
    comparison = compare(LAW_OLD, LAW_NEW)
    articles = [
        (p.status, p.old.number_label if p.old else None, p.new.number_label if p.new else None)
        for p in comparison.sections
        if (p.old or p.new) and ((p.old or p.new).level == 2)
    ]  # type: ignore[union-attr]
    matched = {(o, n) for status, o, n in articles if status == "matched"}
    assert matched == {
        ("第一条", "第一条"),
        ("第二条", "第三条"),
        ("第三条", "第四条"),
        ("第四条", "第五条"),
        ("第五条", "第六条"),
    }
    assert ("added", None, "第二条") in articles


def test_sub_sections_continuing_in_an_undivided_part_are_merged_into_it() -> None:
    old = f"一、过去一年工作回顾\n\n（一）减轻企业负担\n\n{TAX}\n\n（二）稳定就业\n\n{JOBS}\n\n二、今年任务\n\n{FARM}\n"
    new = f"一、过去一年工作回顾\n\n{TAX[:40]}。{JOBS[:40]}。\n\n二、今年任务\n\n{FARM}\n"
    comparison = compare(old, new)
    into_review = {
        (p.status, p.old.heading)
        for p in comparison.sections
        if p.old and p.new and p.new.heading == "过去一年工作回顾"
    }
    assert into_review == {("merged", "过去一年工作回顾"), ("merged", "减轻企业负担"), ("merged", "稳定就业")}
    assert not [p for p in comparison.sections if p.status == "dropped"]


def test_pairs_carry_confidence_and_evidence_in_json_and_explain() -> None:
    old = f"一、减轻企业负担\n\n{TAX}{JOBS}\n\n二、农业生产\n\n{FARM}\n"
    new = f"一、加大减税降费力度\n\n{TAX}{OPEN}\n\n二、农业生产\n\n{FARM}\n"
    comparison = compare(old, new)
    first = pair_of(comparison, "减轻企业负担")
    assert first is not None and first.evidence is not None
    assert first.evidence.carried_sentences == 1 and first.evidence.order == "kept"
    assert 0.5 < first.confidence <= 1.0
    same = pair_of(comparison, "农业生产")
    assert same is not None and same.confidence > first.confidence
    data = json.loads(comparison.to_json())
    entry = next(s for s in data["sections"] if s["old"] and s["old"]["heading"] == "减轻企业负担")
    assert set(entry["evidence"]) == {"carried_sentences", "heading_similarity", "content_similarity", "order"}


def test_explain_flag_lists_every_pair_with_its_evidence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(f"一、减轻企业负担\n\n{TAX}\n\n二、农业生产\n\n{FARM}\n", encoding="utf-8")
    new.write_text(f"一、加大减税降费力度\n\n{TAX}\n\n二、农业生产\n\n{FARM}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(old), str(new), "--explain", "--no-color"])
    assert result.exit_code == 1, result.output
    assert "Why sections were paired" in result.stdout
    explained = result.stdout[result.stdout.index("Why sections were paired") :]
    explained = explained[: explained.index("农业生产")].replace("\n", "")
    assert "减轻企业负担 → 一、加大减税降费力度" in explained
    assert "carried 1" in explained and "kept" in explained


NEWS = "统筹推进城市更新和旧区改造，北外滩核心区开发建设提速，滨江岸线贯通开放，历史风貌街区保护利用取得新进展。"
PLAN = "展望未来五年，碳达峰碳中和行动稳步实施，数字经济核心产业增加值占比提高，基本公共服务均等化水平明显提升。"


def test_a_one_off_chapter_alike_to_many_parts_pairs_with_none() -> None:
    """A five-year chapter touches every topic a little: the parts on those topics are more alike to
    it than next year's part in its place, so it is dropped rather than paired by position."""
    old = (
        f"一、减轻企业负担\n\n{TAX}\n\n二、过去五年发展成就和今后五年主要目标\n\n"
        f"{TAX[:22]}。{FARM[:22]}。{OPEN[:22]}。{JOBS[:22]}。{PLAN}\n\n"
        f"三、抓好农业生产\n\n{FARM}\n\n四、对外开放\n\n{OPEN}\n\n五、稳定就业\n\n{JOBS}\n"
    )
    new = (
        f"一、加大减税降费力度\n\n{TAX}\n\n二、今年发展的总体要求\n\n{PLAN[:24]}。{NEWS}\n\n"
        f"三、抓好农业生产\n\n{FARM}\n\n四、对外开放\n\n{OPEN}\n\n五、稳定就业\n\n{JOBS}\n"
    )
    ranked = CompareOptions(align=AlignOptions(max_content_rank=2))
    comparison = compare_documents(
        document_from_bytes(old.encode(), "old"), document_from_bytes(new.encode(), "new"), ranked
    )
    found = {
        (p.status, p.old.heading if p.old else None, p.new.heading if p.new else None) for p in comparison.sections
    }
    assert ("dropped", "过去五年发展成就和今后五年主要目标", None) in found
    assert ("added", None, "今年发展的总体要求") in found
    assert ("matched", "减轻企业负担", "加大减税降费力度") in found


FISCAL = "积极的财政政策要提质增效，赤字率拟按百分之三点二安排，地方政府专项债券安排三万六千五百亿元，中央预算内投资继续增加。"
RELIEF = "对小微企业和个体工商户实施新的组合式税费支持政策，增值税留抵退税全面推开，缓缴社保费政策延续实施，帮助市场主体渡过难关。"


def test_a_task_split_into_two_siblings_keeps_both_halves() -> None:
    """Last year's （一） held fiscal policy and relief for firms; this year each is a task of its own.
    The tasks part holding （一） is alike to the second half too, but only because it holds （一）:
    a source's own ancestors are no rivals to it."""
    tasks = "二、今年政府工作任务\n\n今年要重点做好以下工作。\n\n"
    old = (
        f"一、过去一年回顾\n\n{JOBS}\n\n{tasks}（一）保持宏观政策连续性稳定性\n\n{FISCAL}{RELIEF}\n\n"
        f"（二）抓好农业生产\n\n{FARM[:30]}。\n"
    )
    new = (
        f"一、过去一年回顾\n\n{JOBS}\n\n{tasks}（一）着力稳定宏观经济大盘\n\n{FISCAL[:40]}，财政支出强度保持。\n\n"
        f"（二）着力稳市场主体保就业\n\n{RELIEF[:44]}，降低企业融资成本。\n\n（三）抓好农业生产\n\n{FARM[:30]}。\n"
    )
    parts = {
        p.new.heading
        for p in compare(old, new).sections
        if p.status == "split" and p.old and p.new and p.old.heading == "保持宏观政策连续性稳定性"
    }
    assert parts == {"着力稳定宏观经济大盘", "着力稳市场主体保就业"}


GOV = "深入开展平安建设，扫黑除恶专项斗争常态化推进，信访积案化解攻坚扎实开展，安全生产专项整治三年行动全面完成。"


def test_two_tasks_folded_into_one_are_merged_though_one_kept_little_text() -> None:
    """（二）民生 and （三）社会治理 become one task; of （三） only a clause survives (cosine ~0.19), but
    it is most alike to the task its sibling became, by a margin: a merge, not a drop."""
    old = (
        f"一、过去一年回顾\n\n{TAX}\n\n二、今年工作任务\n\n（一）抓好农业生产\n\n{FARM}\n\n"
        f"（二）保障和改善民生\n\n{JOBS}\n\n（三）加强社会治理\n\n{GOV}\n\n（四）推进对外开放\n\n{OPEN}\n"
    )
    new = (
        f"一、过去一年回顾\n\n{TAX}\n\n二、今年工作任务\n\n（一）抓好农业生产\n\n{FARM}\n\n"
        f"（二）做细做实民生和社会治理\n\n{JOBS[:40]}，养老服务体系不断健全。{GOV[36:50]}，基层治理持续加强。\n\n"
        f"（三）推进对外开放\n\n{OPEN}\n"
    )
    merged = {
        p.old.heading
        for p in compare(old, new).sections
        if p.status == "merged" and p.old and p.new and p.new.heading == "做细做实民生和社会治理"
    }
    assert merged == {"保障和改善民生", "加强社会治理"}
    strict = CompareOptions(align=AlignOptions(min_sibling_part_similarity=0.25))
    found = compare_documents(
        document_from_bytes(old.encode(), "old"), document_from_bytes(new.encode(), "new"), strict
    )
    assert ("dropped", "加强社会治理") in {(p.status, p.old.heading if p.old else None) for p in found.sections}


def test_a_chapter_is_never_merged_into_a_container_of_tasks() -> None:
    """A five-year chapter mentions each task a little; next year's tasks part, mostly its （一）…（三）,
    is alike to it only through them: the chapter is dropped, not merged into the tasks part."""
    tasks = "今年工作任务\n\n今年要重点做好以下工作。\n\n（一）减轻企业负担\n\n{TAX}\n\n（二）抓好农业生产\n\n{FARM}\n\n（三）推进对外开放\n\n{OPEN}\n"
    tasks = tasks.format(TAX=TAX, FARM=FARM, OPEN=OPEN)
    old = f"一、过去一年回顾\n\n{JOBS}\n\n二、今后五年主要目标和任务\n\n{PLAN}{TAX[:20]}。{FARM[:20]}。{OPEN[:20]}。\n\n三、{tasks}"
    new = f"一、过去一年回顾\n\n{JOBS}\n\n二、{tasks}"
    statuses = {(p.status, p.old.heading if p.old else None) for p in compare(old, new).sections}
    assert ("dropped", "今后五年主要目标和任务") in statuses
    assert ("matched", "今年工作任务") in statuses


AIR_OLD = """第一章 总则

第一条 为了保护和改善环境，防治大气污染，保障公众健康，推进生态文明建设，制定本法。

第二条 防治大气污染，应当以改善大气环境质量为目标，坚持源头治理，规划先行。

第三条 县级以上人民政府应当将大气污染防治工作纳入国民经济和社会发展规划，加大对大气污染防治的财政投入。

第四条 企业事业单位和其他生产经营者应当采取有效措施，防止、减少大气污染，对所造成的损害依法承担责任。

第五条 国家鼓励和支持大气污染防治科学技术研究，推广先进适用的大气污染防治技术。

第二章 附则

第六条 本法自2016年1月1日起施行。
"""

AIR_NEW = """第一章 总则

第一条 为了保护和改善环境，防治大气污染，保障公众健康，推进生态文明建设，促进经济社会可持续发展，制定本法。

第二条 本法适用于中华人民共和国领域和管辖的其他海域。

第三条 防治大气污染，应当以改善大气环境质量为目标，坚持源头治理，规划先行，转变经济发展方式。

第四条 县级以上人民政府应当将大气污染防治工作纳入国民经济和社会发展规划，加大对大气污染防治的财政投入。

第五条 公民应当增强大气环境保护意识，采取低碳、节俭的生活方式，自觉履行大气环境保护义务。

第六条 国家鼓励和支持大气污染防治科学技术研究，推广先进适用的大气污染防治技术。

第二章 附则

第七条 本法自2025年3月1日起施行。
"""


def test_law_version_pairs_articles_as_a_reader_would() -> None:
    """Hand-made expected alignment of a law's two versions: an article inserted (every number after
    it shifts), one article replaced by an unrelated one (dropped + added, not a weak pair), the short
    commencement article with a new date paired with its counterpart."""
    comparison = compare(AIR_OLD, AIR_NEW)
    articles = sorted(
        (p.status, p.old.number_label if p.old else "", p.new.number_label if p.new else "")
        for p in comparison.sections
        if "条" in ((p.old or p.new).number_label or "")  # type: ignore[union-attr]
    )
    assert articles == sorted(
        [
            ("matched", "第一条", "第一条"),
            ("added", "", "第二条"),
            ("matched", "第二条", "第三条"),
            ("matched", "第三条", "第四条"),
            ("dropped", "第四条", ""),
            ("added", "", "第五条"),
            ("matched", "第五条", "第六条"),
            ("matched", "第六条", "第七条"),
        ]
    )


SCI_DONE = "科技创新取得新进展，研发经费投入增长百分之十，基础研究能力增强。"
SCI_PLAN = "加快建设国家实验室，集成电路和人工智能核心技术攻关全面推进，企业研发费用加计扣除比例提高到百分之百。"
SCI_DONE_NEXT = "国家实验室建设加快，集成电路和人工智能核心技术攻关取得突破，企业研发费用加计扣除比例提高到百分之百。"


def _statuses(old: str, new: str, **options: object) -> set[tuple[str, str | None, str | None]]:
    comparison = compare_documents(
        document_from_bytes(old.encode(), "old"),
        document_from_bytes(new.encode(), "new"),
        CompareOptions(align=AlignOptions(**options)),  # type: ignore[arg-type]
    )
    return {(p.status, p.old.heading if p.old else None, p.new.heading if p.new else None) for p in comparison.sections}


def test_a_review_section_pairs_with_last_years_review_not_with_last_years_plans() -> None:
    """This year's review of science reports last year's science plans done, so it reads most like
    the plans; a reviewer still pairs review with review and tasks with tasks."""
    old = (
        f"一、2020年工作回顾\n\n（一）科技创新能力增强\n\n{SCI_DONE}\n\n（二）民生保障有力\n\n{JOBS}\n\n"
        f"二、2021年重点工作\n\n（一）强化科技创新\n\n{SCI_PLAN}\n\n（二）抓好农业生产\n\n{FARM}\n"
    )
    new = (
        f"一、2021年工作回顾\n\n（一）科技创新能力增强\n\n{SCI_DONE_NEXT}{SCI_DONE[:12]}。\n\n（二）民生保障有力\n\n{JOBS}\n\n"
        f"二、2022年政府工作任务\n\n（一）强化科技创新\n\n{SCI_PLAN[:20]}，{GOV}\n\n（二）抓好农业生产\n\n{FARM}\n"
    )
    found = _statuses(old, new)
    assert ("matched", "科技创新能力增强", "科技创新能力增强") in found
    assert ("matched", "强化科技创新", "强化科技创新") in found
    blind = _statuses(old, new, keep_part_roles=False)
    assert ("matched", "强化科技创新", "科技创新能力增强") in blind


AIM = (
    "今年发展主要预期目标是：国内生产总值增长百分之六以上，城镇新增就业一千一百万人以上，"
    "城镇调查失业率百分之五点五左右，居民消费价格涨幅百分之三左右。"
)
_PARTS = f"减轻企业负担\n\n{TAX}{FISCAL}\n\n{{b}}抓好农业生产\n\n{FARM}{RELIEF}\n\n{{c}}推进对外开放\n\n{OPEN}{GOV}\n"
SEPARATE = f"一、过去一年回顾\n\n{JOBS}\n\n二、今年发展主要目标\n\n{AIM}\n\n三、" + _PARTS.format(b="四、", c="五、")
GATHERED = f"一、过去一年回顾\n\n{JOBS}\n\n二、今年重点工作\n\n{AIM}\n\n（一）" + _PARTS.format(b="（二）", c="（三）")


def test_a_part_whose_siblings_became_its_children_pairs_with_the_new_container() -> None:
    """Last year's targets part 二 stood beside the tasks 三 to 五; this year 二、重点工作 opens with
    the targets and holds the tasks as （一）…（三）: the tasks pair one level down, and the
    targets part pairs with the container whose own text it became."""
    found = _statuses(SEPARATE, GATHERED)
    assert ("matched", "今年发展主要目标", "今年重点工作") in found
    assert ("matched", "减轻企业负担", "减轻企业负担") in found
    assert ("dropped", "今年发展主要目标", None) in _statuses(SEPARATE, GATHERED, min_gatherer_own_share=1.0)


def test_a_containers_preamble_gone_out_as_a_part_is_a_split() -> None:
    """Last year's 二、重点工作 opened with the targets before its tasks; this year the targets are
    a part of their own (reworded: no sentence carried over) and the tasks a part with no text of
    its own: the container was split."""
    new = (
        GATHERED.replace("二、今年重点工作\n\n", "二、今年发展总体要求和主要目标\n\n")
        .replace("（一）减轻", "三、政府工作任务\n\n（一）减轻")
        .replace("主要预期目标是", "主要目标为")
    )
    found = _statuses(GATHERED, new)
    assert ("split", "今年重点工作", "今年发展总体要求和主要目标") in found
    assert ("split", "今年重点工作", "政府工作任务") in found
    assert ("added", None, "今年发展总体要求和主要目标") in _statuses(GATHERED, new, min_gatherer_own_share=1.0)


def test_the_cosine_of_chosen_pairs_is_that_of_the_whole_block() -> None:
    import numpy as np
    from scipy import sparse

    from docdiff.similarity import WeightedSpace

    texts = ["推进北横通道建设", "建设北横通道", "发展数字经济", "数字经济发展加快", "稳定就业"]
    space = WeightedSpace(texts, sparse.identity(len(texts), format="csr"))
    block = space.cosine([0, 1, 2], [1, 3, 4])
    rows, cols = [0, 2, 1, 2], [1, 3, 4, 1]
    expected = [block[r, [1, 3, 4].index(c)] for r, c in zip(rows, cols, strict=True)]
    assert np.allclose(space.pair_cosines(rows, cols), expected)
    assert space.pair_cosines(rows, cols)[0] > 0.3 and space.pair_cosines([0], [4])[0] == 0.0
    assert len(space.pair_cosines([], [])) == 0


def test_a_sections_carried_sentence_keys_are_those_of_its_lines() -> None:
    from docdiff.align.aligner import _MIN_CARRIED_CHARS, _NUMBERS, _Aligner
    from docdiff.flat import flatten
    from docdiff.segment import segment
    from docdiff.sentences import sentence_units
    from tests.accuracy import document

    old, new = document("national-2021"), document("national-2022")
    old_flat, new_flat = flatten(old, segment(old)), flatten(new, segment(new))
    aligner = _Aligner(old, old_flat, new, new_flat, AlignOptions())
    cache: dict[int, set[str]] = {}
    # Lines with sentences running on, spaces around and a line of spaces, as well as real parts.
    text = "一、总体要求\n  推进高质量发展取得新成效。今年要稳定就业8%；\n   \n 扩大有效投资，推进重点工程\n"
    odd = flatten(document_from_bytes(text.encode(), "odd"), segment(document_from_bytes(text.encode(), "odd")))
    for section in [*old_flat, *odd]:
        whole = sentence_units(section.content, (0, len(section.content)))
        expected = {_NUMBERS.sub("#", u.key) for u in whole if len(u.key) >= _MIN_CARRIED_CHARS}
        assert aligner._sentence_keys(section, cache if section in old_flat else {}) == expected
    assert aligner._sentence_keys(old_flat[0], cache)  # the whole report has carried-sentence keys


def test_looked_up_cosines_are_the_paired_cosines_and_telling_pairs_share_a_rare_gram() -> None:
    import numpy as np
    from scipy import sparse

    from docdiff.similarity import WeightedSpace

    texts = ["推进北横通道建设", "建设北横通道", "发展数字经济", "数字经济发展加快", "稳定就业", "发展"]
    # Section 0 holds 1 and 2 (a long vector beside short ones): ancestors[0, k] = 1.
    ancestors = sparse.csr_matrix(sparse.identity(len(texts)) + sparse.csr_matrix(([1, 1], ([0, 0], [1, 2])), (6, 6)))
    space = WeightedSpace(texts, ancestors)
    rows, cols = [0, 0, 2, 1, 5, 4], [3, 1, 3, 4, 2, 4]
    assert np.allclose(space.looked_up_cosines(rows, cols), space.pair_cosines(rows, cols))
    assert len(space.looked_up_cosines([], [])) == 0
    # Pairs sharing a bigram at most two of these sections hold: 通道 is in 1 and 0 (which holds
    # 1), 展数 in 2 and 0; 数字经济 and 发展 are in 0, 2 and 3: not telling, so 2 and 3 do not pair.
    i, j, partial = space.sharing([1, 2], [0, 3], most=2)
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == {(0, 0), (1, 0)}
    assert 0 < partial[0] <= space.pair_cosines([1], [0])[0] + 1e-12


def test_group_ranks_of_candidate_pairs() -> None:
    import numpy as np

    from docdiff.align.aligner import _group_kth, _top_of_groups

    groups = np.array([0, 0, 0, 2, 2, 1])
    values = np.array([0.2, 0.9, 0.5, 0.1, 0.3, 0.7])
    assert _top_of_groups(groups, values, 2).tolist() == [False, True, True, True, True, True]
    assert _group_kth(groups, values, 2, 4).tolist() == [0.5, 0.0, 0.1, 0.0]  # fewer than 2: 0


def test_the_top_of_each_group_is_what_one_stable_sort_of_all_entries_gives() -> None:
    """Picked group by group, the `m` best of each are those one stable sort on (group, value,
    largest first) puts first in its group: ties (few distinct values) go to the earlier entry,
    with groups in order or shuffled, small and large."""
    import random

    import numpy as np

    from docdiff.align.aligner import _top_of_groups

    rng = random.Random(9)
    for _ in range(300):
        n = rng.randint(0, 60)
        groups = np.array([rng.randrange(rng.randint(1, 8)) for _ in range(n)], dtype=np.intp)
        if rng.random() < 0.5:
            groups = np.sort(groups)
        values = np.array([rng.choice([-1.0, -0.25, 0.0, 0.3, 0.3, 0.9, 1.0]) for _ in range(n)])
        m = rng.randint(1, 5)
        order = np.lexsort((np.arange(n), -values, groups))
        place = np.zeros(n, dtype=int)
        seen: dict[int, int] = {}
        for k in order.tolist():
            place[k] = seen.get(int(groups[k]), 0)
            seen[int(groups[k])] = place[k] + 1
        assert _top_of_groups(groups, values, m).tolist() == (place < m).tolist()


def test_a_large_comparison_scoring_only_candidate_pairs_aligns_real_reports_as_scoring_all() -> None:
    """`dense_pairs` 0 takes the path of thousands of sections a side on real reports: the same
    comparison as scoring every pair (a review and tasks layout, and a plan against a report)."""
    from tests.accuracy import document

    every = CompareOptions()
    candidates = every.model_copy(update={"align": every.align.model_copy(update={"dense_pairs": 0})})
    for old, new in (("national-2021", "national-2022"), ("shanghai-2016", "shanghai-2017")):
        a, b = document(old), document(new)
        assert compare_documents(a, b, candidates) == compare_documents(a, b, every)


def test_ngram_codes_count_in_the_texts_alphabet_and_keep_the_order_of_code_points() -> None:
    """Each n-gram's integer is its place among all n-grams of the alphabet, compared character
    by character: equal n-grams get equal integers, and sorting by them sorts the n-grams, in 32
    bits for a usual alphabet and in 64 for one too large for them (a vocabulary in the order
    code points give, so every vector's entries are summed in the order they always were)."""
    import random

    import numpy as np

    from docdiff.similarity import _ngram_codes

    rng = random.Random(5)
    usual = ["".join(rng.choice("推进高质量发展abc1%（）") for _ in range(rng.randint(0, 40))) for _ in range(30)]
    many = "".join(chr(0x4E00 + k) for k in range(20_000)) + "".join(chr(0x20000 + k) for k in range(30_000))
    for texts, n, bits in ((usual, 2, 32), (usual, 3, 32), (["", *usual, ""], 2, 32), ([many, many[::-1]], 2, 64)):
        rows, grams = _ngram_codes(texts, n)
        assert grams.dtype.itemsize * 8 == bits
        expected = [(row, text[k : k + n]) for row, text in enumerate(texts) for k in range(len(text) - n + 1)]
        assert rows.tolist() == [row for row, _ in expected]
        strings = [gram for _, gram in expected]
        assert len({*zip(grams.tolist(), strings, strict=True)}) == len(set(strings)) == len(set(grams.tolist()))
        order = np.argsort(grams, kind="stable")
        assert [strings[k] for k in order.tolist()] == sorted(strings)
