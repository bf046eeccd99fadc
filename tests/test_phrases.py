"""Unquoted formulations (提法): constructed cases for each rule, and the real State Council reports."""

from __future__ import annotations

import subprocess
import sys

from docdiff.facts.extract import extract_facts
from docdiff.facts.formulations import FormulationOptions, find_formulations, zipf
from docdiff.facts.models import Phrase, Project
from docdiff.facts.pair import pair_facts
from docdiff.facts.phrases import find_phrases
from docdiff.flat import flatten
from docdiff.ingest import document_from_bytes
from docdiff.options import FactOptions
from docdiff.segment import segment
from tests.accuracy import document, outline

OLD = "今年要稳定就业。加强交通建设。\n扩大有效投资，推进重点工程。\n"


def forms(text: str, other: str, keys: list[tuple[int, int]] | None = None) -> set[str]:
    return {f.form for f in find_formulations(text, other, keys or [])}


def test_rare_runs_of_words_are_rarer_than_their_words() -> None:
    assert zipf(["就业"]) > 4.0 > zipf(["抗疫", "特别", "国债"])
    assert zipf(["不存在的词语甲乙"]) == 0.0


def test_a_recurring_term_absent_from_the_other_version_is_new() -> None:
    new = "发行抗疫特别国债，支持地方。抗疫特别国债全部转给地方。\n"
    assert "抗疫特别国债" in forms(new, OLD)
    assert "抗疫特别国债" not in forms(new, OLD + "发行抗疫特别国债。")


def test_a_term_said_once_counts_only_in_a_key_position() -> None:
    new = "我们要加快新型基础设施建设。\n"
    assert not forms(new, OLD)
    # In a heading the new unit is the shortest run of words the other version lacks.
    found = forms(new, OLD, [(0, len(new))])
    assert found and all(form in "新型基础设施建设" and len(form) >= 4 for form in found)


def test_new_runs_of_a_heading_that_overlap_are_reported_as_one_term() -> None:
    """`全力稳住经济大盘`: the shortest runs the other version lacks (`稳住经济`, `经济大盘`) overlap
    where they stand: one term, the run they make together."""
    heading = "（二）全力稳住经济大盘\n"
    assert forms(heading, OLD, [(0, len(heading))]) == {"稳住经济大盘"}
    # Terms apart from each other stay two.
    text = "全力稳住经济大盘，发行抗疫特别国债。\n"
    assert forms(text, OLD, [(0, len(text))]) == {"稳住经济大盘", "抗疫特别国债"}


def test_a_heading_that_states_a_figure_is_no_key_position() -> None:
    """A newspaper's headline states a target (`…增长5.5%左右`): its words are about the figure, and a
    term said once there is no formulation; a heading without a figure still is a key position."""
    old = document_from_bytes("区政府工作报告\n\n一、主要目标\n地区生产总值增长5.5%左右。\n".encode(), "old")

    def formulations(text: str) -> set[str]:
        new = document_from_bytes(text.encode(), "new")
        return {
            f.form
            for f in extract_facts(new, segment(new), set(), other=old)
            if getattr(f, "style", "") == "formulation"
        }

    body = "\n\n记者从区两会获悉，今年地区生产总值增长5.5%左右，各项工作有序推进。\n"
    assert not formulations("报告解读：今年新质生产力预期增长5.5%左右" + body)
    assert "新质生产力" in formulations("报告解读：今年培育新质生产力" + body)


def test_a_common_verb_leads_into_a_term_and_is_not_part_of_it() -> None:
    new = "实施扩大内需战略。实施扩大内需战略，推动转变。\n"
    assert "扩大内需战略" in forms(new, OLD) and "实施扩大内需战略" not in forms(new, OLD)


