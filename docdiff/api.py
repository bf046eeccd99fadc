"""The library functions the CLI and TUI call: one per command."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from docdiff.cache.analysis import Cache, load_document
from docdiff.comparison import Comparison
from docdiff.duplicates.models import DuplicateGroup, DuplicateReport
from docdiff.duplicates.repeats import find_repeats
from docdiff.duplicates.report import Progress, duplicate_report
from docdiff.errors import InputError
from docdiff.facts.models import FactKind, FactList
from docdiff.formats import FOLDER_SUFFIXES
from docdiff.models import Document, Outline
from docdiff.options import CompareOptions, DuplicateOptions, IngestOptions, SegmentOptions
from docdiff.store.store import Store, is_reference

Source = str | os.PathLike[str]


def load(source: Source, store: Store | None = None, ingest: IngestOptions | None = None) -> Document:
    """A file, or a snapshot named `SERIES@LABEL` (`@latest`, `@previous`) in the store, read
    through the analysis cache."""
    return load_document(source, store, ingest)


def outline(
    path: Source,
    ingest: IngestOptions | None = None,
    options: SegmentOptions | None = None,
    store: Store | None = None,
) -> Outline:
    """Read a file (or snapshot) and return its section tree."""
    return Cache.default(store, path).outline(load(path, store, ingest), options)


def compare(
    old: Source,
    new: Source,
    options: CompareOptions | None = None,
    ingest: IngestOptions | None = None,
    store: Store | None = None,
) -> Comparison:
    """Read two files (or snapshots) and compare them (once per pair of contents and options)."""
    cache = Cache.default(store, old, new)  # two snapshots keep their comparison in the store
    return cache.comparison(load(old, store, ingest), load(new, store, ingest), options)


def facts(
    path: Source, kind: FactKind | None = None, ingest: IngestOptions | None = None, store: Store | None = None
) -> FactList:
    """Read a file (or snapshot) and list its facts, optionally of one kind."""
    doc = load(path, store, ingest)
    cache = Cache.default(store, path)
    found = cache.facts(doc, cache.outline(doc)).facts
    return FactList(source=doc.source, facts=tuple(f for f in found if kind is None or f.kind == kind))


def text_files(paths: list[Source]) -> list[Path | str]:
    """Files (or snapshot references) named, and the documents under folders named (plain text,
    Word, PDF and HTML, by suffix; see `FOLDER_SUFFIXES`), in order."""
    files: list[Path | str] = []
    for given in paths:
        if isinstance(given, str) and is_reference(given):
            files.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file())
            if not found:
                raise InputError(f"{path}: folder holds no documents ({', '.join(FOLDER_SUFFIXES)})")
            files.extend(found)
        else:
            files.append(path)
    return files


# Fewer documents than this are scanned in this process: starting workers would cost more.
PARALLEL_FROM = 16


def dupes(
    paths: list[Source],
    options: DuplicateOptions | None = None,
    progress: Progress | None = None,
    ingest: IngestOptions | None = None,
    store: Store | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> DuplicateReport:
    """Repeats inside each file (or snapshot) and passages reused between them.

    The reuse scan runs on `jobs` local processes (None: every core; small scans in this
    process), or on the Dask cluster at `scheduler`; the report is the same either way.
    """
    from docdiff.cache.folder import default_root
    from docdiff.duplicates.engine import engine

    files = text_files(paths)
    if scheduler is None and len(files) < PARALLEL_FROM:
        jobs = 1
    options = options or DuplicateOptions()
    documents: list[tuple[Document, Outline, str]] = []
    repeats: list[tuple[list[DuplicateGroup], int]] = []
    with engine(jobs, scheduler) as runner:
        read = partial(_read_batch, store=store, ingest=ingest, cached=default_root() is not None, options=options)
        for batch in runner.imap(read, runner.batches(files)):
            documents.extend((doc, outline, label) for doc, outline, label, _ in batch)
            repeats.extend(found for *_, found in batch)
            if progress:
                progress("reading", len(documents), len(files))
        return duplicate_report(documents, options, progress, engine=runner, repeats=repeats)


def _read_batch(
    files: Sequence[Path | str],
    store: Store | None,
    ingest: IngestOptions | None,
    cached: bool,
    options: DuplicateOptions,
) -> list[tuple[Document, Outline, str, tuple[list[DuplicateGroup], int]]]:
    """Read and segment files and find the repeats inside each (on a worker: the repeats were
    the scan's largest part left in the parent, one document after another), through the
    cache unless `cached` is off."""
    out = []
    for file in files:
        cache = Cache.default(store, file) if cached else Cache(None)
        doc = load_document(file, store, ingest, cache)
        outline = cache.outline(doc)
        out.append((doc, outline, str(file), find_repeats(doc, outline, str(file), options)))
    return out
