"""Helpers over sorted integer arrays (`docdiff.sorted_runs`): the same orders numpy gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.sorted_runs import grouped_order, places_in_runs, run_starts, stable_order, unique_inverse


def test_places_in_runs_count_from_each_run_of_equal_keys() -> None:
    assert places_in_runs(np.array([3, 3, 3, 5, 7, 7])).tolist() == [0, 1, 2, 0, 0, 1]
    assert places_in_runs(np.array([1.5])).tolist() == [0]
    assert places_in_runs(np.zeros(0)).tolist() == []


_INT_DTYPES = st.sampled_from(["int16", "int32", "int64", "uint32", "uint64"])


@settings(max_examples=300, deadline=None)
@given(st.data(), _INT_DTYPES, st.integers(0, 300), st.integers(1, 62))
def test_stable_order_and_unique_inverse_are_numpys(data: st.DataObject, dtype: str, n: int, bits: int) -> None:
    """The packed sort gives `argsort(kind="stable")`'s order and `unique`'s inverse exactly: on
    every integer type, small and wide ranges (radix, packed, and too wide to pack), ties."""
    info = np.iinfo(dtype)
    span = min(1 << bits, int(info.max) - int(info.min))
    low = data.draw(st.integers(int(info.min), int(info.max) - span))
    values = np.array(data.draw(st.lists(st.integers(low, low + span), min_size=n, max_size=n)), dtype=dtype)
    assert stable_order(values).tolist() == np.argsort(values, kind="stable").tolist()
    distinct, inverse = unique_inverse(values)
    expected, expected_inverse = np.unique(values, return_inverse=True)
    assert distinct.dtype == expected.dtype
    assert distinct.tolist() == expected.tolist() and inverse.tolist() == expected_inverse.tolist()


def test_stable_order_falls_back_when_keys_and_positions_do_not_fit_in_63_bits() -> None:
    wide = np.array([2**62, -(2**62), 5, 5, -(2**62)], dtype=np.int64)
    assert stable_order(wide).tolist() == [1, 4, 2, 3, 0]
    top = np.array([2**64 - 1, 2**63 + 5, 5, 2**63 + 5], dtype=np.uint64)
    assert stable_order(top).tolist() == [2, 1, 3, 0]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=200), st.integers(0, 3))
def test_grouped_order_puts_equal_hashes_together_in_position_order(keys: list[int], copies: int) -> None:
    values = np.array(keys + keys[: len(keys) // 2] * copies, dtype=np.uint64)
    order = grouped_order(values).tolist()
    assert sorted(order) == list(range(len(values)))
    runs: dict[int, list[int]] = {}
    previous = None
    for k in order:
        key = int(values[k])
        assert key == previous or key not in runs, "a key's sightings are split"
        runs.setdefault(key, []).append(k)
        previous = key
    assert all(run == sorted(run) for run in runs.values())


def test_grouped_order_sorts_whole_keys_when_two_share_their_top_bits() -> None:
    # Four keys: two bits of position, so 4 and 5 share their top bits (both 1) and would interleave.
    assert grouped_order(np.array([5, 4, 5, 4], dtype=np.uint64)).tolist() == [1, 3, 0, 2]


def test_run_starts_mark_the_first_of_each_run_of_equal_keys() -> None:
    assert run_starts(np.array([3, 3, 5, 3, 3])).tolist() == [True, False, True, True, False]
    assert run_starts(np.array([7])).tolist() == [True]
    assert run_starts(np.zeros(0)).tolist() == []
