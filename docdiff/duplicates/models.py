"""Duplicate models: groups of occurrences of one passage (schema docdiff.dupes/1)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from docdiff.models import Model, Span


class Occurrence(Model):
    """Where one copy of a passage is."""

    doc: str = Field(description="`old` or `new` in a comparison; the source path in `docdiff dupes`.")
    span: Span = Field(description="Original span of this copy in that document's text.")
    section: tuple[str, ...] = Field(description="Headings of the section holding it, top level first.")
    line: int = Field(description="1-based line number of the copy's start in the file.")
    text: str = Field(description="This copy's normalised text.")


class Difference(Model):
    """A token that differs inside a near copy (`35.7%` in one, `35.46%` in the other)."""

    old: str = Field(description="Text in the first occurrence ('' if inserted).")
    new: str = Field(description="Text in the other occurrence ('' if deleted).")


class DuplicateGroup(Model):
    """One passage and all its copies."""

    kind: Literal["repeat", "reuse"] = Field(description="repeat: inside one document; reuse: across documents.")
    text: str = Field(description="The passage as it reads in its first occurrence (normalised).")
    chars: int = Field(description="Characters in the first occurrence.")
    similarity: float = Field(description="Least similarity between the first occurrence and any other, 0..1.")
    occurrences: tuple[Occurrence, ...] = Field(description="Every copy, in document order.")
    differences: tuple[Difference, ...] = Field(
        default=(), description="Tokens that differ between the first two copies."
    )


class ReuseRatio(Model):
    """How much of one document is covered by passages reused from another."""

    doc: str = Field(description="The document whose characters are counted.")
    other: str = Field(description="The document the passages are shared with.")
    ratio: float = Field(description="Share of `doc`'s normalised characters inside reused passages, 0..1.")
    chars: int = Field(description="Reused characters of `doc`.")


class DuplicateReport(Model):
    """Repeats inside each document and reuse between them."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["docdiff.dupes/1"] = Field(
        default="docdiff.dupes/1", alias="schema", description="JSON shape version."
    )
    groups: tuple[DuplicateGroup, ...] = Field(description="Repeats and reuse, largest first.")
    ratios: tuple[ReuseRatio, ...] = Field(
        default=(), description="Reuse ratio of each document against each other one."
    )
    excluded: int = Field(default=0, description="Repeat groups left out because they are headings or boilerplate.")