def test_a_named_work_is_reported_as_a_project_not_again_as_a_formulation() -> None:
    old = document_from_bytes("加快旅游发展，完善城市功能。推进重点项目建设。\n".encode(), "old")
    new_text = "推进两河圣山文化旅游景区建设，完善配套。两河圣山文化旅游景区年内开园。\n"
    new = document_from_bytes(new_text.encode(), "new")
    # The term finder alone takes the recurring new name for a formulation ...
    assert "两河圣山文化旅游景区" in forms(new_text, old.normalised)
    facts = extract_facts(new, segment(new), set(), other=old)
    # ... but it names a work: one fact, a project.
    assert [f.name for f in facts if isinstance(f, Project)] == ["两河圣山文化旅游景区"]
    assert not [f for f in facts if isinstance(f, Phrase) and f.style == "formulation"]


def test_a_term_always_followed_by_the_same_character_is_cut_short() -> None:
    new = "缓解融资难融资贵。解决融资难融资贵。\n"
    assert not any(form.endswith("融资") for form in forms(new, OLD))


def test_a_kept_head_with_a_changed_predicate_is_changed() -> None:
    old_text = "（一）积极的财政政策要加力提效。\n赤字率拟按2.8%安排。\n"
    new_text = "（一）积极的财政政策要更加积极有为。\n赤字率拟按3.6%以上安排。\n"
    old = document_from_bytes(old_text.encode(), "old")
    new = document_from_bytes(new_text.encode(), "new")
    old_facts = extract_facts(old, segment(old), set(), other=new)
    new_facts = extract_facts(new, segment(new), set(), other=old)
    changes = [c for c in pair_facts(old_facts, new_facts, set(), FactOptions()) if c.status == "changed"]
    # The deficit line changes a figure, not its wording: a target's change, not a formulation's.
    assert [(c.kind, c.old.metric if c.old else None) for c in changes if c.kind == "phrase"] == [
        ("phrase", "积极的财政政策")
    ]
    assert changes[-1].new and changes[-1].new.text.endswith("更加积极有为")


def test_one_word_general_chinese_knows_is_no_new_term() -> None:
    # `贯彻落实` is one dictionary word with a wordfreq frequency: said twice, still not a coinage.
    new = "贯彻落实。要贯彻落实。\n"
    assert not forms(new, OLD)
    # A word general Chinese lacks (`留抵`: Zipf 0) is one, inside a compound.
    assert "留抵退税政策" in forms("落实留抵退税政策，扩大留抵退税政策。\n", OLD)


def test_a_term_with_a_coinage_ranks_above_a_compound_of_common_words() -> None:
    # Both are said twice and absent from OLD; with room for one, the coinage (`留抵`) is reported,
    # whichever comes first in the text.
    one = FormulationOptions(min_terms=1, terms_per_kchar=0.0)
    coined = "落实留抵退税政策，扩大留抵退税政策。"
    common = "完善农村公路养护体系，健全农村公路养护体系。"
    for text in (coined + common + "\n", common + coined + "\n"):
        assert {f.form for f in find_formulations(text, OLD, [], one)} == {"留抵退税政策"}
        assert {f.form for f in find_formulations(text, OLD, [])} == {"留抵退税政策", "农村公路养护体系"}


def test_terms_overlapping_where_they_stand_take_one_place_and_are_reported_joined() -> None:
    # Shanghai 2018 names `习近平新时代中国特色社会主义思想`, longer than a term may be: two
    # overlapping runs stand for it (`时代中国特色社会主义思想`, `新时代中国特色社会主义`). With room
    # for one term, both are taken and joined, not the first alone.
    one = FormulationOptions(min_terms=1, terms_per_kchar=0.0)
    new, old = document("shanghai-2018").normalised, document("shanghai-2017").normalised
    terms = [f.form for f in find_formulations(new, old, [], one) if "、" not in f.form and f.text == f.form]
    assert terms == ["新时代中国特色社会主义思想"]


def test_the_number_of_new_terms_scales_with_the_length_of_the_version() -> None:
    terms = ["留抵退税政策", "农村公路养护体系", "抗疫特别国债", "城市更新行动", "揭榜挂帅制度", "河湖长制管理"]
    text = "".join(f"落实{t}，推进{t}。" for t in terms) + "\n"
    every = forms(text, OLD)
    assert len(every) == len(terms)  # the default leaves room for ten in a short version
    per = FormulationOptions(min_terms=1, terms_per_kchar=2000 / len(text))  # room for two
    assert len(find_formulations(text, OLD, [], per)) == 2
    assert len(find_formulations(text * 2, OLD, [], per)) == 4


