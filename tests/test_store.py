"""The snapshot store: immutability, crash safety, concurrency, verification, names, blame, CLI."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.store.blame import blame
from docdiff.store.files import StoreBusyError, store_lock
from docdiff.store.store import Store, StoreError
from tests.conftest import NEWS_2025, OUTLOOK_2024, PLAN, REPORT_2025, SEEDS

runner = CliRunner()
ROOT = SEEDS.parent


# `make stress` (DOCDIFF_STRESS=1): the full runs; the default run a seeded subset.
STRESS = bool(os.environ.get("DOCDIFF_STRESS"))
KILLS = 110 if STRESS else 12
ADDS = 50 if STRESS else 15


def test_add_get_and_references(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    first = store.add(OUTLOOK_2024, "press", "2024-01", date="2024-01")
    second = store.add(NEWS_2025, "press", "2025-01", date="2025-01")
    assert store.get("press@latest") == second
    assert store.get("press@previous") == first
    assert store.get("press@2024-01").title is None or store.get("press@2024-01").sha256 == first.sha256
    doc = store.load("press@2025-01")
    assert doc.text == NEWS_2025.read_bytes().decode("utf-8") and doc.source == str(NEWS_2025)
    with pytest.raises(StoreError, match="no label"):
        store.get("press@1999")
    with pytest.raises(StoreError, match="no series"):
        store.get("nothing@latest")


def test_identical_content_is_stored_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(REPORT_2025, "a", "v1")
    store.add(REPORT_2025, "b", "v1")
    assert len(list((tmp_path / "s" / "objects").glob("*/*"))) == 1


def test_duplicate_label_is_refused_not_overwritten(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(OUTLOOK_2024, "press", "v1")
    meta = tmp_path / "s" / "series" / "press" / "v1.json"
    before = meta.read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        store.add(NEWS_2025, "press", "v1")
    assert meta.read_bytes() == before


@pytest.mark.parametrize(
    "name", ["a/b", "..", "../escape", ".hidden", "-flag", "a\x00b", "a\nb", "a\\b", "", "x" * 65, "latest", "a..b"]
)
def test_bad_names_are_refused(tmp_path: Path, name: str) -> None:
    store = Store(tmp_path / "s")
    with pytest.raises(StoreError):
        store.add(OUTLOOK_2024, name, "v1")
    with pytest.raises(StoreError):
        store.add(OUTLOOK_2024, "ok", name)
    assert not list((tmp_path / "s").glob("series/*/*.json"))
    assert not (tmp_path / "escape").exists()


_CHILD = """
import sys
from docdiff.store.store import Store
store = Store(sys.argv[1])
print("ready", flush=True)
for i in range(10_000):
    store.add(sys.argv[2], "series", f"v{i}")
