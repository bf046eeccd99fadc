"""Whether a path is a file docdiff will read, checked before anything is opened.

Kept apart from `ingest`, which reads what passes, so that a shell checking its arguments
before it starts (the TUI's) does not load the normaliser and the format readers (~50 ms) just
to say that a path is a folder.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from docdiff.errors import InputError
from docdiff.options import IngestOptions


def check_readable(path: str | os.PathLike[str], options: IngestOptions | None = None) -> None:
    """Refuse, with the line every command gives, what `read_bytes` would refuse before opening:
    a missing or unreadable path, a folder, a FIFO, device or socket, a file over the size limit."""
    options = options or IngestOptions()
    file = Path(path)
    try:
        info = file.stat()
    except OSError as exc:
        raise InputError(f"{file}: {os_reason(exc, file)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{file}: is a directory, expected a text file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{file}: is {_file_kind(info.st_mode)}, not a regular file; docdiff reads only files")
    if info.st_size > options.max_bytes:
        raise InputError(f"{file}: {info.st_size:,} bytes is larger than the limit of {options.max_bytes:,} bytes")


def os_reason(exc: OSError, file: Path) -> str:
    """Why a path could not be opened, in the words of the one-line error."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link points back to itself)"
    if exc.errno == errno.ENOENT:
        return "no such file" + (" (a symlink to a missing target)" if file.is_symlink() else "")
    if exc.errno == errno.EACCES:
        return "permission denied"
    return exc.strerror or str(exc)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
