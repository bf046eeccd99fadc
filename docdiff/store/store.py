"""A file-based, content-addressed store of document versions, safe against crashes and races.

Layout (readable without docdiff, friendly to git):

    store.json                      format marker
    objects/ab/abcdef…              the exact bytes of each version, named by their SHA-256
    texts/ab/abcdef….txt            the decoded text (UTF-8), named like its bytes
    series/<series>/<label>.json    one small metadata file per snapshot: the index

A snapshot exists once its metadata file does; that file is written last, atomically, under
an exclusive lock, so a crash leaves the store as it was (at most an unreferenced object,
which `verify` reports, a later `add` reuses and `verify --repair` removes). Nothing but `remove` deletes or changes a
snapshot.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from docdiff import __version__
from docdiff.errors import DocdiffError, InputError
from docdiff.models import Document
from docdiff.store.files import UnsafePathError, atomic_write, inside, read_plain, store_lock
from docdiff.store.models import Snapshot

# Reading and segmenting (docdiff.ingest, docdiff.segment) are imported where a text is parsed:
# the TUI opens stored comparisons from the cache and needs only the metadata to start.

FORMAT = "docdiff.store/1"
DEFAULT_STORE = "snapshots"
# CJK ideographs include 〇 (U+3007), the zero of Chinese year labels such as 二〇二五.
_NAME = re.compile(r"^[A-Za-z0-9\u3007\u4e00-\u9fff][A-Za-z0-9\u3007\u4e00-\u9fff._-]{0,63}$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_RESERVED = {"latest", "previous"}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# A hash anywhere in a metadata file, valid or not: what the file may still own (see `_claimed`).
_ANY_SHA256 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")
_REF = re.compile(r"^(?P<series>[^@/\\]+)@(?P<label>[^@/\\]+)$")
# How long `add` and `remove` wait for another writer before reporting the store busy.
LOCK_WAIT_SECONDS = 10.0
_GITIGNORE = ".lock\n.tmp-*\nanalysis/\n"  # analysis/: derived data, see docdiff.cache
_README = """# A docdiff snapshot store

Every version of a document series, kept immutably. Readable without docdiff:

- `series/<series>/<label>.json` — one snapshot: series, label, date, title, the path it was
  added from, the SHA-256 and size of its bytes, its encoding, when it was added and by which
  docdiff version. This folder is the index.
- `objects/<first two hex digits>/<sha256>` — the exact bytes of each version, stored once
  however many snapshots share them.
- `texts/<first two hex digits>/<sha256>.txt` — the decoded text (UTF-8).

