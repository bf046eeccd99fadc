"""Align: pair the sections of two versions at every level of their trees (the pipeline's fourth
stage). `aligner` solves the assignment, `candidates` keeps it sparse, `roles` keeps a review part
with the review, `gather` and `splits` find the outline's larger changes after it."""

from docdiff.align.aligner import align
from docdiff.align.models import AlignedPair, Alignment

__all__ = ["AlignedPair", "Alignment", "align"]
