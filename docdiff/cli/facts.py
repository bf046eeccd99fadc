"""`docdiff facts FILE`: the targets, phrases and projects of one document."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from docdiff.cli.errors import reports_errors
from docdiff.cli.options import StoreOption, open_store
from docdiff.cli.output import AllOption, ColorMode, ColorOption, NoPagerOption, more_line, show, terminal_limit

if TYPE_CHECKING:
    from rich.table import Table

    from docdiff.facts.models import FactList


class FactKindOption(StrEnum):
    """Which facts to list."""

    target = "target"
    phrase = "phrase"
    project = "project"


class FactsFormat(StrEnum):
    """Output formats of `docdiff facts`."""

    table = "table"
    json = "json"


@reports_errors
def facts(
    file: Annotated[str, typer.Argument(help="Document to read, or SERIES@LABEL.")],
    kind: Annotated[FactKindOption | None, typer.Option("--kind", "-k", help="Only this kind of fact.")] = None,
    output: Annotated[FactsFormat, typer.Option("--format", "-f", help="table or json.")] = FactsFormat.table,
    store: StoreOption = None,
    show_all: AllOption = False,
    color: ColorOption = ColorMode.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """List the targets, phrases and projects of FILE with their sections."""
    from rich.text import Text

    from docdiff import api

    result = api.facts(file, kind.value if kind else None, store=open_store(store))
    if output is FactsFormat.json:
        typer.echo(result.model_dump_json(by_alias=True, indent=2))
        return
    limit = terminal_limit(show_all)
    table = render_table(result, limit)
    hidden = len(result.facts) - limit if limit is not None else 0
    show([table, Text(more_line(hidden))] if hidden > 0 else [table], color, no_pager)


def render_table(result: FactList, limit: int | None = None) -> Table:
    """One row per fact (the first `limit` if given): kind, what, value, qualifier, period, tense, section."""
    from rich.table import Table

    from docdiff.cli.render import cell
    from docdiff.facts.models import Phrase, Project, Target
    from docdiff.report.rows import number

    table = Table(title=cell(f"{result.source}: {len(result.facts)} facts"), expand=False)
    for column in ("kind", "what", "value", "qualifier", "period", "tense", "section"):
        table.add_column(column, overflow="fold")
    for fact in result.facts[:limit]:
        section = fact.section[-1] if fact.section else ""
        if isinstance(fact, Target):
            value = (
                fact.value_text
                if fact.value is None
                else number(fact.value)
                + (f"–{number(fact.value_high)}" if fact.value_high is not None else "")
                + (fact.unit or "")
            )
            row = ("target", fact.metric, value, fact.qualifier or "", fact.period or "", fact.tense or "", section)
        elif isinstance(fact, Phrase):
            row = ("phrase", fact.form, "", fact.style, "", "", section)
        elif isinstance(fact, Project):
            row = ("project", fact.name, "", "", "", "", section)
        else:
            continue
        table.add_row(*(cell(text) for text in row))  # document text: never markup
    return table
