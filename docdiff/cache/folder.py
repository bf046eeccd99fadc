"""Where cached analyses live, and how an entry is named, written and read back.

An entry is one file named by a key: the SHA-256 of the docdiff version and of its code (every
module's source, see `code_fingerprint`), the kind of entry, the content hashes it was computed
from and the options that shaped it. A new docdiff version, or a changed module under the same
version number (an upgrade from a checkout, a local edit), therefore never reads entries an
older code wrote, and two processes computing the same entry
write the same bytes. Writes go to a temporary file in the same folder and are renamed over
the target (`os.replace` is atomic), so a reader sees no entry or a whole one; an entry that
does not parse is treated as missing and recomputed. Nothing here is ever a stored text or a
snapshot's metadata: every file can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
from pathlib import Path

from docdiff import __version__

# The environment variable naming the cache folder (`off` disables the cache).
CACHE_ENV = "DOCDIFF_CACHE"
# The folder inside a snapshot store that holds analyses of its snapshots.
STORE_FOLDER = "analysis"
# Whether caching is on in this process (`docdiff --no-cache` turns it off).
_enabled = True


def set_enabled(enabled: bool) -> None:
    """Turn the cache on or off for this process."""
    global _enabled
    _enabled = enabled


def default_root() -> Path | None:
    """`$DOCDIFF_CACHE`, or docdiff's folder under the user's cache dir; None when set to `off`."""
    if not _enabled:
        return None
    given = os.environ.get(CACHE_ENV)
    if given:
        return None if given.lower() == "off" else Path(given)
    from platformdirs import user_cache_dir  # small, but only needed when a cache is used

    return Path(user_cache_dir("docdiff", appauthor=False))


@functools.cache
def code_fingerprint() -> str:
    """A hash of every module's path and source in the installed docdiff package.

    The version number alone is not enough: a checkout or an editable install changes the code
    without changing it, and an analysis computed by other code must not be read back. Reading
    the package's sources costs a few milliseconds, once per process.
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8"))
        digest.update(b"\0")
        with contextlib.suppress(OSError):
            digest.update(source.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def entry_key(kind: str, *parts: str) -> str:
    """The name of an entry: a hash of the version and code, the kind and what it came from."""
    digest = hashlib.sha256()
    for part in (__version__, code_fingerprint(), kind, *parts):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class CacheFolder:
    """A folder of cache entries, `<root>/<kind>/<key[:2]>/<key><suffix>`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, kind: str, key: str, suffix: str) -> Path:
        """Where an entry is (or would be)."""
        return self.root / kind / key[:2] / f"{key}{suffix}"

    def read(self, kind: str, key: str, suffix: str) -> bytes | None:
        """An entry's bytes, or None if it is missing or unreadable."""
        try:
            return self.path(kind, key, suffix).read_bytes()
        except OSError:
            return None

    def write(self, kind: str, key: str, suffix: str, data: bytes) -> None:
        """Write an entry atomically; a cache that cannot be written is simply not used."""
        target = self.path(kind, key, suffix)
        temporary = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except OSError:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def forget(self, kind: str, key: str, suffix: str) -> None:
        """Drop an entry found corrupt, so the next reader does not parse it again."""
        with contextlib.suppress(OSError):
            self.path(kind, key, suffix).unlink()
