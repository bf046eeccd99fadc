"""The prefix filter behind `ratio_pairs`: the same pairs as scoring every pair, on real sentences."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docdiff.similarity as similarity
from docdiff.near_pairs import candidate_pairs
from docdiff.sentences import sentence_keys, sentence_units
from tests.conftest import PLAN, REPORT_2025, seed_document


def _sentences(name: str) -> list[str]:
    doc = seed_document(name)
    return [u.key for u in sentence_units(doc.normalised, (0, len(doc.normalised))) if u.key]


def _edited(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randrange(6)):
        k = rng.randrange(len(chars) + 1)
        if rng.random() < 0.5:
            chars.insert(k, rng.choice("的和在推进发展"))
        elif chars:
            del chars[min(k, len(chars) - 1)]
    return "".join(chars)


def _both_ways(
    old: list[str], new: list[str], least: float, monkeypatch: pytest.MonkeyPatch
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    monkeypatch.setattr(similarity, "INDEXED_ENTRIES", 1 << 62)
    every = similarity.ratio_pairs(old, new, least)
    monkeypatch.setattr(similarity, "INDEXED_ENTRIES", 0)
    return every, similarity.ratio_pairs(old, new, least)


@pytest.mark.parametrize("least", [0.5, 0.6, 0.8, 1.0])
def test_indexed_pairs_equal_all_pairs_on_seed_sentences(least: float, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(least)
    plan, report = _sentences(PLAN), _sentences(REPORT_2025)
    old = [*rng.sample(plan, 300), "", "发展"]
    new = [_edited(s, rng) for s in old[:200]] + rng.sample(report, 100) + ["", ""]
    every, indexed = _both_ways(old, new, least, monkeypatch)
    assert len(every[0]) > (150 if least < 1 else 20)  # edited copies of the plan's sentences pair with their sources
    for full, fast in zip(every, indexed, strict=True):
        assert full.dtype == fast.dtype
        assert np.array_equal(full, fast)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="发展改革创新的和", max_size=12), max_size=12),
    st.lists(st.text(alphabet="发展改革创新的和", max_size=12), max_size=12),
    st.sampled_from([0.0, 0.3, 0.5, 0.8, 0.9, 1.0, 1.5]),
)
def test_candidates_hold_every_pair_at_the_threshold(old: list[str], new: list[str], least: float) -> None:
    rows, cols = candidate_pairs(old, new, least)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert list(zip(rows.tolist(), cols.tolist(), strict=True)) == sorted(found)  # row-major, no repeats
    matrix = similarity.ratio_matrix(old, new)
    for i, j in zip(*np.nonzero(matrix >= least), strict=True):
        assert (int(i), int(j)) in found


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(alphabet="发展改革的和", min_size=8, max_size=40), max_size=8),
    st.sampled_from([0.7, 0.75, 0.8, 0.9, 1.0]),
    st.randoms(use_true_random=False),
)
def test_long_strings_joined_on_bigrams_keep_every_pair_at_the_threshold(
    old: list[str], least: float, rng: random.Random
) -> None:
    """Above 2/3 long strings meet on bigrams (β of `_bigram_overlap`): edited copies of
    each string, few letters so that bigrams recur, all still found."""
    new = [_edited(s, rng) for s in old] + old[: len(old) // 2]
    rows, cols = candidate_pairs(old, new, least)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    matrix = similarity.ratio_matrix(old, new)
    for i, j in zip(*np.nonzero(matrix >= least), strict=True):
        assert (int(i), int(j)) in found


def test_candidates_are_few_on_unrelated_sentences() -> None:
    plan, report = _sentences(PLAN), _sentences(REPORT_2025)
    rows, _ = candidate_pairs(plan[:400], report[:400], 0.8)
    assert len(rows) < 400 * 400 // 10  # the filter, not all pairs


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="推进。！？；!?;…\n ”）a1", max_size=80), st.integers(0, 10), st.integers(0, 10))
def test_sentence_units_tile_any_region_and_end_at_marks_or_lines(text: str, cut: int, trim: int) -> None:
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - trim)
    units = sentence_units(text, (start, end))
    assert "".join(text[u.start : u.end] for u in units) == text[start:end]
    assert all(u.end > u.start and u.key == text[u.start : u.end].strip() for u in units)
    assert sentence_keys(text) == [u.key for u in sentence_units(text, (0, len(text)))]
    for unit in units[:-1]:  # a unit ends after an end mark or a line break (and the spaces after)
        body = text[unit.start : unit.end].rstrip("\n ")
        assert "\n" not in body and (body == "" or body[-1] in "。！？；!?;…”）" or text[unit.end - 1] in "\n ")


def test_short_strings_must_share_two_prefix_elements_when_each_needs_two() -> None:
    """Short strings over a small alphabet (every character about as common: no rare one to
    meet on) mostly share one prefix character by chance; at 0.7 each needs five in common,
    so candidates share two of their prefixes one element longer: a fraction of the pairs
    sharing one (37,523 of these 90,000 did), and still every pair at the threshold."""
    rng = random.Random(11)
    alphabet = [chr(0x4E00 + k) for k in range(60)]
    old = ["".join(rng.choice(alphabet) for _ in range(10)) for _ in range(300)]
    new = ["".join(rng.choice(alphabet) for _ in range(10)) for _ in range(300)]
    new += [s[:4] + "甲" + s[5:] for s in old[:50]]  # pairs at 0.9 among them
    rows, cols = candidate_pairs(old, new, 0.7)
    assert len(rows) < 0.2 * len(old) * len(new)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    matrix = similarity.ratio_matrix(old, new)
    true = {(int(i), int(j)) for i, j in zip(*np.nonzero(matrix >= 0.7), strict=True)}
    assert len(true) >= 50 and true <= found
