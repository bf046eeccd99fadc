"""Analyses of a document computed once per content and reused: its normalised view, outline
and facts, and whole comparisons of two documents.

Snapshots of a store keep theirs in the store's `analysis/` folder (derived data beside the
stored texts, never changing them); files anywhere else use the user's cache folder
(`$DOCDIFF_CACHE`, `off` to disable). Every entry is keyed by the content it was computed
from, the options that shaped it and docdiff's version (see `folder.py`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Literal

from pydantic import ConfigDict, Field, ValidationError

from docdiff.cache.folder import STORE_FOLDER, CacheFolder, default_root, entry_key
from docdiff.comparison import Comparison
from docdiff.errors import DocdiffError, InputError
from docdiff.facts.models import FactList
from docdiff.models import Document, Model, Outline
from docdiff.options import CompareOptions, IngestOptions, SegmentOptions
from docdiff.store.store import Store, is_reference

# Only what reading a cached comparison needs is imported here, so that a warm start (the TUI
# showing a comparison it has seen) loads no numpy, scipy or segmenter.

Source = str | os.PathLike[str]


class Analysis(Model):
    """A document with its section tree, as cached."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["docdiff.analysis/1"] = Field(
        default="docdiff.analysis/1", alias="schema", description="JSON shape version."
    )
    document: Document = Field(description="The document as read and normalised.")
    outline: Outline = Field(description="Its section tree.")


class Cache:
    """Cached analyses in one folder, or none at all (`root=None`: everything is computed)."""

    def __init__(self, root: Path | None) -> None:
        self.folder = CacheFolder(root) if root is not None else None

    @classmethod
    def default(cls, store: Store | None = None, *sources: Source) -> Cache:
        """The store's analysis folder when every source is a snapshot reference, else the user's
        cache folder; no folder when the cache is turned off."""
        root = default_root()
        if root is None:
            return cls(None)
        if sources and all(isinstance(s, str) and is_reference(s) for s in sources):
            return cls((store or Store()).root / STORE_FOLDER)
        return cls(root)

    def _get(self, kind: str, key: str, suffix: str = ".json") -> bytes | None:
        return self.folder.read(kind, key, suffix) if self.folder is not None else None

    def _put(self, kind: str, key: str, data: bytes, suffix: str = ".json") -> None:
        if self.folder is not None:
            self.folder.write(kind, key, suffix, data)

    def _forget(self, kind: str, key: str, suffix: str = ".json") -> None:
        if self.folder is not None:
            self.folder.forget(kind, key, suffix)

    def cached_document(self, raw_sha256: str, source: str, ingest: IngestOptions) -> Document | None:
        """The document whose bytes hash to `raw_sha256` if it was read before, else None (nothing is read)."""
        key = entry_key("document", raw_sha256, ingest.model_dump_json())
        data = self._get("document", key)
        if data is not None:
            try:
                return Document.model_validate_json(data).model_copy(update={"source": source})
            except ValidationError:
                self._forget("document", key)
        return None

    def document(self, raw_sha256: str, source: str, read: _Reader, ingest: IngestOptions) -> Document:
        """The document whose bytes hash to `raw_sha256`, read with `read()` if not cached."""
        cached = self.cached_document(raw_sha256, source, ingest)
        if cached is not None:
            return cached
        document = read()
        self._put("document", entry_key("document", document.sha256, ingest.model_dump_json()), _json(document))
        return document

    def outline(self, document: Document, options: SegmentOptions | None = None) -> Outline:
        """The document's section tree, segmented once per normalised text and options."""
        from docdiff.segment import segment

        options = options or SegmentOptions()
        key = entry_key("outline", content_key(document), options.model_dump_json())
        data = self._get("outline", key)
        if data is not None:
            try:
                return Outline.model_validate_json(data)
            except ValidationError:
                self._forget("outline", key)
        outline = segment(document, options)
        self._put("outline", key, _json(outline))
        return outline

    def facts(self, document: Document, outline: Outline) -> FactList:
        """The document's facts (found with its own recurring slogans)."""
        key = entry_key("facts", content_key(document), _digest(outline.model_dump_json()))
        data = self._get("facts", key)
        if data is not None:
            try:
                return FactList.model_validate_json(data).model_copy(update={"source": document.source})
            except ValidationError:
                self._forget("facts", key)
        from docdiff.facts.extract import extract_facts  # its patterns compile on import: only on a miss

        found = FactList(source=document.source, facts=tuple(extract_facts(document, outline)))
        self._put("facts", key, _json(found))
        return found

    def cached_comparison(
        self, old: Document, new: Document, options: CompareOptions | None = None
    ) -> Comparison | None:
        """The comparison of this pair if it was computed before, else None (nothing is computed:
        a caller with many pairs starts workers only for the ones missing)."""
        options = options or CompareOptions()
        key = entry_key("comparison", content_key(old), content_key(new), options.model_dump_json())
        data = self._get("comparison", key)
        if data is None:
            return None
        try:
            cached = Comparison.model_validate_json(data)
        except ValidationError:
            self._forget("comparison", key)
            return None
        # The same contents may be read from other paths: the sources are this call's.
        return cached.model_copy(
            update={
                "old": cached.old.model_copy(update={"source": old.source}),
                "new": cached.new.model_copy(update={"source": new.source}),
            }
        )

    def comparison(self, old: Document, new: Document, options: CompareOptions | None = None) -> Comparison:
        """`compare_documents(old, new, options)`, computed once per pair of contents and options."""
        options = options or CompareOptions()
        cached = self.cached_comparison(old, new, options)
        if cached is not None:
            return cached
        key = entry_key("comparison", content_key(old), content_key(new), options.model_dump_json())
        from docdiff.compare import compare_outlines  # the whole pipeline: only on a miss

        result = compare_outlines(
            old, self.outline(old, options.segment), new, self.outline(new, options.segment), options
        )
        self._put("comparison", key, result.model_dump_json(by_alias=True).encode("utf-8"))
        return result


