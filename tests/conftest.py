"""Shared fixtures: the seed corpus, read once per session."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from docdiff.ingest import read_document
from docdiff.models import Document, Outline
from docdiff.segment import segment

# `--hypothesis-profile=ci` (run by `make stress`): every property tried on at least 10,000
# examples; the default run keeps each test's own small count.
settings.register_profile("ci", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CI_EXAMPLES = 10_000


def examples(default: int) -> int:
    """A property's example count: its own in the default run, 10,000 under the `ci` profile."""
    return max(default, CI_EXAMPLES) if settings.default.max_examples >= CI_EXAMPLES else default


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PLAN = SEEDS / "2021-hongkou-14th-five-year-plan.txt"
NEWS_2021 = SEEDS / "2021-hongkou-news-five-year-review.txt"
OUTLOOK_2024 = SEEDS / "2024-hongkou-news-outlook.txt"
REPORT_2025 = SEEDS / "2025-hongkou-gov-work-report.txt"
NEWS_2025 = SEEDS / "2025-hongkou-news-review.txt"
ALL_SEEDS = (PLAN, NEWS_2021, OUTLOOK_2024, REPORT_2025, NEWS_2025)

# Analyses the tests cache go to a fresh folder, never the user's cache.
os.environ["DOCDIFF_CACHE"] = tempfile.mkdtemp(prefix="docdiff-test-cache-")


@cache
def seed_document(path: Path) -> Document:
    """A seed read and normalised (cached: models are immutable)."""
    return read_document(path)


@cache
def seed_outline(path: Path) -> Outline:
    """A seed's section tree (cached)."""
    return segment(seed_document(path))


@pytest.fixture(params=ALL_SEEDS, ids=lambda p: p.stem)
def any_seed(request: pytest.FixtureRequest) -> Path:
    """Each seed in turn."""
    path: Path = request.param
    return path
