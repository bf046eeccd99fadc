"""A cache of document analyses and comparisons, keyed by content, options and version."""

from __future__ import annotations

from docdiff.cache.analysis import Analysis, Cache, analyse_cached, compare_cached, compare_many, load_document

__all__ = ["Analysis", "Cache", "analyse_cached", "compare_cached", "compare_many", "load_document"]
