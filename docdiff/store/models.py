"""Store models: a snapshot's metadata, and blame results."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from docdiff.models import Model, Span


class Snapshot(Model):
    """One stored version: what it is and where its bytes and text are."""

    series: str = Field(description="Series name, e.g. `hongkou-reports`.")
    label: str = Field(description="Label unique in its series, e.g. `2025-01-08`.")
    date: str | None = Field(default=None, description="Date of the version: YYYY, YYYY-MM or YYYY-MM-DD.")
    title: str | None = Field(default=None, description="Title given or read from the document.")
    source: str = Field(description="Path the file was added from (used as the document's source).")
    sha256: str = Field(description="SHA-256 of the exact bytes; names the object file.")
    size: int = Field(description="Bytes.")
    chars: int = Field(description="Characters of the decoded text.")
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    added: str = Field(description="When it was added (UTC, ISO 8601).")
    docdiff_version: str = Field(description="docdiff version that added it.")

    @property
    def ref(self) -> str:
        """`SERIES@LABEL`."""
        return f"{self.series}@{self.label}"


class BlameLine(Model):
    """A sentence of the blamed version and the earliest version it appears in."""

    span: Span = Field(description="Original span in the blamed version's text.")
    text: str = Field(description="The sentence (normalised).")
    origin: str | None = Field(description="Label of the earliest version holding it or a near copy; None if new.")
    similarity: float = Field(description="Similarity to the copy in `origin` (1.0 exact), 0 if new.")
    copied_from: str | None = Field(
        default=None, description="For a near copy (similarity below 1), the earlier sentence it was edited from."
    )


class BlameShare(Model):
    """How much of the blamed version each earlier version contributed."""

    label: str = Field(description="An earlier version's label, or `new`.")
    chars: int = Field(description="Characters of the blamed version first seen there.")
    share: float = Field(description="`chars` over all characters of the blamed version's sentences, 0..1.")


class BlameReport(Model):
    """Where each sentence of a version first appeared in its series."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: Literal["docdiff.blame/1"] = Field(
        default="docdiff.blame/1", alias="schema", description="JSON shape version."
    )
    series: str = Field(description="The series.")
    label: str = Field(description="The blamed version.")
    earlier: tuple[str, ...] = Field(description="Earlier versions searched, oldest first.")
    lines: tuple[BlameLine, ...] = Field(description="Every sentence in document order.")
    shares: tuple[BlameShare, ...] = Field(description="Carried-over share per earlier version, then `new`.")
