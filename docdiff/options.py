"""Tuning values, each documented with its meaning and unit, in one typed model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class IngestOptions(BaseModel):
    """How files are read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(
        default=50_000_000,
        description="Largest file accepted, in bytes; bigger files are refused with a clear error.",
    )


class SegmentOptions(BaseModel):
    """How a normalised document is cut into a section tree."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_heading_chars: int = Field(
        default=40,
        description="Longest line, in characters, that can be an unnumbered or numbered heading line.",
    )
    max_topic_chars: int = Field(
        default=20,
        description="Longest lead sentence, in characters without its full stop, read as a paragraph topic.",
    )
    min_topic_body_chars: int = Field(
        default=8,
        description="Fewest characters that must follow a lead sentence for it to be a topic.",
    )
    min_topic_siblings: int = Field(
        default=2,
        description="Fewest topic paragraphs a section needs before its lead sentences count as topics.",
    )
    min_glossary_entries: int = Field(
        default=3,
        description="Fewest consecutive 'N.term:definition' lines after a heading that make it a glossary.",
    )
