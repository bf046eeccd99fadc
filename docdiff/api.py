"""The library functions the CLI and TUI call: one per command."""

from __future__ import annotations

import os

from docdiff.compare import compare_documents
from docdiff.comparison import Comparison
from docdiff.facts.extract import extract_facts
from docdiff.facts.models import FactKind, FactList
from docdiff.ingest import read_document
from docdiff.models import Outline
from docdiff.options import CompareOptions, IngestOptions, SegmentOptions
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
