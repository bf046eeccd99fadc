"""What alignment gives: pairs of section indices into the flattened trees, and one-sided sections."""

from __future__ import annotations

from pydantic import Field

from docdiff.comparison import PairStatus
from docdiff.models import Model

# Lead-sentence topics, and a glossary and its entries (definitions, not a part of the text's
# argument), are never parts or sources of a split or merge.
NEVER_PARTS = ("topic", "glossary", "entry")


class AlignedPair(Model):
    """A pair of section indices (into the flattened trees) or a section on one side only."""

    old: int | None = Field(description="Index of the old section, None if added.")
    new: int | None = Field(description="Index of the new section, None if dropped.")
    status: PairStatus = Field(description="matched, added, dropped, split or merged.")
    renamed: bool = Field(description="Heading keys differ.")
    moved: bool = Field(description="Changed place among siblings or changed parent.")
    heading_similarity: float = Field(description="Heading key similarity, 0..1.")
    content_similarity: float = Field(description="Trigram cosine similarity of the whole sections, 0..1.")
    primary: bool = Field(
        default=True,
        description="False for the extra pairs of a split or merge, which show what moved rather than a full diff.",
    )
    confidence: float = Field(default=0.0, description="How sure the pairing is, 0..1 (0 for a one-sided section).")
    carried_sentences: int = Field(
        default=0, description="Sentences of the old section found again in the new one (numbers aside)."
    )
    order: str = Field(
        default="",
        description="What the tree says: 'kept' (parents paired, order kept), 'reordered', 'level' (one "
        "level up or down), 'moved' (another part), or '' for a one-sided section.",
    )


class Alignment(Model):
    """All pairs and one-sided sections of a comparison."""

    pairs: tuple[AlignedPair, ...] = Field(description="Every section of both versions appears at least once.")
