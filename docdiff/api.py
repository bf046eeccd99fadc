"""The library functions the CLI and TUI call: one per command."""

from __future__ import annotations

import os

from docdiff.ingest import read_document
from docdiff.models import Outline
from docdiff.options import IngestOptions, SegmentOptions
from docdiff.segment import segment


def outline(
    path: str | os.PathLike[str],
    ingest: IngestOptions | None = None,
    options: SegmentOptions | None = None,
) -> Outline:
    """Read a file and return its section tree."""
    return segment(read_document(path, ingest), options)
