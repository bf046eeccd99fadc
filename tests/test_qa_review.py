"""Defects a new user's review found, each pinned by a case that failed before its fix."""

from __future__ import annotations

from docdiff.compare import compare_documents
from docdiff.ingest import document_from_bytes
from docdiff.models import Document
from tests.conftest import OUTLOOK_2024, REPORT_2025, seed_document


def _doc(text: str, name: str) -> Document:
    return document_from_bytes(text.encode("utf-8"), name)


def test_section_statuses_count_the_sections_the_summary_counts() -> None:
    """Two sections a side, both kept: `old 2 · new 2 · 2 matched`, not `3 matched` (the root pair)."""
    old = "一、工作回顾\n\n全年加装电梯140台，完成旧住房修缮。\n\n二、主要工作\n\n今年加装电梯150台。\n"
    new = "一、工作回顾\n\n全年加装电梯155台，完成旧住房修缮。\n\n二、主要工作\n\n今年加装电梯160台。\n"
    summary = compare_documents(_doc(old, "old"), _doc(new, "new")).summary
    assert (summary.sections_old, summary.sections_new) == (2, 2)
    assert summary.statuses == {"matched": 2}


def test_section_statuses_leave_out_the_root_on_the_seeds() -> None:
    """On the Hongkou outlook → work report every status counted is a real section's pair."""
    comparison = compare_documents(seed_document(OUTLOOK_2024), seed_document(REPORT_2025))
    counted = [p for p in comparison.sections if (p.old or p.new).level > 0]  # type: ignore[union-attr]
    assert sum(comparison.summary.statuses.values()) == len(counted) == len(comparison.sections) - 1
    added = sum(1 for p in counted if p.status == "added")
    assert comparison.summary.statuses["added"] == added
