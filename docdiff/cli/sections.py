"""`docdiff sections FILE`: print a document's section tree."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import ColorMode, ColorOption, NoPagerOption, show
from docdiff.report.safe import one_line

if TYPE_CHECKING:
    from rich.tree import Tree

    from docdiff.models import Outline, Section


class TreeFormat(StrEnum):
    """Output formats of `docdiff sections`."""

    text = "text"
    json = "json"


@reports_errors
def sections(
    file: Annotated[str, typer.Argument(help="Document to read (UTF-8, GB18030/GBK or UTF-16 text), or SERIES@LABEL.")],
    output: Annotated[
        TreeFormat, typer.Option("--format", "-f", help="text (a tree) or json (the model).")
    ] = TreeFormat.text,
    depth: Annotated[int | None, typer.Option("--depth", "-d", min=1, help="Show only this many levels.")] = None,
    store: StoreOption = None,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """Print the section tree of FILE: levels, number labels, headings and sizes."""
    from docdiff import api

    result = api.outline(file, store=open_store(store))
    if output is TreeFormat.json:
        typer.echo(result.model_dump_json(by_alias=True, indent=2))
        return
    show([render_tree(result, depth)], color, no_pager)
    for warning in result.warnings:
        typer.echo(f"docdiff: warning: numbering: {one_line(warning)}", err=True)


def render_tree(outline: Outline, depth: int | None = None) -> Tree:
    """A rich tree of the outline, each node with its level, label, heading and size."""
    from rich.tree import Tree

    title = outline.title or outline.source
    tree = Tree(f"[bold]{_escape(title)}[/] [dim]{_size(outline.root)}[/]")
    _add(tree, outline.root, depth)
    return tree


def _add(tree: Tree, section: Section, depth: int | None) -> None:
    from docdiff.textshape import labelled  # the core stays off `docdiff --help`

    for child in section.children:
        text = _escape(labelled(child.number_label, child.heading, " "))
        style = "dim" if child.style == "topic" else "bold" if child.level == 1 else ""
        heading = f"[{style}]{text}[/]" if style else text
        node = tree.add(f"[cyan]L{child.level}[/] {heading} [dim]{_size(child)}[/]")
        if depth is None or child.level < depth:
            _add(node, child, depth)


def _size(section: Section) -> str:
    start, end = section.span
    return f"{end - start:,} chars"


def _escape(text: str) -> str:
    """Document text inside the tree's markup: controls shown, brackets escaped."""
    from rich.markup import escape

    return escape(one_line(text))
