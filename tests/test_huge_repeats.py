"""The repeat finder on huge inputs: the numpy block finder gives exactly the blocks of the
one-at-a-time loop (on the seeds, on constructed repeats, on arbitrary text), and a copy is
carried across edits only within its line (as the walk to the left already was), so a text of
near-identical lines is not walked over whole once per pair of lines."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.duplicates.hashing import codes, kgram_hashes
from docdiff.duplicates.matching import _across_edits_right, _extend_left, exact_blocks
from docdiff.duplicates.repeats import _seed_arrays
from docdiff.duplicates.runs import self_exact_blocks
from tests.conftest import OUTLOOK_2024, PLAN, seed_document


def _both(text: str, k: int, max_repeats: int = 40) -> tuple[list[object], list[object]]:
    points = codes(text)
    first, second = _seed_arrays(kgram_hashes(points, k), max_repeats, points, k)
    one_by_one = exact_blocks(text, text, zip(first.tolist(), second.tolist(), strict=True), k, same=True)
    return list(one_by_one), list(self_exact_blocks(text, points, first, second, k))


@pytest.mark.parametrize("path", [PLAN, OUTLOOK_2024])
@pytest.mark.parametrize("k", [4, 5, 10])
def test_numpy_blocks_are_the_loops_blocks_on_the_seeds(path: object, k: int) -> None:
    old, new = _both(seed_document(path).normalised, k)  # type: ignore[arg-type]
    assert old and new == old


def test_numpy_blocks_on_long_and_pasted_repeats() -> None:
    # Repeats far longer than the characters compared in step, back to back and apart, near the
    # text's ends (where the agreement is cut by the text's length).
    rng = random.Random(7)
    passage = "".join(rng.choice("推进北外滩开发建设城市更新") for _ in range(300))
    text = passage + "。" + passage + passage + "，另起一段。\n" + passage[:150] + "改" + passage[151:]
    old, new = _both(text, 5, max_repeats=1000)
    assert len(old) >= 3 and max(b.a_end - b.a_start for b in old) >= 300  # type: ignore[attr-defined]
    assert new == old


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="甲乙丙\n", max_size=400),
    st.integers(min_value=2, max_value=6),
    st.sampled_from([1, 3, 40, 10_000]),
)
def test_numpy_blocks_on_any_text(text: str, k: int, max_repeats: int) -> None:
    old, new = _both(text, k, max_repeats)
    assert new == old


def test_a_repeat_is_carried_across_edits_only_within_its_line() -> None:
    first = "甲乙丙丁戊1己庚辛壬癸\n子丑寅卯辰1巳午未申酉"
    second = "甲乙丙丁戊2己庚辛壬癸\n子丑寅卯辰2巳午未申酉"
    text = first + "\n" + second
    shift = len(first) + 1
    e, f, _ = _across_edits_right(text, text, 5, 5 + shift, gap=8, same=True)
    assert (e, f) == (first.index("\n"), first.index("\n") + shift)  # past the edit, not into the next line
    # Between two texts a copy runs on across the break (reuse is found as before).
    e, f, _ = _across_edits_right(first, second, 5, 5, gap=8, same=False)
    assert (e, f) == (len(first), len(second))


@pytest.mark.parametrize("steps", [1, 3])
def test_seeds_finishing_their_walk_left_one_by_one_give_the_same_blocks(monkeypatch, steps: int) -> None:  # type: ignore[no-untyped-def]
    # Few characters compared in step leave most seeds to the one-by-one walk, where a seed on
    # the diagonal of an earlier one takes that one's start when the text between them agrees.
    import docdiff.duplicates.runs as runs

    monkeypatch.setattr(runs, "_VECTOR_STEPS", steps)
    calls = []
    monkeypatch.setattr(runs, "_extend_left", lambda *a: calls.append(a) or _extend_left(*a))
    # A passage of real text pasted three times: its common phrases recur inside it, so many
    # seeds of one copy pair with the next copy and agree far back.
    passage = seed_document(OUTLOOK_2024).normalised[:3000]
    text = passage + "改" + passage + "变" + passage
    old, new = _both(text, 5)
    assert new == old and len(old) > 20
    # Seeds that agree further back than the characters compared in step: each would gallop.
    points = codes(text)
    first, second = _seed_arrays(kgram_hashes(points, 5), 40, points, 5)
    long_back = sum(
        1
        for a, b in zip(first.tolist(), second.tolist(), strict=True)
        if b > a and a >= steps and text[a - steps : a] == text[b - steps : b]
    )
    assert len(calls) < long_back / 2  # most took the start of an earlier seed on their diagonal