class _Reader:
    """Reads a document when the cache does not have it (a callable with a name for mypy)."""

    def __init__(self, source: Source, store: Store | None, ingest: IngestOptions) -> None:
        self.source, self.store, self.ingest = source, store, ingest

    def __call__(self) -> Document:
        if isinstance(self.source, str) and is_reference(self.source):
            return (self.store or Store()).load(self.source)
        from docdiff.ingest import read_document

        return read_document(self.source, self.ingest)


def content_key(document: Document) -> str:
    """What a document's analyses depend on: its bytes and the normalised text made from them."""
    return document.sha256 + ":" + _digest(document.normalised)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json(model: Model) -> bytes:
    return model.model_dump_json(by_alias=True).encode("utf-8")


def load_document(
    source: Source, store: Store | None = None, ingest: IngestOptions | None = None, cache: Cache | None = None
) -> Document:
    """A file or snapshot reference read through the cache (the bytes are hashed, not parsed)."""
    ingest = ingest or IngestOptions()
    cache = cache if cache is not None else Cache.default(store, source)
    reader = _Reader(source, store, ingest)
    found = _raw_hash(source, store, ingest) if cache.folder is not None else None
    if found is None:
        return reader()  # no cache, or the reader reports what is wrong
    return cache.document(*found, reader, ingest)


def cached_document(
    source: Source, store: Store | None = None, ingest: IngestOptions | None = None, cache: Cache | None = None
) -> Document | None:
    """`load_document` when the cache holds the document, else None: nothing is read or normalised,
    and a source that cannot be read is None too (`load_document` says what is wrong with it)."""
    ingest = ingest or IngestOptions()
    cache = cache if cache is not None else Cache.default(store, source)
    try:
        found = _raw_hash(source, store, ingest) if cache.folder is not None else None
    except (DocdiffError, OSError):
        return None
    return cache.cached_document(*found, ingest) if found is not None else None


def _raw_hash(source: Source, store: Store | None, ingest: IngestOptions) -> tuple[str, str] | None:
    """The SHA-256 of a source's bytes and its name, or None if only the reader can say what is wrong with it."""
    if isinstance(source, str) and is_reference(source):
        snapshot = (store or Store()).get(source)
        return snapshot.sha256, snapshot.source
    path = Path(source)
    try:
        if not path.is_file() or path.stat().st_size > ingest.max_bytes:
            return None
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return hashlib.sha256(raw).hexdigest(), str(path)


def analyse_cached(document: Document, options: SegmentOptions | None = None, cache: Cache | None = None) -> Analysis:
    """A read document with its outline, from the cache when this content was segmented before."""
    cache = cache if cache is not None else Cache.default()
    return Analysis(document=document, outline=cache.outline(document, options))


def compare_cached(
    old: Document, new: Document, options: CompareOptions | None = None, cache: Cache | None = None
) -> Comparison:
    """`compare_documents(old, new, options)` from the cache when this pair was compared before."""
    cache = cache if cache is not None else Cache.default()
    return cache.comparison(old, new, options)


def compare_many(
    pairs: list[tuple[Document, Document]],
    options: CompareOptions | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache: Cache | None = None,
) -> list[Comparison]:
    """Comparisons of many pairs (a series' successive versions), each from the cache or computed
    on `jobs` local processes (None: every core) or the Dask cluster at `scheduler`, in order.
    Cached pairs are read here, so workers start only for the pairs missing."""
    from functools import partial

    from docdiff.duplicates.engine import engine

    cache = cache if cache is not None else Cache.default()
    root = cache.folder.root if cache.folder is not None else None
    found = [cache.cached_comparison(old, new, options) for old, new in pairs]
    missing = [pair for pair, comparison in zip(pairs, found, strict=True) if comparison is None]
    if not missing:
        return [comparison for comparison in found if comparison is not None]
    if scheduler is None and len(missing) < 2:
        jobs = 1
    with engine(jobs, scheduler) as runner:
        batches = runner.batches(missing)
        results = runner.map(partial(_compare_batch, options=options, root=root), batches)
    computed = iter([comparison for batch in results for comparison in batch])
    return [comparison if comparison is not None else next(computed) for comparison in found]


def _compare_batch(
    pairs: list[tuple[Document, Document]], options: CompareOptions | None, root: Path | None
) -> list[Comparison]:
    cache = Cache(root)
    return [cache.comparison(old, new, options) for old, new in pairs]