`docdiff snap log`, `docdiff snap show SERIES@LABEL`, `docdiff snap verify` (re-hashes every
object), `docdiff blame SERIES@LABEL`; `docdiff compare SERIES@A SERIES@B`. Only
`docdiff snap rm SERIES@LABEL --yes` deletes a snapshot.
"""


class StoreError(DocdiffError):
    """A store operation cannot be done: bad name, unknown reference, duplicate label, corruption."""


def default_root() -> Path:
    """`$DOCDIFF_STORE`, or `./snapshots`."""
    return Path(os.environ.get("DOCDIFF_STORE") or DEFAULT_STORE)


def is_reference(text: str) -> bool:
    """Whether an argument names a snapshot (`SERIES@LABEL`) rather than a file."""
    return bool(_REF.match(text)) and not Path(text).exists()


def _real_date(date: str) -> bool:
    """Whether `date` is YYYY, YYYY-MM or YYYY-MM-DD and a day of the calendar (no month 13, no 2月30日)."""
    if not _DATE.fullmatch(date):
        return False
    try:
        datetime.strptime(date, ("%Y", "%Y-%m", "%Y-%m-%d")[date.count("-")])
    except ValueError:
        return False
    return True


def validate_name(kind: str, name: str) -> str:
    """A series or label name that cannot escape the store or confuse a file system."""
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise StoreError(f"{kind} {name!r}: control characters are not allowed")
    if not _NAME.match(name) or ".." in name:
        raise StoreError(
            f"{kind} {name!r}: use 1-64 letters, digits, CJK characters, '.', '_' or '-', "
            "not starting with '.' or '-', without '/' or '..'"
        )
    if name in _RESERVED:
        raise StoreError(f"{kind} {name!r} is reserved for references")
    return name


def _check_sha(sha: str) -> None:
    if not _SHA256.match(sha):
        raise StoreError(f"sha256 {sha[:80]!r} is not 64 hex digits")


def _reason(exc: Exception) -> str:
    """An exception as a short reason (pydantic's message is many lines)."""
    if isinstance(exc, ValueError) and not isinstance(exc, DocdiffError):
        return f"not valid snapshot JSON: {str(exc).splitlines()[0]}"
    if isinstance(exc, OSError) and not isinstance(exc, DocdiffError):
        return f"{exc.strerror or exc}"
    return str(exc)


def _order(snapshot: Snapshot) -> tuple[str, str, str]:
    return (snapshot.date or "", snapshot.added, snapshot.label)


class Store:
    """The store at `root` (created on first write)."""

    def __init__(self, root: Path | str | None = None, lock_wait: float = LOCK_WAIT_SECONDS) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.lock_wait = lock_wait

    # -- reading ---------------------------------------------------------------------------

    def snapshots(self, series: str | None = None) -> list[Snapshot]:
        """Valid snapshots, oldest first (by date, then time added), of one series or all.

        Metadata that fails validation is skipped here (see `invalid`), never followed.
        """
        return self.scan(series)[0]

    def invalid(self, series: str | None = None) -> list[str]:
        """One line per metadata file that fails validation (skipped by every reader)."""
        return self.scan(series)[1]

    def scan(self, series: str | None = None) -> tuple[list[Snapshot], list[str]]:
        """(valid snapshots oldest first, problems with the metadata files that are not)."""
        folder = self.root / "series"
        if series is not None:
            validate_name("series", series)
            paths = sorted((folder / series).glob("*.json"))
        else:
            paths = sorted(folder.glob("*/*.json"))
        found: list[Snapshot] = []
        problems: list[str] = []
        for path in paths:
            try:
                found.append(self._metadata(path))
            except (StoreError, UnsafePathError, OSError, ValueError) as exc:
                problems.append(f"{path}: invalid snapshot metadata, skipped ({_reason(exc)})")
        return sorted(found, key=lambda s: (s.series, *_order(s))), problems

    def _metadata(self, path: Path) -> Snapshot:
        """A metadata file read and checked: every field that names a path is validated and must
        match where the file lies, so no field can point a read or a delete anywhere else."""
        series, name = path.parent.name, path.name
        raw = read_plain(inside(self.root, "series", series, name))
        snapshot = Snapshot.model_validate_json(raw)
        validate_name("series", snapshot.series)
        validate_name("label", snapshot.label)
        if not _SHA256.match(snapshot.sha256):
            raise StoreError(f"sha256 {snapshot.sha256[:80]!r} is not 64 hex digits")
        if (snapshot.series, f"{snapshot.label}.json") != (series, name):
            raise StoreError(f"names {snapshot.ref}, but lies at {series}/{name}")
        return snapshot

    def series_names(self) -> list[str]:
        """Every series in the store."""
        return sorted({s.series for s in self.snapshots()})

    def get(self, ref: str) -> Snapshot:
        """The snapshot a reference names: `SERIES@LABEL`, `SERIES@latest`, `SERIES@previous`."""
        match = _REF.match(ref)
        if not match:
            raise StoreError(f"{ref!r}: a reference is SERIES@LABEL (or SERIES@latest, SERIES@previous)")
        series, label = match.group("series"), match.group("label")
        versions = self.snapshots(series)
        if not versions:
            raise StoreError(f"{ref}: no series {series!r} in {self.root}")
        if label == "latest":
            return versions[-1]
        if label == "previous":
            if len(versions) < 2:
                raise StoreError(f"{ref}: series {series!r} has only one version")
            return versions[-2]
        for snapshot in versions:
            if snapshot.label == label:
                return snapshot
        raise StoreError(
            f"{ref}: no label {label!r} in series {series!r} (have: {', '.join(s.label for s in versions)})"
        )

    def document(self, snapshot: Snapshot) -> Document:
        """The stored version read back as a document (its source is the path it was added from)."""
        raw = self._read(self._object(snapshot.sha256))
        if raw is None:
            raise StoreError(f"{snapshot.ref}: object {snapshot.sha256[:12]} is missing; run `docdiff snap verify`")
        if hashlib.sha256(raw).hexdigest() != snapshot.sha256:
            raise StoreError(f"{snapshot.ref}: object {snapshot.sha256[:12]} is corrupted; run `docdiff snap verify`")
        from docdiff.ingest import document_from_bytes

        return document_from_bytes(raw, snapshot.source)

    def load(self, ref: str) -> Document:
        """The document a reference names."""
        return self.document(self.get(ref))

    def text(self, snapshot: Snapshot) -> str:
        """The stored decoded text of a snapshot."""
        raw = self._read(self._text(snapshot.sha256))
        if raw is None:
            raise StoreError(f"{snapshot.ref}: text {snapshot.sha256[:12]}.txt is missing; run `docdiff snap verify`")
        return raw.decode("utf-8", errors="replace")  # byte-exact: CRLF stays CRLF

    # -- writing ---------------------------------------------------------------------------

    def add(
        self, path: str | os.PathLike[str], series: str, label: str, date: str | None = None, title: str | None = None
    ) -> Snapshot:
        """Store a file as version `label` of `series`; a label already there is refused."""
        validate_name("series", series)
        validate_name("label", label)
        if date is not None and not _real_date(date):
            raise StoreError(f"date {date!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
        from docdiff.ingest import read_bytes, read_document
        from docdiff.segment import segment

        document = read_document(path)
        raw = read_bytes(path)
        if hashlib.sha256(raw).hexdigest() != document.sha256:
            raise InputError(f"{path}: file changed while it was read; try again")
        with store_lock(self.root, self.lock_wait):
            self._clean_temporaries()
            meta_path = inside(self.root, "series", series, f"{label}.json")
            if meta_path.exists():
                raise StoreError(f"{series}@{label} already exists; snapshots are never overwritten")
            self._init()
            obj = self._object(document.sha256)
            if obj.exists():
                if hashlib.sha256(read_plain(obj)).hexdigest() != document.sha256:
                    raise StoreError(f"object {document.sha256[:12]} is corrupted; run `docdiff snap verify`")
            else:
                atomic_write(obj, raw)
            text = self._text(document.sha256)
            if not text.exists():
                atomic_write(text, document.text.encode("utf-8"))
            snapshot = Snapshot(
                series=series,
                label=label,
                date=date,
                title=title or segment(document).title,
                source=str(path),
                sha256=document.sha256,
                size=len(raw),
                chars=len(document.text),
                encoding=document.encoding,
                added=datetime.now(UTC).isoformat(timespec="microseconds"),
                docdiff_version=__version__,
            )
            atomic_write(meta_path, (snapshot.model_dump_json(indent=2) + "\n").encode("utf-8"))
        return snapshot

    def remove(self, ref: str) -> Snapshot:
        """Delete one snapshot (and its objects if no other snapshot uses them)."""
        with store_lock(self.root, self.lock_wait):
            snapshot = self.get(ref)
            # Every path below is rebuilt from validated fields and checked to stay in the store.
            inside(self.root, "series", snapshot.series, f"{snapshot.label}.json").unlink()
            if snapshot.sha256 not in self._claimed():
                for path in (self._object(snapshot.sha256), self._text(snapshot.sha256)):
                    path.unlink(missing_ok=True)
            folder = inside(self.root, "series", snapshot.series)
            if not any(folder.iterdir()):
                folder.rmdir()
        return snapshot

    # -- checking --------------------------------------------------------------------------

    def verify(self) -> tuple[list[str], list[str]]:
        """(problems, notes): re-hash every object and check every snapshot's files.

        Problems are invalid metadata (named, then skipped: the rest is still checked), missing,
        corrupted or symlinked objects and texts; notes are harmless leftovers such as objects no
        snapshot uses (a crash before `add` finished, removed by `repair`) and stray files.
        """
        snapshots, problems = self.scan()
        notes: list[str] = []
        for snapshot in snapshots:
            try:
                problems += self._check(snapshot)
            except (UnsafePathError, OSError) as exc:
                problems.append(f"{snapshot.ref}: {_reason(exc)}")
        for path in self._orphans(self._claimed()):
            notes.append(
                f"{path.relative_to(self.root)} is not used by any snapshot (`snap verify --repair` removes it)"
            )
        for path in self._strays():
            notes.append(f"{path.relative_to(self.root)}: stray file, not part of the store (left alone)")
        return problems, notes

    def repair(self) -> list[Path]:
        """Remove, under the lock, what an interrupted `add` left: objects and texts no snapshot
        uses and temporary files. Returns what was removed; snapshots are never touched."""
        with store_lock(self.root, self.lock_wait):
            removed = list(self.root.rglob(".tmp-*")) if self.root.exists() else []
            self._clean_temporaries()
            for path in self._orphans(self._claimed()):
                path.unlink(missing_ok=True)  # unlink never follows a link: a symlink itself goes
                removed.append(path)
        return removed

    def _check(self, snapshot: Snapshot) -> list[str]:
        raw = self._read(self._object(snapshot.sha256))
        if raw is None:
            return [f"{snapshot.ref}: object {snapshot.sha256[:12]} is missing"]
        if hashlib.sha256(raw).hexdigest() != snapshot.sha256:
            return [f"{snapshot.ref}: object {snapshot.sha256[:12]} does not match its hash (tampered or corrupted)"]
        text = self._read(self._text(snapshot.sha256))
        if text is None:
            return [f"{snapshot.ref}: text {snapshot.sha256[:12]}.txt is missing"]
        from docdiff.ingest import document_from_bytes

        try:
            expected = document_from_bytes(raw, snapshot.source).text
        except DocdiffError as exc:
            return [f"{snapshot.ref}: object {snapshot.sha256[:12]} no longer reads as a document ({exc})"]
        if text != expected.encode("utf-8"):
            return [f"{snapshot.ref}: text {snapshot.sha256[:12]}.txt does not match its bytes"]
        return []

    def _claimed(self) -> set[str]:
        """Every hash any metadata file names, valid or not. A snapshot whose metadata fails
        validation (a field mangled by hand, a newer version's format) still owns its object:
        `rm` of another snapshot and `repair` keep it, so fixing the metadata gets it back. A hash
        is only ever used as a name to keep, never to build a path."""
        found: set[str] = set()
        for path in sorted((self.root / "series").glob("*/*.json")):
            try:
                raw = read_plain(path).decode("utf-8", "replace")
            except (UnsafePathError, OSError):
                continue  # a symlink or an unreadable file names nothing the store will trust
            found.update(match.group(0).lower() for match in _ANY_SHA256.finditer(raw))
        return found

    def _orphans(self, used: set[str]) -> list[Path]:
        """Object and text files, named by a valid hash in the right folder, that no snapshot uses."""
        found = []
        for kind, suffix in (("objects", ""), ("texts", ".txt")):
            for path in sorted((self.root / kind).glob("*/*")):
                sha = path.name.removesuffix(suffix) if path.name.endswith(suffix) else ""
                if _SHA256.match(sha) and path.parent.name == sha[:2] and sha not in used:
                    found.append(path)
        return found

    def _strays(self) -> list[Path]:
        """Files in the store's folders that the store did not write."""
        found = []
        for kind, pattern in (("objects", _SHA256), ("texts", re.compile(r"^[0-9a-f]{64}\.txt$"))):
            for path in sorted((self.root / kind).glob("*/*")):
                if not pattern.match(path.name) and not path.name.startswith(".tmp-"):
                    found.append(path)
        for path in sorted((self.root / "series").glob("*/*")):
            if path.suffix != ".json" and not path.name.startswith(".tmp-"):
                found.append(path)
        return found

    # -- helpers ---------------------------------------------------------------------------

    def _object(self, sha: str) -> Path:
        _check_sha(sha)
        return inside(self.root, "objects", sha[:2], sha)

    def _text(self, sha: str) -> Path:
        _check_sha(sha)
        return inside(self.root, "texts", sha[:2], f"{sha}.txt")

    def _read(self, path: Path) -> bytes | None:
        """A stored file's bytes (never through a link), or None if it is missing."""
        try:
            return read_plain(path)
        except FileNotFoundError:
            return None

    def _init(self) -> None:
        marker = self.root / "store.json"
        if not marker.exists():
            atomic_write(marker, (json.dumps({"format": FORMAT}, indent=2) + "\n").encode("utf-8"))
        for name, content in ((".gitignore", _GITIGNORE), ("README.md", _README)):
            if not (self.root / name).exists():
                atomic_write(self.root / name, content.encode("utf-8"))

    def _clean_temporaries(self) -> None:
        """Remove temporary files a killed writer left (only called under the lock)."""
        for leftover in self.root.rglob(".tmp-*"):
            leftover.unlink(missing_ok=True)