"""


def test_a_killed_add_leaves_the_store_consistent(tmp_path: Path) -> None:
    """Kill a process adding snapshots at random moments; every listed snapshot stays whole."""
    root = tmp_path / "s"
    rng = random.Random(11)
    big = tmp_path / "big.txt"
    big.write_bytes(PLAN.read_bytes())
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(root), str(big)], stdout=subprocess.PIPE, text=True, cwd=ROOT
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        child.wait()
        store = Store(root)
        problems, _notes = store.verify()
        assert problems == []
        for snapshot in store.snapshots():
            assert store.document(snapshot).sha256 == snapshot.sha256
        # The next writer clears what a killed one left half-written.
        labels = {s.label for s in store.snapshots()}
        store.add(OUTLOOK_2024, "other", f"after-{len(labels)}-{rng.random():.6f}")
        assert not list(root.rglob(".tmp-*"))


def _add_many(root: str, series: str, count: int, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    store = Store(root)
    done = busy = 0
    for i in range(count):
        try:
            store.add(str(REPORT_2025 if i % 2 else NEWS_2025), series, f"v{i}")
            done += 1
        except StoreBusyError:
            busy += 1
    results.put((series, done, busy))


def _read_while_adding(root: str, stop: Any, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """A reader during the adds: every snapshot it lists is whole, and none ever disappears."""
    store, seen, reads = Store(root), set(), 0
    while not stop.is_set():
        listed = {s.ref: s for s in store.snapshots()}
        assert seen <= set(listed)
        for snapshot in list(listed.values())[-3:]:
            assert store.document(snapshot).sha256 == snapshot.sha256
        seen, reads = set(listed), reads + 1
    results.put(("reader", reads, len(seen)))


def test_concurrent_adds_all_land(tmp_path: Path) -> None:
    root = str(tmp_path / "s")
    Store(root).add(str(NEWS_2025), "seed", "v0")
    results: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    reader = multiprocessing.Process(target=_read_while_adding, args=(root, stop, results))
    reader.start()
    workers = [multiprocessing.Process(target=_add_many, args=(root, name, ADDS, results)) for name in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(600)
    stop.set()
    reader.join(60)
    outcome = sorted(results.get(timeout=5) for _ in range(3))
    assert reader.exitcode == 0 and outcome[-1][0] == "reader" and outcome[-1][1] > 0
    store = Store(root)
    for series, done, _busy in outcome[:2]:
        assert len(store.snapshots(series)) == done == ADDS  # waited for the lock, nothing lost
    assert store.verify()[0] == []


def test_busy_store_gives_a_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "s"
    store = Store(root, lock_wait=0.1)
    with store_lock(root, 1.0):
        result: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        worker = multiprocessing.Process(target=_busy_add, args=(str(root), result))
        worker.start()
        worker.join(30)
        assert "busy" in result.get(timeout=5)
    assert store.snapshots() == []
    store.add(OUTLOOK_2024, "press", "v1")
    assert len(store.snapshots()) == 1


def _busy_add(root: str, result: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        Store(root, lock_wait=0.2).add(str(OUTLOOK_2024), "press", "v1")
        result.put("added")
    except StoreBusyError as exc:
        result.put(str(exc))


def test_verify_detects_tampering_and_missing_objects(tmp_path: Path) -> None:
    root = tmp_path / "s"
    store = Store(root)
    snapshot = store.add(OUTLOOK_2024, "press", "v1")
    other = store.add(NEWS_2025, "press", "v2")
    assert store.verify()[0] == []
    obj = root / "objects" / snapshot.sha256[:2] / snapshot.sha256
    obj.write_bytes(obj.read_bytes().replace("虹口".encode(), "黄浦".encode(), 1))
    (root / "objects" / other.sha256[:2] / other.sha256).unlink()
    problems, _ = store.verify()
    assert any("v1" in p and "tampered" in p for p in problems)
    assert any("v2" in p and "missing" in p for p in problems)
    result = runner.invoke(app, ["snap", "verify", "--store", str(root)])
    assert result.exit_code == 2 and "tampered" in result.stderr
    with pytest.raises(StoreError, match="corrupted"):
        store.load("press@v1")


def test_remove_needs_yes_and_only_it_deletes(tmp_path: Path) -> None:
    root = tmp_path / "s"
    Store(root).add(OUTLOOK_2024, "press", "v1")
    Store(root).add(NEWS_2025, "press", "v2")

    def stored() -> list[tuple[Path, bytes]]:
        # analysis/ holds derived data (cached outlines, comparisons) that reading may add.
        return sorted(
            (p.relative_to(root), p.read_bytes())
            for p in root.rglob("*")
            if p.is_file() and p.name != ".lock" and p.relative_to(root).parts[0] != "analysis"
        )

    before = stored()
    for command in (
        ["compare", "press@v1", "press@v2"],
        ["sections", "press@v1"],
        ["facts", "press@v2"],
        ["dupes", "press@v1", "press@v2"],
        ["blame", "press@v2"],
        ["snap", "log"],
        ["snap", "show", "press@v1"],
    ):
        runner.invoke(app, [*command, "--store", str(root)])
    assert stored() == before
    assert list((root / "analysis").rglob("*.json")), "snapshot analyses are cached in the store"
    refused = runner.invoke(app, ["snap", "rm", "press@v1", "--store", str(root)])
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert runner.invoke(app, ["snap", "rm", "press@v1", "--yes", "--store", str(root)]).exit_code == 0
    assert [s.label for s in Store(root).snapshots()] == ["v2"]


def test_compare_by_reference_equals_compare_by_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    root = tmp_path / "s"
    old, new = "seeds/2024-hongkou-news-outlook.txt", "seeds/2025-hongkou-gov-work-report.txt"
    Store(root).add(old, "hk", "2024", date="2024")
    Store(root).add(new, "hk", "2025", date="2025")
    by_ref = runner.invoke(app, ["compare", "hk@2024", "hk@2025", "--format", "json", "--store", str(root)])
    by_file = runner.invoke(app, ["compare", old, new, "--format", "json"])
    assert by_ref.exit_code == by_file.exit_code == 1
    assert by_ref.stdout == by_file.stdout
    monkeypatch.setenv("DOCDIFF_STORE", str(root))
    assert runner.invoke(app, ["compare", "hk@previous", "hk@latest", "--format", "json"]).stdout == by_file.stdout


def test_blame_marks_reused_sentences_as_carried_over(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(REPORT_2025, "hk", "2025-01-08", date="2025-01-08")
    store.add(NEWS_2025, "hk", "2025-01-12", date="2025-01-12")
    report = blame(store, "hk@latest")
    carried = {line.text for line in report.lines if line.origin == "2025-01-08"}
    assert "完成无卫生设施房屋改造2170户。" in carried
    assert "同心路990弄、祥德路208弄等1.62万平方米不成套旧改高比例生效，惠及居民495户。" in carried
    new = {line.text for line in report.lines if line.origin is None}
    assert (
        "去年9月，在虹口欧阳路街道大二小区，车用移动“充电宝”投入使用，新能源汽车充电不再需要“车随桩停”，车主们感受到科技带来的生活便利。"
        in new
        or any("车随桩停" in text for text in new)
    )
    near = [line for line in report.lines if line.origin and line.similarity < 1.0]
    assert any("35.46%" in line.text for line in near)  # the near copy with a changed number
    assert abs(sum(share.share for share in report.shares) - 1.0) < 0.01
    assert report.shares[-1].label == "new" and 0.5 < report.shares[-1].share < 0.95
    doc = store.load("hk@latest")
    assert all(doc.normalised_slice(line.span) == line.text for line in report.lines)


def test_bundled_store_verifies_and_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("DOCDIFF_STORE", raising=False)
    verified = runner.invoke(app, ["snap", "verify"])
    assert verified.exit_code == 0 and "16 snapshots verified" in verified.stdout
    log = runner.invoke(app, ["snap", "log", "hongkou-press", "--format", "json"])
    entries = json.loads(log.stdout)
    assert [e["snapshot"]["label"] for e in entries] == ["2025-01", "2024-01", "2021-10"]
    assert entries[-1]["change"] is None and entries[0]["previous"] == "2024-01"
    blamed = runner.invoke(app, ["blame", "hongkou-reports@latest", "--format", "json"])
    assert blamed.exit_code == 0 and json.loads(blamed.stdout)["earlier"] == ["2021-01-15"]
    shown = runner.invoke(app, ["snap", "show", "hongkou-reports@2025-01-08"])
    assert json.loads(shown.stdout)["source"] == "seeds/2025-hongkou-gov-work-report.txt"
    # The real series of the corpus, in date order, and their texts exactly as published (GBK, CRLF).
    for series, labels in (
        ("national-gwr", ["2022", "2021", "2020", "2019"]),
        ("shanghai-gwr", ["2018", "2017", "2016"]),
        ("hailar-gwr", ["2019", "2018", "2017", "2016"]),
    ):
        log = runner.invoke(app, ["snap", "log", series, "--format", "json"])
        assert [e["snapshot"]["label"] for e in json.loads(log.stdout)] == labels
    text = runner.invoke(app, ["snap", "show", "hailar-gwr@2016", "--text"]).stdout_bytes
    assert text == (SEEDS / "hailar" / "2016.txt").read_bytes().decode("gb18030").encode("utf-8")


def test_snap_add_cli_and_bad_input(tmp_path: Path) -> None:
    root = str(tmp_path / "s")
    added = runner.invoke(
        app, ["snap", "add", str(OUTLOOK_2024), "--series", "press", "--label", "v1", "--store", root]
    )
    assert added.exit_code == 0 and "added press@v1" in added.stdout
    again = runner.invoke(app, ["snap", "add", str(NEWS_2025), "--series", "press", "--label", "v1", "--store", root])
    assert again.exit_code == 2 and "already exists" in again.stderr
    bad = runner.invoke(app, ["snap", "add", str(OUTLOOK_2024), "--series", "../x", "--label", "v2", "--store", root])
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    refused = runner.invoke(app, ["snap", "add", str(empty), "--series", "press", "--label", "v3", "--store", root])
    assert refused.exit_code == 2 and "empty" in refused.stderr
    missing = runner.invoke(app, ["compare", "press@v1", "press@nope", "--store", root])
    assert missing.exit_code == 2 and "no label" in missing.stderr
    assert os.listdir(Path(root) / "series" / "press") == ["v1.json"]


@pytest.mark.parametrize("ending", ["\r\n", "\r", "mixed"])
def test_texts_are_kept_byte_exact_and_verify(tmp_path: Path, ending: str) -> None:
    """CRLF, CR and mixed line ends survive the store: `show --text` gives them back, `verify` passes."""
    lines = ["一、工作回顾", "全年地区生产总值增长5%。", "二、今年任务", "推进城市更新。"]
    if ending == "mixed":
        text = "\r\n".join(lines[:2]) + "\n" + "\r".join(lines[2:]) + "\r\n"
    else:
        text = ending.join(lines) + ending
    source = tmp_path / "report.txt"
    source.write_bytes(text.encode("gbk"))
    store = Store(tmp_path / "store")
    snapshot = store.add(source, series="s", label="二〇二五" if ending == "\r" else "v1")
    assert store.text(snapshot) == text
    result = CliRunner().invoke(app, ["snap", "verify", "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
