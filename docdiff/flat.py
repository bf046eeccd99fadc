"""A section tree flattened in document order, with what alignment and diffing need of each node."""

from __future__ import annotations

from dataclasses import dataclass

from docdiff.models import Document, Outline, Section, Span


@dataclass(frozen=True)
class FlatSection:
    """One section of a tree: its place, its path and its normalised body region."""

    index: int
    section: Section
    parent: int | None  # index of the parent section; None for the root
    position: int  # position among its siblings
    siblings: int  # number of siblings, itself included
    path: tuple[str, ...]
    body: Span  # normalised region of its own blocks (empty if none)
    content: str  # normalised text of the whole section, children included


def flatten(doc: Document, outline: Outline) -> list[FlatSection]:
    """The root (index 0, the front matter) and every section, parents before children."""
    root = outline.root
    out = [FlatSection(0, root, None, 0, 1, (), body_region(doc, root), doc.normalised)]

    def visit(section: Section, parent: int | None, path: tuple[str, ...]) -> None:
        count = len(section.children)
        for position, child in enumerate(section.children):
            index = len(out)
            child_path = (*path, child.heading)
            start, end = doc.to_normalised(child.span)
            out.append(
                FlatSection(
                    index,
                    child,
                    parent,
                    position,
                    count,
                    child_path,
                    body_region(doc, child),
                    doc.normalised[start:end],
                )
            )
            visit(child, index, child_path)

    visit(root, 0, ())
    return out


def body_region(doc: Document, section: Section) -> Span:
    """Normalised span from the start of a section's first block to the end of its last one."""
    if not section.blocks:
        end = doc.to_normalised(section.heading_span or section.span)[1]
        return (end, end)
    first = doc.to_normalised(section.blocks[0].span)
    last = doc.to_normalised(section.blocks[-1].span)
    return (first[0], last[1])