def test_an_enumeration_of_parallel_items_is_a_formulation_when_the_other_version_lacks_it() -> None:
    new = "要牢固树立政治意识、大局意识、核心意识、看齐意识。让群众有更多安全感、获得感、幸福感。\n"
    found = forms(new, OLD)
    # The verb leading in (`牢固树立`) is not an item; the items share `意识`, `感`.
    assert {"政治意识、大局意识、核心意识、看齐意识", "安全感、获得感、幸福感"} <= found
    # The same items in another order are a kept list, not a new one.
    assert "安全感、获得感、幸福感" not in forms(new, OLD + "增强获得感、幸福感、安全感。")
    # Items sharing nothing are a plain list (`教育、医疗、养老`), not a formulation.
    assert not forms("加强教育、医疗、养老。\n", OLD)
    # A cut never falls inside a word: the first item keeps its whole word.
    assert "选择性执法、任性执法" in forms("严禁选择性执法、任性执法。\n", OLD)


def heads(text: str, other: str) -> dict[str, str]:
    return {f.form: f.text for f in find_formulations(text, other, []) if f.text != f.form}


def test_a_subject_before_a_modal_is_a_head_even_when_it_opens_on_a_verb() -> None:
    # `就业` is tagged a verb; followed by `要` the run is the clause's subject, a kept phrase.
    old, new = "就业优先政策要全面发力。\n", "就业优先政策要全面强化。\n"
    assert heads(new, old) == {"就业优先政策": "就业优先政策要全面强化"}
    # Without the modal a verb-led opening is a task (`加强…`), not a head.
    assert not heads("加强重点工程建设管理。\n", "加强重点工程建设投资。\n")


def test_a_lead_sentence_inside_a_paragraph_is_compared_when_its_subject_takes_a_modal() -> None:
    old = "要保持宏观政策连续性。积极的财政政策要提质增效。\n"
    new = "要保持宏观政策连续性，增强有效性。积极的财政政策要提升效能。\n"
    assert heads(new, old) == {"积极的财政政策": "积极的财政政策要提升效能"}
    # A sentence inside a paragraph with no modal after its subject is not a lead.
    assert not heads("今年经济增长。经济运行总体平稳。\n", "今年经济增长。经济运行稳中有进。\n")


def test_without_the_other_version_no_formulation_is_looked_for() -> None:
    doc = document_from_bytes("发行抗疫特别国债。抗疫特别国债全部转给地方。\n".encode(), "one")
    assert not [f for f in extract_facts(doc, segment(doc)) if isinstance(f, Phrase) and f.style == "formulation"]


def test_state_council_2019_to_2020() -> None:
    old, new = document("national-2019"), document("national-2020")
    old_facts = extract_facts(old, outline("national-2019"), set(), flatten(old, outline("national-2019")), new)
    new_facts = extract_facts(new, outline("national-2020"), set(), flatten(new, outline("national-2020")), old)
    changes = [c for c in pair_facts(old_facts, new_facts, set(), FactOptions()) if c.kind == "phrase"]
    added = {c.new.metric for c in changes if c.status == "added" and c.new}
    changed = {c.new.metric for c in changes if c.status == "changed" and c.new}
    assert {"抗疫特别国债", "扩大内需战略"} <= added
    assert {"积极的财政政策", "稳健的货币政策"} <= changed
    for change in changes:  # every added formulation is absent from the old text
        if change.status == "added" and change.new:
            assert change.new.metric not in old.normalised or "“" in change.new.text


