"""The `Comparison` model: one whole result, read by every renderer (schema docdiff.compare/1)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from docdiff.duplicates.models import DuplicateGroup
from docdiff.facts.models import FactChange
from docdiff.models import Model, Span
from docdiff.timeline.models import LedgerEntry

SCHEMA: Literal["docdiff.compare/1"] = "docdiff.compare/1"

PairStatus = Literal["matched", "added", "dropped", "split", "merged"]
EditOp = Literal["insert", "delete", "replace", "move"]


class DocumentInfo(Model):
    """What a reader needs to know about one side of the comparison."""

    source: str = Field(description="Path or reference the document was read from.")
    sha256: str = Field(description="SHA-256 of the file's bytes, hex.")
    chars: int = Field(description="Characters in the text as read.")
    title: str | None = Field(description="Document title, when the text opens with one.")
    source_format: Literal["text", "docx", "pdf", "html", "markdown"] = Field(
        default="text", description="What the text was extracted from; spans index the text as extracted."
    )


class SectionRef(Model):
    """One side of an aligned section pair."""

    heading: str = Field(description="Heading as printed, without its number label.")
    number_label: str | None = Field(description="Numbering as printed: '一、', '（三）', '5.'.")
    level: int = Field(description="Depth in the section tree, 1 for top-level parts.")
    path: tuple[str, ...] = Field(description="Headings from the top-level part down to this section.")
    span: Span = Field(description="Original span of the whole section in that side's text.")


class Edit(Model):
    """One change inside an aligned section: spans are offsets into each side's original text."""

    op: EditOp = Field(description="insert, delete, replace, or move (a sentence that changed place).")
    old: str = Field(description="Normalised old text ('' for an insert).")
    new: str = Field(description="Normalised new text ('' for a delete).")
    old_span: Span | None = Field(description="Where the old text is (for an insert: where the new text goes).")
    new_span: Span | None = Field(description="Where the new text is (for a delete: where the old text was).")
    direction: Literal["out", "in"] | None = Field(
        default=None, description="For a move: 'out' in the section it left, 'in' in the one it reached."
    )
    at: int | None = Field(
        default=None,
        description="For an insert or a move in: the offset in the old text where the new text goes "
        "(a move in's old_span is where it came from).",
    )


class Piece(Model):
    """A run of one sentence's inline diff."""

    op: Literal["equal", "delete", "insert"] = Field(description="Whether the run is kept, removed or added.")
    text: str = Field(description="The run's normalised text.")


class SentenceChange(Model):
    """A sentence that changed, with its inline diff, for renderers that show edits in context."""

    kind: Literal["changed", "added", "removed", "moved-in", "moved-out"] = Field(description="What happened to it.")
    old_span: Span | None = Field(description="Original span in the old text, if it has an old side.")
    new_span: Span | None = Field(description="Original span in the new text, if it has a new side.")
    pieces: tuple[Piece, ...] = Field(description="Inline diff: kept, deleted and inserted runs in order.")


class PairEvidence(Model):
    """Why two sections were paired."""

    carried_sentences: int = Field(description="Sentences of the old section found again in the new (numbers aside).")
    heading_similarity: float = Field(description="Similarity of the headings' comparison keys, 0..1.")
    content_similarity: float = Field(description="Weighted n-gram cosine of the whole sections, 0..1.")
    order: str = Field(description="kept, reordered, level (promoted or demoted) or moved (another part).")


class SectionPair(Model):
    """An aligned pair of sections, or a section present on one side only."""

    status: PairStatus = Field(description="matched, added, dropped, split or merged.")
    renamed: bool = Field(description="The heading changed (beyond numbering and the year).")
    moved: bool = Field(description="Its place changed relative to its neighbours or its parent.")
    changed: bool = Field(description="Its own body text differs.")
    heading_similarity: float = Field(description="Similarity of the headings' comparison keys, 0..1.")
    content_similarity: float = Field(description="Cosine similarity of the bodies' character trigrams, 0..1.")
    primary: bool = Field(
        default=True,
        description="False for the extra pairs of a split or merge: they list what moved in or out, "
        "while the primary pair holds the full diff.",
    )
    confidence: float = Field(default=0.0, description="How sure the pairing is, 0..1 (0 for one-sided).")
    evidence: PairEvidence | None = Field(default=None, description="What made the pair, absent if one-sided.")
    old: SectionRef | None = Field(description="The old section, absent if added.")
    new: SectionRef | None = Field(description="The new section, absent if dropped.")
    edits: tuple[Edit, ...] = Field(description="Edits that turn the old body into the new one, in old order.")
    sentences: tuple[SentenceChange, ...] = Field(default=(), description="Changed sentences with inline diffs.")
    text: str | None = Field(
        default=None,
        description="For an added or dropped section: its text as in the file, from its heading to its first "
        "subsection (offsets start at the section's span start), so reports can show what was added or dropped.",
    )


class Summary(Model):
    """Counts for a one-screen overview."""

    identical: bool = Field(description="The normalised texts are identical.")
    sections_old: int = Field(description="Sections in the old document (all levels).")
    sections_new: int = Field(description="Sections in the new document (all levels).")
    statuses: dict[str, int] = Field(description="Number of entries per status.")
    renamed: int = Field(description="Pairs whose heading changed.")
    moved: int = Field(description="Pairs that changed place.")
    changed: int = Field(description="Pairs whose body differs.")
    edits: dict[str, int] = Field(description="Number of edits per op.")
    inserted_chars: int = Field(description="Characters inserted over all edits.")
    deleted_chars: int = Field(description="Characters deleted over all edits.")
    facts: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Facts per kind (target, phrase, project) and status."
    )


class Comparison(Model):
    """Everything docdiff found between two versions."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["docdiff.compare/1"] = Field(default=SCHEMA, alias="schema", description="JSON shape version.")
    old: DocumentInfo = Field(description="The old version.")
    new: DocumentInfo = Field(description="The new version.")
    sections: tuple[SectionPair, ...] = Field(description="Aligned sections at every level, parents first.")
    facts: tuple[FactChange, ...] = Field(default=(), description="Targets, phrases and projects, paired.")
    outcomes: tuple[LedgerEntry, ...] = Field(
        default=(),
        description="The old version's targets (its main targets, then the plans of its tasks with a result) "
        "with the result the new version reports and whether it was met, when the new version reports on "
        "the year the old one plans; empty otherwise (see docdiff.timeline.outcomes).",
    )
    duplicates: tuple[DuplicateGroup, ...] = Field(
        default=(), description="Passages repeated inside either version (occurrence `doc` is old or new)."
    )
    summary: Summary = Field(description="Counts by status and edit kind.")

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON contract, with `schema` first."""
        return self.model_dump_json(by_alias=True, indent=indent)
