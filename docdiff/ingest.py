"""Read a file into a `Document`: bytes → text (encoding detected) → normalised view."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from docdiff.errors import InputError, UnsupportedFormatError
from docdiff.formats import extract, zip_kind
from docdiff.models import Document
from docdiff.normalise import normalise
from docdiff.options import IngestOptions
from docdiff.readable import check_readable, os_reason

# Magic numbers of formats people are likely to pass by mistake (PDF and DOCX have readers
# in `docdiff.formats`; a ZIP that is not a Word document still lands here, told apart by `zip_kind`).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0", "an OLE container (DOC/XLS)"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "gzip"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Share of control characters (other than tab, newline, CR, form feed) above which text is binary.
_MAX_CONTROL_SHARE = 0.01


def read_document(path: str | os.PathLike[str], options: IngestOptions | None = None) -> Document:
    """Read, decode and normalise the file at `path`."""
    return document_from_bytes(read_bytes(path, options), str(Path(path)))


def read_bytes(path: str | os.PathLike[str], options: IngestOptions | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most `options.max_bytes` of them.

    Checked with `stat` before anything is opened, so a FIFO (which would block), a device
    (`/dev/zero` never ends), a socket or a folder is refused with a line instead; the read
    itself stops one byte past the limit, so a file growing while it is read cannot exhaust memory.
    """
    options = options or IngestOptions()
    file = Path(path)
    check_readable(file, options)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the stat, opening it must not hang.
        descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(f"{file}: changed into a non-regular file while it was opened")
            raw = handle.read(options.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({os_reason(exc, file)})") from None
    if len(raw) > options.max_bytes:
        raise InputError(f"{file}: grew past the limit of {options.max_bytes:,} bytes while it was read")
    return raw


def document_from_bytes(raw: bytes, source: str) -> Document:
    """Decode `raw` (see `decode`), or extract a Word/PDF/HTML file's text, and build its normalised `Document`."""
    extracted = extract(raw, source)
    text, encoding = (extracted.text, extracted.encoding) if extracted else decode(raw, source)
    normalised, offsets = normalise(text)
    if not normalised.strip():
        raise InputError(f"{source}: no text left after removing page furniture")
    return Document(
        source=source,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        normalised=normalised,
        offsets=tuple(offsets),
        source_format=extracted.source_format if extracted else "text",
    )


def decode(raw: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes, returning the text and the encoding used.

    Order: a byte-order mark; strict UTF-8; UTF-16 without BOM (NUL-byte pattern); strict
    GB18030 (a superset of GBK and GB2312) when the result is mostly CJK; then
    charset-normalizer's best guess. Binary content is refused.
    """
    if not raw.strip():
        raise InputError(f"{source}: file is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise UnsupportedFormatError(f"{source}: looks like {zip_kind(raw)}; extract its text first")
    for magic, name in _SIGNATURES:
        if raw.startswith(magic):
            raise UnsupportedFormatError(f"{source}: looks like {name}, not a text file; extract its text first")
    text, encoding = _decode_text(raw, source)
    if not text.strip():
        raise InputError(f"{source}: file is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f") + text.count("\x7f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{source}: looks like a binary file, not text")
    return text, encoding


def _decode_text(raw: bytes, source: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding.replace("-sig", "")), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(f"{source}: invalid {encoding} after its byte-order mark") from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _guess_utf16(raw)
    if utf16:
        return utf16
    if b"\x00" in raw:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_cjk(text):
        return text, "gb18030"
    return _detect(raw, source)


def _guess_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the byte order whose decoding is almost all plausible text.

    Plausible means ASCII, CJK ideographs and CJK or full-width punctuation; decoding bytes
    of another encoding as UTF-16 scatters characters over the whole plane and fails this.
    """
    if len(raw) < 4 or len(raw) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        plausible = sum(1 for ch in sample if ch < "\x7f" or _is_cjk_text_char(ch))
        if plausible >= 0.97 * len(sample) and (
            any(ch in sample for ch in "\n ") or "\x00" in raw[:4000].decode("latin-1")
        ):
            return text, encoding
    return None


def _is_cjk_text_char(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·"


def _mostly_cjk(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for ch in non_ascii if _is_cjk_text_char(ch) or "\u3400" <= ch <= "\u4dbf")
    return cjk >= 0.9 * len(non_ascii)


def _detect(raw: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{source}: cannot tell the text encoding (not UTF-8, UTF-16 or GB18030)")
    return str(best), best.encoding
