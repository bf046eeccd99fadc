"""A timeline computes its comparisons once: a re-run reads them (and the documents' facts)
back from the store's cache, and starts no workers for pairs already cached."""

from __future__ import annotations

from pathlib import Path

import pytest

import docdiff.compare
import docdiff.duplicates.engine
import docdiff.facts.extract
from docdiff.cache.folder import STORE_FOLDER
from docdiff.store.store import Store
from docdiff.timeline.build import timeline
from docdiff.timeline.series import clear_memo

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _store(root: Path) -> Store:
    store = Store(root / "store")
    for year in ("2016", "2017", "2018"):
        store.add(SEEDS / "shanghai" / f"{year}.txt", "sh", year, date=year)
    return store


def _refuse(*_: object, **__: object) -> None:
    raise AssertionError("computed again")


def test_a_second_run_reads_every_comparison_from_the_store_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    clear_memo()
    first = timeline("sh", store=store, jobs=2)  # two pairs missing: on two processes
    assert len(list((store.root / STORE_FOLDER / "comparison").rglob("*.json"))) == 2
    clear_memo()
    monkeypatch.setattr(docdiff.compare, "compare_outlines", _refuse)
    monkeypatch.setattr(docdiff.duplicates.engine, "engine", _refuse)
    monkeypatch.setattr(docdiff.facts.extract, "extract_facts", _refuse)
    assert timeline("sh", store=store, jobs=2) == first
