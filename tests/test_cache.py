"""The analysis cache: reused per content, options and version; safe against corruption,
concurrent writers and other paths to the same bytes; kept in the store for snapshots."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff import api
from docdiff.cache import Cache, analyse_cached, compare_cached, load_document
from docdiff.cache import folder as cache_folder
from docdiff.cache.folder import CacheFolder
from docdiff.cli.app import app
from docdiff.compare import compare_documents
from docdiff.comparison import Comparison
from docdiff.options import CompareOptions, SegmentOptions
from docdiff.segment import segment
from docdiff.store.store import Store
from tests.conftest import NEWS_2025, OUTLOOK_2024, REPORT_2025, seed_document

runner = CliRunner()


def _entries(root: Path, kind: str) -> list[Path]:
    return sorted((root / kind).rglob("*.json"))


def test_a_comparison_is_computed_once_and_read_back_equal(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    old, new = seed_document(OUTLOOK_2024), seed_document(REPORT_2025)
    first = compare_cached(old, new, cache=cache)
    assert first == compare_documents(old, new)
    [entry] = _entries(tmp_path, "comparison")
    stamp = entry.stat().st_mtime_ns
    assert compare_cached(old, new, cache=cache) == first
    assert entry.stat().st_mtime_ns == stamp, "a hit does not rewrite the entry"
    # Other options are another entry, never the cached one.
    options = CompareOptions(segment=SegmentOptions(max_heading_chars=20))
    assert compare_cached(old, new, options, cache=cache) == compare_documents(old, new, options)
    assert len(_entries(tmp_path, "comparison")) == 2


def test_the_same_bytes_under_another_path_reuse_the_entry_with_their_own_source(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    copy = tmp_path / "copy.txt"
    shutil.copyfile(REPORT_2025, copy)
    compare_cached(load_document(OUTLOOK_2024, cache=cache), load_document(REPORT_2025, cache=cache), cache=cache)
    moved = load_document(copy, cache=cache)
    assert moved.source == str(copy) and moved.normalised == seed_document(REPORT_2025).normalised
    result = compare_cached(load_document(OUTLOOK_2024, cache=cache), moved, cache=cache)
    assert result.new.source == str(copy)
    assert len(_entries(tmp_path / "cache", "comparison")) == 1


def test_a_changed_file_is_analysed_again(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    path = tmp_path / "doc.txt"
    path.write_text("一、总体要求\n坚持稳中求进工作总基调。\n", encoding="utf-8")
    first = load_document(path, cache=cache)
    path.write_text("一、总体要求\n坚持高质量发展。\n", encoding="utf-8")
    second = load_document(path, cache=cache)
    assert "高质量发展" in second.normalised and second.sha256 != first.sha256


def test_corrupt_entries_are_ignored_and_replaced(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    old, new = seed_document(OUTLOOK_2024), seed_document(NEWS_2025)
    expected = compare_cached(old, new, cache=cache)
    outline = analyse_cached(old, cache=cache).outline
    for entry in [*_entries(tmp_path, "comparison"), *_entries(tmp_path, "outline")]:
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])  # a half-written file
    assert compare_cached(old, new, cache=cache) == expected
    assert analyse_cached(old, cache=cache).outline == outline == segment(old)
    [entry] = _entries(tmp_path, "comparison")
    assert Comparison.model_validate_json(entry.read_bytes()) == expected


def test_another_docdiff_version_does_not_read_the_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path)
    doc = seed_document(OUTLOOK_2024)
    analyse_cached(doc, cache=cache)
    monkeypatch.setattr(cache_folder, "__version__", "999.0")
    analyse_cached(doc, cache=cache)
    assert len(_entries(tmp_path, "outline")) == 2


def test_changed_code_under_the_same_version_does_not_read_the_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "cache")
    doc = seed_document(OUTLOOK_2024)
    analyse_cached(doc, cache=cache)
    # A copy of the package with one module edited stands for a checkout moved to other code.
    package = Path(cache_folder.__file__).resolve().parent.parent
    edited = tmp_path / "pkg" / "docdiff"
    shutil.copytree(package, edited, ignore=shutil.ignore_patterns("__pycache__"))
    fingerprint = cache_folder.code_fingerprint
    monkeypatch.setattr(cache_folder, "__file__", str(edited / "cache" / "folder.py"))
    fingerprint.cache_clear()
    unchanged = fingerprint()
    (edited / "segment.py").write_text((edited / "segment.py").read_text() + "\n# edited\n")
    fingerprint.cache_clear()
    try:
        assert fingerprint() != unchanged
        analyse_cached(doc, cache=cache)
    finally:
        monkeypatch.undo()
        fingerprint.cache_clear()
    assert len(_entries(tmp_path / "cache", "outline")) == 2


def test_concurrent_writers_leave_whole_entries(tmp_path: Path) -> None:
    folder = CacheFolder(tmp_path)
    payloads = [bytes([65 + k]) * 200_000 for k in range(4)]
    seen: list[bytes | None] = []

    def write(payload: bytes) -> None:
        for _ in range(25):
            folder.write("outline", "ab" * 32, ".json", payload)
            seen.append(folder.read("outline", "ab" * 32, ".json"))

    threads = [threading.Thread(target=write, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen and all(data in payloads for data in seen), "a reader saw a partial entry"
    assert not list(tmp_path.rglob(".tmp-*")), "temporary files are renamed or removed"


def test_snapshots_keep_their_analyses_in_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_cache = tmp_path / "user-cache"
    monkeypatch.setenv("DOCDIFF_CACHE", str(user_cache))
    store = Store(tmp_path / "store")
    store.add(OUTLOOK_2024, "press", "v1")
    store.add(REPORT_2025, "press", "v2")
    result = api.compare("press@v1", "press@v2", store=store)
    assert result == compare_documents(seed_document(OUTLOOK_2024), seed_document(REPORT_2025)).model_copy(
        update={"old": result.old, "new": result.new}
    )
    assert _entries(store.root / "analysis", "comparison") and _entries(store.root / "analysis", "document")
    assert not user_cache.exists(), "snapshot analyses stay in the store"
    assert "analysis/" in (store.root / ".gitignore").read_text(encoding="utf-8")


def test_files_use_the_user_cache_and_no_cache_turns_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_cache = tmp_path / "user-cache"
    monkeypatch.setenv("DOCDIFF_CACHE", str(user_cache))
    off = runner.invoke(app, ["--no-cache", "compare", str(OUTLOOK_2024), str(REPORT_2025), "--format", "json"])
    assert off.exit_code in (0, 1), off.output
    assert not user_cache.exists()
    on = runner.invoke(app, ["compare", str(OUTLOOK_2024), str(REPORT_2025), "--format", "json"])
    assert on.exit_code == off.exit_code and on.stdout == off.stdout
    assert _entries(user_cache, "comparison") and _entries(user_cache, "outline")
    monkeypatch.setenv("DOCDIFF_CACHE", "off")
    assert Cache.default().folder is None
