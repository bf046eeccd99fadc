"""Messages the comparison worker posts to the UI: small dataclasses, handled on the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from docdiff.comparison import Comparison
from docdiff.models import Document


@dataclass
class ComparisonReady(Message):
    """The comparison finished."""

    comparison: Comparison
    old: Document
    new: Document


@dataclass
class ComparisonFailed(Message):
    """The comparison could not be made (missing file, bad reference, bad input)."""

    error: str


@dataclass
class ComparisonProgress(Message):
    """The worker starts a step of comparing a pair that is not cached."""

    step: int  # counted from 0
    steps: int
    name: str  # what the step does, e.g. "segmenting 2025.txt"
