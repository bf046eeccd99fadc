"""Crash-safe, tamper-proof file operations: atomic writes, an exclusive store lock, and paths
and reads that never leave the store or follow a link."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from docdiff.errors import DocdiffError


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


class StoreBusyError(DocdiffError):
    """Another process holds the store's lock."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part:
    a temporary file in the same folder, fsync, rename over the target, fsync the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        os.fchmod(handle, _FILE_MODE)  # mkstemp makes 0600; stored files are meant to be read and shared
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def store_lock(root: Path, wait_seconds: float) -> Iterator[None]:
    """Hold the store's exclusive lock; wait up to `wait_seconds`, then raise `StoreBusyError`.

    The lock is an advisory `flock`, released by the kernel if the holder dies.
    """
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+b") as lock:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusyError(f"{root}: store is busy (another docdiff is writing); try again") from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


class UnsafePathError(DocdiffError):
    """A stored file is a symlink, not a regular file, or resolves outside the store."""


def inside(root: Path, *parts: str) -> Path:
    """`root/parts…`, refused unless every step below `root` is a real folder or file (no symlink)
    and the result resolves inside `root`: a tampered store can neither point reads or deletes
    elsewhere nor smuggle a file in by a link."""
    path = root.joinpath(*parts)
    step = root
    for part in parts:
        if part in ("", ".", "..") or "/" in part or "\\" in part or "\x00" in part:
            raise UnsafePathError(f"{path}: not a plain name inside the store")
        step = step / part
        if step.is_symlink():
            raise UnsafePathError(f"{step}: is a symlink; the store holds only plain files")
    base = root.resolve()
    if not path.resolve().is_relative_to(base):
        raise UnsafePathError(f"{path}: resolves outside the store {root}")
    return path


def read_plain(path: Path) -> bytes:
    """The bytes of a regular file, opened without following a symlink (a link swapped in between
    the check and the read is refused by the kernel, not followed)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePathError(f"{path}: is a symlink; the store holds only plain files") from None
        raise
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UnsafePathError(f"{path}: not a regular file")
        return handle.read()
