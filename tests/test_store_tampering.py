"""A tampered store: `verify` names each fault, and no command reads or deletes outside the store."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.dmp import diff_sequences
from docdiff.store.store import Store
from tests.conftest import NEWS_2025, OUTLOOK_2024

runner = CliRunner()


def _meta(root: Path, label: str) -> Path:
    return root / "series" / "s" / f"{label}.json"


def _edit_meta(root: Path, name: str, **fields: object) -> None:
    path = _meta(root, name)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


def _byte_changed(root: Path, store: Store) -> str:
    obj = next(p for p in (root / "objects").glob("*/*") if p.name == store.get("s@a").sha256)
    data = bytearray(obj.read_bytes())
    data[10] ^= 1
    obj.write_bytes(bytes(data))
    return "s@a: object"


def _text_deleted(root: Path, store: Store) -> str:
    next((root / "texts").glob(f"*/{store.get('s@a').sha256}.txt")).unlink()
    return "s@a: text"


def _garbage_json(root: Path, store: Store) -> str:
    _meta(root, "a").write_text("{not json", encoding="utf-8")
    return "a.json: invalid snapshot metadata"


def _escaping_sha(root: Path, store: Store) -> str:
    _edit_meta(root, "a", sha256="../../../outside/keep.me")
    return "a.json: invalid snapshot metadata"


def _escaping_series(root: Path, store: Store) -> str:
    _edit_meta(root, "a", series="../../outside")
    return "a.json: invalid snapshot metadata"


def _moved_label(root: Path, store: Store) -> str:
    _edit_meta(root, "a", label="b")
    return "a.json: invalid snapshot metadata"


def _symlinked_object(root: Path, store: Store) -> str:
    obj = next(p for p in (root / "objects").glob("*/*") if p.name == store.get("s@a").sha256)
    obj.unlink()
    obj.symlink_to(root.parent / "outside" / "keep.me")
    return "is a symlink"


def _symlinked_text(root: Path, store: Store) -> str:
    text = next((root / "texts").glob(f"*/{store.get('s@a').sha256}.txt"))
    text.unlink()
    text.symlink_to(root.parent / "outside" / "keep.me")
    return "is a symlink"


def _symlinked_metadata(root: Path, store: Store) -> str:
    target = root.parent / "outside" / "a.json"
    target.write_bytes(_meta(root, "a").read_bytes())
    _meta(root, "a").unlink()
    _meta(root, "a").symlink_to(target)
    return "a.json: invalid snapshot metadata"


def _stray_file(root: Path, store: Store) -> str:
    (root / "objects" / "zz").mkdir()
    (root / "objects" / "zz" / "stray.bin").write_bytes(b"x")
    return "stray file"


TAMPERINGS: dict[str, Callable[[Path, Store], str]] = {
    "byte-changed": _byte_changed,
    "text-deleted": _text_deleted,
    "garbage-json": _garbage_json,
    "escaping-sha256": _escaping_sha,
    "escaping-series": _escaping_series,
    "label-not-its-file": _moved_label,
    "symlinked-object": _symlinked_object,
    "symlinked-text": _symlinked_text,
    "symlinked-metadata": _symlinked_metadata,
    "stray-file": _stray_file,
}


@pytest.mark.parametrize("name", TAMPERINGS)
def test_tampered_store(tmp_path: Path, name: str) -> None:
    root, outside = tmp_path / "store", tmp_path / "outside"
    outside.mkdir()
    keep = outside / "keep.me"
    keep.write_text("一、不可读取\n\n这段文字在存储之外，不得被读取或删除。\n", encoding="utf-8")
    store = Store(root)
    store.add(OUTLOOK_2024, "s", "a")
    store.add(NEWS_2025, "s", "b")
    expected = TAMPERINGS[name](root, store)

    verify = runner.invoke(app, ["snap", "verify", "--store", str(root)])
    assert expected in verify.stderr, verify.stderr
    assert "Traceback" not in verify.output + verify.stderr
    # verify goes on to the rest: the untouched snapshot b is checked, not skipped silently.
    assert "s@b:" not in verify.stderr
    commands = [
        ["snap", "log", "--store", str(root)],
        ["snap", "show", "s@a", "--text", "--store", str(root)],
        ["sections", "s@a", "--store", str(root)],
        ["compare", "s@a", "s@b", "--store", str(root)],
        ["blame", "s@b", "--store", str(root)],
        ["snap", "rm", "s@a", "--yes", "--store", str(root)],
        ["snap", "verify", "--repair", "--store", str(root)],
    ]
    for args in commands:
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "Traceback" not in result.output + result.stderr, args
        assert "不得被读取" not in result.stdout, args  # nothing outside the store was read
    assert keep.read_text(encoding="utf-8").startswith("一、不可读取")  # nor deleted
    assert Store(root).get("s@b").label == "b"  # the untouched snapshot survives every command


def test_log_skips_invalid_metadata_and_reports_it(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    store.add(OUTLOOK_2024, "s", "a")
    store.add(NEWS_2025, "s", "b")
    _garbage_json(root, store)
    result = runner.invoke(app, ["snap", "log", "--store", str(root)])
    assert result.exit_code == 0
    assert "s@b" in result.stdout and "s@a" not in result.stdout
    assert "a.json: invalid snapshot metadata" in result.stderr


def test_repair_removes_orphans_of_an_interrupted_add_only(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    kept = store.add(OUTLOOK_2024, "s", "a")
    orphan = store.add(NEWS_2025, "s", "b")
    _meta(root, "b").unlink()  # as if the add died before writing its metadata
    assert any("not used by any snapshot" in note for note in store.verify()[1])
    removed = {path.name for path in store.repair()}
    assert removed == {orphan.sha256, f"{orphan.sha256}.txt"}
    assert store.verify() == ([], [])
    assert store.document(kept).sha256 == kept.sha256


def test_title_with_markup_and_escapes_is_shown_as_text(tmp_path: Path) -> None:
    root = tmp_path / "store"
    title = "[/b][link=https://evil.example]标题[/link]\x1b]52;c;aGk=\x07\x1b[2J"
    Store(root).add(OUTLOOK_2024, "s", "a", title=title)
    result = runner.invoke(app, ["snap", "log", "--store", str(root)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "[/b][link=https://evil.example]标题[/link]" in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b]52;c;aGk=\\x07" in result.stdout


def test_cjk_numeral_label_is_accepted(tmp_path: Path) -> None:
    snapshot = Store(tmp_path / "store").add(OUTLOOK_2024, "政府工作报告", "二〇二五")
    assert snapshot.ref == "政府工作报告@二〇二五"


def test_show_text_is_byte_exact(tmp_path: Path) -> None:
    source = tmp_path / "crlf.txt"
    text = OUTLOOK_2024.read_text(encoding="utf-8")[:3000]
    source.write_bytes((text[:1000].replace("\n", "\r\n") + text[1000:2000].replace("\n", "\r") + text[2000:]).encode())
    root = tmp_path / "store"
    Store(root).add(source, "s", "a")
    result = runner.invoke(app, ["snap", "show", "s@a", "--text", "--store", str(root)])
    assert result.stdout_bytes == source.read_bytes()  # CRLF, CR and LF as they were
    assert runner.invoke(app, ["snap", "verify", "--store", str(root)]).exit_code == 0


def test_diff_adapter_handles_more_distinct_units_than_code_points(monkeypatch: pytest.MonkeyPatch) -> None:
    old = [f"句子{i}" for i in range(150_000)]  # past the 131,072 private code points
    new = [*old[:1000], "新句子", *old[1000:]]
    codes = diff_sequences(old, new)
    assert [c.tag for c in codes if c.tag != "equal"] == ["insert"]
    monkeypatch.setattr("docdiff.dmp._CAPACITY", 100)  # force the chunked path
    chunked = diff_sequences(old[:1000], [*old[:500], "x", *old[500:1000]])
    assert sum(c.old_end - c.old_start for c in chunked if c.tag == "equal") >= 900
    for before, after in itertools.pairwise(chunked):  # contiguous on both sides
        assert (before.old_end, before.new_end) == (after.old_start, after.new_start)
    assert chunked[-1].old_end == 1000 and chunked[-1].new_end == 1001


def test_an_invalid_snapshot_keeps_its_object_through_rm_and_repair(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    broken = store.add(OUTLOOK_2024, "s", "a")
    store.add(OUTLOOK_2024, "s", "same")  # a second snapshot of the same bytes
    store.add(NEWS_2025, "s", "b")
    _edit_meta(root, "a", label="renamed")  # fails validation (not its file's name), still names its hash
    assert any("a.json: invalid snapshot metadata" in problem for problem in store.verify()[0])
    assert not any(broken.sha256 in note for note in store.verify()[1])  # not called an orphan
    store.remove("s@same")  # the last *valid* user of the object goes...
    store.repair()
    objects = {path.name for path in (root / "objects").glob("*/*")}
    assert broken.sha256 in objects  # ...but the invalid snapshot's object stays
    _edit_meta(root, "a", label="a")  # fixing the metadata by hand gets the snapshot back
    assert Store(root).document(Store(root).get("s@a")).sha256 == broken.sha256
    assert Store(root).verify() == ([], [])