def test_the_segmenter_and_frequency_list_stay_off_import() -> None:
    code = "import sys, docdiff.facts.extract, docdiff.cli.app\nprint(sorted({'rjieba', 'wordfreq', 'jieba'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_two_things_joined_are_not_one_term() -> None:
    # A conjunction between two words that share none joins two things (an institution pair).
    assert not forms("听取市委和区委意见。尊重市委和区委决定。\n", OLD)
    assert "市场活力和社会创造力" not in forms("激发市场活力和社会创造力。增强市场活力和社会创造力。\n", OLD)
    # Two halves sharing a word are one term in parallel parts.
    assert "周期和逆周期调节" in forms("实施跨周期和逆周期调节。加强跨周期和逆周期调节。\n", OLD)
    # `的` after a noun cuts an actor from its act; after an adjective it modifies one term.
    assert not forms("强化政协的民主监督。支持政协的民主监督。\n", OLD)
    assert "新的经济增长点" in forms("培育新的经济增长点。形成新的经济增长点。\n", OLD)


def test_an_ordinal_and_a_point_label_are_no_part_of_a_term() -> None:
    new = "认真贯彻自治区第十次党代会精神。全面落实自治区第十次党代会精神。\n"
    assert not any("第十次" in form for form in forms(new, OLD))
    heading = "八是着力加强政府建设。\n"
    assert not any(form.startswith("八是") for form in forms(heading, OLD, [(0, len(heading))]))


def test_an_adverb_and_a_predicate_open_a_task_not_a_term() -> None:
    new = "我们要坚决落实中央八项规定。必须坚决落实中央八项规定。\n"
    assert not any(form.startswith("坚决") for form in forms(new, OLD))


def test_an_item_of_a_new_enumeration_is_not_reported_again_on_its_own() -> None:
    new = "建设草原音乐名城、冰雪运动名城、文化旅游名城。打造冰雪运动名城。冰雪运动名城建设。\n"
    assert forms(new, OLD) == {"草原音乐名城、冰雪运动名城、文化旅游名城"}


def test_a_changed_head_is_more_than_one_word_and_no_organisation() -> None:
    # `经济运行` is one word, the sentence's topic; `海拉尔区人民政府` is the actor.
    assert not heads("经济运行要稳中有进。\n", "经济运行要总体平稳。\n")
    assert not heads("海拉尔区人民政府要依法行政。\n", "海拉尔区人民政府要改进作风。\n")
    assert heads("就业优先政策要全面强化。\n", "就业优先政策要全面发力。\n") == {
        "就业优先政策": "就业优先政策要全面强化"
    }


def test_a_quoted_honour_is_a_result_not_a_formulation() -> None:
    text = "荣获“全国群众满意乡镇卫生院”称号和“科技进步奖”，推行“放管服”改革，建设“全国文明城”。"
    assert [p.form for p in find_phrases(text, None)] == ["放管服", "全国文明城"]


def test_clauses_the_other_version_keeps_word_for_word_are_not_read_again(monkeypatch) -> None:
    from docdiff.facts import formulations

    kept = "发行抗疫特别国债，支持地方。"
    new = kept + "设立新型基础设施基金，新型基础设施基金支持地方。\n"
    old = OLD + kept
    # The kept clauses are spans held verbatim; the new one is not.
    held = formulations._held_verbatim(new, old)
    assert [new[s:e] for s, e in held] == ["发行抗疫特别国债", "支持地方"]
    assert "抗疫特别国债" not in forms(new, old) and "新型基础设施基金" in forms(new, old)
    # Leaving them out is only a saving: reading every run finds the same terms.
    found = {f for f in find_formulations(new, old, [(0, len(new))])}
    monkeypatch.setattr(formulations, "_held_verbatim", lambda text, other: [])
    assert {f for f in find_formulations(new, old, [(0, len(new))])} == found
    old19, new20 = document("national-2019"), document("national-2020")
    keys = [(0, 400)]
    without = find_formulations(new20.normalised, old19.normalised, keys)
    monkeypatch.undo()
    assert find_formulations(new20.normalised, old19.normalised, keys) == without


