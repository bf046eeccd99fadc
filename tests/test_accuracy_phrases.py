"""Phrase changes (提法) against the 8 annotated corpus pairs: the bar of issue 12 is recall ≥ 0.8
with at most 30 % junk. Not met yet: the measured figures are held as floors so that they cannot
fall back (see tests/accuracy_phrases.py for the matching rule; `python bench/bench_accuracy.py`)."""

from __future__ import annotations

from tests.accuracy_phrases import phrase_figures

# Measured on all 8 pairs (tuning / held-out / total): recall 0.434 / 0.486 / 0.454, junk 0.857 /
# 0.863 / 0.859 (quoted terms alone: recall 0.309, junk 0.831), under the matching rule that no
# longer counts a fragment of an annotated phrase. Floors, not the bar.
RECALL_FLOOR = {"tuning": 0.43, "held-out": 0.48, "total": 0.45}
JUNK_CEILING = {"tuning": 0.86, "held-out": 0.87, "total": 0.86}


def test_phrase_recall_and_junk_hold_their_floors() -> None:
    figures = phrase_figures()
    baseline = phrase_figures(formulations=False)
    for group in ("tuning", "held-out", "total"):
        assert figures[group].recall >= RECALL_FLOOR[group], group
        assert figures[group].junk_share <= JUNK_CEILING[group], group
    # Unquoted formulations find what quoted terms alone miss.
    assert figures["total"].found > baseline["total"].found + 30
