"""Phrase changes (提法) against the 8 annotated corpus pairs: the bar of issue 12 is recall ≥ 0.8
with at most 30 % junk. Not met yet: the measured figures are held as floors so that they cannot
fall back (see tests/accuracy_phrases.py for the matching rule; `python bench/bench_accuracy.py`)."""

from __future__ import annotations

from tests.accuracy_phrases import phrase_figures, phrase_match

# Measured on all 8 pairs (tuning / held-out / total): recall 0.416 / 0.459 / 0.433, junk 0.299 /
# 0.368 / 0.329 against the annotation with its complete `accepted` lists, under the matching rule
# that no longer counts a fragment of an annotated phrase, a named work reported as a project only.
# (Before a numbered heading was read for the terms it quotes: junk 0.299 / 0.371 / 0.330.
# Before a term quoted in one version and said plainly in the other was kept: recall 0.422 / 0.468
# / 0.440, junk 0.310 / 0.393 / 0.346; two re-worded entries, `双控` and `中心城区优先发展`, were
# found only through a false `added` or `dropped` of the term. Before the cap of new terms came
# down from 1.3 to 0.5 per 1,000 characters: recall 0.434 / 0.486 / 0.454, junk 0.386 / 0.469 /
# 0.422.) Floors, not the bar.
RECALL_FLOOR = {"tuning": 0.416, "held-out": 0.458, "total": 0.432}
JUNK_CEILING = {"tuning": 0.3, "held-out": 0.369, "total": 0.33}


def test_phrase_recall_and_junk_hold_their_floors() -> None:
    figures = phrase_figures()
    baseline = phrase_figures(formulations=False)
    for group in ("tuning", "held-out", "total"):
        assert figures[group].recall >= RECALL_FLOOR[group], group
        assert figures[group].junk_share <= JUNK_CEILING[group], group
    # Unquoted formulations find what quoted terms alone miss.
    assert figures["total"].found > baseline["total"].found + 30


def test_the_matching_rule_counts_the_phrase_with_a_particle_but_not_a_fragment() -> None:
    assert phrase_match("实施扩大内需战略", "扩大内需战略")  # a verb attached
    assert phrase_match("六保任务", "“六保”")  # the label with its noun
    assert phrase_match("产业链供应链", "产业链供应链稳定")  # most of it
    assert phrase_match("三严三实", "以“三严三实”为行动准则")  # the term the annotation quotes
    assert phrase_match("双随机、一公开", "双随机一公开")  # a near variant
    assert not phrase_match("财政资金", "常态化财政资金直达机制")  # a fragment
    assert not phrase_match("全面推行", "全面推行“双随机、一公开”监管")
    assert not phrase_match("新发展格局", "新发展阶段")  # two phrases sharing a word
    assert not phrase_match("公共卫生事件", "公共卫生体系")