def test_a_memo_shared_by_both_versions_gives_the_facts_each_alone_gives() -> None:
    from docdiff.facts.extract import SentenceMemo

    old, new = document("national-2019"), document("national-2020")
    old_outline, new_outline = outline("national-2019"), outline("national-2020")
    alone = [extract_facts(old, old_outline, set(), other=new), extract_facts(new, new_outline, set(), other=old)]
    memo: SentenceMemo = {}
    shared = [
        extract_facts(old, old_outline, set(), other=new, memo=memo),
        extract_facts(new, new_outline, set(), other=old, memo=memo),
    ]
    assert shared == alone
    # Sentences the later version keeps in the same place were read once, for both.
    each: list[SentenceMemo] = [{}, {}]
    extract_facts(old, old_outline, set(), other=new, memo=each[0])
    extract_facts(new, new_outline, set(), other=old, memo=each[1])
    assert 0 < len(memo) < len(each[0]) + len(each[1])


def test_a_date_in_chinese_numerals_is_no_part_of_a_term() -> None:
    # jieba cuts `二〇一九年` into `二`/`〇`/`一`/`九年`: `九年工作` is a date's tail and a word.
    old, new = "一、二〇一八年工作回顾\n推进改革。\n", "一、二〇一九年工作回顾\n推进改革。\n"
    assert not forms(new, old, [(0, 12)])
    # A numeral opening a word after other words is a word of its own (`十四五`, `三农`).
    from docdiff.facts.formulations import _tokens

    assert [(t.word, t.han) for t in _tokens("编制十四五规划，做好三农工作")] == [
        ("编制", True),
        ("十四五", True),
        ("规划", True),
        ("，", False),
        ("做好", True),
        ("三农", True),
        ("工作", True),
    ]
    assert not any(t.han for t in _tokens("二〇一九年")[1:])


def test_slogans_are_found_as_one_alternation_of_them_longest_first_finds_them() -> None:
    """The set lookups around each `、` give the matches an alternation gives: leftmost, the
    longest at its start, then on after it (overlaps skipped), on texts made to overlap."""
    import random
    import re

    from docdiff.facts.phrases import SloganMatcher

    rng = random.Random(7)
    letters = "甲乙丙丁戊"
    for _ in range(300):
        slogans = {
            "".join(rng.choice(letters) for _ in range(rng.randint(4, 6)))
            + "、"
            + "".join(rng.choice(letters) for _ in range(rng.randint(4, 6)))
            for _ in range(rng.randint(1, 6))
        }
        pieces = [*slogans, *letters, "、", "，"]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        pattern = re.compile("|".join(re.escape(s) for s in sorted(slogans, key=len, reverse=True)))
        assert list(SloganMatcher(slogans).finditer(text)) == [m.span() for m in pattern.finditer(text)]
    found = SloganMatcher({"上海北外滩、都市新标杆", "北外滩、都市新标杆"}).finditer("打造上海北外滩、都市新标杆。")
    assert list(found) == [(2, 13)]


def test_a_comparison_lets_go_of_the_words_it_read() -> None:
    """The words of both versions are cached while their facts are read, then let go: a 4 MB
    pair's are some 200 MB that the repeats finder after it would otherwise carry."""
    from docdiff.compare import compare_documents
    from docdiff.facts import formulations

    old = document_from_bytes("一、总体要求\n今年要稳定就业，实施就业优先政策。\n".encode(), "old")
    new = document_from_bytes("一、总体要求\n今年要稳定就业，推进新型基础设施建设。\n".encode(), "new")
    formulations._tokens(old.normalised)
    assert formulations._words.cache_info().currsize >= 1
    assert formulations._piece_tokens.cache_info().currsize >= 1
    compare_documents(old, new)
    assert formulations._words.cache_info().currsize == 0
    assert formulations._piece_tokens.cache_info().currsize == 0


