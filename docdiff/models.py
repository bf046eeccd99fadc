"""Pydantic models shared by the pipeline stages: documents, blocks and the section tree.

Every span is a ``(start, end)`` pair of offsets into ``Document.text``, the text exactly as
decoded from the file, so ``text[start:end]`` is the passage a user sees.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

Span = tuple[int, int]


def _offset_array(value: object) -> array[int]:
    """Offsets as a compact int32 array (4 bytes a character; a tuple of ints costs ~40)."""
    if isinstance(value, array) and value.typecode == "i":
        return value
    try:
        return array("i", cast("Iterable[int]", value))
    except (TypeError, OverflowError) as exc:
        raise ValueError(f"offsets must be integers: {exc}") from exc


if TYPE_CHECKING:
    Offsets = array[int]
else:
    # Validated into an array, dumped as a list of ints: the JSON shape of a tuple is kept.
    Offsets = Annotated[
        array,
        PlainValidator(_offset_array),
        PlainSerializer(lambda offsets: offsets.tolist(), return_type=list[int]),
        WithJsonSchema({"type": "array", "items": {"type": "integer"}}),
    ]


class Model(BaseModel):
    """Base for every docdiff model: immutable and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Document(Model):
    """A file as read: its decoded text and the normalised view used for comparison."""

    source: str = Field(description="Path or reference the document was read from.")
    encoding: str = Field(description="Encoding the bytes were decoded with, e.g. 'utf-8', 'gb18030'.")
    sha256: str = Field(description="SHA-256 of the raw bytes, hex.")
    text: str = Field(description="The decoded text exactly as read (line endings kept).")
    normalised: str = Field(description="Normalised text: folded forms, repaired wraps, furniture removed.")
    offsets: Offsets = Field(
        description="For each character of `normalised`, the offset in `text` it came from (increasing)."
    )
    source_format: Literal["text", "docx", "pdf", "html", "markdown"] = Field(
        default="text",
        description="What `text` was extracted from: a plain-text file, a Word document, a PDF, a web page or a "
        "Markdown file. "
        "Spans index `text`, the text as extracted, not the original file's bytes.",
    )

    def to_original(self, start: int, end: int) -> Span:
        """Map a normalised span to the original span covering the same characters.

        The end also takes in characters normalisation dropped right after the last one on
        the same line (the second glyph of a doubled pair, a closing `}`), so the passage
        reads as printed; it never takes in whitespace or a following line.
        """
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.text)
            return (pos, pos)
        stop = self.offsets[end] if end < len(self.offsets) else len(self.text)
        last = self.offsets[end - 1] + 1
        while last < stop and not self.text[last].isspace():
            last += 1
        return (self.offsets[start], last)

    def to_normalised(self, span: Span) -> Span:
        """Map an original span to the normalised characters whose origin lies inside it."""
        start, end = span
        return (bisect_left(self.offsets, start), bisect_left(self.offsets, end))

    def normalised_slice(self, span: Span) -> str:
        """The normalised text of an original span."""
        start, end = self.to_normalised(span)
        return self.normalised[start:end]


class Paragraph(Model):
    """A paragraph of running text, with the spans of its sentences."""

    kind: Literal["paragraph"] = Field(default="paragraph", description="Block variant tag.")
    span: Span = Field(description="Original span of the paragraph.")
    sentences: tuple[Span, ...] = Field(description="Original spans of its sentences, in order.")


class Table(Model):
    """A tab-separated table, cleaned of HTML remnants, with its caption if one precedes it."""

    kind: Literal["table"] = Field(default="table", description="Block variant tag.")
    span: Span = Field(description="Original span of the table, caption included.")
    caption: str | None = Field(default=None, description="Caption line such as '表五：…', normalised.")
    rows: tuple[tuple[str, ...], ...] = Field(description="Normalised cell texts, row by row.")
    row_spans: tuple[Span, ...] = Field(description="Original span of each row.")


class Contents(Model):
    """A table of contents: kept as one block so its entries never become sections."""

    kind: Literal["contents"] = Field(default="contents", description="Block variant tag.")
    span: Span = Field(description="Original span of the whole table of contents.")
    entries: tuple[str, ...] = Field(description="Entry titles without leader dots and page numbers.")


Block = Annotated[Paragraph | Table | Contents, Field(discriminator="kind")]

HeadingStyle = Literal[
    "document",
    "part",
    "chapter",
    "section",
    "article",
    "cn-enum",
    "cn-paren",
    "cn-ordinal",
    "arabic",
    "arabic-paren",
    "plain",
    "glossary",
    "entry",
    "topic",
]


class Section(Model):
    """A node of the section tree: a heading, its own blocks and its child sections."""

    heading: str = Field(description="Heading text without its number label, normalised.")
    number_label: str | None = Field(default=None, description="Numbering as printed: '一、', '（三）', '5.'.")
    number: int | None = Field(default=None, description="The numbering's value: 3 for '（三）', 12 for '第十二条'.")
    style: HeadingStyle = Field(description="What kind of heading opened the section.")
    level: int = Field(description="Depth in the tree: 0 for the document root, 1 for top-level parts.")
    span: Span = Field(description="Original span from the heading to the end of the section's content.")
    heading_span: Span | None = Field(default=None, description="Original span of the heading line.")
    blocks: tuple[Block, ...] = Field(default=(), description="Blocks before the first child section.")
    children: tuple[Section, ...] = Field(default=(), description="Child sections in document order.")

    def walk(self) -> list[Section]:
        """This section and all its descendants, parents before children."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class Outline(Model):
    """A segmented document: its title and its section tree."""

    schema_: Literal["docdiff.sections/1"] = Field(
        default="docdiff.sections/1", alias="schema", description="Version of this JSON shape."
    )
    source: str = Field(description="Where the document was read from.")
    title: str | None = Field(default=None, description="Document title, when the text opens with one.")
    root: Section = Field(description="The document as a level-0 section holding the front matter.")
    warnings: tuple[str, ...] = Field(
        default=(),
        description="Numbering faults read in the headings (out of order, repeated, skipped), one line each.",
    )

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
