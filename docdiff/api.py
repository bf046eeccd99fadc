"""The library functions the CLI and TUI call: one per command."""

from __future__ import annotations

import os

from docdiff.compare import compare_documents
from docdiff.comparison import Comparison
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