def test_a_text_segmented_piece_by_piece_gets_the_words_and_tags_of_the_whole() -> None:
    """Pieces end after whitespace and punctuation, which jieba never puts inside a block: each
    piece cut alone gives the words, offsets and tags the whole text gives, on real reports and
    on text made of every kind of piece end, `\r\n` (one word) and a date's `〇` included."""
    from docdiff.facts import formulations

    made = "一是“放管服”改革，二〇一九年（全年）；\r\n  G60科创走廊、5G基站\u3000新基建！\t碳达峰—碳中和…A+B。"
    texts = [made, *(document(name).normalised for name in ("national-2020", "shanghai-2017", "hailar-2018"))]
    for text in texts:
        formulations.forget_words()
        whole = formulations._piece_tokens(text).tokens  # the whole text segmented as one piece
        formulations.forget_words()
        assert formulations._tokens(text) == list(whole)
        assert formulations._piece_tokens.cache_info().currsize > 1
    # Only the pieces asked for are segmented.
    formulations.forget_words()
    words = formulations._words(made)
    assert words.starts_word(made.index("科创")) and not words.starts_word(made.index("创走"))
    assert formulations._piece_tokens.cache_info().currsize == 1


def test_a_numbered_formula_counts_parts_and_a_congress_number_is_no_formula() -> None:
    """`五个中心`, `八项规定` count a few parts (one numeral); `十九大` is the nineteenth congress."""
    text = "学习贯彻党的十九大精神，落实中央八项规定，推进五个中心和四大功能建设，开好二十大会议。"
    assert [p.form for p in find_phrases(text, None) if p.style == "formula"] == ["八项规定", "五个中心", "四大功能"]


def test_a_formula_summing_the_items_of_its_clause_is_a_count_not_a_named_set() -> None:
    """`空间、规模、产业三大结构` sums the items just listed, `以下八个方面` points at those that
    follow: the items are the content, the count is no formulation. A named set stands alone."""
    text = (
        "统筹空间、规模、产业三大结构，坚持“让利与民、阳光征收”三项原则，要抓好以下八个方面的工作，"
        "教育、医疗等三大领域。落实中央八项规定，推进五个中心建设。"
    )
    assert [p.form for p in find_phrases(text, None) if p.style == "formula"] == ["八项规定", "五个中心"]


def phrase_statuses(old_text: str, new_text: str) -> dict[str, str]:
    """Each phrase change of a pair of texts: its phrase (new side, else old) → its status."""
    old = document_from_bytes(old_text.encode(), "old")
    new = document_from_bytes(new_text.encode(), "new")
    old_facts = extract_facts(old, segment(old), set(), other=new)
    new_facts = extract_facts(new, segment(new), set(), other=old)
    changes = pair_facts(old_facts, new_facts, set(), FactOptions())
    return {
        side.metric: c.status
        for c in changes
        if c.kind == "phrase"
        for side in [c.new or c.old]
        if side and side.metric
    }


def test_a_term_one_version_quotes_and_the_other_says_plainly_is_kept() -> None:
    old = "牢固树立绿水青山就是金山银山发展理念。严控三公经费。\n"
    new = "深入践行“绿水青山就是金山银山”理念。严控“三公”支出。推行“河长制”。\n"
    statuses = phrase_statuses(old, new)
    # Quoted on one side only, said on both: kept, not added (and not dropped the other way).
    assert statuses["绿水青山就是金山银山"] == "unchanged"
    assert statuses["三公"] == "unchanged"
    # A quoted term the other version never says is still new.
    assert statuses["河长制"] == "added"
    assert phrase_statuses(new, old)["绿水青山就是金山银山"] == "unchanged"


def test_a_term_quoted_in_a_numbered_heading_is_said_there() -> None:
    """`（三）切实落实“两个毫不动摇”` says the term: the next version saying it in its text keeps it,
    not adds it. The heading's figure is its section's, stated by the text, not a second target."""
    old = "一、今年的工作\n\n（一）切实落实“两个毫不动摇”\n\n深化国资国企改革。\n"
    new = "一、今年的工作\n\n（一）深化改革\n\n坚持和落实“两个毫不动摇”。\n"
    assert phrase_statuses(old, new)["两个毫不动摇"] == "unchanged"
    doc = document_from_bytes("一、目标\n\n（一）新增就业5万人\n\n全年新增就业5万人。\n".encode(), "one")
    assert [(f.metric, f.value) for f in extract_facts(doc, segment(doc)) if f.kind == "target"] == [("新增就业", 5.0)]
