"""The library functions the CLI and TUI call: one per command."""

from __future__ import annotations

import os
from pathlib import Path

from docdiff.compare import compare_documents
from docdiff.comparison import Comparison
from docdiff.duplicates.models import DuplicateReport
from docdiff.duplicates.report import Progress, duplicate_report
from docdiff.errors import InputError
from docdiff.facts.extract import extract_facts
from docdiff.facts.models import FactKind, FactList
from docdiff.ingest import read_document
from docdiff.models import Outline
from docdiff.options import CompareOptions, DuplicateOptions, IngestOptions, SegmentOptions
from docdiff.segment import segment


def outline(
    path: str | os.PathLike[str],
    ingest: IngestOptions | None = None,
    options: SegmentOptions | None = None,
) -> Outline:
    """Read a file and return its section tree."""
    return segment(read_document(path, ingest), options)


def compare(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    options: CompareOptions | None = None,
    ingest: IngestOptions | None = None,
) -> Comparison:
    """Read two files and compare them."""
    return compare_documents(read_document(old, ingest), read_document(new, ingest), options)


def facts(path: str | os.PathLike[str], kind: FactKind | None = None, ingest: IngestOptions | None = None) -> FactList:
    """Read a file and list its facts, optionally of one kind."""
    doc = read_document(path, ingest)
    found = extract_facts(doc, segment(doc))
    return FactList(source=doc.source, facts=tuple(f for f in found if kind is None or f.kind == kind))


def text_files(paths: list[str | os.PathLike[str]]) -> list[Path]:
    """Files named, and the `.txt` files under folders named, in a stable order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise InputError(f"{path}: folder holds no .txt files")
            files.extend(found)
        else:
            files.append(path)
    return files


def dupes(
    paths: list[str | os.PathLike[str]],
    options: DuplicateOptions | None = None,
    progress: Progress | None = None,
    ingest: IngestOptions | None = None,
) -> DuplicateReport:
    """Repeats inside each file and passages reused between them."""
    files = text_files(paths)
    documents = []
    for index, file in enumerate(files):
        doc = read_document(file, ingest)
        documents.append((doc, segment(doc), str(file)))
        if progress:
            progress("reading", index + 1, len(files))
    return duplicate_report(documents, options, progress)
